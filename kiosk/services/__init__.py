"""Use cases the screens call: identify, offer, take/check in/cancel, print slips.

``Services`` is everything a face of the clinic uses; ``kiosk.services.setup.open_clinic`` opens
it from the settings for every face (kiosk, desk, board, ``kiosk serve``, ``kiosk sync``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Imported where the services are built: the kiosk's first screen needs the package's
    # small modules (errors) before the store and the settings are loaded.
    from kiosk.config import Settings
    from kiosk.domain.clock import FacilityClock
    from kiosk.services.board import BoardService
    from kiosk.services.board_text import BoardTextService
    from kiosk.services.clinic import ClinicService
    from kiosk.services.desk import DeskService
    from kiosk.services.participants import ParticipantService
    from kiosk.services.refusals import RefusalService
    from kiosk.services.registration import RegistrationService
    from kiosk.services.report import ReportService
    from kiosk.services.slips import SlipService
    from kiosk.services.staff import StaffService
    from kiosk.services.sync import SyncService
    from kiosk.services.tickets import TicketService
    from kiosk.store import Store


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

    def one_session(self) -> AbstractContextManager[None]:
        """Every store read on this thread inside shares one session (``Store.scope``): a web
        request's reads cost one connection and one transaction, however many services ask."""
        return self.store.scope()

    # The desk's and the board's services, built when a face first asks: the kiosk never loads
    # them (its start stays light).
    @cached_property
    def desk(self) -> DeskService:
        from kiosk.services.desk import DeskService

        return DeskService(self.store, self.clock, self.slips)

    @cached_property
    def staff(self) -> StaffService:
        from kiosk.services.staff import StaffService

        return StaffService(self.store, self.clock)

    @cached_property
    def report(self) -> ReportService:
        from kiosk.services.report import ReportService

        return ReportService(self.store, self.clock)

    @cached_property
    def board_text(self) -> BoardTextService:
        from kiosk.services.board_text import BoardTextService

        return BoardTextService(self.store, self.clock)

    @cached_property
    def refusals(self) -> RefusalService:
        """What BPJS refused today, for the desk (branch refusals)."""
        from kiosk.services.refusals import RefusalService

        return RefusalService(self.store, self.clock)

    @cached_property
    def board(self) -> BoardService:
        from kiosk.services.board import BoardService

        return BoardService(
            self.store, self.clock, minutes_per_patient=self.settings.minutes_per_patient
        )


def build_services(
    settings: Settings, clock: FacilityClock | None = None, store: Store | None = None
) -> Services:
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
        participants=ParticipantService(store, central, clock.utcnow),
        tickets=TicketService(store, clock, settings.facility_code, settings.minutes_per_patient),
        slips=SlipService(clinic, settings),
        sync=SyncService(
            store,
            central,
            DailyPull(central, settings.data_dir, clock) if central is not None else None,
            clock.utcnow,
        ),
        registration=RegistrationService(store, clock),
    )
