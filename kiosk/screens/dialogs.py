"""Modal dialogs: a yes/no question, the idle warning, and the staff exit."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from kiosk.i18n import t
from kiosk.services.errors import Refused
from kiosk.services.staff import ExitPin
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static


def _lang(screen: ModalScreen[bool]) -> str:
    return str(getattr(screen.app, "lang", "id"))


class Question(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "dismiss(False)", show=False)]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="prompt")
            yield ChoiceList([Choice("no", self.no), Choice("yes", self.yes)], id="answer")

    @on(ChoiceList.Chosen, "#answer")
    def _answer(self, event: ChoiceList.Chosen) -> None:
        self.dismiss(event.choice.id == "yes")


class IdleWarning(ModalScreen[bool]):
    """ "Still there?" with a countdown; any key or touch keeps the session, silence resets it."""

    def __init__(self, seconds: int) -> None:
        super().__init__()
        self.seconds = seconds
        self._answered = False

    def _answer(self, still_here: bool) -> None:
        # Once: a burst of keys (a scanner, a PIN typed into the dialog below) is queued here
        # before the first dismissal lands, and each further one would pop a screen under it.
        if not self._answered:
            self._answered = True
            self.dismiss(still_here)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("idle.title", _lang(self)), classes="prompt")
            yield Static(t("idle.body", _lang(self), n=self.seconds), id="countdown")

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        self.seconds -= 1
        if self.seconds <= 0:
            self._answer(False)
            return
        self.query_one("#countdown", Static).update(t("idle.body", _lang(self), n=self.seconds))

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self._answer(True)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self._answer(True)


class StaffExit(ModalScreen[bool]):
    """Leaving the kiosk needs the staff PIN (Ctrl+X, documented for staff only)."""

    BINDINGS = [Binding("escape", "dismiss(False)", show=False)]

    def __init__(self, pin: ExitPin) -> None:
        super().__init__()
        self._pin = pin

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("staff.title", _lang(self)), classes="prompt")
            yield Input(
                password=True,
                restrict=r"\d*",
                max_length=8,
                placeholder=t("staff.pin", _lang(self)),
                id="pin",
            )
            yield Static("", id="error", classes="error")

    @on(Input.Submitted, "#pin")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            if self._pin.check(event.value):
                self.dismiss(True)
                return
            message = t("staff.exit_wrong", _lang(self))
        except Refused as refusal:
            message = t(refusal.key, _lang(self), **refusal.params)
        event.input.value = ""
        line = self.query_one("#error", Static)
        line.update(message)
        line.add_class("shown")
