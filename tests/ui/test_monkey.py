"""A monkey at the kiosk: thousands of random keys, pastes and taps with a fixed seed.

Nothing may raise, the app must keep running, and afterwards a patient can still take a number.
"""

from __future__ import annotations

import contextlib
import random

import pytest
from textual import events
from textual.errors import NoWidget

from kiosk.app import KioskApp
from kiosk.services import Services
from tests.ui.helpers import SITI_NIK, identify, screen_name, settle, take_umum_with_defaults

pytestmark = pytest.mark.slow

KEYS = [
    *"0123456789",
    "enter",
    "escape",
    "left",
    "right",
    "up",
    "down",
    "tab",
    "backspace",
    "space",
    "f2",
    "a",
    "z",
    ":",
    "-",
    "ctrl+q",
    "ctrl+c",
    "home",
    "end",
    "pageup",
]
PASTES = [
    SITI_NIK,
    "0001234567802",
    "3273-0149-0295-0006",
    "AK1:P3273010:20261123:A-001:1:X",
    "💥" * 5,
    "' OR 1=1 --",
    "9" * 40,
    "",
]


async def test_random_input_never_breaks_the_kiosk(services: Services) -> None:
    rng = random.Random(20261123)
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        for step in range(2000):
            roll = rng.random()
            if roll < 0.85:
                # Straight into the app's queue, as a fast hand or a scanner would deliver them.
                name = rng.choice(KEYS)
                app.post_message(events.Key(name, name if len(name) == 1 else None))
            elif roll < 0.93:
                with contextlib.suppress(NoWidget):  # the screen was changing under the finger
                    await pilot.click(offset=(rng.randrange(80), rng.randrange(24)))
            else:
                app.screen.post_message(events.Paste(rng.choice(PASTES)))
            if step % 40 == 0:
                await settle(pilot)
            if screen_name(app) == "StaffExit":
                await pilot.press("escape")  # the monkey does not know the PIN
        await settle(pilot)
        assert app.is_running
        app.reset()
        await settle(pilot)
        assert screen_name(app) == "WelcomeScreen"
        await identify(pilot, SITI_NIK)
        await take_umum_with_defaults(pilot)
        assert screen_name(app) in {"TicketScreen"}
