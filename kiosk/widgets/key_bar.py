"""A key bar that always fits: every key and its label, wrapped onto as many lines as the width
needs (Textual's Footer cuts what does not fit on one line). Each item can be tapped."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.events import Resize
from textual.style import Style

from kiosk.widgets.plain import Static

GAP = "  "


@dataclass(frozen=True)
class Key:
    shown: str  # what the key cap says: "n", "/", "F2"
    label: str
    action: str  # an action of the screen, run when the item is tapped


def language_key(lang: str) -> Key:
    """F2, named by the language it switches to (in that language, as a newcomer looks for it)."""
    return Key("F2", "English" if lang == "id" else "Bahasa Indonesia", "switch_lang")


def pack(items: list[Key], width: int) -> list[list[Key]]:
    """Greedy lines of whole items: an item is never split across lines."""
    lines: list[list[Key]] = [[]]
    used = 0
    for item in items:
        size = len(item.shown) + 1 + len(item.label)
        needed = size if not lines[-1] else used + len(GAP) + size
        if lines[-1] and needed > width:
            lines.append([item])
            used = size
        else:
            lines[-1].append(item)
            used = needed
    return lines


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        height: auto;
        width: 1fr;
        background: $panel;
        padding: 0 1;
    }
    """

    def __init__(self, items: list[Key], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = items

    def set_items(self, items: list[Key]) -> None:
        self.items = items
        self._layout(self.content_region.width or self.app.size.width - 2)

    def on_mount(self) -> None:
        self._layout(self.content_region.width or self.app.size.width - 2)

    def on_resize(self, event: Resize) -> None:
        self._layout(self.content_region.width)

    def _layout(self, width: int) -> None:
        if width <= 0:
            return
        parts: list[str | tuple[str, str | Style]] = []
        for number, line in enumerate(pack(self.items, width)):
            if number:
                parts.append("\n")
            for index, item in enumerate(line):
                click = Style.from_meta({"@click": f"screen.{item.action}"})
                if index:
                    parts.append(GAP)
                parts.append((item.shown, Style(bold=True, reverse=True) + click))
                parts.append((" " + item.label, click))
        self.update(Content.assemble(*parts))
