"""Opening the clinic's services from the settings, the one way every face starts (kiosk, desk,
board, ``kiosk serve``, ``kiosk sync``): migrate the store, load the demo on first start."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.config import Settings
from kiosk.domain.clock import FacilityClock
from kiosk.services import Services, build_services
from kiosk.services.demo import has_facility, load_demo, refresh_demo_bookings
from kiosk.store import Store
from kiosk.store.models import FacilityRow


def open_clinic(
    settings: Settings,
    clock: FacilityClock | None = None,
    store: Store | None = None,
    *,
    setup: bool = True,
) -> Services:
    """``setup=False`` only migrates: ``kiosk sync`` sends what the store holds, and neither
    loads the demo into an empty store nor renames the clinic."""
    services = build_services(settings, clock, store)
    services.store.migrate()
    if not setup:
        return services
    if not has_facility(services.store):
        load_demo(services.store, services.clock, settings.facility_code, settings.facility_name)
    else:
        _follow_settings(services)
        refresh_demo_bookings(services.store, services.clock, settings.facility_code)
    return services


class ClinicMismatch(Exception):
    """The store belongs to another facility than the settings name: one line for the operator."""


def _follow_settings(services: Services) -> None:
    """The facility's name comes from the settings; its code must match the store's."""
    settings = services.settings
    with services.store.write() as session:
        row = session.scalars(select(FacilityRow)).first()
        if row is None:
            return
        if row.code != settings.facility_code:
            raise ClinicMismatch(
                f"the store at {services.store.url} belongs to facility {row.code}, but "
                f"KIOSK_FACILITY_CODE is {settings.facility_code}; fix the setting, or run "
                "`kiosk demo --reset` to start a demo store for the new code"
            )
        if row.name != settings.facility_name:
            row.name = settings.facility_name
