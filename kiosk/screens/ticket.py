"""Ticket: the number in large digits, where the patient stands, the QR, and the printed slip.

Also opened again later ("Cek antrean saya", or a poli where the patient already holds a
number): then nothing prints, and the patient can cancel the number or go back.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits

from kiosk.domain import lifecycle
from kiosk.domain.models import QueuePosition, TicketStatus
from kiosk.domain.refusal import Cause, cause_of
from kiosk.domain.slip_code import from_scan
from kiosk.i18n import people_ahead
from kiosk.screens.base import KioskScreen
from kiosk.screens.dialogs import Question
from kiosk.services.slips import PrintOutcome
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static, Table
from kiosk.widgets.qr_view import QrView


class TicketScreen(KioskScreen):
    TITLE_KEY = "ticket.title"
    BINDINGS = [
        Binding("escape", "done", show=False),
        Binding("f2", "switch_lang", show=False),
    ]

    def __init__(
        self,
        position: QueuePosition,
        *,
        existing: bool = False,
        reprint: bool = True,
        viewing: bool = False,
    ) -> None:
        super().__init__()
        self.position = position
        self.existing = existing
        self.viewing = viewing  # opened again: back and cancel instead of done, no printing
        self.reprint = reprint and not viewing
        # What arrived from the workers, shown again in the other language after F2.
        self._slip: tuple[str, PrintOutcome | None] | None = None
        self._refusal: str | None = None

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
                if self.reprint:
                    yield Static(self.t("ticket.printing"), id="print-status")
                yield Static("", id="central-refusal")
                yield ChoiceList(self._actions(), id="done")
                yield Static("", id="error", classes="error")
            with Vertical(id="ticket-right"):
                yield Static("", id="qr")
                yield Static(self.t("ticket.qr_label"), id="qr-label")
                yield Static("", id="slip-code")
        yield Static(self.t("hint.view" if self.viewing else "hint.ticket"), id="hint")

    def _actions(self) -> list[Choice]:
        if not self.viewing:
            return [Choice("done", self.t("ticket.done"))]
        ticket = self.position.ticket
        state = self.t("state." + ticket.status.value)
        return [
            Choice("back", self.t("ticket.back")),
            Choice(
                "cancel",
                self.t("ticket.cancel"),
                # The life cycle says which states a cancel accepts (a called patient is past it).
                disabled=ticket.status == TicketStatus.CANCELLED
                or ticket.status not in lifecycle.accepts(lifecycle.Action.CANCEL),
                reason=self.t("ticket.cannot_cancel", state=state),
            ),
        ]

    def _details(self) -> Table:
        position, ticket = self.position, self.position.ticket
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_row(Text(f"Poli {ticket.poli_name} · {ticket.doctor_name or ''}"))
        grid.add_row(f"{ticket.service_date:%d-%m-%Y} · {ticket.jampraktek}")
        if ticket.status == TicketStatus.BOOKED:
            grid.add_row(self.t("ticket.booked"))
        grid.add_row(Text(people_ahead(position.people_ahead, self.lang), style="bold"))
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

    async def action_switch_lang(self) -> None:
        """F2: the whole ticket in the other language, the central's answer and the slip's
        state included (nothing is printed or sent again)."""
        self.kiosk.toggle_lang()
        await self.recompose()
        if not self.on_stack:  # reset or left while it recomposed (a monkey's next key)
            return
        if self._slip is not None:
            self._printed(self._slip)
        self._central_answered(self._refusal)
        self.query_one(ChoiceList).focus()

    def _central_answered(self, refusal: str | None) -> None:
        """The central refused the number while the patient is still here: the number stays
        valid; say what to do (the SRK one in the patient's words)."""
        if refusal is None:
            return
        self._refusal = refusal
        line = self.query_one("#central-refusal", Static)
        key = "ticket.srk" if cause_of(refusal) == Cause.SRK else "ticket.central_refused"
        line.update(self.t(key))
        line.add_class("error")

    def _printed(self, result: tuple[str, PrintOutcome | None]) -> None:
        self._slip = result
        payload, outcome = result
        self.query_one("#qr", Static).update(QrView.render_payload(payload))
        # The code under the QR, typed at check-in or the desk when a camera cannot read it.
        head, _, signature = from_scan(payload).rpartition(":")  # the code, also in an address
        self.query_one("#slip-code", Static).update(Text(f"{head}:\n{signature}"))
        if not self.reprint:
            return
        status = self.query_one("#print-status", Static)
        if outcome is None:
            status.update("")
        elif outcome.printed:
            status.update(self.t("ticket.printed"))
        else:
            status.update(self.t("ticket.print_failed"))
            status.add_class("error")

    @on(ChoiceList.Chosen, "#done")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        if event.choice.id == "cancel":
            self._ask_cancel()
        elif event.choice.id == "back":
            self.app.pop_screen()
        else:
            self.kiosk.reset()

    def action_done(self) -> None:
        if self.viewing:
            self.app.pop_screen()
        else:
            self.kiosk.reset()

    def _ask_cancel(self) -> None:
        ticket = self.position.ticket
        services = self.services

        def done(_: object) -> None:
            self.app.pop_screen()
            self.app.notify(self.t("mystatus.cancelled", number=ticket.number))

        def answered(yes: bool | None) -> None:
            if yes:
                self.call_service(
                    lambda: services.tickets.cancel(ticket.id, "Dibatalkan pasien di kiosk"), done
                )

        self.app.push_screen(
            Question(
                self.t("mystatus.confirm_cancel", number=ticket.number),
                self.t("mystatus.yes"),
                self.t("mystatus.no"),
            ),
            answered,
        )
