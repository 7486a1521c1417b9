"""Child-process code for the race tests (importable, so "spawn" finds it): desks calling next and
kiosks taking numbers until the quota says no. Each reports on a queue; nothing escapes."""

from __future__ import annotations

import os
import random
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from _workers import _fixed


def _services(database_url: str, data_dir: str) -> Any:
    from kiosk.config import load_settings
    from kiosk.domain.clock import FacilityClock
    from kiosk.services import build_services

    settings = load_settings(
        data_dir=Path(data_dir), database_url=database_url, facility_code="P3273010"
    )
    return build_services(settings, clock=FacilityClock(ZoneInfo("Asia/Jakarta"), _fixed))


def call_until_empty(
    database_url: str, data_dir: str, poli_code: str, counter: str, start: Any, results: Any
) -> None:
    """One desk calling next until nobody waits: ``("ok", counter, [ticket id, ...])``."""
    try:
        from kiosk.services.desk import DeskService
        from kiosk.services.errors import Refused

        services = _services(database_url, data_dir)
        desk = DeskService(services.store, services.clock, services.slips)
        desk.waiting_list(poli_code)  # pay for the first connection before the race
        start.wait(timeout=60)
        called: list[int] = []
        busy = 0
        while True:
            try:
                ticket = desk.call_next(poli_code, counter, f"staff@{counter}")
            except Refused as refused:  # another desk won this patient: a user sees "try again"
                assert refused.key == "desk.busy", refused.key
                busy += 1
                continue
            if ticket is None:
                break
            called.append(ticket.id)
            time.sleep(random.uniform(0, 0.005))
        services.store.dispose()
        results.put(("ok", counter, called, busy))
    except BaseException:
        results.put(("error", counter, traceback.format_exc(), 0))


def take_until_full(
    database_url: str,
    data_dir: str,
    poli_code: str,
    service_date: date,
    schedule_id: int,
    tries: int,
    start: Any,
    results: Any,
) -> None:
    """A kiosk taking non-JKN numbers: ``("ok", pid, [number, ...], [refusal key, ...])``."""
    try:
        from kiosk.services.errors import Refused
        from kiosk.services.tickets import TakeRequest

        services = _services(database_url, data_dir)
        request = TakeRequest(
            poli_code=poli_code,
            service_date=service_date,
            schedule_id=schedule_id,
            actor=f"kiosk-{os.getpid()}",
        )
        services.clinic.facility()  # pay for the first connection before the race
        start.wait(timeout=60)
        numbers: list[str] = []
        refusals: list[str] = []
        for _ in range(tries):
            time.sleep(random.uniform(0, 0.01))
            try:
                numbers.append(services.tickets.take(request).ticket.number)
            except Refused as refused:
                refusals.append(refused.key)
        services.store.dispose()
        results.put(("ok", os.getpid(), numbers, refusals))
    except BaseException:
        results.put(("error", os.getpid(), traceback.format_exc(), []))


def run_all(target: Any, args_per_process: list[tuple[Any, ...]], timeout: float = 90) -> list[Any]:
    """Start one spawned process per argument tuple, each given a shared start Barrier and a
    results Queue after its own arguments; return every report (failing the test on silence)."""
    import multiprocessing
    import queue

    import pytest

    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(args_per_process))
    results = context.Queue()
    processes = [
        context.Process(target=target, args=(*args, start, results)) for args in args_per_process
    ]
    for process in processes:
        process.start()
    reports: list[Any] = []
    try:
        for _ in processes:
            reports.append(results.get(timeout=timeout))
    except queue.Empty:
        pytest.fail(f"only {len(reports)} of {len(processes)} processes reported: {reports}")
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
                process.join()
    errors = [report[2] for report in reports if report[0] != "ok"]
    assert errors == [], errors[0]
    assert all(process.exitcode == 0 for process in processes)
    return reports
