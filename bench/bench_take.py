"""Taking a number through the service layer, against a bare insert-and-commit on the same engine.

    .venv/bin/python bench/bench_take.py [--n 500]

Prints one row per figure: our value, the limit's value and the ratio (how many times slower).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import text

from kiosk.config import load_settings
from kiosk.domain.clock import FacilityClock
from kiosk.domain.schedule import default_slot
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeRequest


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(int(q * len(ordered)), len(ordered) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(data_dir=Path(folder))
        clock = FacilityClock(
            ZoneInfo("Asia/Jakarta"), lambda: datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
        )
        services = open_clinic(settings, clock=clock)
        with services.store.write() as session:
            session.execute(text("UPDATE practice_schedule SET quota = 999"))
        today = clock.today()
        slot = default_slot(services.clinic.poli_day("001", today).slots, clock.now())
        assert slot is not None
        ours: list[float] = []
        for _ in range(args.n):
            started = time.perf_counter()
            services.tickets.take(TakeRequest("001", today, slot.schedule_id))
            ours.append(time.perf_counter() - started)
        with services.store.engine.begin() as conn:
            conn.execute(text("CREATE TABLE bare (id INTEGER PRIMARY KEY, v TEXT)"))
        bare: list[float] = []
        for index in range(args.n):
            started = time.perf_counter()
            with services.store.write() as session:
                session.execute(text("INSERT INTO bare (v) VALUES (:v)"), {"v": str(index)})
            bare.append(time.perf_counter() - started)
    rows = [
        ("take number p50 (ms)", statistics.median(ours) * 1e3, statistics.median(bare) * 1e3),
        ("take number p99 (ms)", percentile(ours, 0.99) * 1e3, percentile(bare, 0.99) * 1e3),
        ("take number per second", len(ours) / sum(ours), len(bare) / sum(bare)),
    ]
    print(f"{'figure (SQLite)':<26}{'ours':>10}{'bare insert':>14}{'ratio':>8}")
    for name, value, limit in rows:
        ratio = value / limit if "second" not in name else limit / value
        print(f"{name:<26}{value:>10.2f}{limit:>14.2f}{ratio:>7.1f}x")


if __name__ == "__main__":
    main()
