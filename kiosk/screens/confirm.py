"""Confirm: the patient checks the summary, then the number is taken (or the booking checked in)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from kiosk.domain.models import QueuePosition, Ticket
from kiosk.screens.base import KioskScreen
from kiosk.services import Services
from kiosk.services.tickets import TakeRequest
from kiosk.session import TakeChoice
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static, Table

# What confirming does: a service call giving the ticket's position, and whether it already existed.
Commit = Callable[[Services], tuple[QueuePosition, bool]]


class ConfirmScreen(KioskScreen):
    TITLE_KEY = "confirm.title"

    def __init__(
        self,
        rows: list[tuple[str, str]] | None = None,
        commit: Commit | None = None,
        yes_key: str = "confirm.yes",
        *,
        take: TakeChoice | None = None,
    ) -> None:
        """Either ``rows`` and ``commit`` (check-in), or the patient's ``take`` choice."""
        super().__init__()
        self._rows = rows
        self._commit = commit
        self._yes_key = yes_key
        self._choice = take

    def compose(self) -> ComposeResult:
        rows = self._take_rows(self._choice) if self._choice else (self._rows or [])
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

    def _take_rows(self, choice: TakeChoice) -> list[tuple[str, str]]:
        assert choice.slot is not None
        patient = choice.patient.display_name if choice.patient else self.t("ticket.non_jkn")
        return [
            (self.t("confirm.patient"), patient),
            (self.t("confirm.poli"), f"Poli {choice.poli_day.poli.name}"),
            (self.t("confirm.doctor"), choice.slot.doctor_name),
            (self.t("confirm.date"), f"{choice.slot.service_date:%d-%m-%Y}"),
            (self.t("confirm.shift"), choice.slot.jampraktek),
            (self.t("confirm.complaint"), choice.complaint or self.t("confirm.none")),
        ]

    def _take(self, services: Services) -> tuple[QueuePosition, bool]:
        choice = self._choice
        assert choice is not None and choice.slot is not None
        outcome = services.tickets.take(
            TakeRequest(
                poli_code=choice.poli_day.poli.code,
                service_date=choice.slot.service_date,
                schedule_id=choice.slot.schedule_id,
                participant_id=choice.patient.id if choice.patient else None,
                complaint=choice.complaint,
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
