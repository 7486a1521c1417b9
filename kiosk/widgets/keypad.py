"""An on-screen numeric keypad for touch screens; the physical keyboard works alongside it."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message

from kiosk.widgets.plain import Static

_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok")
_FACES = {"del": "⌫", "ok": "OK"}


class Key(Static):
    """One key. Not a Button: a Button ignores a second tap while it animates the first, and
    "0 0" typed quickly on a touch screen must give two zeros. Keys never take focus, so the
    identity field keeps the keyboard and the scanner."""

    def __init__(self, key: str) -> None:
        super().__init__(_FACES.get(key, key), id=f"key-{key}", classes=f"key key-{key}")
        self.key = key

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Keypad.Pressed(self.key))


class Keypad(Grid):
    class Pressed(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key  # a digit, "del" or "ok"

    def compose(self) -> ComposeResult:
        for key in _KEYS:
            yield Key(key)
