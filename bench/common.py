"""What every figure shares: rows of the table, percentiles, a bench clinic, the PostgreSQL server.

Nothing here starts work on import: the figure modules pull in the kiosk, SQLAlchemy or Textual
only when they run, so ``--only N`` pays for one figure.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.services import Services

ROOT = Path(__file__).resolve().parent.parent

# Monday 23 November 2026, 09:00 WIB: the demo clinic's morning shift is open (as in the tests).
MORNING = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
# Enough numbers that no loop of the bench ever meets a full poli.
BIG_QUOTA = 10_000_000
# A poli has 999 numbers a day (A-001 to A-999, kiosk.domain.numbering); a loop that takes more
# moves its clock to the next day after this many, between two timed calls.
DAY_BUDGET = 900

# The demo's participants who may take a number for Poli Umum (README, "Demo identities").
SITI_NIK = "3273014507900001"
BUDI_CARD = "0001234567802"
RINA_NIK = "3273014902950006"
WALK_INS = (SITI_NIK, BUDI_CARD, RINA_NIK)


def ensure_root_on_path() -> None:
    """``kiosk`` and ``tests.pg`` import from the checkout, however the bench was started."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def isolate_environment(scratch: Path) -> None:
    """No figure reads the developer's own settings: no KIOSK_* variable, no settings file.

    Children (spawned workers, the kiosk in a pseudo-terminal) inherit the same environment.
    """
    for name in list(os.environ):
        if name.startswith("KIOSK_"):
            del os.environ[name]
    os.environ["KIOSK_CONFIG_FILE"] = str(scratch / "no-such-kiosk.toml")


@dataclass
class Row:
    """One line of the table. ``higher_is_better`` turns the ratio round (throughputs)."""

    name: str
    ours: float | None = None
    limit: float | None = None
    higher_is_better: bool = False
    note: str = ""
    # The goal for the ratio (at most this many times worse than the limit), if it sets one.
    goal: float | None = None
    # A row without figures that still misses the goal (heavy modules before the first
    # screen): printed in red, like a ratio over its goal.
    missed: bool = False

    @property
    def met(self) -> bool:
        """False when the row misses the issue's goal (printed in red on a terminal)."""
        ratio = self.ratio
        if self.missed:
            return False
        return self.goal is None or ratio is None or ratio <= self.goal

    @property
    def verdict(self) -> str:
        """``goal <=4x: met`` / ``goal <=4x: NOT met``, or nothing without a goal."""
        ratio = self.ratio
        if self.goal is None or ratio is None:
            return ""
        return f"goal <={self.goal:g}x: {'met' if ratio <= self.goal else 'NOT met'}"

    @property
    def ratio(self) -> float | None:
        """How many times worse than the limit: ours/limit, or limit/ours for a throughput."""
        if self.ours is None or self.limit is None:
            return None
        top, bottom = (self.limit, self.ours) if self.higher_is_better else (self.ours, self.limit)
        return top / bottom if bottom > 0 else float("inf")


def latency(name: str, ours: float, limit: float, note: str = "", goal: float | None = None) -> Row:
    return Row(name, ours, limit, higher_is_better=False, note=note, goal=goal)


def throughput(
    name: str, ours: float, limit: float, note: str = "", goal: float | None = None
) -> Row:
    return Row(name, ours, limit, higher_is_better=True, note=note, goal=goal)


def skipped(name: str, why: str) -> Row:
    return Row(name, note=why)


@dataclass
class Options:
    full: bool = False
    only: int | None = None
    profile: bool = False
    scratch: Path = field(default_factory=lambda: Path(tempfile.gettempdir()))

    def pick(self, quick: Any, full: Any) -> Any:
        return full if self.full else quick


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1) of a non-empty sample."""
    ordered = sorted(samples)
    rank = max(math.ceil(q * len(ordered)) - 1, 0)
    return ordered[min(rank, len(ordered) - 1)]


def median(samples: list[float]) -> float:
    return percentile(samples, 0.5)


def timed_loop(
    action: Callable[[], object],
    count: int,
    seconds: float,
    every: int = 0,
    between: Callable[[], object] | None = None,
) -> tuple[list[float], float]:
    """Run ``action`` up to ``count`` times or for ``seconds``: (latencies, wall time).

    ``between`` runs untimed before every ``every``-th call after the first (a new day, say).
    """
    samples: list[float] = []
    paused = 0.0
    started = time.perf_counter()
    for index in range(count):
        if between is not None and every and index and index % every == 0:
            pause = time.perf_counter()
            between()
            paused += time.perf_counter() - pause
        before = time.perf_counter()
        action()
        after = time.perf_counter()
        samples.append(after - before)
        if after - started - paused > seconds:
            break
    return samples, time.perf_counter() - started - paused


class DayClock:
    """The bench's clock: a fixed Monday morning, moved on a whole day at a time when asked."""

    def __init__(self, days: int = 0) -> None:
        self.days = days

    def __call__(self) -> datetime:
        return MORNING + timedelta(days=self.days)

    def next_day(self) -> None:
        self.days += 1


def rss_mib() -> float:
    """This process's resident set size now (Linux /proc), else its peak (resource)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the clinic a figure works on -------------------------------------------------------------
def bench_clinic(
    data_dir: Path, database_url: str | None = None, clock: DayClock | None = None
) -> Services:
    """The demo clinic on a fresh store, on the bench's clock, with quotas no loop can fill."""
    from zoneinfo import ZoneInfo

    from kiosk.config import load_settings
    from kiosk.domain.clock import FacilityClock
    from kiosk.services.setup import open_clinic

    overrides: dict[str, Any] = {"data_dir": data_dir}
    if database_url:
        overrides["database_url"] = database_url
    settings = load_settings(**overrides)
    facility_clock = FacilityClock(ZoneInfo(settings.timezone), clock or DayClock())
    return raise_quotas(open_clinic(settings, clock=facility_clock))


def raise_quotas(services: Services) -> Services:
    """Every shift's quota past what any figure takes (the demo's are 20-40 a shift)."""
    from sqlalchemy import text

    with services.store.write() as session:
        session.execute(text("UPDATE practice_schedule SET quota = :q"), {"q": BIG_QUOTA})
    return services


def umum_schedule_id(services: Services) -> int:
    """Today's open Umum shift (the one the kiosk highlights)."""
    from kiosk.domain.schedule import default_slot

    today = services.clock.today()
    slot = default_slot(services.clinic.poli_day("001", today).slots, services.clock.now())
    if slot is None:
        raise RuntimeError("the demo clinic has no open Umum shift at the bench's clock")
    return slot.schedule_id


def create_bare_table(services: Services) -> None:
    """The limit's table: one integer key and one text column, nothing else."""
    from sqlalchemy import text

    key = "SERIAL" if services.store.engine.dialect.name == "postgresql" else "INTEGER"
    with services.store.write() as session:
        session.execute(
            text(f"CREATE TABLE IF NOT EXISTS bench_bare (id {key} PRIMARY KEY, v TEXT)")
        )


def bare_insert(store: Any, value: str) -> None:
    """The limit: the store's cheapest write transaction (the one a take runs on: the writers'
    turn and a Core connection, no ORM session) around one single-row INSERT, committed."""
    from sqlalchemy import text

    with store.write_connection() as connection:
        connection.execute(text("INSERT INTO bench_bare (v) VALUES (:v)"), {"v": value})


# -- engines ---------------------------------------------------------------------------------
class Engines:
    """SQLite always; a throwaway PostgreSQL server started on first use and stopped at the end."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self._server: Any = None
        self._missing: str | None = None
        self._count = 0

    def sqlite_url(self, name: str) -> str:
        return f"sqlite:///{self.scratch / f'{name}.db'}"

    def postgres_url(self) -> str | None:
        """A fresh empty database on the throwaway server, or None without PostgreSQL."""
        if self._missing:
            return None
        if self._server is None:
            from tests.pg import PostgresServer, find_bin_dir

            bin_dir = find_bin_dir()
            if bin_dir is None:
                self._missing = "skipped (no PostgreSQL)"
                return None
            server = PostgresServer(bin_dir)
            try:
                server.start()
            except Exception as error:  # a server that cannot start is reported, not fatal
                server.stop()
                self._missing = f"skipped (PostgreSQL did not start: {one_line(error)})"
                return None
            self._server = server
        return str(self._server.new_database())

    @property
    def postgres_missing(self) -> str:
        return self._missing or "skipped (no PostgreSQL)"

    def close(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


def one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"[:120]


@contextmanager
def scratch_dir(parent: Path, prefix: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix=prefix, dir=parent) as folder:
        yield Path(folder)
