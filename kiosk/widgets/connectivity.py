"""The connectivity mark: online or offline, the last contact with the central, what waits.

It reads the store every few seconds (a cheap count), so it is right whichever process runs the
pump. Unobtrusive: one short line in the header's corner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from textual import work

from kiosk.i18n import t
from kiosk.widgets.plain import Static

log = logging.getLogger(__name__)


class LinkState(Protocol):
    @property
    def waiting(self) -> int: ...
    @property
    def parked(self) -> int: ...
    @property
    def reachable(self) -> bool: ...
    @property
    def last_contact_at(self) -> datetime | None: ...


class ConnectivityMark(Static):
    def __init__(
        self,
        read: Callable[[], LinkState],
        lang: str,
        local: Callable[[datetime], datetime],
        interval: float = 3.0,
        id: str = "connectivity",
    ) -> None:
        super().__init__("○", id=id)  # never empty: an auto width of nothing breaks layout
        self._read = read
        self.lang = lang
        self._local = local
        self._interval = interval

    def on_mount(self) -> None:
        self.poll()
        self.set_interval(self._interval, self.poll)

    def on_resize(self) -> None:
        self._to_the_right()

    def _to_the_right(self) -> None:
        """Docked on the header line, so it takes no room; the offset moves it to the right end."""
        width = self.outer_size.width or 1
        self.styles.offset = (max(self.screen.size.width - width, 0), 0)

    @work(thread=True, exclusive=True, group="connectivity", exit_on_error=False)
    def poll(self) -> None:
        try:
            state = self._read()
        except Exception:  # the store is busy a moment: keep the last mark
            log.warning("cannot read the central link state", exc_info=True)
            return
        self.app.call_from_thread(self.show, state)

    def show(self, state: LinkState) -> None:
        if not self.is_attached:
            return
        # A refusal of the clinic's credentials is not an outage: staff must fix a setting.
        denied = not state.reachable and bool(getattr(state, "denied", False))
        offline = "sync.denied" if denied else "sync.offline"
        parts = [t("sync.online" if state.reachable else offline, self.lang)]
        if state.last_contact_at is not None:
            when = f"{self._local(state.last_contact_at):%H:%M}"
            parts.append(t("sync.last_contact", self.lang, time=when))
        elif not state.reachable:
            parts.append(t("sync.never", self.lang))
        if state.waiting:
            parts.append(t("sync.waiting", self.lang, n=state.waiting))
        if state.parked:
            parts.append(t("sync.parked", self.lang, n=state.parked))
        self.update(("● " if state.reachable else "○ ") + " · ".join(parts))
        self.set_class(not state.reachable, "offline")
        self.call_after_refresh(self._to_the_right)
