"""Confirm: the patient checks the summary, then the number is taken (or the booking checked in)."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.domain.models import QueuePosition, Ticket
from kiosk.screens.base import KioskScreen
from kiosk.services import Services
from kiosk.services.tickets import TakeRequest
from kiosk.session import PatientSession
from kiosk.widgets.choices import Choice, ChoiceList

# What confirming does: a service call giving the ticket's position, and whether it already existed.
Commit = Callable[[Services], tuple[QueuePosition, bool]]


class ConfirmScreen(KioskScreen):
    TITLE_KEY = "confirm.title"

    def __init__(
        self,
        rows: list[tuple[str, str]] | None = None,
        commit: Commit | None = None,
        yes_key: str = "confirm.yes",
    ) -> None:
        super().__init__()
        self._rows = rows
        self._commit = commit
        self._yes_key = yes_key

    def compose(self) -> ComposeResult:
        rows = self._rows if self._rows is not None else self._take_rows(self.kiosk.patient)
        summary = Table.grid(padding=(0, 2))
        summary.add_column(style="bold", no_wrap=True)
        summary.add_column()
        for label, value in rows:
            summary.add_row(label, value)
        yield from self.compose_header()
        with Vertical(id="body"):
            yield Static(summary, id="summary")
            yield ChoiceList(
                [Choice("yes", self.t(self._yes_key)), Choice("change", self.t("confirm.change"))],
                id="answer",
            )
            yield Static("", id="error", classes="error")
        yield from self.compose_hint()

    def on_mount(self) -> None:
        self.query_one("#error").display = False
        self.query_one(ChoiceList).focus()

    def _take_rows(self, session: PatientSession) -> list[tuple[str, str]]:
        assert session.poli_day is not None and session.slot is not None
        patient = session.patient.display_name if session.patient else self.t("ticket.non_jkn")
        return [
            (self.t("confirm.patient"), patient),
            (self.t("confirm.poli"), f"Poli {session.poli_day.poli.name}"),
            (self.t("confirm.doctor"), session.slot.doctor_name),
            (self.t("confirm.date"), f"{session.slot.service_date:%d-%m-%Y}"),
            (self.t("confirm.shift"), session.slot.jampraktek),
            (self.t("confirm.complaint"), session.complaint or self.t("confirm.none")),
        ]

    def _take(self, services: Services) -> tuple[QueuePosition, bool]:
        session = self.kiosk.patient
        assert session.poli_day is not None and session.slot is not None
        outcome = services.tickets.take(
            TakeRequest(
                poli_code=session.poli_day.poli.code,
                service_date=session.slot.service_date,
                schedule_id=session.slot.schedule_id,
                participant_id=session.patient.id if session.patient else None,
                complaint=session.complaint,
            )
        )
        return services.tickets.position(outcome.ticket.id), outcome.existing

    @on(ChoiceList.Chosen, "#answer")
    def _answer(self, event: ChoiceList.Chosen) -> None:
        if event.choice.id == "change":
            self.action_back()
            return
        commit = self._commit or self._take
        self.query_one(ChoiceList).loading = True
        services = self.services
        self.call_service(lambda: commit(services), self._done)

    def show_error(self, message: str) -> None:
        self.query_one(ChoiceList).loading = False
        super().show_error(message)

    def _done(self, result: tuple[QueuePosition, bool]) -> None:
        from kiosk.screens.ticket import TicketScreen

        position, existing = result
        # The ticket replaces the flow: Escape from it starts over instead of re-confirming.
        self.app.push_screen(TicketScreen(position, existing=existing))


def check_in_commit(ticket: Ticket) -> Commit:
    def commit(services: Services) -> tuple[QueuePosition, bool]:
        checked = services.tickets.check_in(ticket.id)
        return services.tickets.position(checked.id), False

    return commit
