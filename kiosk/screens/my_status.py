"""Check my status: today's tickets with their live position; cancel one, or take a new one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from kiosk.domain.models import QueuePosition
from kiosk.screens.base import KioskScreen
from kiosk.screens.dialogs import Question
from kiosk.session import Intent
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static

REFRESH_SECONDS = 5


class MyStatusScreen(KioskScreen):
    TITLE_KEY = "mystatus.title"

    def __init__(self) -> None:
        super().__init__()
        self.positions: list[QueuePosition] = []

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Vertical(id="body"):
            yield ChoiceList(id="tickets")
            yield Static("", id="error", classes="error")
        yield from self.compose_hint()

    def on_mount(self) -> None:
        if not self.on_stack:
            return
        self._load()
        self.set_interval(REFRESH_SECONDS, self._load)

    def _load(self) -> None:
        services = self.services
        family_ids = [p.id for p in self.kiosk.patient.family]

        def load() -> list[QueuePosition]:
            today = services.clock.today()
            return [
                services.tickets.position(t.id)
                for t in services.tickets.tickets_for(family_ids, (today,))
            ]

        self.call_service(load, self._loaded, group="status")

    def _loaded(self, positions: list[QueuePosition]) -> None:
        self.positions = positions
        choices = []
        for position in positions:
            ticket = position.ticket
            detail = f"{self.t('state.' + ticket.status.value)} · " + (
                self.t("ticket.ahead", n=position.people_ahead)
                if position.people_ahead
                else self.t("ticket.ahead_none")
            )
            choices.append(
                Choice(
                    str(ticket.id),
                    f"{ticket.number}  Poli {ticket.poli_name}  {ticket.holder_name or ''}",
                    detail,
                )
            )
        choices.append(Choice("new", self.t("mystatus.new")))
        chooser = self.query_one(ChoiceList)
        keep = chooser.highlighted_option.id if chooser.highlighted_option else None
        chooser.set_choices(choices, default=keep)
        if not positions:
            self.show_error(self.t("mystatus.none"))

    @on(ChoiceList.Chosen, "#tickets")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        if event.choice.id == "new":
            from kiosk.screens.status import StatusScreen

            self.kiosk.patient.intent = Intent.TAKE
            self.app.push_screen(StatusScreen())
            return
        position = next(p for p in self.positions if str(p.ticket.id) == event.choice.id)
        number = position.ticket.number

        def answered(yes: bool | None) -> None:
            if yes:
                self._cancel(position.ticket.id, number)

        self.app.push_screen(
            Question(
                self.t("mystatus.confirm_cancel", number=number),
                self.t("mystatus.yes"),
                self.t("mystatus.no"),
            ),
            answered,
        )

    def _cancel(self, ticket_id: int, number: str) -> None:
        services = self.services

        def done(_: object) -> None:
            self.notify(self.t("mystatus.cancelled", number=number))
            self._load()

        self.call_service(
            lambda: services.tickets.cancel(ticket_id, "Dibatalkan pasien di kiosk"), done
        )
