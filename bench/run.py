"""``make bench``: every figure next to its limit, measured in the same run, in one table.

    .venv/bin/python -m bench            # quick: the whole run in under two minutes
    .venv/bin/python -m bench --full     # the big runs
    .venv/bin/python -m bench --only 2   # one figure
    .venv/bin/python -m bench --only 1 --profile   # and where a take spends its time

Each row: the figure's name (units in brackets), our value, the limit's value and the ratio,
written like ``1.7x``: how many times worse than the limit we are (ours/limit for latencies and
memory, limit/ours for throughputs). A figure that cannot run says why instead of a value.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # started as ``python bench/run.py``
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Engines, Options, Row, ensure_root_on_path, isolate_environment, one_line

Figure = Callable[[Options, Engines], list[Row]]

# What each figure is compared with, printed under the table.
LIMITS = {
    1: "bare: the store's Core write transaction around one single-row INSERT, same engine "
    "(the p99 row against SQLite's goal of 10 ms)",
    2: "bare: the same N processes doing that bare insert-and-commit on the same database",
    3: "bare: a one-widget Textual app started and shown the same way (and the heavy modules "
    "the kiosk has imported when its first screen is up)",
    4: "bare: the same six keys in a bare Textual app, each pushing an empty screen",
    5: "bare: a FastAPI app with one hello endpoint, same uvicorn, same clients; the machine's "
    "row: its own p50 (its slowest CPU steps against its usual one)",
    6: "bare: the same signed antrean/add calls sent straight from the client, no store",
    7: "limits: a bare Textual app's RSS on its first screen; the kiosk's own RSS before the "
    "first patient; a growth of 10 MiB after the first 100 patients (halfway in a quick run of 20; "
    "--full walks all 2,000)",
    8: "limit: the issue's 1 s from a desk's call to every screen; desk calls with no screen open",
}


def _figures() -> dict[int, tuple[str, Figure]]:
    from bench import (
        fig_board,
        fig_concurrency,
        fig_drain,
        fig_memory,
        fig_serve,
        fig_start,
        fig_take,
        fig_walkin,
    )

    return {
        1: ("take a number", fig_take.figure),
        2: ("concurrent processes", fig_concurrency.figure),
        3: ("kiosk start", fig_start.figure),
        4: ("walk-in flow", fig_walkin.figure),
        5: ("kiosk serve", fig_serve.serve_figure),
        6: ("outbox drain", fig_drain.figure),
        7: ("memory", fig_memory.figure),
        8: ("web board, 50 screens", fig_board.figure),
    }


def format_table(rows: list[Row], colour: bool = False) -> str:
    """The table; with ``colour``, a row that misses the issue's goal is red."""
    width = max([len("figure"), *(len(row.name) for row in rows)]) + 2
    lines = [f"{'figure':<{width}}{'ours':>12}{'limit':>12}{'ratio':>10}"]
    for row in rows:
        if row.ours is None or row.limit is None:
            line = f"{row.name:<{width}}{row.note:>34}".rstrip()
        else:
            ratio = row.ratio
            shown = "inf" if ratio is None or ratio == float("inf") else f"{ratio:.1f}x"
            line = f"{row.name:<{width}}{_value(row.ours):>12}{_value(row.limit):>12}{shown:>10}"
            notes = "; ".join(part for part in (row.verdict, row.note) if part)
            line = f"{line}  {notes}".rstrip()
        lines.append(f"\x1b[31m{line}\x1b[0m" if colour and not row.met else line)
    return "\n".join(lines)


def _value(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:.1f}"
    return f"{value:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="the big runs (minutes, not seconds)")
    parser.add_argument("--only", type=int, choices=range(1, 9), metavar="N", help="figure N only")
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of figure 1 on SQLite"
    )
    args = parser.parse_args(argv)
    ensure_root_on_path()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        scratch = Path(folder)
        isolate_environment(scratch)
        options = Options(full=args.full, only=args.only, profile=args.profile, scratch=scratch)
        engines = Engines(scratch)
        rows: list[Row] = []
        try:
            for number, (title, figure) in _figures().items():
                if args.only is not None and number != args.only:
                    continue
                began = time.perf_counter()
                try:
                    rows += figure(options, engines)
                except Exception as error:  # one broken figure must not hide the others
                    traceback.print_exc(file=sys.stderr)
                    rows.append(Row(f"{number} {title}", note=f"failed: {one_line(error)}"))
                print(
                    f"  figure {number} ({title}): {time.perf_counter() - began:.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
            profile = None
            if args.profile:
                from bench import fig_take

                profile = fig_take.profile(options)
        finally:
            engines.close()
    mode = "full" if args.full else "quick"
    print(
        f"bench ({mode}) · {os.cpu_count()} CPUs · Python {platform.python_version()} · "
        f"{platform.system()} {platform.release()}"
    )
    print(format_table(rows, colour=sys.stdout.isatty() and "NO_COLOR" not in os.environ))
    print()
    print("Limits:")
    for number, limit in LIMITS.items():
        if args.only is None or number == args.only:
            print(f"  {number}. {limit}")
    print(f"Total: {time.perf_counter() - started:.1f} s")
    if profile:
        print()
        print(profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
