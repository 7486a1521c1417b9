"""Figure 2: N OS processes taking numbers at once for the same poli and day.

Eight worker processes are spawned once (``multiprocessing`` spawn, so each is a fresh
interpreter like a second kiosk) and reused for every round. A round hands the first N workers a
job; each opens its own engine on the shared database (one SQLite file under WAL, or the throwaway
PostgreSQL), warms up, says it is ready, and all start together at one instant on the system's
monotonic clock. Each then works for a fixed time (and at most a fixed count), timing every call.

Ours: ``TicketService.take`` of non-JKN walk-ins for the day's Umum shift: every process contends
for the same counter row (``BEGIN IMMEDIATE`` on SQLite, the row lock on PostgreSQL). Each round
of takes has a day of its own, and takes at most 900 numbers in all (a poli has 999 a day).
Limit: the same N processes doing the bare insert-and-commit of figure 1 on the same database.

Throughput: all calls of the round over the time from the common start to the last finish.
p99: over every call of every process. A call that fails counts in the row's note.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from array import array
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench.common import (
    DAY_BUDGET,
    DayClock,
    Engines,
    Options,
    Row,
    bare_insert,
    bench_clinic,
    create_bare_table,
    latency,
    one_line,
    percentile,
    scratch_dir,
    skipped,
    throughput,
    umum_schedule_id,
)

PROCESSES = (1, 2, 4, 8)
WARM_UP = 3  # calls per process before the common start
READY_TIMEOUT = 120.0  # a spawned interpreter importing the kiosk on a busy two-core machine


def figure(options: Options, engines: Engines) -> list[Row]:
    seconds = options.pick(0.4, 8.0)
    count = options.pick(5_000, 200_000)  # per process and round: time is the usual bound
    rows: list[Row] = []
    with scratch_dir(options.scratch, "concurrency-") as folder:
        pool = _Pool(max(PROCESSES))
        try:
            rows += _engine_rows(
                pool, "SQLite", f"sqlite:///{folder / 'shared.db'}", folder, seconds, count
            )
            url = engines.postgres_url()
            if url is None:
                for processes in PROCESSES:
                    for name in _names("PostgreSQL", processes):
                        rows.append(skipped(name, engines.postgres_missing))
            else:
                rows += _engine_rows(pool, "PostgreSQL", url, folder, seconds, count)
        finally:
            pool.close()
    return rows


def _names(engine: str, processes: int) -> tuple[str, str]:
    return (
        f"2 {processes} proc, {engine} throughput (takes/s)",
        f"2 {processes} proc, {engine} p99 (ms)",
    )


def _engine_rows(
    pool: _Pool, engine: str, url: str, folder: Path, seconds: float, count: int
) -> list[Row]:
    clock = DayClock()
    services = bench_clinic(folder, url, clock)
    try:
        create_bare_table(services)
        # Each round of takes has a day of its own: a poli has 999 numbers a day.
        days = []
        for _ in PROCESSES:
            clock.next_day()
            days.append((clock.days, umum_schedule_id(services)))
    finally:
        services.store.dispose()
    rows: list[Row] = []
    for processes, (day, schedule_id) in zip(PROCESSES, days, strict=True):
        job = {"url": url, "data_dir": str(folder), "seconds": seconds, "count": count}
        take_count = min(count, DAY_BUDGET // processes - WARM_UP)
        ours = pool.round(
            processes,
            {**job, "mode": "take", "day": day, "schedule_id": schedule_id, "count": take_count},
        )
        bare = pool.round(processes, {**job, "mode": "bare", "day": day, "schedule_id": 0})
        note = _errors_note(ours, bare)
        per_second, p99 = _names(engine, processes)
        rows.append(throughput(per_second, ours.per_second, bare.per_second, note))
        rows.append(latency(p99, ours.p99_ms, bare.p99_ms, note))
    return rows


def _errors_note(ours: _Round, bare: _Round) -> str:
    parts = [
        f"{side}: {result.errors} failed ({result.first_error})"
        for side, result in (("ours", ours), ("bare", bare))
        if result.errors
    ]
    return "; ".join(parts)


class _Round:
    def __init__(self, started: float, results: list[dict[str, Any]]) -> None:
        samples: list[float] = []
        for result in results:
            samples += array("d", result["latencies"]).tolist()
        ended = max(result["ended"] for result in results)
        self.calls = len(samples)
        self.per_second = self.calls / max(ended - started, 1e-9)
        self.p99_ms = percentile(samples, 0.99) * 1e3 if samples else float("nan")
        self.errors = sum(result["errors"] for result in results)
        self.first_error = next((r["first_error"] for r in results if r["first_error"]), "")


class _Pool:
    """Worker processes spawned once; each round uses the first N of them."""

    def __init__(self, size: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.workers: list[tuple[Any, Connection]] = []
        for _ in range(size):
            ours, theirs = context.Pipe()
            process = context.Process(target=_worker, args=(theirs,), daemon=True)
            process.start()
            theirs.close()
            self.workers.append((process, ours))

    def round(self, processes: int, job: dict[str, Any]) -> _Round:
        chosen = [conn for _, conn in self.workers[:processes]]
        for conn in chosen:
            conn.send(job)
        for conn in chosen:
            _expect(conn, READY_TIMEOUT, "ready")
        started = time.monotonic() + 0.05
        for conn in chosen:
            conn.send(started)
        results = [_expect(conn, job["seconds"] + 120.0, "result") for conn in chosen]
        return _Round(started, results)

    def close(self) -> None:
        for _process, conn in self.workers:
            with contextlib.suppress(OSError):
                conn.send(None)
        for process, conn in self.workers:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
            conn.close()


def _expect(conn: Connection, timeout: float, what: str) -> Any:
    if not conn.poll(timeout):
        raise TimeoutError(f"a worker sent no {what} within {timeout:.0f} s")
    message = conn.recv()
    if isinstance(message, dict) and "failed" in message:
        raise RuntimeError(f"a worker failed: {message['failed']}")
    return message


# -- in the worker process -----------------------------------------------------------------
def _worker(conn: Connection) -> None:
    """Wait for jobs; run each; stop on ``None`` or when the parent has been gone a while."""
    import bench.common  # noqa: F401  (the kiosk is imported once, before the first job)
    import kiosk.services  # noqa: F401

    while conn.poll(600):
        job = conn.recv()
        if job is None:
            return
        try:
            conn.send(_job(conn, job))
        except Exception as error:
            conn.send({"failed": one_line(error)})


def _job(conn: Connection, job: dict[str, Any]) -> dict[str, Any]:
    from zoneinfo import ZoneInfo

    from kiosk.config import load_settings
    from kiosk.domain.clock import FacilityClock
    from kiosk.services import build_services
    from kiosk.services.tickets import TakeRequest

    settings = load_settings(data_dir=Path(job["data_dir"]), database_url=job["url"])
    clock = FacilityClock(ZoneInfo(settings.timezone), DayClock(job["day"]))
    services = build_services(settings, clock)
    store = services.store
    request = TakeRequest("001", services.clock.today(), job["schedule_id"])
    counter = iter(range(10**9))
    if job["mode"] == "take":

        def action() -> None:
            services.tickets.take(request)

    else:

        def action() -> None:
            bare_insert(store, str(next(counter)))

    try:
        for _ in range(WARM_UP):  # connect, compile and cache the statements
            action()
        conn.send("ready")
        started = conn.recv()
        time.sleep(max(started - time.monotonic(), 0))
        deadline = started + job["seconds"]
        samples = array("d")
        errors, first_error = 0, ""
        for _ in range(job["count"]):
            before = time.monotonic()
            try:
                action()
            except Exception as error:
                errors += 1
                first_error = first_error or one_line(error)
            else:
                samples.append(time.monotonic() - before)
            if time.monotonic() >= deadline:
                break
        return {
            "latencies": samples.tobytes(),
            "ended": time.monotonic(),
            "errors": errors,
            "first_error": first_error,
        }
    finally:
        store.dispose()
