"""The clinic's link to the central, as the screens and commands see it: status and the pump."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from kiosk.contract import antrean
from kiosk.store import Store
from kiosk.store.models import OutboxRow
from kiosk.sync.client import CentralClient
from kiosk.sync.pump import PARKED, SENT, OutboxPump, SyncStatus, requeue_parked, sync_status


class SyncService:
    def __init__(
        self,
        store: Store,
        central: CentralClient | None,
        daily: Callable[[], object] | None = None,
    ) -> None:
        self.store = store
        self.central = central
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
        return OutboxPump(self.store, self.central, **options)

    def run_pump(self, stop: threading.Event) -> None:
        """The kiosk's background pump, until ``stop`` is set."""
        self.pump().run(stop)

    def requeue_parked(self) -> int:
        return requeue_parked(self.store)

    def add_refusal(self, ticket_id: int, wait_seconds: float = 0.0) -> str | None:
        """The central's refusal of this ticket's ``antrean/add`` (SRK missing, doctor not in HFIS,
        quota...), waiting up to ``wait_seconds`` for the pump, which sends it at once while the
        central is reachable. None: sent, still waiting, or no central."""
        if self.central is None:
            return None
        deadline = time.monotonic() + wait_seconds
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
