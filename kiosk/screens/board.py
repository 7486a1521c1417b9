"""The waiting-room board: the number called at each poli, the last calls, who waits.

The screen only draws what it is given: the app reads the store (in a thread) and hands each
new :class:`BoardState` to :meth:`BoardScreen.show`, with the calls that are news, which flash.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer

from kiosk.domain.announce import call_text
from kiosk.i18n import t
from kiosk.services.board import BoardState, Call
from kiosk.widgets.board_panels import PoliGrid, PoliPanel, RecentCalls
from kiosk.widgets.plain import Static
from kiosk.widgets.running_text import RunningText


class BoardScreen(Screen[None]):
    """A display, not a form: nothing to focus, nothing to press."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]

    def __init__(
        self,
        facility_name: str,
        lang: str,
        now: Callable[[], datetime],
        *,
        sound: bool,
        flash_seconds: float = 5.0,
    ) -> None:
        super().__init__()
        self.facility_name = facility_name
        self.lang = lang
        self.now = now
        self.sound = sound
        self.flash_seconds = flash_seconds
        self.state: BoardState | None = None
        """The state on screen: kept once its panels are in place (mounting them takes a moment)."""
        self.stale = False
        self._flashing: dict[str, Timer] = {}  # poli code -> the timer that ends its flash

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def compose(self) -> ComposeResult:
        with Horizontal(id="board-header"):
            yield Static(self.facility_name, id="board-facility")
            yield Static(self.t("board.title"), id="board-title")
            yield Static(self._clock_text(), id="board-clock")
        yield Static(self.t("board.loading"), id="board-empty")
        yield PoliGrid(id="polis")
        recent = RecentCalls(self.lang, id="recent")
        recent.border_title = self.t("board.recent")
        if not self.sound:
            recent.border_subtitle = self.t("board.sound_off")
        yield recent
        running = RunningText(id="running-text")
        running.display = False
        yield running
        yield Static(id="ticker")

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick, name="clock")

    def _clock_text(self) -> str:
        now = self.now()
        weekday = self.t("board.weekdays").split(",")[now.weekday()]
        return f"{weekday} {now:%d/%m/%Y %H:%M:%S}"

    def _tick(self) -> None:
        self.query_one("#board-clock", Static).update(self._clock_text())

    # -- showing a state ---------------------------------------------------------------------
    async def show(self, state: BoardState, news: list[Call]) -> None:
        """Draw ``state``; the calls in ``news`` flash for a few seconds."""
        self.facility_name = state.facility_name
        self.query_one("#board-facility", Static).update(state.facility_name)
        polis = self.query_one("#polis", PoliGrid)
        panels = list(polis.query_children(PoliPanel))
        if [panel.board.code for panel in panels] != [board.code for board in state.polis]:
            await polis.remove_children()
            panels = [PoliPanel(board, self.lang) for board in state.polis]
            for panel in panels:
                panel.set_class(panel.board.code in self._flashing, "flash")
            await polis.mount_all(panels)
            polis.lay_out()
        else:
            for panel, board in zip(panels, state.polis, strict=True):
                panel.show(board)
        self.state = state
        empty = self.query_one("#board-empty", Static)
        empty.update(self.t("board.empty"))
        empty.display = not state.polis
        polis.display = bool(state.polis)
        recent = self.query_one("#recent", RecentCalls)
        recent.calls = state.recent
        self.query_one("#running-text", RunningText).show_text(state.running_text)
        for call in news:
            self._flash(call)
        self._show_ticker()

    def set_stale(self, stale: bool) -> None:
        """The store cannot be read: say so, keep the last state on screen."""
        if stale != self.stale:
            self.stale = stale
            self._show_ticker()

    def _show_ticker(self) -> None:
        ticker = self.query_one("#ticker", Static)
        latest = self.state.recent[0] if self.state and self.state.recent else None
        if self.stale:
            ticker.update(self.t("board.stale"))
        else:
            ticker.update(
                call_text(latest.number, latest.poli_name, latest.counter) if latest else ""
            )
        ticker.set_class(self.stale, "stale")
        ticker.set_class(
            not self.stale and latest is not None and latest.poli_code in self._flashing, "flash"
        )

    def _flash(self, call: Call) -> None:
        previous = self._flashing.pop(call.poli_code, None)
        if previous is not None:
            previous.stop()
        self._flashing[call.poli_code] = self.set_timer(
            self.flash_seconds, lambda: self._end_flash(call.poli_code, call.ticket_id)
        )
        for panel in self.query_one("#polis").query_children(PoliPanel):
            if panel.board.code == call.poli_code:
                panel.add_class("flash")
        recent = self.query_one("#recent", RecentCalls)
        recent.fresh = recent.fresh | {call.ticket_id}

    def _end_flash(self, poli_code: str, ticket_id: int) -> None:
        self._flashing.pop(poli_code, None)
        for panel in self.query_one("#polis").query_children(PoliPanel):
            if panel.board.code == poli_code:
                panel.remove_class("flash")
        recent = self.query_one("#recent", RecentCalls)
        recent.fresh = recent.fresh - {ticket_id}
        self._show_ticker()
