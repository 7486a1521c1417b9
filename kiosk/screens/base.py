"""What every kiosk screen shares: the header, the hint line, translation, and service calls."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from kiosk.i18n import t
from kiosk.services import Services
from kiosk.services.errors import Refused
from kiosk.services.health import is_store_fault
from kiosk.session import PatientSession
from kiosk.widgets.choices import ChoiceList
from kiosk.widgets.connectivity import ConnectivityMark
from kiosk.widgets.plain import Static

log = logging.getLogger(__name__)
T = TypeVar("T")


class KioskHost(Protocol):
    """What screens need of the app (the app imports screens, never the other way round)."""

    services: Services
    patient: PatientSession
    lang: str
    facility_name: str

    def reset(self) -> None: ...

    def toggle_lang(self) -> None: ...

    def out_of_service(self) -> None: ...


class KioskScreen(Screen[None]):
    """A kiosk screen. Escape goes back one screen; the header shows the clinic and the time."""

    BINDINGS = [Binding("escape", "back", t("hint.back"), show=False)]
    TITLE_KEY = "app.title"

    @property
    def kiosk(self) -> KioskHost:
        return cast(KioskHost, self.app)

    @property
    def services(self) -> Services:
        return self.kiosk.services

    @property
    def lang(self) -> str:
        return self.kiosk.lang

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def compose_header(self) -> ComposeResult:
        yield Static(self.kiosk.facility_name, id="header-facility")
        if self.services.sync.configured:  # offline-only clinics show no mark at all
            yield ConnectivityMark(
                lambda: self.services.sync.status(), self.lang, self.services.clock.local
            )
        yield Static(self.t(self.TITLE_KEY), id="header-title")

    def compose_hint(self, key: str = "hint.choose") -> ComposeResult:
        yield Static(self.t(key), id="hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A key can reach a screen before it has composed its widgets, or after it was popped:
        # its actions then do nothing rather than look for widgets that are not there.
        return self.is_mounted and self.on_stack

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def on_choice_list_refused(self, event: ChoiceList.Refused) -> None:
        """A closed poli, a full shift, a booking for another day: say why it cannot be chosen."""
        self.show_error(event.choice.reason)

    def show_error(self, message: str) -> None:
        """Say what went wrong in the screen's error line (or as a notification)."""
        found = self.query("#error")
        if found:
            line = found.first(Static)
            line.update(message)
            line.set_class(bool(message), "shown")
        elif message:
            self.notify(message, severity="error", timeout=8)

    @property
    def on_stack(self) -> bool:
        """Still part of the kiosk: keys that arrive fast can pop a screen before it mounts."""
        return self.is_attached and self in self.app.screen_stack

    def _deliver(self, then: Callable[[T], Any], result: T) -> None:
        # The kiosk may have reset (idle) while the call ran: a stale answer goes nowhere.
        if self.on_stack:
            then(result)

    def call_service(
        self, work: Callable[[], T], then: Callable[[T], Any], group: str = "service"
    ) -> None:
        """Run a blocking service call in a thread; ``then`` gets its result on the UI thread.

        A refusal shows its reason; a store that cannot be reached or written takes the kiosk out
        of service until it answers; anything else unexpected sends the patient to the desk.
        The screen never shows a traceback.
        """

        def runner() -> None:
            try:
                result = work()
            except Refused as refusal:
                self.app.call_from_thread(self.show_error, self.t(refusal.key, **refusal.params))
                return
            except Exception as error:
                if is_store_fault(error):
                    log.error("store unavailable on %s: %s", type(self).__name__, error)
                    self.app.call_from_thread(self.kiosk.out_of_service)
                    return
                log.exception("service call failed on %s", type(self).__name__)
                self.app.call_from_thread(self.show_error, self.t("error.store"))
                return
            self.app.call_from_thread(self._deliver, then, result)

        self.run_worker(runner, thread=True, exclusive=True, group=group, exit_on_error=False)
