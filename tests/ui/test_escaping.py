"""Every value is text, never markup (issue 18): a name like ``[/] Hidayat`` crashed the kiosk's
check-in and the desk's list, and ``[@click=app.quit]Rahmat[/] Hidayat`` became a link that quit.

The names are written straight into the store, as a store filled before names were checked on the
way in would hold them; the screens must show them as typed whatever the store holds.
"""

from __future__ import annotations

from sqlalchemy import update
from textual.app import App
from textual.pilot import Pilot

from kiosk.app import KioskApp
from kiosk.board_app import BoardApp
from kiosk.desk_app import DeskApp
from kiosk.services import Services
from kiosk.services.announcer import Announcer
from kiosk.services.desk import DeskService
from kiosk.services.staff import StaffService
from kiosk.store.models import ParticipantRow, PoliRow
from kiosk.widgets.key_bar import KeyBar
from tests.conftest import QUICK_PIN_ITERATIONS
from tests.demo_ids import SITI_NIK
from tests.ui.helpers import identify, screen_name, screen_text, settle, shows
from tests.ui.test_board import ready as board_ready
from tests.ui.test_desk import take
from tests.ui.test_phone_checkin import book_umum_from_the_phone

CLOSES_NOTHING = "[/] Hidayat"
QUITS = "[@click=app.quit]Rahmat[/] Hidayat"


def actions_on_screen(app: App[None]) -> list[str]:
    """The click actions any cell on screen carries (markup like ``[@click=...]`` makes them).
    The desk's key bar is left out: its taps are ours, built from our own labels, never a value."""
    bars = [bar.region for bar in app.screen.query(KeyBar)]
    found = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            meta = segment.style.meta if segment.style else {}
            ours = any(region.contains(x, y) for region in bars)
            if "@click" in meta and not ours:
                found.append(f"{segment.text!r}: {meta['@click']}")
            x += segment.cell_length
    return found


def name_participant(services: Services, participant_id: int, name: str) -> None:
    with services.store.write() as session:
        session.execute(
            update(ParticipantRow)
            .where(ParticipantRow.id == participant_id)
            .values(display_name=name)
        )


async def click_every_cell_showing(pilot: Pilot[None], text: str) -> None:
    """Click where ``text`` is on screen, as a patient or a clerk would tap a name."""
    lines = screen_text(pilot.app).splitlines()  # type: ignore[arg-type]
    for y, line in enumerate(lines):
        x = line.find(text)
        if x >= 0:
            await pilot.click(offset=(x + 1, y))
            await settle(pilot)


async def test_bracketed_names_check_in_at_the_kiosk(services: Services) -> None:
    await book_umum_from_the_phone(services)  # Siti (participant 1) books Poli Umum
    name_participant(services, 1, CLOSES_NOTHING)
    name_participant(services, 2, QUITS)  # Budi, on the same family card
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK, intent_key="1")
        assert screen_name(app) == "PoliScreen"
        assert "[/] Hidayat" in screen_text(app)  # the status card and the family list
        assert "✓ [@click=app.quit]Rahmat[/]" in screen_text(app)  # Budi, the other choice
        assert actions_on_screen(app) == []
        await click_every_cell_showing(pilot, "[@click=app.quit]")
        assert app.is_running  # the tap chose Budi, and quit nothing
        for _ in range(6):
            if screen_name(app) == "WelcomeScreen":
                break
            await pilot.press("escape")
            await settle(pilot)

        await identify(pilot, SITI_NIK, intent_key="2")
        assert screen_name(app) == "CheckInScreen"
        assert await shows(pilot, "A-001  Poli Umum  [/] H")
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "ConfirmScreen"  # crashed here with a MarkupError
        assert await shows(pilot, "[/] Hidayat")
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
        assert actions_on_screen(app) == []
        assert app.is_running


async def test_bracketed_names_are_listed_called_and_served_at_the_desk(
    services: Services,
) -> None:
    take(services, 1)  # Siti takes a number at the kiosk
    name_participant(services, 1, QUITS)
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    app = DeskApp(services)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"sari", "enter", *"4321", "enter")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert screen_name(app) == "DeskScreen"  # listing the name crashed the desk
        assert await shows(pilot, "A-001  [@click=app.quit]Rahmat[/] Hidayat")
        assert actions_on_screen(app) == []
        await click_every_cell_showing(pilot, "[@click=app.quit]")
        assert app.is_running
        for key in ("n", "b", "f"):  # call, start service, finish
            await pilot.press(key)
            await settle(pilot)
            assert screen_name(app) == "DeskScreen"
            assert actions_on_screen(app) == []
        assert app.is_running


async def test_a_bracketed_poli_name_is_called_on_the_board(services: Services) -> None:
    with services.store.write() as session:
        session.execute(update(PoliRow).where(PoliRow.code == "001").values(name="[/]Umum"))
    take(services, 1)
    DeskService(services.store, services.clock, services.slips).call_next("001", "[b]1", "sari")
    app = BoardApp(services, Announcer(enabled=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await board_ready(pilot)
        shown = screen_text(app)
        assert "Poli [/]Umum" in shown  # the panel's border, the last calls and the ticker
        assert "[b]1" in shown  # the counter, as the desk typed it
        assert actions_on_screen(app) == []


async def test_a_stored_right_to_left_override_is_left_out_on_screen(services: Services) -> None:
    """A name stored before the input rules may hold U+202E: shown, it would turn the rest of the
    line around in a real terminal (a number read backwards). The screens leave it out."""
    take(services, 1)
    name_participant(services, 1, "Siti\u202e Aminah\u200b 1-A")
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK, intent_key="1")
        assert "Siti Aminah 1-A" in screen_text(app)
        assert "\u202e" not in screen_text(app) and "\u200b" not in screen_text(app)
