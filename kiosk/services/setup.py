"""Opening the clinic at start-up: migrate the store, load the demo on first start."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.config import Settings
from kiosk.domain.clock import FacilityClock
from kiosk.services import Services, build_services
from kiosk.services.demo import has_facility, load_demo, refresh_demo_bookings
from kiosk.store import Store
from kiosk.store.models import FacilityRow


def open_clinic(
    settings: Settings, clock: FacilityClock | None = None, store: Store | None = None
) -> Services:
    services = build_services(settings, clock, store)
    services.store.migrate()
    if not has_facility(services.store):
        load_demo(services.store, services.clock, settings.facility_code, settings.facility_name)
    else:
        _follow_settings(services)
        refresh_demo_bookings(services.store, services.clock, settings.facility_code)
    return services


def _follow_settings(services: Services) -> None:
    """The facility's name comes from the settings; a renamed clinic keeps its store."""
    with services.store.write() as session:
        row = session.scalars(select(FacilityRow)).first()
        if row is not None and row.name != services.settings.facility_name:
            row.name = services.settings.facility_name
