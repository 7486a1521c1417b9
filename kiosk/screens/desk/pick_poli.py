"""Which poli this desk serves today (digit keys, as on the kiosk)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen

from kiosk.domain.models import Poli
from kiosk.i18n import t
from kiosk.services.counter import poli_counter
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static

if TYPE_CHECKING:
    from kiosk.screens.desk.host import DeskHost


class PickPoliScreen(Screen[None]):
    def __init__(self, polis: list[Poli]) -> None:
        super().__init__()
        self.polis = polis

    @property
    def host(self) -> DeskHost:
        return cast("DeskHost", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("desk.pick_poli", self.host.lang), classes="prompt")
            yield ChoiceList(
                [Choice(p.code, f"Poli {p.name}", p.prefix) for p in self.polis], id="polis"
            )

    @on(ChoiceList.Chosen, "#polis")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        from kiosk.screens.desk.queue import DeskScreen

        poli = next(p for p in self.polis if p.code == event.choice.id)
        counter = self.host.counter or poli_counter(poli.name)
        self.app.switch_screen(DeskScreen(poli, counter, self.polis))
