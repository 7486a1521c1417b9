"""Hostile values in every stored free-text field, on every face (issue 18).

Hypothesis writes markup (``[/]``, ``[@click=...]``, ``[link=...]``, ``[bold]``), bidirectional and
zero-width characters and very long words straight into the store: the participant's name and
registry details, the complaint, a cancel reason, the poli and doctor names, the desk's counter,
the facility and the central's parked message (as a store filled before the input rules would
hold them). Then the kiosk, the desk, the board and the report are rendered: no crash, no click
action anywhere on screen, and the values shown as typed. A few examples per face: seconds each.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import update
from textual.pilot import Pilot

from kiosk.app import KioskApp
from kiosk.board_app import BoardApp
from kiosk.cli import cli
from kiosk.config import Settings
from kiosk.desk_app import DeskApp
from kiosk.domain.clock import FacilityClock
from kiosk.domain.outbox import OutboxState
from kiosk.services import Services
from kiosk.services.announcer import Announcer
from kiosk.services.desk import DeskService
from kiosk.services.setup import open_clinic
from kiosk.services.staff import StaffService
from kiosk.store.models import (
    DoctorRow,
    FacilityRow,
    OutboxRow,
    ParticipantRow,
    PoliRow,
    TicketEventRow,
    TicketRow,
)
from kiosk.sync.status import sync_status
from tests.conftest import MORNING, QUICK_PIN_ITERATIONS, WIB, MovableClock
from tests.demo_ids import SITI_NIK
from tests.ui.helpers import identify, screen_name, screen_text, settle
from tests.ui.test_desk import take
from tests.ui.test_escaping import actions_on_screen

MARKUP = [
    "[/]",
    "[@click=app.quit]",
    "[@click=screen.dismiss]",
    "[link=https://example.com]",
    "[bold]",
    "[/bold]",
    "[b red on white]",
    "[$accent]",
    "[/link]",
    "\\[",
    "[",
    "]",
]
INVISIBLE = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200e", "\u200f", "\ufeff"]
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéñ"

words = st.text(alphabet=LETTERS, min_size=1, max_size=8)
long_words = st.text(alphabet=LETTERS, min_size=30, max_size=60)
pieces = st.sampled_from(MARKUP) | st.sampled_from(INVISIBLE) | words | long_words


def hostile(limit: int) -> st.SearchStrategy[str]:
    """Markup, invisible characters and words; at least one piece of markup; at most ``limit``."""
    return (
        st.tuples(st.sampled_from(MARKUP), st.lists(pieces, max_size=5))
        .map(lambda t: " ".join([t[0], *t[1]])[:limit].strip() or "[/]")
        .filter(lambda text: "[" in text)
    )


@dataclass(frozen=True)
class Values:
    name: str
    family: str
    fktp: str
    klass: str
    poli: str
    doctor: str
    complaint: str
    reason: str
    counter: str
    message: str


values = st.builds(
    Values,
    name=hostile(60),
    family=hostile(60),
    fktp=hostile(60),
    klass=hostile(30),
    poli=hostile(40),
    doctor=hostile(60),
    complaint=hostile(200),
    reason=hostile(120),
    counter=hostile(30),
    message=hostile(200),
)


def visible(text: str) -> str:
    """What the value looks like on screen: itself, less the bidi and zero-width characters."""
    return "".join(c for c in text if c not in INVISIBLE)


@dataclass
class Clinic:
    services: Services
    booked: int  # Siti's booking for today (Poli Umum)
    walk_in: int  # Budi's number at the kiosk (Poli Umum), waiting at the desk


@pytest.fixture
def clinic(
    database_url: str, make_settings: Callable[..., Settings], clock_source: MovableClock
) -> Iterator[Clinic]:
    """The demo clinic on each engine with a booking, a walk-in, a cancellation, a staff account
    and an outbox item; the examples only rewrite the text fields."""
    services = open_clinic(
        make_settings(database_url=database_url), clock=FacilityClock(WIB, clock_source)
    )
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    booked = take(services, 1)
    walk_in = take(services, 2)
    cancelled = take(services, 1, poli="002")
    services.tickets.cancel(cancelled, "sudah sembuh")
    clock_source.instant = MORNING + timedelta(minutes=3)
    yield Clinic(services, booked, walk_in)
    services.store.dispose()


def write(clinic: Clinic, v: Values) -> None:
    with clinic.services.store.write() as session:
        session.execute(
            update(ParticipantRow)
            .where(ParticipantRow.id == 1)
            .values(display_name=v.name, fktp_name=v.fktp, class_name=v.klass, status_note=v.name)
        )
        session.execute(
            update(ParticipantRow).where(ParticipantRow.id == 2).values(display_name=v.family)
        )
        session.execute(update(PoliRow).where(PoliRow.code == "001").values(name=v.poli))
        session.execute(update(DoctorRow).values(name=v.doctor))
        session.execute(update(FacilityRow).values(name=v.poli))
        session.execute(update(TicketRow).values(complaint=v.complaint, counter=v.counter))
        session.execute(
            update(TicketEventRow)
            .where(TicketEventRow.kind == "cancelled")
            .values(detail={"reason": v.reason})
        )
        session.execute(update(OutboxRow).values(state=OutboxState.PARKED, last_error=v.message))
        # Each example starts from the same queue: the booking not yet checked in, Budi waiting.
        session.execute(
            update(TicketRow)
            .where(TicketRow.id == clinic.booked)
            .values(status="booked", source="booking", checked_in_at=None)
        )
        session.execute(
            update(TicketRow)
            .where(TicketRow.id == clinic.walk_in)
            .values(status="waiting", called_at=None, served_at=None)
        )


EXAMPLES = settings(
    max_examples=2,
    phases=[
        Phase.explicit,
        Phase.reuse,
        Phase.generate,
    ],  # no shrinking: each example is an app run
    deadline=None,
    derandomize=True,  # the same few examples on every run, and in CI
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def run(coroutine: object) -> None:
    asyncio.run(coroutine)  # type: ignore[arg-type]


async def painted(pilot: Pilot[None], *values: str, seconds: float = 15) -> None:
    """Wait until the values are on the screen: a list a worker fills may come a moment after
    the screen on a loaded machine (assert_safe then checks them)."""
    for _ in range(int(seconds / 0.05)):
        text = visible(screen_text(pilot.app))  # type: ignore[arg-type]
        if all(visible(value)[:12] in text for value in values):
            return
        await pilot.pause(0.05)


def assert_safe(app: object, *shown: str) -> None:
    assert app.is_running  # type: ignore[attr-defined]
    assert actions_on_screen(app) == []  # type: ignore[arg-type]
    raw = screen_text(app)  # type: ignore[arg-type]
    hidden = [f"U+{ord(c):04X}" for c in raw if c in INVISIBLE]
    assert not hidden, hidden  # bidi and zero-width characters are left out on screen
    text = visible(raw)
    for value in shown:
        head = visible(value)[:12]
        assert head in text, (head, text)


@pytest.mark.slow  # fuzzing: a whole app walk per example
@given(v=values)
@EXAMPLES
def test_the_kiosk_shows_hostile_values_as_typed(clinic: Clinic, v: Values) -> None:
    write(clinic, v)

    async def walk() -> None:
        app = KioskApp(clinic.services, idle_seconds=3600)
        async with app.run_test(size=(200, 60)) as pilot:
            await identify(pilot, SITI_NIK, intent_key="1")
            assert screen_name(app) == "PoliScreen"  # her status beside the polis
            await painted(pilot, v.name, v.fktp, v.klass, v.poli)
            assert_safe(app, v.name, v.fktp, v.klass)
            assert_safe(app, v.poli)
            await pilot.press("escape", "escape")
            await settle(pilot)
            for intent, screen in (("2", "CheckInScreen"), ("3", "MyStatusScreen")):
                while screen_name(app) != "WelcomeScreen":
                    await pilot.press("escape")
                    await settle(pilot)
                await identify(pilot, SITI_NIK, intent_key=intent)
                assert screen_name(app) == screen
                assert_safe(app, v.poli)
            while screen_name(app) != "WelcomeScreen":
                await pilot.press("escape")
                await settle(pilot)
            await identify(pilot, SITI_NIK, intent_key="2")
            await pilot.press("enter")
            await settle(pilot)
            assert screen_name(app) == "ConfirmScreen"
            assert_safe(app, v.doctor)
            await pilot.press("enter")
            await settle(pilot)
            assert screen_name(app) == "TicketScreen"
            assert_safe(app, v.doctor)

    run(walk())


@pytest.mark.slow  # fuzzing: a whole app walk per example
@given(v=values)
@EXAMPLES
def test_the_desk_shows_hostile_values_as_typed(clinic: Clinic, v: Values) -> None:
    write(clinic, v)

    async def work() -> None:
        app = DeskApp(clinic.services)
        async with app.run_test(size=(200, 60)) as pilot:
            await pilot.press(*"sari", "enter", *"4321", "enter")
            await settle(pilot)
            assert_safe(app, v.poli)  # the poli picker
            await pilot.press("1")
            await settle(pilot)
            assert screen_name(app) == "DeskScreen"
            await painted(pilot, v.family)
            assert_safe(app, v.family)
            for key in ("n", "b", "f", "u", "g"):  # call, serve, finish, undo; the report
                await pilot.press(key)
                await settle(pilot)
                assert_safe(app)
            assert_safe(app, v.poli)

    run(work())


@given(v=values)
@EXAMPLES
def test_the_board_shows_hostile_values_as_typed(clinic: Clinic, v: Values) -> None:
    write(clinic, v)
    called = DeskService(clinic.services.store, clinic.services.clock, clinic.services.slips)
    called.call_next("001", v.counter, "sari")

    async def watch() -> None:
        app = BoardApp(clinic.services, Announcer(enabled=False))
        async with app.run_test(size=(200, 60)) as pilot:
            await painted(pilot, "A-0", v.counter, "Poli " + v.poli)
            assert_safe(app, v.counter, "Poli " + v.poli)

    run(watch())


@given(v=values)
@EXAMPLES
def test_the_report_and_the_sync_status_print_hostile_values_as_typed(
    clinic: Clinic, v: Values, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(clinic, v)
    settings_ = clinic.services.settings
    monkeypatch.setenv("KIOSK_DATA_DIR", str(settings_.data_dir))
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings_.database_url)
    result = CliRunner().invoke(cli, ["report", "--date", "2026-11-23"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert visible(v.poli)[:12] in visible(result.output)
    parked = sync_status(clinic.services.store).parked_items
    assert parked and all(item.message == v.message for item in parked)
