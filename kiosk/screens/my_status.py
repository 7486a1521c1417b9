"""Check my status: today's tickets with their live position; open one (its QR, cancel), or
take a new one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from kiosk.domain.models import QueuePosition
from kiosk.i18n import people_ahead
from kiosk.screens.base import KioskScreen
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
        yield Static(self.t("hint.view"), id="hint")

    def on_screen_resume(self) -> None:
        if self.positions:
            self._load()  # a number may have been cancelled on its own screen

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
            detail = (
                f"{self.t('state.' + ticket.status.value)} · "
                f"{people_ahead(position.people_ahead, self.lang)}"
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
        self.show_error("" if positions else self.t("mystatus.none"))

    @on(ChoiceList.Chosen, "#tickets")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        if event.choice.id == "new":
            from kiosk.screens.poli import PoliScreen

            self.kiosk.patient.intent = Intent.TAKE
            self.app.push_screen(PoliScreen())
            return
        from kiosk.screens.ticket import TicketScreen

        position = next(p for p in self.positions if str(p.ticket.id) == event.choice.id)
        self.app.push_screen(TicketScreen(position, viewing=True))
