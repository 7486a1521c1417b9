"""The board's running text: staff's line for the waiting room, crossing the screen when long.

The words are staff's free text, shown through the plain ``Static`` (text, never markup). A line
that fits stands still; a longer one moves one cell at a time, so all of it passes in turn.
"""

from __future__ import annotations

from textual.events import Resize
from textual.timer import Timer

from kiosk.widgets.plain import Static

STEP_SECONDS = 0.25
GAP = "     "  # between the end of the line and its start coming round again


class RunningText(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.line = ""
        self.offset_cells = 0
        self._timer: Timer | None = None

    def show_text(self, text: str) -> None:
        """Show ``text`` (empty: hide the line). The same text again keeps its place."""
        if text == self.line:
            return
        self.line, self.offset_cells = text, 0
        self.display = bool(text)
        self._draw()

    def on_resize(self, event: Resize) -> None:
        self._draw()

    def _width(self) -> int:
        return max(self.content_region.width, 1)

    def _moving(self) -> bool:
        return len(self.line) > self._width()

    def _draw(self) -> None:
        if not self._moving():
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            self.update(self.line)
            return
        loop = self.line + GAP
        start = self.offset_cells % len(loop)
        self.update((loop[start:] + loop)[: self._width()])
        if self._timer is None:
            self._timer = self.set_interval(STEP_SECONDS, self._step, name="running-text")

    def _step(self) -> None:
        self.offset_cells += 1
        self._draw()
