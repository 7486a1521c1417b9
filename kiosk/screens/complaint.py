"""Complaint: optional and short, with quick picks; "write my own" opens a text field."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from kiosk.screens.base import KioskScreen
from kiosk.session import TakeChoice
from kiosk.widgets.choices import Choice, ChoiceList

QUICK_PICKS = ("fever", "cough", "toothache", "checkup", "pregnancy", "immunisation")


class ComplaintScreen(KioskScreen):
    TITLE_KEY = "complaint.title"

    def __init__(self, choice: TakeChoice) -> None:
        super().__init__()
        self.choice = choice

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

    @on(ChoiceList.Chosen, "#complaints")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        if event.choice.id == "other":
            field = self.query_one(Input)
            field.add_class("shown")
            field.focus()
            return
        self._next(None if event.choice.id == "skip" else event.choice.label)

    @on(Input.Submitted, "#complaint-text")
    def _written(self, event: Input.Submitted) -> None:
        self._next(event.value.strip() or None)

    def action_back(self) -> None:
        field = self.query_one(Input)
        if field.has_class("shown"):  # Escape first closes the text field, then goes back
            field.remove_class("shown")
            self.query_one(ChoiceList).focus()
        else:
            super().action_back()

    def _next(self, complaint: str | None) -> None:
        from kiosk.screens.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(take=replace(self.choice, complaint=complaint)))
