"""The front desk through the Pilot: sign in, pick a poli, every action key, undo, find."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from kiosk.desk_app import DeskApp
from kiosk.domain.models import TicketStatus
from kiosk.domain.schedule import default_slot
from kiosk.services import Services
from kiosk.services.staff import MAX_ATTEMPTS, StaffService
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import PoliRow, TicketEventRow, TicketRow
from tests.conftest import QUICK_PIN_ITERATIONS
from tests.ui.helpers import screen_name, screen_text, settle, shows, text_of


def take(services: Services, participant_id: int | None = None, poli: str = "001") -> int:
    today = services.clock.today()
    slot = default_slot(services.clinic.poli_day(poli, today).slots, services.clock.now())
    assert slot is not None
    request = TakeRequest(poli, today, slot.schedule_id, participant_id)
    return services.tickets.take(request).ticket.id


def said(app: DeskApp) -> str:
    """The desk's message line, unwrapped."""
    return " ".join(text_of(app, "#message").split())


def status(services: Services, ticket_id: int) -> str:
    with services.store.read() as session:
        return session.get_one(TicketRow, ticket_id).status


@pytest.fixture
def desk_services(services: Services) -> Services:
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    return services


async def sign_in(pilot: Pilot[None], name: str = "sari", pin: str = "4321") -> None:
    await pilot.press(*name, "enter", *pin, "enter")
    await settle(pilot)


async def open_umum(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    await pilot.press("1")
    await settle(pilot)


async def key(pilot: Pilot[None], name: str) -> None:
    await pilot.press(name)
    await settle(pilot)


async def test_call_serve_finish_and_undo(desk_services: Services) -> None:
    first, second = take(desk_services, 1), take(desk_services, 2)
    app = DeskApp(desk_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_umum(pilot)
        assert screen_name(app) == "DeskScreen"
        assert "A-001" in screen_text(app) and "A-002" in screen_text(app)
        await key(pilot, "n")
        assert status(desk_services, first) == TicketStatus.CALLED
        assert "Memanggil A-001" in said(app)
        await key(pilot, "r")
        assert "Memanggil ulang A-001" in said(app)
        await key(pilot, "b")
        assert status(desk_services, first) == TicketStatus.SERVING
        await key(pilot, "f")
        assert status(desk_services, first) == TicketStatus.SERVED
        await key(pilot, "u")
        assert status(desk_services, first) == TicketStatus.SERVING
        await key(pilot, "n")
        assert status(desk_services, second) == TicketStatus.CALLED
        await key(pilot, "s")
        assert status(desk_services, second) == TicketStatus.SKIPPED
        await key(pilot, "a")
        assert status(desk_services, second) == TicketStatus.WAITING
        await key(pilot, "x")
        assert "A-002" in screen_text(app)  # the dialog names whom it cancels
        assert status(desk_services, second) == TicketStatus.WAITING
        await key(pilot, "1")
        assert status(desk_services, second) == TicketStatus.CANCELLED


async def test_transfer_priority_find_and_reprint(desk_services: Services) -> None:
    first = take(desk_services, 1)
    take(desk_services)
    code = desk_services.slips.code_for(desk_services.tickets.get(first))
    app = DeskApp(desk_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_umum(pilot)
        await key(pilot, "slash")
        await pilot.press(*code, "enter")
        await settle(pilot)
        assert "A-001: Poli Umum" in said(app)
        await key(pilot, "exclamation_mark")
        await key(pilot, "1")  # pregnant
        with desk_services.store.read() as session:
            assert session.get_one(TicketRow, first).priority_reason == "pregnant"
        await key(pilot, "p")
        assert "dicetak ulang" in said(app)
        await key(pilot, "t")
        await key(pilot, "1")  # the first other poli: Gigi
        with desk_services.store.read() as session:
            row = session.get_one(TicketRow, first)
            assert (row.current_poli, row.number, row.status) == ("002", "A-001", "waiting")
        forged = code[:-1] + ("B" if code[-1] == "A" else "A")
        await key(pilot, "slash")
        await pilot.press(*forged, "enter")
        await settle(pilot)
        assert "tidak sah" in said(app)
        assert "loket pendaftaran" not in said(app)  # the clerk's wording, not the patient's


async def test_nothing_selected_and_nobody_waiting_are_said(desk_services: Services) -> None:
    app = DeskApp(desk_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_umum(pilot)
        await key(pilot, "n")
        assert "Tidak ada yang menunggu" in said(app)
        await key(pilot, "r")
        assert "Pilih nomor di daftar dulu" in said(app)


async def test_wrong_pins_lock_the_desk_user(desk_services: Services) -> None:
    app = DeskApp(desk_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, pin="0000")
        assert "PIN salah" in screen_text(app)
        for _ in range(MAX_ATTEMPTS - 1):
            await pilot.press(*"0000", "enter")
            await settle(pilot)
        assert "Terlalu banyak PIN salah" in screen_text(app)
        await pilot.press(*"4321", "enter")
        await settle(pilot)
        assert screen_name(app) == "SignInScreen"


async def test_f2_keeps_the_typed_name_and_the_pin_comes_next(desk_services: Services) -> None:
    """A newcomer types her name, switches to English, and types her PIN: it goes to the PIN."""
    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"sari", "f2")
        await settle(pilot)
        assert app.screen.query_one("#name", Input).value == "sari"
        assert app.focused is app.screen.query_one("#pin", Input)
        await pilot.press(*"1111", "enter")
        await settle(pilot)
        assert "Wrong name or PIN" in screen_text(app)
        assert "An admin can set a new one" in screen_text(app)
        await pilot.press(*"4321", "enter")
        await settle(pilot)
        assert screen_name(app) != "SignInScreen"


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_long_poli_name_leaves_the_counter_and_the_staff_name_in_sight(
    desk_services: Services, lang: str
) -> None:
    long_name = "Kesehatan Ibu dan Anak dan Keluarga Berencana"
    with desk_services.store.write() as session:
        session.get_one(PoliRow, "001").name = long_name
    StaffService(desk_services.store, desk_services.clock, QUICK_PIN_ITERATIONS).add(
        "Sari Dewi Kusumawardani", "4321"
    )
    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        if lang == "en":
            await pilot.press("f2")
        await sign_in(pilot, name="Sari Dewi Kusumawardani")
        await pilot.press("1")
        await settle(pilot)
        header = " ".join(text_of(app, "#header-facility").split())
        assert long_name in header and header.endswith("· Sari Dewi Kusumawardani")
        top = screen_text(app).splitlines()[:2]
        assert "Sari Dewi Kusumawardani" in top[1] and "Loket" in top[1]


async def test_a_walk_in_from_the_kiosk_appears_by_itself(desk_services: Services) -> None:
    """Nobody presses a key: the desk's list rereads the store each second (how soon is a
    figure to measure, not a timed test)."""
    app = DeskApp(desk_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_umum(pilot)
        assert "A-001" not in screen_text(app)
        take(desk_services)
        assert await shows(pilot, "A-001")


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_desk_snapshot(desk_services: Services, snap_compare: Any, size: tuple[int, int]) -> None:
    take(desk_services, 1)
    take(desk_services, 2)
    take(desk_services)

    async def run_before(pilot: Pilot[None]) -> None:
        await open_umum(pilot)
        await key(pilot, "n")

    assert snap_compare(DeskApp(desk_services), terminal_size=size, run_before=run_before)


async def test_the_desk_calls_to_its_counter_and_the_audit_says_so(
    desk_services: Services,
) -> None:
    """`kiosk desk --counter "Ruang 2"`: calls go to that room, on the ticket and in the audit."""
    first = take(desk_services, 1)
    app = DeskApp(desk_services, counter="Ruang 2")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_umum(pilot)
        await key(pilot, "n")
        assert status(desk_services, first) == TicketStatus.CALLED
    with desk_services.store.read() as session:
        assert session.get_one(TicketRow, first).counter == "Ruang 2"
        event = session.scalars(
            select(TicketEventRow).where(
                TicketEventRow.ticket_id == first, TicketEventRow.kind == "called"
            )
        ).one()
        assert event.detail["counter"] == "Ruang 2"


async def test_o_calls_the_chosen_ticket_out_of_turn_with_a_reason(
    desk_services: Services,
) -> None:
    first, second = take(desk_services, 1), take(desk_services, 2)
    app = DeskApp(desk_services, counter="Ruang 2")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_umum(pilot)
        await key(pilot, "down")  # the second row: A-002
        await key(pilot, "o")
        assert "Hasil laboratorium" in screen_text(app)
        await key(pilot, "2")  # a lab result
        assert status(desk_services, second) == TicketStatus.CALLED
        assert status(desk_services, first) == TicketStatus.WAITING
        assert "Memanggil A-002" in said(app)


def _burst(app: DeskApp, keys: str) -> None:
    """Keys as a scanner or a fast typist sends them: all queued before the first is handled."""
    names = {"\t": "tab", "\r": "enter"}
    for character in keys:
        app.post_message(events.Key(names.get(character, character), character))


@pytest.mark.parametrize("between", ["\t", "\r"])
async def test_name_tab_and_pin_in_one_burst_sign_in(desk_services: Services, between: str) -> None:
    StaffService(desk_services.store, desk_services.clock, QUICK_PIN_ITERATIONS).add(
        "Budi Santoso", "2580"
    )
    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        _burst(app, f"Budi Santoso{between}2580\r")
        await settle(pilot)
        assert app.member is not None and app.member.name == "Budi Santoso"
        assert screen_name(app) == "PickPoliScreen"


async def test_after_a_burst_the_name_field_takes_keys_again(desk_services: Services) -> None:
    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        _burst(app, "sari\t0000\r")
        await settle(pilot)
        assert "PIN salah" in screen_text(app)
        await pilot.click("#name")
        await pilot.press("end", "backspace", *"x")
        assert app.screen.query_one("#name", Input).value == "sarx"
