"""The kiosk's first screen comes before its clinic is open (issue 15, item 7): what a patient types
or touches meanwhile is kept and handed on in order once it is open, and a clinic that does not
open ends the kiosk with the reason kept for the command's one line. The store is real; only when
it opens is held back (a gate), so the test can type while it is closed."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import DatabaseError
from textual import events
from textual.pilot import Pilot

from kiosk.app import KioskApp, Opening
from kiosk.config import Settings
from kiosk.domain.clock import FacilityClock
from kiosk.first_look import FirstLook
from kiosk.services import Services
from kiosk.services.setup import open_clinic
from kiosk.services.staff import ExitPin
from tests.conftest import WIB, MovableClock
from tests.ui.helpers import (
    SITI_NIK,
    screen_name,
    screen_text,
    screens_until,
    settle,
    shows,
    take_umum_with_defaults,
    text_of,
)

OPENS_WITHIN = 30.0


class Gate:
    """Opens the clinic for real, once the test lets it."""

    def __init__(self, settings: Settings, clock_source: MovableClock) -> None:
        self.settings = settings
        self.clock_source = clock_source
        self.open = threading.Event()
        self.opened: Services | None = None

    def __call__(self) -> Services:
        assert self.open.wait(OPENS_WITHIN), "the test never let the clinic open"
        self.opened = open_clinic(self.settings, clock=FacilityClock(WIB, self.clock_source))
        return self.opened

    def dispose(self) -> None:
        if self.opened is not None:
            self.opened.store.dispose()


def look_of(settings: Settings) -> FirstLook:
    return FirstLook(settings.data_dir, settings.lang, settings.facility_name, settings.theme)


@asynccontextmanager
async def opening(
    settings: Settings, clock_source: MovableClock, first: FirstLook | None = None
) -> AsyncIterator[tuple[KioskApp, Pilot[None], Gate]]:
    """The kiosk at 80x24 on its welcome screen, its clinic held back by the gate."""
    gate = Gate(settings, clock_source)
    app = KioskApp(Opening(first or look_of(settings), gate))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await until_welcome(pilot)
            yield app, pilot, gate
    finally:
        gate.dispose()


async def until_welcome(pilot: Pilot[None]) -> None:
    await screens_until(pilot, "WelcomeScreen")
    await pilot.pause()


async def touch(app: KioskApp, selector: str) -> None:
    """A tap as the terminal sends it: a press and a release, to the app (the Pilot's click
    goes to the screen directly, past the app)."""
    region = app.screen.query_one(selector).region
    x, y = region.x + region.width // 2, region.y + region.height // 2
    for kind in (events.MouseDown, events.MouseUp):
        app.post_message(kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))


async def until_open(app: KioskApp, pilot: Pilot[None]) -> None:
    for _ in range(int(OPENS_WITHIN / 0.05)):
        if app.ready:
            break
        await pilot.pause(0.05)
    assert app.ready
    await settle(pilot)


@pytest.mark.parametrize(
    ("lang", "taken", "ticket"),
    [
        ("id", "Ambil nomor antrean", "Silakan ambil slip Anda."),
        ("en", "Take a queue number", "Please take your slip."),
    ],
)
async def test_a_fast_typist_s_keys_before_the_clinic_opens_take_a_number(
    make_settings: Callable[..., Settings],
    clock_source: MovableClock,
    lang: str,
    taken: str,
    ticket: str,
) -> None:
    async with opening(make_settings(lang=lang), clock_source) as (app, pilot, gate):
        assert taken in screen_text(app) and "Puskesmas Sukamaju" in screen_text(app)
        assert not app.ready
        # "1" (take a number), the NIK and Enter, all before the clinic is open.
        await pilot.press("1", *SITI_NIK, "enter")
        await pilot.pause(0.2)
        assert screen_name(app) == "WelcomeScreen" and not app.ready
        gate.open.set()
        await until_open(app, pilot)
        assert await screens_until(pilot, "PoliScreen")
        shown = screen_text(app)
        assert "7801" in shown and SITI_NIK not in shown  # Siti, identified, masked
        await take_umum_with_defaults(pilot)
        assert screen_name(app) == "TicketScreen"
        assert "A-001" in text_of(app, "#number-text")
        assert ticket in screen_text(app)
    assert app.start_error is None


async def test_keys_typed_after_it_opens_wait_behind_the_held_ones(
    make_settings: Callable[..., Settings], clock_source: MovableClock
) -> None:
    """The first digits typed while the clinic opened, the rest once it is open: in order."""
    async with opening(make_settings(), clock_source) as (app, pilot, gate):
        await pilot.press("1", *SITI_NIK[:6])
        gate.open.set()
        await pilot.press(*SITI_NIK[6:], "enter")
        await until_open(app, pilot)
        assert await screens_until(pilot, "PoliScreen")
        assert "7801" in screen_text(app)


async def test_a_touch_on_the_language_button_before_it_opens_is_kept(
    make_settings: Callable[..., Settings], clock_source: MovableClock
) -> None:
    async with opening(make_settings(), clock_source) as (app, pilot, gate):
        await touch(app, "#language")
        await pilot.pause(0.2)
        assert app.lang == "id" and "Ambil nomor antrean" in screen_text(app)
        gate.open.set()
        await until_open(app, pilot)
        assert await shows(pilot, "Take a queue number")
        assert app.lang == "en"


async def test_the_clinic_s_own_name_replaces_the_first_look_s(
    make_settings: Callable[..., Settings], clock_source: MovableClock
) -> None:
    settings = make_settings(facility_name="Puskesmas Cibeunying")
    first = FirstLook(settings.data_dir, "id", "Puskesmas Sukamaju", "default")
    async with opening(settings, clock_source, first) as (app, pilot, gate):
        assert "Puskesmas Sukamaju" in screen_text(app)
        gate.open.set()
        await until_open(app, pilot)
        assert await shows(pilot, "Puskesmas Cibeunying")
        assert screen_name(app) == "WelcomeScreen"


def _corrupt_store(settings: Settings) -> Path:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    database = settings.data_dir / "kiosk.db"
    database.write_bytes(b"SQLite format 3\x00" + b"half a page of rubbish " * 300)
    return database


async def test_a_store_that_does_not_open_ends_the_kiosk_with_its_reason(
    make_settings: Callable[..., Settings], clock_source: MovableClock
) -> None:
    """A corrupt store: Welcome shows, then the kiosk ends, its fault kept (the command says it
    in one line, tests/core/test_start_pty.py); the keys typed meanwhile go nowhere, and the
    file is left as it was."""
    settings = make_settings()
    database = _corrupt_store(settings)
    before = database.read_bytes()
    async with opening(settings, clock_source) as (app, pilot, gate):
        await pilot.press("1", "3", "2")
        gate.open.set()
        for _ in range(int(OPENS_WITHIN / 0.05)):
            if app.start_error is not None:
                break
            await pilot.pause(0.05)
    assert isinstance(app.start_error, DatabaseError)  # the command: "kiosk: the database ..."
    assert "not a database" in str(app.start_error)
    assert not app.ready
    assert database.read_bytes() == before
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(database) as conn:
        conn.execute("SELECT count(*) FROM ticket").fetchone()


async def test_the_exit_pin_is_hashed_behind_the_first_screen_not_on_its_loop(
    make_settings: Callable[..., Settings],
    clock_source: MovableClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its slow hash takes a tenth of a second: on the screen's loop, a key pressed just as the
    clinic opened would wait for it. The staff exit then opens the kiosk's way out as before."""
    hashed_in: list[str] = []
    real_init = ExitPin.__init__

    def noting(guard: ExitPin, pin: str, *args: Any, **kwargs: Any) -> None:
        hashed_in.append(threading.current_thread().name)
        real_init(guard, pin, *args, **kwargs)

    monkeypatch.setattr(ExitPin, "__init__", noting)
    settings = make_settings()
    async with opening(settings, clock_source) as (app, pilot, gate):
        gate.open.set()
        await until_open(app, pilot)
        assert hashed_in and threading.main_thread().name not in hashed_in
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert screen_name(app) == "StaffExit"
        await pilot.press(*settings.staff_pin, "enter")
        await pilot.pause()
    assert app.return_code == 0
