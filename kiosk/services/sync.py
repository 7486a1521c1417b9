"""The clinic's link to the central, as the screens and commands see it: status and the pump."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select

from kiosk.contract import antrean
from kiosk.domain.clock import system_now
from kiosk.store import Store
from kiosk.store.models import OutboxRow
from kiosk.sync.client import Answer, CentralClient
from kiosk.sync.outbox import PARKED, SENT, requeue_parked
from kiosk.sync.pump import OutboxPump, pump_name
from kiosk.sync.status import SyncStatus, sync_status

# How long a patient at the kiosk (or staff at the desk) waits for the central's answer to an
# item sent at once; slower, and the pump sends it later as usual.
IMMEDIATE_TIMEOUT = 2.5


class SyncService:
    def __init__(
        self,
        store: Store,
        central: CentralClient | None,
        daily: Callable[[], object] | None = None,
        clock: Callable[[], datetime] = system_now,
    ) -> None:
        self.store = store
        self.central = central
        self.clock = clock  # the pumps' "now" (aware UTC): the services' FacilityClock
        self.daily = daily  # the pump's once-a-day HFIS schedule pull

    @property
    def configured(self) -> bool:
        """False: the clinic runs offline-only and its outbox simply waits."""
        return self.central is not None

    def status(self, with_parked: bool = False) -> SyncStatus:
        """A cheap read of the store: right even when another process runs the pump."""
        return sync_status(self.store, with_parked=with_parked)

    def pump(self, **options: Any) -> OutboxPump:
        if self.central is None:
            raise RuntimeError("no central configured (KIOSK_CENTRAL_* settings)")
        options.setdefault("daily", self.daily)
        options.setdefault("clock", self.clock)
        return OutboxPump(self.store, self.central, **options)

    def run_pump(self, stop: threading.Event) -> None:
        """The kiosk's background pump, until ``stop`` is set."""
        self.pump().run(stop)

    def requeue_parked(self) -> int:
        return requeue_parked(self.store)

    def send_now(self, ticket_id: int, timeout: float = IMMEDIATE_TIMEOUT) -> Answer | None:
        """While the central is reachable, send this ticket's next outbox item at once (the add
        of a number just taken or checked in) instead of at the pump's next round. The outbox
        stays the record: the item is claimed and marked as the pump does, so the two never
        both send it; offline, slow or already taken, nothing changes and the pump sends it.
        None: not sent now."""
        if self.central is None or not self.status().reachable:
            return None
        sender = OutboxPump(
            self.store, self.central, name=f"{pump_name()}:now", watch=False, clock=self.clock
        )
        return sender.send_now(ticket_id, timeout)

    def add_refusal(self, ticket_id: int, wait_seconds: float = 0.0) -> str | None:
        """The central's refusal of this ticket's ``antrean/add`` (SRK missing, doctor not in HFIS,
        quota...). With ``wait_seconds``, the add is first sent at once (while the central is
        reachable), then the answer awaited that long (the pump may hold it). None: sent, still
        waiting, or no central."""
        if self.central is None:
            return None
        deadline = time.monotonic() + wait_seconds
        if wait_seconds > 0:
            self.send_now(ticket_id, timeout=min(wait_seconds, IMMEDIATE_TIMEOUT))
        while True:
            with self.store.read() as session:
                row = session.execute(
                    select(OutboxRow.state, OutboxRow.last_error)
                    .where(OutboxRow.ticket_id == ticket_id, OutboxRow.kind == antrean.ADD)
                    .order_by(OutboxRow.id.desc())
                ).first()
            if row is None or row.state == SENT:
                return None
            if row.state == PARKED:
                return str(row.last_error or "")
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.25)
