"""Complaint: optional and short, with quick picks; "write my own" opens a text field."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from kiosk.screens.base import KioskScreen
from kiosk.widgets.choices import Choice, ChoiceList

QUICK_PICKS = ("fever", "cough", "toothache", "checkup", "pregnancy", "immunisation")


class ComplaintScreen(KioskScreen):
    TITLE_KEY = "complaint.title"

    def compose(self) -> ComposeResult:
        choices = [Choice("skip", self.t("complaint.skip"))]
        choices += [Choice(key, self.t(f"complaint.{key}")) for key in QUICK_PICKS]
        choices.append(Choice("other", self.t("complaint.other")))
        yield from self.compose_header()
        with Vertical(id="body"):
            yield ChoiceList(choices, id="complaints")
            yield Input(
                placeholder=self.t("complaint.placeholder"), max_length=120, id="complaint-text"
            )
        yield from self.compose_hint()

    def on_mount(self) -> None:
        self.query_one(Input).display = False
        self.query_one(ChoiceList).focus()

    @on(ChoiceList.Chosen, "#complaints")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        if event.choice.id == "other":
            field = self.query_one(Input)
            field.display = True
            field.focus()
            return
        self._next(None if event.choice.id == "skip" else event.choice.label)

    @on(Input.Submitted, "#complaint-text")
    def _written(self, event: Input.Submitted) -> None:
        self._next(event.value.strip() or None)

    def action_back(self) -> None:
        field = self.query_one(Input)
        if field.display:  # Escape first closes the text field, then goes back
            field.display = False
            self.query_one(ChoiceList).focus()
        else:
            super().action_back()

    def _next(self, complaint: str | None) -> None:
        from kiosk.screens.confirm import ConfirmScreen

        self.kiosk.patient.complaint = complaint
        self.app.push_screen(ConfirmScreen())
