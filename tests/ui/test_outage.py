"""Database faults at run time: the kiosk goes out of service, sends the patient to the desk,
retries by itself and comes back without a restart; the failed take leaves nothing half-written.

PostgreSQL: the real server is stopped and started again. SQLite: a full disk, injected as the
driver's own "database or disk is full" at the statement level (the outbox insert, last in the
take's transaction, then every write), because a real full disk cannot be made on demand here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event

from kiosk.app import KioskApp
from kiosk.config import Settings
from kiosk.domain.clock import FacilityClock
from kiosk.services import Services
from kiosk.services.setup import open_clinic
from tests.conftest import WIB, MovableClock
from tests.consistency import check_store
from tests.pg import PostgresServer
from tests.ui.helpers import SITI_NIK, identify, screen_name, screen_text, settle

RETRY = 0.2


class FullDisk:
    """While ``mode`` is set, SQLite answers SQLITE_FULL: on the outbox insert, or every write."""

    def __init__(self, services: Services) -> None:
        self.mode: str | None = None
        self.faults = 0
        event.listen(services.store.engine, "do_execute", self._execute)

    def _execute(self, cursor: Any, statement: str, parameters: Any, context: Any) -> None:
        writing = context.execution_options.get("kiosk_write", False)
        if (self.mode == "outbox" and statement.startswith("INSERT INTO outbox")) or (
            self.mode == "writes" and writing
        ):
            self.faults += 1
            self.mode = "writes"  # and the disk stays full until the test frees it
            raise sqlite3.OperationalError("database or disk is full")


@pytest.fixture
def store_services(
    database_url: str, make_settings: Callable[..., Settings], clock_source: MovableClock
) -> Iterator[Services]:
    built = open_clinic(
        make_settings(database_url=database_url), clock=FacilityClock(WIB, clock_source)
    )
    yield built
    built.store.dispose()


async def _to_confirm(pilot: Any) -> None:
    await identify(pilot, SITI_NIK)
    for key in ("1",):  # Umum for the card holder: the confirmation with the suggested shift
        await pilot.press(key)
        await settle(pilot)
    assert screen_name(pilot.app) == "ConfirmScreen"


async def _wait_for(pilot: Any, name: str, seconds: float = 20) -> None:
    for _ in range(int(seconds / 0.1)):
        if screen_name(pilot.app) == name:
            return
        await pilot.pause(0.1)
    raise AssertionError(f"still on {screen_name(pilot.app)}, expected {name}")


async def test_store_outage_sends_to_the_desk_retries_and_recovers(
    store_services: Services, request: pytest.FixtureRequest
) -> None:
    services = store_services
    on_postgres = not services.store.is_sqlite
    server: PostgresServer | None = (
        request.getfixturevalue("postgres_server") if on_postgres else None
    )
    disk = None if on_postgres else FullDisk(services)
    app = KioskApp(services, retry_seconds=RETRY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_confirm(pilot)
        if server is not None:
            server.pause()
        else:
            assert disk is not None
            disk.mode = "outbox"  # the ticket row is written, then the disk fills
        try:
            await pilot.press("enter")
            await settle(pilot)
            await _wait_for(pilot, "OutOfServiceScreen")
            shown = screen_text(app)
            assert "loket pendaftaran" in shown and "mencoba lagi" in shown
            assert "A-001" not in shown
            if disk is not None:
                assert disk.faults >= 1
            await pilot.press("escape", "1", "enter")  # a patient pressing keys changes nothing
            await pilot.pause(RETRY * 5)
            assert screen_name(app) == "OutOfServiceScreen"
            if disk is not None:
                assert disk.faults >= 3, "the kiosk retried by itself"
            assert app.patient.identified is None  # the patient is already forgotten
        finally:
            if server is not None:
                server.resume()
            elif disk is not None:
                disk.mode = None
        await _wait_for(pilot, "WelcomeScreen")  # back in service, no restart
        assert len(app.screen_stack) == 2
        # The same patient now takes the number that failed.
        await _to_confirm(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
        assert "A-001" in screen_text(app)
    figures = check_store(services.store.url)
    umum = {number for poli, _, number in figures.numbers if poli == "001"}
    assert umum == {"A-001"}  # one ticket, with its event and outbox: none half-written


async def test_the_outage_screen_speaks_english_when_chosen(store_services: Services) -> None:
    app = KioskApp(store_services, retry_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        app.out_of_service()
        await settle(pilot)
        assert "registration desk" in screen_text(app)
