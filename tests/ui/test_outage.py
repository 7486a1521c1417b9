"""Database faults at run time: the kiosk goes out of service, sends the patient to the desk,
retries by itself and comes back without a restart; the failed take leaves nothing half-written.
The desk goes out of service the same way, tells staff what to do, and comes back by itself with
the staff member still signed in at the same poli.

PostgreSQL: the real server is stopped and started again. SQLite: for the kiosk a full disk,
injected as the driver's own "database or disk is full" at the statement level (the outbox insert,
last in the take's transaction, then every write), because a real full disk cannot be made on
demand here; for the desk the database file made unopenable (``UnreadableFile``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from kiosk.app import KioskApp
from kiosk.config import Settings
from kiosk.desk_app import DeskApp
from kiosk.domain.clock import FacilityClock
from kiosk.domain.schedule import default_slot
from kiosk.screens.desk.queue import DeskScreen
from kiosk.services import Services
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import TicketRow
from tests.conftest import WIB, MovableClock
from tests.consistency import check_store
from tests.pg import PostgresServer
from tests.ui.helpers import SITI_NIK, identify, screen_name, screen_text, settle, text_of

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


# -- the desk: the same policy, the same drill --------------------------------------------------
class UnreadableFile:
    """The SQLite file stops being there for the desk: a directory stands where it was, so no
    connection can open it. Chmod would not do: the tests run as root, who reads anything. The
    pool's open connections are dropped too, as a process that lost its file handles would be;
    otherwise they would go on reading the old file through the handles they hold."""

    def __init__(self, services: Services) -> None:
        database = services.store.engine.url.database
        assert database is not None
        self.path = Path(database)
        self.away = self.path.with_name(self.path.name + ".away")
        self.store = services.store

    def break_(self) -> None:
        self.path.rename(self.away)
        self.path.mkdir()
        self.store.engine.dispose()

    def mend(self) -> None:
        self.path.rmdir()
        self.away.rename(self.path)


def _desk_ticket(services: Services, participant_id: int) -> int:
    today = services.clock.today()
    slot = default_slot(services.clinic.poli_day("001", today).slots, services.clock.now())
    assert slot is not None
    request = TakeRequest("001", today, slot.schedule_id, participant_id)
    return services.tickets.take(request).ticket.id


def _status(services: Services, ticket_id: int) -> str:
    with services.store.read() as session:
        return str(session.get_one(TicketRow, ticket_id).status)


@asynccontextmanager
async def _desk_at_umum(services: Services, retry: float = 60) -> AsyncIterator[Any]:
    """Sari signed in at Poli Umum; yields the pilot."""
    services.staff.add("sari", "4321")
    app = DeskApp(services, retry_seconds=retry)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"sari", "enter", *"4321", "enter")
        await settle(pilot)
        await pilot.press("1")  # Poli Umum
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        yield pilot


@pytest.mark.slow
async def test_desk_store_outage_says_out_of_service_and_recovers_signed_in(
    store_services: Services, request: pytest.FixtureRequest
) -> None:
    services = store_services
    first, second = _desk_ticket(services, 1), _desk_ticket(services, 2)
    on_postgres = not services.store.is_sqlite
    server: PostgresServer | None = (
        request.getfixturevalue("postgres_server") if on_postgres else None
    )
    unreadable = None if on_postgres else UnreadableFile(services)
    async with _desk_at_umum(services, RETRY) as pilot:
        app = pilot.app
        await pilot.press("n")
        await settle(pilot)
        assert _status(services, first) == "called"
        desk = app.screen
        assert "A-002" in screen_text(app)
        if server is not None:
            server.pause()
        else:
            assert unreadable is not None
            unreadable.break_()
        try:
            # Nobody presses a key: the list's own refresh finds the store gone.
            await _wait_for(pilot, "DeskOutOfServiceScreen")
            await pilot.pause(0.2)  # drawn
            shown = " ".join(screen_text(app).split())
            assert "Loket tidak dapat membuka data antrean" in shown
            assert "catat pasien" in shown and "petugas IT" in shown  # what staff do meanwhile
            assert "Anda tetap masuk" in shown
            assert "A-002" not in shown  # the old list is not shown as if it were current
            await pilot.press("n", "escape", "f")  # keys change nothing while it is out
            await pilot.pause(RETRY * 5)
            assert screen_name(app) == "DeskOutOfServiceScreen"
        finally:
            if server is not None:
                server.resume()
            elif unreadable is not None:
                unreadable.mend()
        await _wait_for(pilot, "DeskScreen")  # back by itself, no restart
        await settle(pilot)
        assert app.screen is desk  # the same desk: the poli, counter and cursor kept
        assert app.member is not None and app.member.name == "sari"
        assert " ".join(text_of(app, "#message").split()).startswith("Data antrean tersambung")
        assert _status(services, second) == "waiting"  # nothing was done while it was out
        await pilot.press("n")  # the next call works
        await settle(pilot)
        assert _status(services, second) == "called"
        assert "Memanggil A-002" in " ".join(text_of(app, "#message").split())
    figures = check_store(services.store.url)
    umum = {number for poli, _, number in figures.numbers if poli == "001"}
    assert umum == {"A-001", "A-002"}


async def test_the_desk_outage_screen_speaks_english_when_chosen(
    store_services: Services,
) -> None:
    async with _desk_at_umum(store_services) as pilot:
        app = pilot.app
        await pilot.press("f2")
        await settle(pilot)
        app.out_of_service()
        await settle(pilot)
        shown = " ".join(screen_text(app).split())
        assert "The desk cannot reach the queue data" in shown
        assert "write arriving patients down on paper" in shown and "IT person" in shown
        await pilot.press("f2")  # F2 works there too
        await settle(pilot)
        assert "Loket tidak dapat membuka data antrean" in " ".join(screen_text(app).split())


async def test_an_answer_from_before_an_outage_is_stale_and_not_shown(
    store_services: Services,
) -> None:
    async with _desk_at_umum(store_services) as pilot:
        app, desk = pilot.app, pilot.app.screen
        release, shown = threading.Event(), []
        desk.call_service(lambda: release.wait(10), shown.append, group="test")
        app.out_of_service()
        await pilot.pause(0.2)  # the call is still reading when the outage begins
        desk.call_service(lambda: True, shown.append, group="other")  # none start meanwhile
        app.back_in_service()
        release.set()
        await settle(pilot)
        assert screen_name(app) == "DeskScreen"
        assert shown == []  # read before the outage: dropped, not shown as fresh
        desk.call_service(lambda: "fresh", shown.append, group="test")
        await settle(pilot)
        assert shown == ["fresh"]


async def test_a_fault_that_is_not_the_stores_is_said_at_the_desk(
    store_services: Services,
) -> None:
    async with _desk_at_umum(store_services) as pilot:
        app, desk = pilot.app, pilot.app.screen

        def broken() -> None:
            raise RuntimeError("a bug")

        desk.call_service(broken, lambda _: None, group="test")
        await settle(pilot)
        assert screen_name(app) == "DeskScreen"
        assert "daftar mungkin belum terbaru" in " ".join(text_of(app, "#message").split())
