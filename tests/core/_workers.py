"""Code run in child processes by the concurrency tests (importable, so "spawn" can find it)."""

from __future__ import annotations

import os
import random
import time
import traceback
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

# Monday 23 November 2026, 09:00 WIB, as in the rest of the core tests.
FIXED = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _fixed() -> datetime:
    return FIXED


def take_walk_ins(
    database_url: str,
    poli_code: str,
    service_date: date,
    schedule_id: int,
    count: int,
    start: Any,
    results: Any,
) -> None:
    """Wait for the others at ``start`` (a Barrier), then take ``count`` non-JKN numbers.

    Puts ``("ok", pid, [seq, ...], [number, ...])`` or ``("error", pid, traceback)`` on
    ``results``; nothing escapes, so the parent sees every failure.
    """
    try:
        from sqlalchemy import text

        from kiosk.domain.clock import FacilityClock
        from kiosk.services.tickets import TakeRequest, TicketService
        from kiosk.store import Store

        store = Store(database_url)
        tickets = TicketService(store, FacilityClock(ZoneInfo("Asia/Jakarta"), _fixed), "P3273010")
        request = TakeRequest(
            poli_code=poli_code,
            service_date=service_date,
            schedule_id=schedule_id,
            actor=f"worker-{os.getpid()}",
        )
        with store.read() as session:  # pay for the first connection before the race
            session.execute(text("SELECT 1"))
        start.wait(timeout=60)
        seqs: list[int] = []
        numbers: list[str] = []
        for _ in range(count):
            # A few milliseconds between patients, as at a real kiosk; without them one
            # process tends to keep the write lock and the others only wait in turn.
            time.sleep(random.uniform(0, 0.01))
            outcome = tickets.take(request)
            assert not outcome.existing
            seqs.append(outcome.ticket.seq)
            numbers.append(outcome.ticket.number)
        store.dispose()
        results.put(("ok", os.getpid(), seqs, numbers))
    except BaseException:
        results.put(("error", os.getpid(), traceback.format_exc()))
