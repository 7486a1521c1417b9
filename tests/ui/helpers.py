"""Driving the kiosk through the Pilot the way a patient would."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from kiosk.app import KioskApp
from tests.demo_ids import AGUS_NIK, BUDI_CARD, DEWI_NIK, RINA_NIK, RUDI_NIK, SITI_NIK  # noqa: F401


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and their results reach the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


async def identify(pilot: Pilot[None], number: str, intent_key: str = "1") -> None:
    await pilot.press(intent_key)
    await settle(pilot)
    await type_text(pilot, number)
    await pilot.press("enter")
    await settle(pilot)


async def take_umum_with_defaults(pilot: Pilot[None]) -> None:
    """From the status screen: the card holder, Umum, default shift, no complaint, confirm."""
    for key in ("enter", "1", "enter", "enter", "enter"):
        await pilot.press(key)
        await settle(pilot)


def screen_name(app: KioskApp) -> str:
    return type(app.screen).__name__


def text_of(app: KioskApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def screen_text(app: KioskApp) -> str:
    """Everything the screen shows, as plain text (what a patient reads)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
