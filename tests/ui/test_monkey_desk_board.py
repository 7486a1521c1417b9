"""Monkeys at the desk and at the board: thousands of random keys, pastes and clicks with a fixed
seed. Nothing may raise, the app keeps running, and afterwards it still does its job: the desk
calls the next patient, the board shows a new call."""

from __future__ import annotations

import contextlib
import random
from typing import Any

import pytest
from sqlalchemy import func, select
from textual import events
from textual.app import App
from textual.errors import NoWidget
from textual.worker import WorkerCancelled

from kiosk.board_app import BoardApp
from kiosk.desk_app import DeskApp
from kiosk.domain.clock import FacilityClock
from kiosk.domain.schedule import default_slot
from kiosk.services import Services
from kiosk.services.announcer import Announcer
from kiosk.services.desk import DeskService
from kiosk.services.setup import open_clinic
from kiosk.services.staff import StaffService
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import ScheduleRow, TicketRow
from tests.conftest import QUICK_PIN_ITERATIONS, WIB, MovableClock
from tests.ui.helpers import SITI_NIK, shows

pytestmark = pytest.mark.slow

STEPS = 2000
# Every key the desk and the board know, and some they do not; no quit keys (staff may quit).
KEYS = [
    *"0123456789nrsbftxaup!/",
    "slash",
    "exclamation_mark",
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "backspace",
    "space",
    "f1",
    "f2",
    "z",
]
PASTES = [
    SITI_NIK,
    "0001234567801",
    "A-003",
    "b12",
    "AK1:P3273010:20261123:A-001:1:FORGED",
    "sari",
    "4321",
    "💥" * 5,
    "' OR 1=1 --",
    "9" * 40,
    "",
]


def walk_ins(services: Services, count: int) -> None:
    today = services.clock.today()
    with services.store.write() as session:
        for row in session.scalars(select(ScheduleRow)):
            row.quota = 999
    for _ in range(count):
        slot = default_slot(services.clinic.poli_day("001", today).slots, services.clock.now())
        assert slot is not None
        services.tickets.take(TakeRequest("001", today, slot.schedule_id))


def waiting(services: Services) -> int:
    with services.store.read() as session:
        count = session.scalar(
            select(func.count()).select_from(TicketRow).where(TicketRow.status == "waiting")
        )
        return int(count or 0)


async def monkey(
    pilot: Any, app: App[None], seed: int, wait: Any, every: int = 40, clicks: float = 0.08
) -> None:
    rng = random.Random(seed)
    width, height = app.size
    for step in range(STEPS):
        roll = rng.random()
        if roll < 0.85:
            name = rng.choice(KEYS)
            app.post_message(events.Key(name, name if len(name) == 1 else None))
        elif roll < 0.85 + clicks:
            with contextlib.suppress(NoWidget):  # the screen was changing under the finger
                await pilot.click(offset=(rng.randrange(width), rng.randrange(height)))
        else:
            app.screen.post_message(events.Paste(rng.choice(PASTES)))
        if step % every == 0:
            await wait(pilot)


async def calm(pilot: Any) -> None:
    """As settle(), but a refresh the desk cancelled for a newer one is not a failure."""
    for _ in range(3):
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def test_random_input_never_breaks_the_desk(
    make_settings: Any, clock_source: MovableClock
) -> None:
    # No printer: a reprint is a PNG drawn in a thread, and the monkey presses "p" a lot.
    services = open_clinic(make_settings(printer="none"), clock=FacilityClock(WIB, clock_source))
    walk_ins(services, 40)
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    app = DeskApp(services)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"sari", "enter", *"4321", "enter")
        await calm(pilot)
        await pilot.press("1")
        await calm(pilot)
        # Fewer taps than at the board: each one waits for the desk's long list to repaint.
        await monkey(pilot, app, 20261124, calm, every=100, clicks=0.03)
        await calm(pilot)
        assert app.is_running
        # Back to the queue of Umum, however the monkey left the desk.
        for _ in range(6):
            name = type(app.screen).__name__
            if name == "DeskScreen":
                break
            if name == "SignInScreen":
                await pilot.press(*"sari", "enter", *"4321", "enter")
            elif name == "PickPoliScreen":
                await pilot.press("1")
            else:
                await pilot.press("escape")
            await calm(pilot)
        assert type(app.screen).__name__ == "DeskScreen"
        walk_ins(services, 2)
        before = waiting(services)
        await pilot.press("n")
        await calm(pilot)
        assert waiting(services) < before, "call next still calls someone"
    services.store.dispose()


async def _board_wait(pilot: Any) -> None:
    await pilot.pause()  # the board's poller never completes: no waiting for workers


async def test_random_input_never_breaks_the_board(services: Services) -> None:
    walk_ins(services, 10)
    desk = DeskService(services.store, services.clock, services.slips)
    app = BoardApp(services, Announcer(enabled=False), poll_seconds=0.1)
    async with app.run_test(size=(120, 36)) as pilot:
        desk.call_next("001", "loket-1", "sari")
        await monkey(pilot, app, 20261125, _board_wait)
        assert app.is_running
        called = desk.call_next("001", "loket-2", "sari")
        assert called is not None
        # 10 s: a bound for a board that never shows it, not a speed
        assert await shows(pilot, called.number), "the board still shows a new call"
