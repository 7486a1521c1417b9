"""``kiosk serve`` sends its store work to a worker thread; on SQLite one call at a time."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from kiosk.web.store_calls import StoreCalls


async def test_on_sqlite_the_calls_take_turns() -> None:
    calls = StoreCalls(one_at_a_time=True)
    running = 0
    most = 0
    loop_thread = threading.get_ident()
    threads: set[int] = set()

    def work() -> None:
        nonlocal running, most
        threads.add(threading.get_ident())
        running += 1
        most = max(most, running)
        time.sleep(0.02)
        running -= 1

    await asyncio.gather(*(calls(work) for _ in range(5)))
    assert most == 1
    assert loop_thread not in threads  # never on the event loop


async def test_on_postgresql_the_calls_run_side_by_side() -> None:
    calls = StoreCalls(one_at_a_time=False)
    together = threading.Barrier(3)

    def work() -> str:
        together.wait(timeout=10)  # passes only when three calls are in at once
        return "done"

    assert await asyncio.gather(*(calls(work) for _ in range(3))) == ["done"] * 3


async def test_a_call_s_error_reaches_the_caller() -> None:
    def broken() -> None:
        raise LookupError("no such ticket")

    with pytest.raises(LookupError):
        await StoreCalls(one_at_a_time=True)(broken)
