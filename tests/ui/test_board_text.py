"""The running text through the Pilot: set at the desk with `m`, shown on the terminal board as
typed (never as markup), moving when longer than the screen, gone when cleared."""

from __future__ import annotations

import asyncio

from textual.widgets import Input

from kiosk.board_app import BoardApp
from kiosk.desk_app import DeskApp
from kiosk.services import Services
from kiosk.services.board_text import BoardTextService
from kiosk.services.staff import StaffService
from kiosk.widgets.running_text import RunningText
from tests.conftest import QUICK_PIN_ITERATIONS
from tests.ui.helpers import screen_name, screen_text, settle, text_of
from tests.ui.test_board import board_of, ready, until

HOSTILE = "[b]Poli Gigi[/b] tutup [@click=app.quit]x[/]"


async def test_m_at_the_desk_sets_edits_and_clears_the_running_text(services: Services) -> None:
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    texts = BoardTextService(services.store, services.clock)
    texts.set("Selamat datang", "budi")
    app = DeskApp(services, counter="Ruang 2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"sari", "enter", *"4321", "enter")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        field = app.screen.query_one("#board-text", Input)
        assert field.value == "Selamat datang"  # opens with what the boards show now
        field.value = ""
        await pilot.press(*"Poli Gigi tutup\u200b hari ini", "enter")
        await settle(pilot)
        assert screen_name(app) == "DeskScreen"
        assert texts.current() == "Poli Gigi tutup hari ini"
        assert texts.history()[0].actor == "sari@Ruang 2"
        assert "Teks berjalan dipasang" in text_of(app, "#message")

        await pilot.press("m")  # Escape changes nothing
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert texts.current() == "Poli Gigi tutup hari ini" and len(texts.history()) == 2

        await pilot.press("m")  # an emptied field takes the text off the boards
        await settle(pilot)
        app.screen.query_one("#board-text", Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert texts.current() == ""
        assert "Teks berjalan dihapus" in text_of(app, "#message")


async def test_the_terminal_board_shows_the_text_as_typed_and_moves_a_long_one(
    services: Services,
) -> None:
    texts = BoardTextService(services.store, services.clock)
    app = BoardApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        running = board_of(app).query_one("#running-text", RunningText)
        assert not running.display
        texts.set(HOSTILE, "sari")
        await until(pilot, lambda: HOSTILE in screen_text(app), within=3)
        assert running.display and app.is_running

        long = "Mulai Senin, Poli Gigi buka pukul 08.00 sampai 12.00. " * 2
        texts.set(long, "sari")
        await until(pilot, lambda: screen_text(app).count("Mulai Senin") >= 1, within=3)
        first = str(running.render())
        await asyncio.sleep(0.6)
        await pilot.pause()
        assert str(running.render()) != first  # it moves, so every word passes in turn
        assert len(str(running.render())) <= 80

        texts.clear("sari")
        await until(pilot, lambda: not running.display, within=3)
