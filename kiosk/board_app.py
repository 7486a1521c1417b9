"""The waiting-room board (`kiosk board`): a read-only display of the clinic's queue.

A thread worker polls the store's change marker every half second and reads the whole board
only when it moved, so a call made at any desk on the same database (this process, another
terminal, another machine) shows, flashes and is announced within a second.
"""

from __future__ import annotations

import logging

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.worker import get_current_worker

from kiosk.assets import assets_dir
from kiosk.domain.announce import spoken_call
from kiosk.screens.board import BoardScreen
from kiosk.services import Services
from kiosk.services.announcer import Announcer
from kiosk.services.board import BoardService, BoardState, CallWatch
from kiosk.themes import CONTRAST_THEME, KIOSK_THEME
from kiosk.widgets.plain import App

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
FLASH_SECONDS = 5.0


class BoardApp(App[None]):
    """The board. Dependencies come in through ``__init__``; tests pass their own announcer."""

    CSS_PATH = str(assets_dir() / "board.tcss")
    ENABLE_COMMAND_PALETTE = False
    # A display, not a kiosk: whoever has the keyboard may close it.
    BINDINGS = [Binding("ctrl+q", "quit", show=False, priority=True)]

    class StateRead(Message):
        """The poller read a new state of the board (posted from its thread)."""

        def __init__(self, state: BoardState) -> None:
            super().__init__()
            self.state = state

    class ReadFailed(Message):
        """The store could not be read (``failing``), or can be again."""

        def __init__(self, failing: bool) -> None:
            super().__init__()
            self.failing = failing

    def __init__(
        self,
        services: Services,
        announcer: Announcer | None = None,
        *,
        board: BoardService | None = None,
        poll_seconds: float = POLL_SECONDS,
        flash_seconds: float = FLASH_SECONDS,
    ) -> None:
        super().__init__()
        self.services = services
        self.board = board or services.board
        self.announcer = announcer
        self.poll_seconds = poll_seconds
        self.flash_seconds = flash_seconds
        self.calls = CallWatch()
        self.register_theme(KIOSK_THEME)
        self.register_theme(CONTRAST_THEME)
        self.theme = "kiosk-contrast" if services.settings.theme == "high-contrast" else "kiosk"

    @property
    def sound(self) -> bool:
        return self.announcer is not None and self.announcer.enabled

    @property
    def board_screen(self) -> BoardScreen:
        screen = self.screen
        assert isinstance(screen, BoardScreen)
        return screen

    def on_mount(self) -> None:
        settings = self.services.settings
        self.push_screen(
            BoardScreen(
                settings.facility_name,
                settings.lang,
                self.services.clock.now,
                sound=self.sound,
                flash_seconds=self.flash_seconds,
            )
        )
        self.poll()

    def on_unmount(self) -> None:
        if self.announcer is not None:
            self.announcer.close()

    @work(thread=True, exclusive=True, group="board", name="board-poll", exit_on_error=False)
    def poll(self) -> None:
        """Read the board whenever the change marker moves (or the day turns), until closed."""
        worker = get_current_worker()
        marker: int | None = None
        day = None
        look_again = False
        failing = False
        while not worker.is_cancelled:
            try:
                today = self.services.clock.today()
                if look_again or today != day or self.board.change_marker() != marker:
                    state = self.board.snapshot(today)
                    # On PostgreSQL a transaction can commit just after one with a higher
                    # event id: one more look after every change catches it.
                    look_again = state.marker != marker
                    marker, day = state.marker, today
                    self.post_message(self.StateRead(state))
                if failing:
                    failing = False
                    self.post_message(self.ReadFailed(False))
            except Exception:
                if not failing:
                    log.warning("the board cannot read the store", exc_info=True)
                    failing = True
                    self.post_message(self.ReadFailed(True))
            worker.cancelled_event.wait(self.poll_seconds)

    async def on_board_app_state_read(self, message: StateRead) -> None:
        news = self.calls.news(message.state)
        if self.announcer is not None:
            for call in news:
                self.announcer.say(spoken_call(call.number, call.poli_name, call.counter))
        screen = self.board_screen
        if news or message.state != screen.state:
            await screen.show(message.state, news)

    def on_board_app_read_failed(self, message: ReadFailed) -> None:
        self.board_screen.set_stale(message.failing)
