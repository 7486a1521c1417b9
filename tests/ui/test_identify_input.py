"""Bad input at the identify screen: whatever is typed on the keypad, pasted or scanned, the
patient sees a message in the error line and stays on the screen; nothing raises."""

from __future__ import annotations

import random

import pytest
from textual import events
from textual.widgets import Input

from kiosk.app import KioskApp
from kiosk.services import Services
from tests.ui.helpers import screen_name, settle, text_of

pytestmark = pytest.mark.slow

# What a scanner in the wrong mode, a child at the keypad or a forged slip could deliver.
ALPHABET = "0123456789 -:AKakP\t\u00a0\u0660²💥éß'\";%\x1b\x00"
SAMPLES = 24


def random_texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = ["", " ", "-" * 30, "AK1:", "AK1:P3273010:20261123:A-001:1:X", "1" * 17, "٣" * 16]
    while len(texts) < SAMPLES:
        texts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 40))))
    return texts


@pytest.mark.parametrize("intent_key", ["1", "2"], ids=["take", "check-in"])
async def test_any_pasted_or_typed_text_gets_a_message_not_a_crash(
    services: Services, intent_key: str
) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(intent_key)
        await settle(pilot)
        assert screen_name(app) == "IdentifyScreen"
        for index, text in enumerate(random_texts(20261123 + int(intent_key))):
            field = app.screen.query_one("#identity", Input)
            field.value = ""
            if index % 2:
                app.screen.post_message(events.Paste(text))
                await pilot.pause()
                await pilot.press("enter")
            else:  # typed on the on-screen keypad, one tap per character it has
                for char in text:
                    if char.isascii() and char.isdigit():
                        await pilot.click(f"#key-{char}")
                await pilot.click("#key-ok")
            await settle(pilot)
            assert screen_name(app) == "IdentifyScreen", f"{text!r} left the screen"
            assert text_of(app, "#error").strip(), f"{text!r} gave no message"
        assert app.is_running
