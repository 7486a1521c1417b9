"""Check in: today's phone bookings of the participant and family, confirmed at the door."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from kiosk.domain.checkin import check_in_problem
from kiosk.domain.models import Ticket, TicketSource, TicketStatus
from kiosk.screens.base import KioskScreen
from kiosk.screens.confirm import ConfirmScreen, check_in_commit
from kiosk.session import Intent
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static


class CheckInScreen(KioskScreen):
    TITLE_KEY = "checkin.title"

    def __init__(self, ticket_id: int | None = None) -> None:
        super().__init__()
        self.ticket_id = ticket_id  # from a scanned slip code instead of an identity
        self.tickets: list[Ticket] = []

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Vertical(id="body"):
            yield ChoiceList(id="bookings")
            yield Static("", id="error", classes="error")
        yield Static(self.t("hint.view"), id="hint")

    def on_mount(self) -> None:
        if not self.on_stack:
            return
        services, ticket_id = self.services, self.ticket_id
        family_ids = [p.id for p in self.kiosk.patient.family]

        def load() -> list[Ticket]:
            if ticket_id is not None:
                return [services.tickets.get(ticket_id)]
            return [
                t
                for t in services.tickets.tickets_for(family_ids, services.clinic.bookable_dates())
                if t.source == TicketSource.BOOKING or t.status == TicketStatus.BOOKED
            ]

        self.call_service(load, self._loaded)

    def _loaded(self, tickets: list[Ticket]) -> None:
        self.tickets = tickets
        if not tickets:  # no booking: the way on is a number taken here and now
            self.show_error(self.t("checkin.none"))
            self.query_one(ChoiceList).set_choices(
                [
                    Choice("take", self.t("checkin.take_new")),
                    Choice("back", self.t("checkin.back")),
                ]
            )
            return
        now = self.services.clock.now()
        choices = []
        for ticket in tickets:
            problem = check_in_problem(ticket, now)
            state = (
                self.t("checkin.already")
                if ticket.status != TicketStatus.BOOKED
                else self.t("state.booked")
            )
            detail = f"{ticket.service_date:%d-%m-%Y} {ticket.jampraktek} · {state}"
            reason = (
                self.t(problem.value, date=f"{ticket.service_date:%d-%m-%Y}") if problem else ""
            )
            choices.append(
                Choice(
                    str(ticket.id),
                    f"{ticket.number}  Poli {ticket.poli_name}  {ticket.holder_name or ''}",
                    detail,
                    disabled=problem is not None,
                    reason=reason,
                )
            )
        self.query_one(ChoiceList).set_choices(choices)

    @on(ChoiceList.Chosen, "#bookings")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        if event.choice.id == "back":
            self.action_back()
            return
        if event.choice.id == "take":
            from kiosk.screens.poli import PoliScreen

            self.kiosk.patient.intent = Intent.TAKE
            if self.kiosk.patient.family:
                self.app.push_screen(PoliScreen())
            else:  # came with a slip code: who it is comes from the card
                self.kiosk.reset()
            return
        ticket = next(t for t in self.tickets if str(t.id) == event.choice.id)
        rows = [
            (self.t("confirm.patient"), ticket.holder_name or ""),
            (self.t("confirm.poli"), f"Poli {ticket.poli_name}  ({ticket.number})"),
            (self.t("confirm.doctor"), ticket.doctor_name or ""),
            (self.t("confirm.date"), f"{ticket.service_date:%d-%m-%Y}"),
            (self.t("confirm.shift"), ticket.jampraktek),
        ]
        self.app.push_screen(
            ConfirmScreen(
                rows, check_in_commit(ticket), "checkin.action", ask_visit=not ticket.non_jkn
            )
        )
