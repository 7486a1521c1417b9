"""The counter chosen at desk sign-in: offered as the one this terminal used last (else
--counter), changed with one more Tab, used for the calls and remembered for the next sign-in."""

from __future__ import annotations

from sqlalchemy import select, update
from textual.widgets import Input

from kiosk.desk_app import DeskApp
from kiosk.services import Services
from kiosk.services.counter import COUNTER_MAX
from kiosk.services.staff import StaffService
from kiosk.store.models import PoliRow, TicketEventRow
from tests.conftest import QUICK_PIN_ITERATIONS
from tests.ui.helpers import screen_name, screen_text, settle, text_of
from tests.ui.test_desk import _burst, open_umum, take


async def test_the_counter_is_chosen_at_sign_in_and_offered_next_time(services: Services) -> None:
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    take(services)
    app = DeskApp(services, counter="Ruang 2")
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#counter", Input)
        assert field.value == "Ruang 2"  # nothing used here yet: --counter
        await pilot.press(*"sari", "tab", *"4321", "tab")
        assert app.focused is field
        field.value = ""
        await pilot.press(*"Ruang\u200b 5", "enter")
        await settle(pilot)
        assert screen_name(app) == "PickPoliScreen"
        await pilot.press("1")
        await settle(pilot)
        assert "Ruang 5" in text_of(app, "#header-facility")
        await pilot.press("n")
        await settle(pilot)
    with services.store.read() as session:
        called = session.scalars(select(TicketEventRow).where(TicketEventRow.kind == "called"))
        event = called.one()
    assert (event.actor, event.detail["counter"]) == ("sari@Ruang 5", "Ruang 5")

    # The next sign-in at this terminal offers Ruang 5, even when started with --counter.
    again = DeskApp(services, counter="Ruang 2")
    async with again.run_test(size=(80, 24)) as pilot:
        assert again.screen.query_one("#counter", Input).value == "Ruang 5"
        assert "Loket / ruang panggilan:" in screen_text(again)
        _burst(again, "sari\t4321\r")  # the fast typist's burst still signs in, with Ruang 5
        await settle(pilot)
        assert screen_name(again) == "PickPoliScreen" and again.counter == "Ruang 5"


async def test_an_emptied_counter_calls_to_the_poli_s_loket(services: Services) -> None:
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    app = DeskApp(services, counter="Ruang 2")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#counter", Input).value = "  "
        await open_umum(pilot)  # sari signs in, Poli Umum
        assert "Loket Umum" in text_of(app, "#header-facility")


async def test_a_long_poli_name_gives_a_loket_that_fits_the_ticket(services: Services) -> None:
    """PostgreSQL refuses a counter longer than the ticket's column, where SQLite keeps it: the
    poli's own loket is cut to fit, and the call goes through."""
    long_name = "Kesehatan Ibu dan Anak serta Keluarga Berencana"
    with services.store.write() as session:
        session.execute(update(PoliRow).where(PoliRow.code == "001").values(name=long_name))
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    take(services)
    app = DeskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#counter", Input).value = ""
        await open_umum(pilot)  # sari signs in, Poli Umum
        await pilot.press("n")
        await settle(pilot)
    with services.store.read() as session:
        event = session.scalars(select(TicketEventRow).where(TicketEventRow.kind == "called")).one()
    counter = event.detail["counter"]
    assert counter.startswith("Loket Kesehatan Ibu") and counter.endswith("…")
    assert len(counter) <= COUNTER_MAX
