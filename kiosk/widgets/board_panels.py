"""The board's pieces: one panel per poli, and the list of the last calls."""

from __future__ import annotations

from math import ceil

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.reactive import reactive
from textual.widget import Widget

from kiosk.i18n import t
from kiosk.services.board import Call, PoliBoard
from kiosk.widgets.big_number import BigNumber, best_fit
from kiosk.widgets.plain import Static, Table, TextTitles, Vertical, shown_text

# What a poli panel spends around its number: border and padding across, border, the counter
# (three rows: big enough to read from the back of the room) and the waiting line down (kept in
# step with board.tcss).
PANEL_CHROME = (4, 6)
SHORT_CHROME = (4, 4)  # a short terminal: the counter is one line of bold text
SAMPLE_NUMBER = "A-000"  # every queue number has this many characters


def best_columns(
    panels: int, width: int, height: int, chrome: tuple[int, int] = SHORT_CHROME
) -> int:
    """How many panels per row make the numbers largest in a ``width`` x ``height`` area."""
    best, best_score = 1, -1.0
    for columns in range(1, max(panels, 1) + 1):
        rows = ceil(panels / columns)
        inner_width = width // columns - chrome[0]
        inner_height = height // rows - chrome[1]
        fit = best_fit(len(SAMPLE_NUMBER), inner_width, inner_height)
        # Without a fit the number is one line of text: then the wider panel (names fit).
        score = fit.score if fit else (inner_width / 1000 if inner_height >= 1 else -1.0)
        if score > best_score:
            best, best_score = columns, score
    return best


class PoliGrid(Container):
    """The poli panels, in the number of columns that makes their numbers largest.

    Laid out again whenever its own size changes, not only the terminal's: the notice before the
    first read and the running text take their share of the screen and give it back.
    """

    def on_resize(self) -> None:
        self.lay_out()

    def lay_out(self) -> None:
        count = len(self.children)
        if count:
            columns = self.fitting_columns()
            self.styles.grid_size_columns = columns
            self.styles.grid_size_rows = -(-count // columns)

    def fitting_columns(self) -> int:
        """The columns for the panels it holds at its size now."""
        chrome = PANEL_CHROME if self.screen.has_class("-tall") else SHORT_CHROME
        return best_columns(len(self.children), self.size.width, self.size.height, chrome)


class PoliPanel(Vertical):
    """One poli: its name on the border, the number called last, where to go (big), who waits."""

    def __init__(self, board: PoliBoard, lang: str) -> None:
        super().__init__(id=f"poli-{board.code}", classes="poli-panel")
        self.board = board
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield BigNumber(classes="number")
        yield BigNumber(classes="counter")
        yield Static(classes="waiting")

    def on_mount(self) -> None:
        self.show(self.board)

    def show(self, board: PoliBoard) -> None:
        self.board = board
        self.border_title = f"Poli {board.name}"
        current = board.current
        self.query_one(".number", BigNumber).text = current.number if current else ""
        counter = self.query_one(".counter", BigNumber)
        counter.text = t("board.no_call", self.lang) if current is None else current.counter or ""
        counter.plain = current is None
        if not board.waiting:
            waiting = t("board.no_queue", self.lang)
        else:
            waiting = t("board.waiting", self.lang, n=board.waiting)
        if board.waiting and board.wait_high:
            estimate = t("board.estimate", self.lang, low=board.wait_low, high=board.wait_high)
            waiting = f"{waiting} · {estimate}"
        self.query_one(".waiting", Static).update(waiting)
        self.set_class(current is None, "idle")

    @property
    def number(self) -> str:
        return self.board.current.number if self.board.current else ""


class RecentCalls(TextTitles, Widget):
    """The last calls, newest first, in as many columns as the width allows."""

    ENTRY_WIDTH = 38

    calls: reactive[tuple[Call, ...]] = reactive(tuple, layout=False)
    fresh: reactive[frozenset[int]] = reactive(frozenset)
    """Ticket ids called moments ago: drawn highlighted."""

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang

    def entry(self, call: Call) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"{call.called_at:%H:%M} ", style="dim")
        line.append(f"{call.number} ", style="bold")
        line.append(f"Poli {shown_text(call.poli_name)}")
        if call.counter:
            line.append(f" · {shown_text(call.counter)}")
        if call.recalls:
            line.append(f" ({t('board.recalled', self.lang)})", style="italic")
        if call.ticket_id in self.fresh:
            line.stylize("reverse")
        return line

    def render(self) -> Table | Text:
        size = self.content_size
        if not self.calls:
            return Text(t("board.no_calls_yet", self.lang), style="dim")
        rows = max(size.height, 1)
        columns = max(min(size.width // self.ENTRY_WIDTH, ceil(len(self.calls) / rows)), 1)
        shown = self.calls[: rows * columns]
        grid = Table.grid(padding=(0, 2), expand=True)
        for _ in range(columns):
            grid.add_column(ratio=1, no_wrap=True)
        for row in range(min(rows, len(shown))):
            cells = [
                self.entry(shown[column * rows + row]) if column * rows + row < len(shown) else ""
                for column in range(columns)
            ]
            grid.add_row(*cells)
        return grid
