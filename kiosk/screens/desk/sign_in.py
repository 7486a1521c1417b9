"""Desk sign-in: a staff name and PIN; several wrong PINs lock the name for a while. Below them
the counter or room this desk calls to, offered as the one used last here (or ``--counter``):
name, Tab, PIN, Enter signs in with it; Tab once more to change it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from kiosk.domain.models import Poli
from kiosk.i18n import t
from kiosk.screens.calls import ServiceScreen
from kiosk.services.counter import COUNTER_MAX, counter_name
from kiosk.services.errors import Refused
from kiosk.services.staff import StaffMember
from kiosk.widgets.plain import Static

if TYPE_CHECKING:
    from kiosk.screens.desk.host import DeskHost


class NameInput(Input):
    """The name field, which hands every key after Tab or Enter to the PIN field itself.

    A scanner or a fast typist sends name, Tab and PIN in one burst. The app forwards each key to
    the widget focused when it reads the key, so the PIN's digits are queued here before the Tab
    has moved the focus; they are passed on in order, never typed into the name."""

    def __init__(self, pin: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._pin_id = pin
        self._handed_over = False

    def on_focus(self) -> None:
        self._handed_over = False

    async def _on_key(self, event: events.Key) -> None:
        if not self._handed_over and event.key not in ("tab", "enter"):
            return  # the name field's own key: Input handles it
        event.stop()
        event.prevent_default()
        pin = self.screen.query_one(f"#{self._pin_id}", Input)
        if not self._handed_over:
            self._handed_over = True
            pin.focus()
        elif event.is_printable and event.character is not None:
            pin.insert_text_at_cursor(event.character)
        elif event.key == "enter":
            await pin.action_submit()
        else:
            pin.post_message(events.Key(event.key, event.character))


class SignInScreen(ServiceScreen):
    FAULT_KEY = "desk.fault"

    def __init__(self) -> None:
        super().__init__()
        # What was typed survives F2, which composes the screen again in the other language.
        self._name = ""
        self._counter: str | None = None

    def compose(self) -> ComposeResult:
        counter = self._counter if self._counter is not None else self.host.counter or ""
        with Vertical(classes="dialog", id="sign-in"):
            yield Static(t("desk.sign_in", self.host.lang), classes="prompt")
            yield NameInput(
                "pin",
                value=self._name,
                placeholder=t("desk.name", self.host.lang),
                id="name",
                max_length=40,
            )
            yield Input(
                placeholder=t("staff.pin", self.host.lang),
                id="pin",
                password=True,
                restrict=r"\d*",
                max_length=8,
            )
            yield Static(t("desk.counter_label", self.host.lang), id="counter-label")
            yield Input(
                counter,
                placeholder=t("desk.counter_placeholder", self.host.lang),
                id="counter",
                max_length=COUNTER_MAX,
            )
            yield Static("", id="error", classes="error")

    @property
    def host(self) -> DeskHost:
        return cast("DeskHost", self.app)

    async def recompose(self) -> None:
        await super().recompose()
        if self._name:  # the name stays: the PIN is what comes next
            self.query_one("#pin", Input).focus()

    @on(Input.Changed, "#name")
    def _keep_name(self, event: Input.Changed) -> None:
        self._name = event.value

    @on(Input.Changed, "#counter")
    def _keep_counter(self, event: Input.Changed) -> None:
        self._counter = event.value

    @on(Input.Submitted, "#name")
    def _to_pin(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    @on(Input.Submitted, "#counter")
    def _pin(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        pin = self.query_one("#pin", Input).value
        try:
            counter = counter_name(self.query_one("#counter", Input).value)
        except Refused as refusal:
            self._refused(t(refusal.key, self.host.lang, **refusal.params))
            self.query_one("#counter", Input).focus()
            return
        self.query_one("#pin", Input).value = ""
        self._sign_in(name, pin, counter)

    def _sign_in(self, name: str, pin: str, counter: str | None) -> None:
        staff, counters, clinic = self.host.staff, self.host.counters, self.host.services.clinic

        def sign_in() -> tuple[StaffMember, list[Poli]]:
            member = staff.sign_in(name, pin)
            counters.remember(counter)
            return member, clinic.desk_queues()

        self.call_service(sign_in, lambda signed: self._signed_in(*signed, counter))

    def _refused(self, message: str) -> None:
        line = self.query_one("#error", Static)
        line.update(message)
        line.add_class("shown")

    def say(self, message: str) -> None:
        self._refused(message)

    def _signed_in(self, member: StaffMember, polis: list[Poli], counter: str | None) -> None:
        self.host.counter = counter
        self.host.signed_in(member, polis)
