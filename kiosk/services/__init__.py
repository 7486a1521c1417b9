"""Use cases the screens call: identify, offer, take/check in/cancel, print slips."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import Settings
from kiosk.domain.clock import FacilityClock
from kiosk.services.clinic import ClinicService
from kiosk.services.participants import ParticipantService
from kiosk.services.registration import RegistrationService
from kiosk.services.slips import SlipService
from kiosk.services.sync import SyncService
from kiosk.services.tickets import TicketService
from kiosk.store import Store
from kiosk.sync.client import CentralClient, CentralConfig
from kiosk.sync.hfis import DailyPull


@dataclass
class Services:
    settings: Settings
    store: Store
    clock: FacilityClock
    clinic: ClinicService
    participants: ParticipantService
    tickets: TicketService
    slips: SlipService
    sync: SyncService
    registration: RegistrationService


def build_services(
    settings: Settings, clock: FacilityClock | None = None, store: Store | None = None
) -> Services:
    store = store or Store(settings.database_url)
    clock = clock or FacilityClock(settings.zone)
    clinic = ClinicService(store, clock)
    # No central configured: offline-only, the cache is the registry and the outbox waits.
    central = (
        CentralClient(CentralConfig.from_settings(settings))
        if settings.central_configured
        else None
    )
    return Services(
        settings=settings,
        store=store,
        clock=clock,
        clinic=clinic,
        participants=ParticipantService(store, central),
        tickets=TicketService(store, clock, settings.facility_code, settings.minutes_per_patient),
        slips=SlipService(clinic, settings),
        sync=SyncService(
            store,
            central,
            DailyPull(central, settings.data_dir, clock) if central is not None else None,
        ),
        registration=RegistrationService(store, clock),
    )
