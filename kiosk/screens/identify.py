"""Identify: the card number or NIK, typed on the keypad or keyboard, or scanned."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input

from kiosk.domain.identity import Identity, IdentityError, parse_identity
from kiosk.domain.models import Participant
from kiosk.domain.slip_code import SlipCodeError, is_slip_code
from kiosk.screens.base import KioskScreen
from kiosk.session import Intent
from kiosk.widgets.keypad import Keypad
from kiosk.widgets.plain import Static

# Digits with the spaces and dashes people and scanners add; a check-in also takes a slip code.
# Anything else typed is taken out again with a visible message (never silently dropped).
_IDENTITY_CHARS = re.compile(r"[0-9 \-]")
_CODE_CHARS = re.compile(r"[0-9A-Za-z: \-]")


class IdentifyScreen(KioskScreen):
    TITLE_KEY = "identify.title"

    @property
    def checking_in(self) -> bool:
        return self.kiosk.patient.intent == Intent.CHECK_IN

    def compose(self) -> ComposeResult:
        if self.checking_in:  # check-in has its own heading: a booking code can be scanned
            self.TITLE_KEY = "checkin.heading"
        yield from self.compose_header()
        with Horizontal(id="body"):
            with Vertical(id="identify-left"):
                help_key = "checkin.help" if self.checking_in else "identify.help"
                yield Static(self.t(help_key), classes="prompt")
                yield Input(
                    placeholder=self.t("identify.placeholder"),
                    max_length=64 if self.checking_in else 24,
                    id="identity",
                )
                yield Static("", id="error", classes="error")
            yield Keypad(id="keypad")
        yield Static(self.t("hint.type"), id="hint")

    @on(Input.Changed, "#identity")
    def _changed(self, event: Input.Changed) -> None:
        """Letters in a number field are refused out loud; any change clears an old error."""
        allowed = _CODE_CHARS if self.checking_in else _IDENTITY_CHARS
        kept = "".join(c for c in event.value if allowed.fullmatch(c))
        if not event.value and not self._keep_error:  # emptied by the patient: a fresh start
            self._had_letters = False
        if kept != event.value:
            self._keep_error = True  # the change below must not clear this message
            self._had_letters = bool(kept)  # letters among digits: that number is not meant
            event.input.value = kept
            self.show_error(self.t("identify.letters"))
        elif self._keep_error:
            self._keep_error = False
        else:
            self.show_error("")

    _keep_error = False
    # Letters came in since the field was empty: what is left is not the number that was meant
    # (a scanner's "32730145abc07900" must not become a 13-digit card lookup).
    _had_letters = False

    @on(Keypad.Pressed)
    def _keypad(self, event: Keypad.Pressed) -> None:
        field = self.query_one(Input)
        if event.key == "ok":
            self._submit(field.value)
        elif event.key == "del":
            field.value = field.value[:-1]
        else:
            field.insert_text_at_cursor(event.key)
        field.focus()

    @on(Input.Submitted, "#identity")
    def _submitted(self, event: Input.Submitted) -> None:
        self._submit(event.value)

    def _submit(self, raw: str) -> None:
        intent = self.kiosk.patient.intent
        if intent == Intent.CHECK_IN and is_slip_code(raw):
            self._submit_slip_code(raw)
            return
        if self._had_letters:
            self._had_letters = False
            self._keep_error = True
            self.query_one(Input).value = ""
            self.show_error(self.t("identify.letters_retype"))
            return
        try:
            identity = parse_identity(raw, self.services.clock.today())
        except IdentityError as error:
            self.show_error(self.t(error.problem.value))
            return
        self.show_error("")
        self.query_one(Input).loading = True
        self.call_service(lambda: self._lookup(identity), self._identified)

    def _lookup(self, identity: Identity) -> tuple[Participant, list[Participant]] | str:
        """The central first (a short timeout), then the cache: never blocks the screen."""
        identified = self.services.participants.check(identity)
        if identified.participant is None:
            return identified.problem or "identify.unknown"
        participant = identified.participant
        return participant, self.services.participants.family(participant)

    def _identified(self, found: tuple[Participant, list[Participant]] | str) -> None:
        field = self.query_one(Input)
        field.loading = False
        if isinstance(found, str):
            self.show_error(self.t(found))
            field.focus()
            return
        participant, family = found
        session = self.kiosk.patient
        session.identified, session.family, session.patient = participant, family, participant
        field.value = ""  # the number leaves the screen as soon as it is used
        from kiosk.screens.checkin import CheckInScreen
        from kiosk.screens.my_status import MyStatusScreen
        from kiosk.screens.poli import PoliScreen

        next_screen = {Intent.CHECK_IN: CheckInScreen, Intent.STATUS: MyStatusScreen}.get(
            session.intent, PoliScreen
        )
        self.app.push_screen(next_screen())

    def _submit_slip_code(self, raw: str) -> None:
        self.call_service(lambda: self._verify(raw), self._slip_checked)

    def _verify(self, raw: str) -> int | str:
        try:
            return self.services.slips.verify(raw, today_only=False).ticket_id
        except SlipCodeError as error:
            return error.problem.value

    def _slip_checked(self, outcome: int | str) -> None:
        if isinstance(outcome, str):
            self.show_error(self.t(outcome))
            return
        from kiosk.screens.checkin import CheckInScreen

        self.query_one(Input).value = ""
        self.app.push_screen(CheckInScreen(ticket_id=outcome))
