"""Driving a Textual app from the bench: through the Pilot, or with key events posted straight in.

``Pilot.press`` ends every key with two ``wait_for_idle`` sleeps of Textual's 20 ms granularity,
so one press costs at least ~40 ms whatever the app does: the Pilot's floor. Posting the same
``events.Key`` to the app (what the Pilot and a terminal driver do underneath) and then waiting for
the expected state costs only what the app itself does, and lets figure 7 walk many patients.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from bench.common import WALK_INS

WAIT_AT_MOST = 30.0  # seconds any one step may take before the bench calls it stuck

# From the identify screen with the number typed: the three keys to the ticket, and where each
# lands (the status beside the polis, Umum with the suggested shift, confirm).
WALK_IN_STEPS = (
    ("enter", "PoliScreen"),
    ("1", "ConfirmScreen"),
    ("enter", "TicketScreen"),
)
_CHARS = {"enter": "\r", "escape": "\x1b"}


class Driver:
    def __init__(self, pilot: Pilot[Any], direct: bool, paint: bool = True) -> None:
        self.pilot = pilot
        self.app: App[Any] = pilot.app
        self.direct = direct
        self.paint = paint

    async def press(self, *keys: str) -> None:
        """Keys the way this driver was asked to press them (Pilot, or posted)."""
        if self.direct:
            self.post(*keys)
        else:
            await self.pilot.press(*keys)

    def post(self, *keys: str) -> None:
        """Keys posted straight to the app, as a terminal driver does (follow with ``until``)."""
        for key in keys:
            event = events.Key(key, _CHARS.get(key, key if len(key) == 1 else None))
            event.set_sender(self.app)
            self.app.post_message(event)

    async def until(self, done: Callable[[], bool], what: str) -> None:
        """Wait until ``done()`` holds with no worker busy and the screen painted (bounded).

        While waiting, only the screen's pending messages are awaited; the paint
        (``pilot.pause``, which forces the screen's refresh) comes once the state is reached, and
        the state must still hold after it.
        """
        deadline = time.monotonic() + WAIT_AT_MOST
        while True:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the app never reached {what} (on {self.screen_name})")
            await self._handled()
            busy = [worker for worker in self.app.workers if not worker.is_finished]
            if busy:
                await self.app.workers.wait_for_complete(busy)
            elif done():
                if self.paint:
                    await self.pilot.pause(0)
                if done() and all(worker.is_finished for worker in self.app.workers):
                    return
            else:
                await asyncio.sleep(0.0005)

    async def _handled(self) -> None:
        """Every message already queued for the app and its screen handled (Textual 8's Pilot)."""
        wait = getattr(self.pilot, "_wait_for_screen", None)
        if wait is None:
            await self.pilot.pause(0)
        else:
            await wait()
            await asyncio.sleep(0)

    @property
    def screen_name(self) -> str:
        return type(self.app.screen).__name__

    def on(self, name: str) -> Callable[[], bool]:
        """The app shows screen ``name``, composed and mounted."""
        return lambda: self.screen_name == name and self.app.screen.is_mounted


async def walk_in(driver: Driver, identity: str) -> tuple[list[float], int]:
    """One patient from the welcome screen to a ticket and back: (seconds per step, ticket id).

    Only the six steps of :data:`WALK_IN_STEPS` are timed, each from its key to its screen being
    up with no worker busy (the last: the ticket with its QR and slip done). The keys before and
    after them (the intent, the number, Escape) are posted straight in, whatever the driver.
    """
    driver.post("1")
    await driver.until(driver.on("IdentifyScreen"), "the identify screen")
    field = driver.app.screen.query_one("#identity", Input)
    driver.post(*identity)
    await driver.until(lambda: field.value == identity, "the typed number")
    steps: list[float] = []
    for key, screen in WALK_IN_STEPS:
        started = time.perf_counter()
        await driver.press(key)
        await driver.until(driver.on(screen), screen)
        steps.append(time.perf_counter() - started)
    ticket_id: int = driver.app.screen.position.ticket.id  # type: ignore[attr-defined]
    driver.post("escape")
    await driver.until(driver.on("WelcomeScreen"), "the welcome screen")
    return steps, ticket_id


def walk_in_identity(index: int) -> str:
    return WALK_INS[index % len(WALK_INS)]


# -- the bare app: the Pilot's floor ------------------------------------------------------------
class BareScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("bench bare screen")


class BareApp(App[None]):
    """One Static; Enter or 1 pushes an empty screen, Escape pops back to the first."""

    def compose(self) -> ComposeResult:
        yield Static("bench bare app ready")

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            while len(self.screen_stack) > 1:
                self.pop_screen()
        elif event.key in ("enter", "1"):
            self.push_screen(BareScreen())


async def bare_walk(driver: Driver) -> list[float]:
    """The same six keys as :func:`walk_in`, each landing on a new empty screen."""
    app = driver.app
    steps: list[float] = []
    for depth, (key, _screen) in enumerate(WALK_IN_STEPS, start=2):
        started = time.perf_counter()
        await driver.press(key)
        await driver.until(lambda depth=depth: len(app.screen_stack) == depth, f"depth {depth}")
        steps.append(time.perf_counter() - started)
    driver.post("escape")
    await driver.until(lambda: len(app.screen_stack) == 1, "the first screen")
    return steps
