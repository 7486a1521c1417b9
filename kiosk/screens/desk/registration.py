"""The desk's faces of a visit's PCare registration (issue 13): the vitals form, the words on a
patient's row, and what the desk may do with a registration it already has.

The desk screen runs the service calls (in its workers); this module only shows and asks.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input

from kiosk.domain.visit import VisitState
from kiosk.domain.vitals import FIELD_KEYS, FIELDS, RANGES, Vitals, VitalsError, parse_vitals
from kiosk.services.registration import VisitRegistration, vitals_message
from kiosk.widgets.choices import Choice
from kiosk.widgets.plain import Static, Vertical

Tr = Callable[..., str]

# Units the fields' names leave out (the others say theirs: "berat badan (kg)").
UNITS = {"sistole": "mmHg", "diastole": "mmHg"}


def registration_flag(tr: Tr, registration: VisitRegistration | None) -> str:
    """How a patient's row says where their PCare registration stands ("" when it has none)."""
    if registration is None:
        return ""
    state = registration.state
    if state == VisitState.QUEUED:
        return tr("desk.pcare.queued")
    if state == VisitState.REGISTERED:
        return tr("desk.pcare.registered", no_urut=registration.no_urut or "-")
    if state == VisitState.REFUSED:
        return tr("desk.pcare.refused", message=registration.message or "-")
    if state == VisitState.BY_HAND:
        if registration.no_urut:
            return tr("desk.pcare.by_hand_no", no_urut=registration.no_urut)
        return tr("desk.pcare.by_hand")
    if state == VisitState.DELETING:
        return tr("desk.pcare.deleting")
    return ""  # withdrawn or deleted: it may be registered again


def holds_registration(registration: VisitRegistration | None) -> bool:
    """A registration the desk acts on (the menu) rather than a new one (the register key)."""
    return registration is not None and registration.state.live


def menu(tr: Tr, registration: VisitRegistration) -> list[Choice]:
    """What the desk may do with a registration it has: a refused one is corrected and sent
    again or marked registered by hand; any other can be undone."""
    choices = []
    if registration.state == VisitState.REFUSED:
        choices += [
            Choice("resend", tr("desk.pcare.menu.resend")),
            Choice("poli", tr("desk.pcare.menu.poli")),
            Choice("vitals", tr("desk.pcare.menu.vitals")),
            Choice("by_hand", tr("desk.pcare.menu.by_hand")),
        ]
    choices.append(Choice("undo", tr("desk.pcare.menu.undo")))
    choices.append(Choice("close", tr("desk.pcare.menu.close")))
    return choices


def poli_choices(
    tr: Tr, codes: dict[str, str | None], names: dict[str, str], current: str
) -> list[Choice]:
    """The polis PCare knows, to send a refused registration to another one (the current first)."""
    known = sorted(
        ((code, pcare) for code, pcare in codes.items() if pcare and code in names),
        key=lambda item: (item[1] != current, item[0]),
    )
    return [
        Choice(
            pcare,
            tr("desk.pcare.poli_choice", poli=names[code], code=pcare),
            tr("desk.pcare.poli_now") if pcare == current else "",
        )
        for code, pcare in known
    ]


def form_values(vitals: Vitals | None) -> dict[str, str]:
    """The form's fields as typed, from kept vitals (0, not measured, is an empty field)."""
    if vitals is None:
        return {}
    return {name: _shown(getattr(vitals, name)) for name in FIELDS if getattr(vitals, name)}


def _capital(text: str) -> str:
    """A field's name starts a label or a message: its first letter in capital."""
    return text[:1].upper() + text[1:]


def _shown(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


class VitalsDialog(ModalScreen[Vitals | None]):
    """Seven optional fields, each with its unit and range. Enter checks them all: the first
    wrong one is named (in the desk's language) and focused, and nothing is sent until every
    field is empty or plausible. Escape closes without sending anything."""

    BINDINGS = [
        Binding("escape", "close", show=False),
        Binding("down", "next_field", show=False),
        Binding("up", "previous_field", show=False),
    ]

    def __init__(self, tr: Tr, lang: str, title: str, values: dict[str, str] | None = None) -> None:
        super().__init__()
        self.tr, self.lang, self.title_text, self.values = tr, lang, title, values or {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="vitals"):
            yield Static(Content(self.title_text), classes="prompt")
            for name in FIELDS:
                low, high, decimals = RANGES[name]
                with Horizontal(classes="vitals-row"):
                    yield Static(_capital(self.tr(FIELD_KEYS[name])), classes="vitals-label")
                    yield Input(
                        self.values.get(name, ""),
                        id=f"vital-{name}",
                        restrict=r"[0-9.,]*" if decimals else r"[0-9]*",
                        max_length=5,
                        classes="vitals-input",
                    )
                    shown_range = f"{_shown(low)}-{_shown(high)} {UNITS.get(name, '')}"
                    yield Static(shown_range.rstrip(), classes="vitals-range")
            yield Static("", id="vitals-error", classes="error")
            yield Static(self.tr("desk.vitals.hint"), classes="vitals-hint")

    def action_close(self) -> None:
        if self.is_current:
            self.dismiss(None)

    def action_next_field(self) -> None:
        self.focus_next()

    def action_previous_field(self) -> None:
        self.focus_previous()

    def form(self) -> dict[str, str | None]:
        return {name: self.query_one(f"#vital-{name}", Input).value for name in FIELDS}

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            vitals = parse_vitals(self.form())
        except VitalsError as error:
            self._refuse(error)
            return
        if self.is_current:
            self.dismiss(vitals)

    def _refuse(self, error: VitalsError) -> None:
        message = _capital(vitals_message(error, self.lang))
        shown = self.query_one("#vitals-error", Static)
        shown.update(Content(message))
        shown.add_class("shown")
        if error.field in FIELDS:
            self.query_one(f"#vital-{error.field}", Input).focus()
