"""Figure 1: taking a number through the service layer, against a bare insert-and-commit.

Ours: ``TicketService.take`` of a non-JKN walk-in for today's Umum shift (quota far beyond the
run), one call after another in one process: the counter row bumped under the write lock, the
quota count, the ticket row and its audit event, in one write transaction. A non-JKN ticket
queues no outbox item (only JKN tickets are reported to the central), so the outbox insert is not
in this figure.

Limit: the same store's write transaction as the take runs on (``Store.write_connection``: the
writers' turn and a Core connection, ``BEGIN IMMEDIATE`` under WAL on SQLite, a pooled connection
on PostgreSQL; no ORM session) around one single-row INSERT into a two-column table, committed.
Same engine, same process, same run. (Until stop 23 the limit ran in an ORM session, which the
take no longer opens: the ratio then flattered the take by the session's cost.)

Goals (issue 15): p50 at most 4x the bare on both engines; p99 at most 10 ms on SQLite (its own
row, against that fixed limit).

Both sides are warmed up first (SQLAlchemy compiles and caches its statements), then timed one
call at a time: p50 and p99 of the calls, and calls per second over the whole loop.
"""

from __future__ import annotations

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
    percentile,
    scratch_dir,
    skipped,
    throughput,
    timed_loop,
    umum_schedule_id,
)

WARM_UP = 20


def figure(options: Options, engines: Engines) -> list[Row]:
    count = options.pick(250, 5_000)
    seconds = options.pick(4.0, 120.0)
    rows = _engine_rows("SQLite", None, options, count, seconds)
    url = engines.postgres_url()
    if url is None:
        for name in _names("PostgreSQL"):
            rows.append(skipped(name, engines.postgres_missing))
    else:
        rows += _engine_rows("PostgreSQL", url, options, count, seconds)
    return rows


def _names(engine: str) -> list[str]:
    return [
        f"1 take p50, {engine} (ms)",
        f"1 take p99, {engine} (ms)",
        f"1 take throughput, {engine} (takes/s)",
    ]


def _engine_rows(
    engine: str, url: str | None, options: Options, count: int, seconds: float
) -> list[Row]:
    from kiosk.services.tickets import TakeRequest

    with scratch_dir(options.scratch, "take-") as folder:
        clock = DayClock()
        services = bench_clinic(folder, url, clock)
        try:
            create_bare_table(services)
            sequence = iter(range(10**9))
            requests: list[TakeRequest] = []

            def next_day() -> None:
                """A poli has 999 numbers a day: long runs go on to the next day."""
                clock.next_day()
                today = services.clock.today()
                requests[:] = [TakeRequest("001", today, umum_schedule_id(services))]

            def ours() -> None:
                services.tickets.take(requests[0])

            def bare() -> None:
                bare_insert(services.store, str(next(sequence)))

            next_day()
            for _ in range(WARM_UP):
                ours()
                bare()
            next_day()
            our_samples, our_wall = timed_loop(ours, count, seconds, DAY_BUDGET, next_day)
            bare_samples, bare_wall = timed_loop(bare, count, seconds)
        finally:
            services.store.dispose()
    p50, p99, per_second = _names(engine)
    our_p99 = percentile(our_samples, 0.99) * 1e3
    rows = [
        latency(
            p50, percentile(our_samples, 0.5) * 1e3, percentile(bare_samples, 0.5) * 1e3, goal=4.0
        ),
        latency(p99, our_p99, percentile(bare_samples, 0.99) * 1e3),
        throughput(per_second, len(our_samples) / our_wall, len(bare_samples) / bare_wall),
    ]
    if url is None:
        rows.append(latency(f"1 take p99, {engine}, vs 10 ms (ms)", our_p99, 10.0, goal=1.0))
    return rows


def profile(options: Options, top: int = 15) -> str:
    """cProfile of ours on SQLite: where a take spends its time (``--profile``)."""
    import cProfile
    import io
    import pstats

    from kiosk.services.tickets import TakeRequest

    with scratch_dir(options.scratch, "profile-") as folder:
        services = bench_clinic(folder)
        try:
            request = TakeRequest("001", services.clock.today(), umum_schedule_id(services))
            for _ in range(WARM_UP):
                services.tickets.take(request)
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(options.pick(300, DAY_BUDGET - WARM_UP)):
                services.tickets.take(request)
            profiler.disable()
        finally:
            services.store.dispose()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()
