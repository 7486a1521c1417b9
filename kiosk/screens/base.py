"""What every kiosk screen shares: the header, the hint line, translation, and service calls."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual.app import ComposeResult
from textual.binding import Binding

from kiosk.i18n import t
from kiosk.screens.calls import ServiceScreen
from kiosk.session import PatientSession
from kiosk.widgets.choices import ChoiceList
from kiosk.widgets.connectivity import ConnectivityMark
from kiosk.widgets.plain import Static

if TYPE_CHECKING:
    from kiosk.services import Services


class KioskHost(Protocol):
    """What screens need of the app (the app imports screens, never the other way round)."""

    @property
    def services(self) -> Services: ...

    @property
    def ready(self) -> bool:
        """The clinic is open (services and settings loaded): until then only Welcome shows."""
        ...

    patient: PatientSession
    lang: str
    facility_name: str

    def reset(self) -> None: ...

    def toggle_lang(self) -> None: ...

    def out_of_service(self) -> None: ...


class KioskScreen(ServiceScreen):
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
        # Offline-only clinics show no mark at all; a kiosk still opening shows it once open.
        if self.kiosk.ready and self.services.sync.configured:
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

    def say(self, message: str) -> None:
        self.show_error(message)
