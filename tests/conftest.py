"""Fixtures shared by every test: an isolated data dir, a fixed clock, a fresh demo clinic."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.config import Settings, load_settings
from kiosk.domain.clock import FacilityClock
from kiosk.services import Services
from kiosk.services.setup import open_clinic
from kiosk.services.staff import ExitPin
from kiosk.store.db import Store
from tests.central_server import central_server  # noqa: F401  (a fixture for every folder)
from tests.pg import PostgresServer, find_bin_dir
from tests.store_template import starting_from

SCREENS = Path(__file__).parent / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/ui drives a screen through the Pilot: marked ``ui`` here, so no
    file has to remember it (the few Pilot tests elsewhere carry the mark themselves).

    The drills marked ``slow`` go first: on several workers (`pytest -n`), no worker is then
    left alone with one of them at the end while the others sit idle. `make check` leaves both
    out.
    """
    for item in items:
        if SCREENS in item.path.parents:
            item.add_marker(pytest.mark.ui)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# PINs set in tests are hashed with PBKDF2 at this count, not the kiosk's 200,000: a real hash
# costs some 70 ms of CPU, and hundreds of desk tests set a PIN and sign in with it.
# tests/core/test_staff.py checks that the kiosk itself keeps the real count.
QUICK_PIN_ITERATIONS = 1_000
# The exit PIN's count as the kiosk has it, before `_quick_exit_pins` lowers it for every test.
KIOSK_EXIT_PIN_ITERATIONS = ExitPin.iterations

# Monday 23 November 2026, 09:00 WIB: the morning shift of the demo clinic is under way.
MORNING = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(scope="session", autouse=True)
def _stores_start_migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """See tests/store_template.py: a fresh SQLite store is a copy of one migrated once."""
    template = tmp_path_factory.mktemp("store-template") / "template.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Store, "migrate", starting_from(template))
        yield


@pytest.fixture(scope="session", autouse=True)
def _quick_exit_pins() -> Iterator[None]:
    """Every kiosk a test starts hashes its exit PIN: at the quick count, as the tests' staff
    PINs (tests/core/test_staff.py checks the kiosk's own count)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ExitPin, "iterations", QUICK_PIN_ITERATIONS)
        yield


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL for the session. Missing locally: skip loudly; in CI: fail."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        message = "PostgreSQL is not installed (Debian: apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the PostgreSQL tests: {message}")
        warnings.warn(f"SKIPPING PostgreSQL tests: {message}", stacklevel=1)
        pytest.skip(message)
    server = PostgresServer(bin_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store's URL on each engine a clinic can run: store and service tests take both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database(migrated=True)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's own settings file or KIOSK_* variables."""
    for name in list(os.environ):
        if name.startswith("KIOSK_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("KIOSK_CONFIG_FILE", str(tmp_path / "no-such-kiosk.toml"))


class MovableClock:
    """A clock the test can set and move."""

    def __init__(self, instant: datetime) -> None:
        self.instant = instant

    def __call__(self) -> datetime:
        return self.instant


@pytest.fixture
def clock_source() -> MovableClock:
    return MovableClock(MORNING)


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    def make(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "data_dir": tmp_path / "data",
            "facility_code": "P3273010",
            "facility_name": "Puskesmas Sukamaju",
        }
        values.update(overrides)
        return load_settings(**values)

    return make


@pytest.fixture
def services(
    make_settings: Callable[..., Settings], clock_source: MovableClock
) -> Iterator[Services]:
    built = open_clinic(make_settings(), clock=FacilityClock(WIB, clock_source))
    yield built
    built.store.dispose()
