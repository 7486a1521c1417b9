"""Ticket: the number in large digits, where the patient stands, the QR, and the printed slip."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits

from kiosk.domain.models import QueuePosition, TicketStatus
from kiosk.screens.base import KioskScreen
from kiosk.services.slips import PrintOutcome
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static, Table
from kiosk.widgets.qr_view import QrView


class TicketScreen(KioskScreen):
    TITLE_KEY = "ticket.title"
    BINDINGS = [Binding("escape", "done", show=False)]

    def __init__(
        self, position: QueuePosition, *, existing: bool = False, reprint: bool = True
    ) -> None:
        super().__init__()
        self.position = position
        self.existing = existing
        self.reprint = reprint

    def compose(self) -> ComposeResult:
        ticket = self.position.ticket
        yield from self.compose_header()
        with Horizontal(id="body"):
            with Vertical(id="ticket-left"):
                if self.existing:
                    yield Static(self.t("ticket.existing"), classes="notice")
                yield Digits(ticket.number, id="number")
                # The number again as plain text, for screen readers and captures.
                yield Static(f"{self.t('ticket.title')}: {ticket.number}", id="number-text")
                yield Static(self._details(), id="details")
                yield Static(self.t("ticket.printing"), id="print-status")
                yield Static("", id="central-refusal")
                yield ChoiceList([Choice("done", self.t("ticket.done"))], id="done")
            with Vertical(id="ticket-right"):
                yield Static("", id="qr")
                yield Static(self.t("ticket.qr_label"), id="qr-label")
        yield from self.compose_hint("hint.back")

    def _details(self) -> Table:
        position, ticket = self.position, self.position.ticket
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_row(f"Poli {ticket.poli_name} · {ticket.doctor_name or ''}")
        grid.add_row(f"{ticket.service_date:%d-%m-%Y} · {ticket.jampraktek}")
        if ticket.status == TicketStatus.BOOKED:
            grid.add_row(self.t("ticket.booked"))
        ahead = (
            self.t("ticket.ahead", n=position.people_ahead)
            if position.people_ahead
            else self.t("ticket.ahead_none")
        )
        grid.add_row(Text.assemble((ahead, "bold")))
        if position.estimate_from and position.estimate_to:
            grid.add_row(
                self.t(
                    "ticket.estimate",
                    low=f"{position.estimate_from:%H:%M}",
                    high=f"{position.estimate_to:%H:%M}",
                )
            )
        if position.now_serving:
            grid.add_row(self.t("ticket.now_serving", number=position.now_serving))
        grid.add_row(ticket.masked_card or self.t("ticket.non_jkn"))
        return grid

    def on_mount(self) -> None:
        if not self.on_stack:
            return
        lang, position, services = self.lang, self.position, self.services

        def prepare() -> tuple[str, PrintOutcome | None]:
            slip = services.slips.slip_for(position, lang)
            outcome = services.slips.print_slip(slip) if self.reprint else None
            return slip.qr_payload, outcome

        self.call_service(prepare, self._printed, group="slip")
        ticket_id = position.ticket.id
        if services.sync.configured and not position.ticket.non_jkn:
            self.call_service(
                lambda: services.sync.add_refusal(ticket_id, wait_seconds=4.0),
                self._central_answered,
                group="central",
            )

    def _central_answered(self, refusal: str | None) -> None:
        """The central refused the number while the patient is still here: the number stays
        valid; say what to do (the SRK one in the patient's words)."""
        if refusal is None:
            return
        line = self.query_one("#central-refusal", Static)
        key = "ticket.srk" if "Skrining Riwayat Kesehatan" in refusal else "ticket.central_refused"
        line.update(self.t(key))
        line.add_class("error")

    def _printed(self, result: tuple[str, PrintOutcome | None]) -> None:
        payload, outcome = result
        self.query_one("#qr", Static).update(QrView.render_payload(payload))
        status = self.query_one("#print-status", Static)
        if outcome is None:
            status.update("")
        elif outcome.printed:
            status.update(self.t("ticket.printed"))
        else:
            status.update(self.t("ticket.print_failed"))
            status.add_class("error")

    @on(ChoiceList.Chosen, "#done")
    def action_done(self) -> None:
        self.kiosk.reset()
