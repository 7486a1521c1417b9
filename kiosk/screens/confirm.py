"""Confirm: the summary, the optional complaint and the number, on one screen.

With the defaults a patient presses Enter once here. The complaint (quick picks or their own
words) and another doctor or hours (only when the poli offers a real choice) are options of the
same screen. A check-in uses the same screen with its own rows and action.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from kiosk.domain.models import QueuePosition, Slot, Ticket
from kiosk.domain.schedule import slot_is_over
from kiosk.screens.base import KioskScreen
from kiosk.services import Services
from kiosk.services.tickets import TakeRequest
from kiosk.session import TakeChoice
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static, Table

# What confirming does: a service call giving the ticket's position, and whether it already existed.
# It is given the visit's kind (PCare's kunjSakit): True sick, False healthy, None not asked.
Commit = Callable[[Services, bool | None], tuple[QueuePosition, bool]]

QUICK_PICKS = ("fever", "cough", "toothache", "checkup", "pregnancy", "immunisation")
# Quick picks that name the visit's kind: choosing one sets it (the patient can still change it).
VISIT_OF_PICK = {
    "fever": True,
    "cough": True,
    "toothache": True,
    "checkup": False,
    "immunisation": False,
}


class ConfirmScreen(KioskScreen):
    TITLE_KEY = "confirm.title"

    def __init__(
        self,
        rows: list[tuple[str, str]] | None = None,
        commit: Commit | None = None,
        yes_key: str = "confirm.yes",
        *,
        take: TakeChoice | None = None,
        ask_visit: bool = False,
    ) -> None:
        """Either ``rows`` and ``commit`` (check-in), or the patient's ``take`` choice.

        A JKN patient is asked the visit's kind (sick by default); ``ask_visit`` asks it of a
        check-in too. A general patient is not asked: PCare never hears of their visit.
        """
        super().__init__()
        self._rows = rows
        self._commit = commit
        self._yes_key = yes_key
        self._choice = take
        asked = ask_visit or (take is not None and take.patient is not None)
        self._sick: bool | None = True if asked else None
        if take is not None:
            self.TITLE_KEY = "confirm.title_take"

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Vertical(id="body"):
            yield Static(self._summary(), id="summary")
            yield ChoiceList(self._answers(), id="answer")
            if self._choice is not None:
                yield ChoiceList(self._complaints(), id="complaints")
                yield Input(
                    placeholder=self.t("complaint.placeholder"), max_length=120, id="complaint-text"
                )
            yield Static("", id="error", classes="error")
        yield Static(self.t("hint.view"), id="hint")

    # -- what is shown ------------------------------------------------------------------------
    def _summary(self) -> Table:
        rows = self._take_rows(self._choice) if self._choice else (self._rows or [])
        summary = Table.grid(padding=(0, 2))
        summary.add_column(style="bold", no_wrap=True)
        summary.add_column()
        for label, value in rows:
            summary.add_row(label, Text(value))
        return summary

    def _take_rows(self, choice: TakeChoice) -> list[tuple[str, str]]:
        assert choice.slot is not None
        patient = choice.patient.display_name if choice.patient else self.t("ticket.non_jkn")
        return [
            (self.t("confirm.patient"), patient),
            (self.t("confirm.poli"), f"Poli {choice.poli_day.poli.name}"),
            (
                self.t("confirm.doctor"),
                self.t(
                    "confirm.doctor_hours",
                    doctor=choice.slot.doctor_name,
                    hours=choice.slot.jampraktek,
                ),
            ),
            (self.t("confirm.date"), f"{choice.slot.service_date:%d-%m-%Y}"),
            (self.t("confirm.complaint"), choice.complaint or self.t("confirm.none")),
        ]

    def _other_slots(self, choice: TakeChoice) -> list[Slot]:
        now = self.services.clock.now()
        return [s for s in choice.poli_day.slots if not slot_is_over(s, now) and s.remaining]

    def _visit(self) -> list[Choice]:
        """The visit's kind as two options, the chosen one marked: one tap picks either."""
        if self._sick is None:
            return []
        mark = {True: "(•)", False: "( )"}
        return [
            Choice("sick", f"{mark[self._sick]} {self.t('confirm.visit_sick')}"),
            Choice("healthy", f"{mark[not self._sick]} {self.t('confirm.visit_healthy')}"),
        ]

    def _answers(self) -> list[Choice]:
        answers = [Choice("yes", self.t(self._yes_key))]
        choice = self._choice
        if choice is None:
            return [*answers, *self._visit(), Choice("change", self.t("confirm.change"))]
        complaint = choice.complaint or self.t("confirm.none")
        answers.append(Choice("complaint", self.t("confirm.complaint_pick", complaint=complaint)))
        answers += self._visit()
        if len(self._other_slots(choice)) > 1:  # the doctor step only when there is a choice
            answers.append(Choice("doctor", self.t("confirm.doctor_pick")))
        answers.append(Choice("poli", self.t("confirm.poli_pick")))
        return answers

    def _complaints(self) -> list[Choice]:
        choices = [Choice("skip", self.t("complaint.skip"))]
        choices += [Choice(key, self.t(f"complaint.{key}")) for key in QUICK_PICKS]
        choices.append(Choice("other", self.t("complaint.other")))
        return choices

    def _refresh(self, choice: TakeChoice | None, keep: str = "yes") -> None:
        self._choice = choice
        if not self.on_stack:  # a tap that arrives after the screen has gone: nothing to show
            return
        self.query_one("#summary", Static).update(self._summary())
        answer = self.query_one("#answer", ChoiceList)
        answer.set_choices(self._answers(), default=keep)
        if choice is not None:
            self.query_one("#complaints").remove_class("shown")
            self.query_one("#complaint-text").remove_class("shown")
        answer.display = True
        answer.focus()

    # -- answers ------------------------------------------------------------------------------
    @on(ChoiceList.Chosen, "#answer")
    def _answer(self, event: ChoiceList.Chosen) -> None:
        if event.choice.id in ("change", "poli"):
            self.app.pop_screen()
            return
        if event.choice.id == "complaint":
            event.choice_list.display = False
            complaints = self.query_one("#complaints", ChoiceList)
            complaints.add_class("shown")
            complaints.focus()
            return
        if event.choice.id == "doctor" and self._choice is not None:
            self._pick_doctor(self._choice)
            return
        if event.choice.id in ("sick", "healthy"):
            self._sick = event.choice.id == "sick"
            self._refresh(self._choice)
            return
        commit = self._commit or self._take
        event.choice_list.loading = True
        services, sick = self.services, self._sick
        self.call_service(lambda: commit(services, sick), self._done)

    def _pick_doctor(self, choice: TakeChoice) -> None:
        from kiosk.screens.doctor import DoctorScreen

        def picked(slot: Slot) -> None:
            self._refresh(replace(choice, slot=slot))

        self.app.push_screen(DoctorScreen(choice, picked))

    @on(ChoiceList.Chosen, "#complaints")
    def _complaint(self, event: ChoiceList.Chosen) -> None:
        assert self._choice is not None
        if event.choice.id == "other":
            field = self.query_one("#complaint-text", Input)
            field.add_class("shown")
            field.focus()
            return
        complaint = None if event.choice.id == "skip" else event.choice.label
        if self._sick is not None and event.choice.id in VISIT_OF_PICK:
            self._sick = VISIT_OF_PICK[event.choice.id]
        self._refresh(replace(self._choice, complaint=complaint))

    @on(Input.Submitted, "#complaint-text")
    def _written(self, event: Input.Submitted) -> None:
        assert self._choice is not None
        self._refresh(replace(self._choice, complaint=event.value.strip() or None))

    def action_back(self) -> None:
        # Escape first closes the complaint field or list, then goes back a screen.
        if self._choice is not None and self.query_one("#complaints").has_class("shown"):
            self._refresh(self._choice, keep="complaint")
        else:
            super().action_back()

    # -- taking the number --------------------------------------------------------------------
    def _take(self, services: Services, sick: bool | None) -> tuple[QueuePosition, bool]:
        choice = self._choice
        assert choice is not None and choice.slot is not None
        outcome = services.tickets.take(
            TakeRequest(
                poli_code=choice.poli_day.poli.code,
                service_date=choice.slot.service_date,
                schedule_id=choice.slot.schedule_id,
                participant_id=choice.patient.id if choice.patient else None,
                complaint=choice.complaint,
                visit_sick=sick,
            )
        )
        return services.tickets.position(outcome.ticket.id), outcome.existing

    def show_error(self, message: str) -> None:
        self.query_one("#answer", ChoiceList).loading = False
        super().show_error(message)

    def _done(self, result: tuple[QueuePosition, bool]) -> None:
        from kiosk.screens.ticket import TicketScreen

        position, existing = result
        # The ticket replaces the flow: Escape from it starts over instead of re-confirming.
        self.app.push_screen(TicketScreen(position, existing=existing))


def check_in_commit(ticket: Ticket) -> Commit:
    def commit(services: Services, sick: bool | None) -> tuple[QueuePosition, bool]:
        checked = services.tickets.check_in(ticket.id, visit_sick=sick)
        return services.tickets.position(checked.id), False

    return commit
