"""The web board's hub and the phone page's limiter, in process: one read per change for every
page, no polling once the last page left, and a flood of page requests refused per address."""

from __future__ import annotations

import asyncio
from typing import Any

from kiosk.services import Services
from kiosk.services.board import BoardService
from kiosk.services.desk import DeskService
from kiosk.web import board as web_board
from kiosk.web.board import BoardHub
from kiosk.web.phone_page import PageLimiter
from kiosk.web.store_calls import StoreCalls


class CountingBoard(BoardService):
    reads = 0

    def snapshot(self, today: Any = None) -> Any:
        self.reads += 1
        return super().snapshot(today)


async def test_pages_share_one_read_per_change_and_the_hub_stops_when_nobody_watches(
    services: Services, monkeypatch: Any
) -> None:
    monkeypatch.setattr(web_board, "IDLE_SECONDS", 0.3)
    board = CountingBoard(services.store, services.clock)
    hub = BoardHub(board, StoreCalls(services.store.is_sqlite), poll_seconds=0.05)
    for _ in range(50):
        hub.watch()
    first = await hub.newer_than(0, timeout=5)
    assert hub.state is not None and first >= 1
    await asyncio.sleep(0.2)  # the one look again after a change
    reads = board.reads
    await asyncio.sleep(0.3)
    assert board.reads == reads  # nothing changed: no read, however many pages
    desk = DeskService(services.store, services.clock, services.slips)
    services.tickets.take(_walk_in(services))
    assert await hub.newer_than(first, timeout=5) > first
    assert desk.call_next("001", "Ruang 2", "sari") is not None
    await hub.newer_than(hub.version, timeout=5)
    current = next(p.current for p in hub.state.polis if p.code == "001")
    assert current is not None and current.counter == "Ruang 2"
    assert board.reads <= reads + 6  # a read (and one look again) per change, not per page
    for _ in range(50):
        hub.leave()
    task = hub._task
    assert task is not None
    await asyncio.wait_for(task, timeout=5)  # the poller ends by itself: no leaked task
    assert task.done() and not task.cancelled()


def _walk_in(services: Services) -> Any:
    from kiosk.domain.schedule import default_slot
    from kiosk.services.tickets import TakeRequest

    today = services.clock.today()
    slot = default_slot(services.clinic.poli_day("001", today).slots, services.clock.now())
    assert slot is not None
    return TakeRequest("001", today, slot.schedule_id)


def test_a_flood_of_page_requests_is_refused_per_address() -> None:
    limiter = PageLimiter(per_minute=5)
    assert all(limiter.allow("192.0.2.7") for _ in range(5))
    assert not limiter.allow("192.0.2.7")
    assert limiter.allow("192.0.2.8")  # another phone is not held back
