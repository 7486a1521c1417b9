"""Out of service: the store cannot be reached or written. The kiosk sends the patient to the desk,
the desk tells staff what to do; both retry by itself. Once the store answers, the kiosk returns
to Welcome, forgetting the patient, and the desk to where it was, still signed in."""

from __future__ import annotations

import logging

from textual.app import ComposeResult
from textual.containers import Vertical

from kiosk.screens.base import KioskScreen
from kiosk.services.health import probe
from kiosk.widgets.plain import Static

log = logging.getLogger(__name__)


class OutOfServiceScreen(KioskScreen):
    TITLE_KEY = "outage.title"
    BODY_KEY = "outage.body"
    RETRY_KEY = "outage.retrying"

    def __init__(self, retry_seconds: float) -> None:
        super().__init__()
        self.retry_seconds = retry_seconds
        self.attempts = 0

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Vertical(id="body"):
            yield Static(self.t(self.BODY_KEY), id="outage-body", classes="prompt")
            yield Static(self.t(self.RETRY_KEY), id="outage-retry", classes="help")

    def on_mount(self) -> None:
        self.set_interval(self.retry_seconds, self._retry, name="outage-retry")

    def action_back(self) -> None:
        """Nowhere to go until the store answers."""

    def _retry(self) -> None:
        self.run_worker(
            self._probe, thread=True, exclusive=True, group="outage", exit_on_error=False
        )

    def _probe(self) -> None:
        self.attempts += 1
        try:
            probe(self.services.store)
        except Exception as error:  # still down: try again at the next tick
            log.info("store still unavailable (attempt %d): %s", self.attempts, error)
            return
        log.warning("store answers again after %d attempts: back in service", self.attempts)
        self.app.call_from_thread(self._back_in_service)

    def _back_in_service(self) -> None:
        if self.on_stack:
            self.face.back_in_service()


class DeskOutOfServiceScreen(OutOfServiceScreen):
    """The desk's words: for staff, what to do meanwhile and that nothing needs restarting."""

    TITLE_KEY = "desk.outage.title"
    BODY_KEY = "desk.outage.body"
    RETRY_KEY = "desk.outage.retrying"
