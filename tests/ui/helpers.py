"""Driving the kiosk through the Pilot the way a patient would."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerCancelled

from kiosk.app import KioskApp
from tests.demo_ids import AGUS_NIK, BUDI_CARD, DEWI_NIK, RINA_NIK, RUDI_NIK, SITI_NIK  # noqa: F401


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and their results reach the screen."""
    for _ in range(3):
        # An exclusive worker replaced by a newer one (a refresh) ends cancelled: not a failure.
        with suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """The characters as a card reader or a quick typist sends them: every key queued at once, in
    order, then one wait for the screen. (``Pilot.press`` waits for idle twice after each key,
    some 40 ms a character however fast the app is.)"""
    app = pilot.app
    for character in text:
        event = events.Key(_character_to_key(character), character)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()


async def identify(pilot: Pilot[None], number: str, intent_key: str = "1") -> None:
    await pilot.press(intent_key)
    await settle(pilot)
    await type_text(pilot, number)
    await pilot.press("enter")
    await settle(pilot)


async def take_umum_with_defaults(pilot: Pilot[None]) -> None:
    """From the poli screen (status beside it): the card holder, Umum, the suggested shift, no
    complaint, and the confirmation's first option."""
    for key in ("1", "enter"):
        await pilot.press(key)
        await settle(pilot)


def go_idle(app: KioskApp, seconds: float = 2) -> None:
    """From now, ``seconds`` without input count as idle. Tests walk to a screen with the idle
    time far away (a slow machine must not trip it on the way), then shorten it here."""
    app.idle_seconds = seconds
    app.touch()


async def screens_until(pilot: Pilot[None], name: str, seconds: float = 15) -> list[str]:
    """The screens shown, in order, until ``name`` comes (nobody touches anything meanwhile)."""
    seen: list[str] = []
    for _ in range(int(seconds / 0.05)):
        current = screen_name(pilot.app)  # type: ignore[arg-type]
        if not seen or seen[-1] != current:
            seen.append(current)
        if current == name:
            return seen
        await pilot.pause(0.05)
    raise AssertionError(f"never reached {name}: {seen}")


async def until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 10) -> bool:
    """Whether ``condition`` holds within ``seconds``: a screen pushed a moment ago may not have
    been painted yet, and a list that refreshes every second by itself may take longer than that,
    on a loaded machine."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return False


async def shows(pilot: Pilot[None], text: str, seconds: float = 10) -> bool:
    """Whether ``text`` is on the screen within ``seconds``."""
    return await until(pilot, lambda: text in screen_text(pilot.app), seconds)  # type: ignore[arg-type]


async def leaves(pilot: Pilot[None], text: str, seconds: float = 10) -> bool:
    """Whether ``text`` is gone from the screen within ``seconds``."""
    return await until(pilot, lambda: text not in screen_text(pilot.app), seconds)  # type: ignore[arg-type]


def screen_name(app: KioskApp) -> str:
    return type(app.screen).__name__


def text_of(app: KioskApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def screen_text(app: KioskApp) -> str:
    """Everything the screen shows, as plain text (what a patient reads)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
