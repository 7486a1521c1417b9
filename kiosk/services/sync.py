"""The clinic's link to the central, as the screens and commands see it: status and the pump."""

from __future__ import annotations

import threading
from typing import Any

from kiosk.store import Store
from kiosk.sync.client import CentralClient
from kiosk.sync.pump import OutboxPump, SyncStatus, requeue_parked, sync_status


class SyncService:
    def __init__(self, store: Store, central: CentralClient | None) -> None:
        self.store = store
        self.central = central

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
        return OutboxPump(self.store, self.central, **options)

    def run_pump(self, stop: threading.Event) -> None:
        """The kiosk's background pump, until ``stop`` is set."""
        self.pump().run(stop)

    def requeue_parked(self) -> int:
        return requeue_parked(self.store)
