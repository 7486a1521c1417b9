"""Doctor and shift: every shift of the chosen poli that day, the sensible one highlighted.

Reached from the confirmation only when the poli offers more than one open shift; the choice
goes back to it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from kiosk.domain.models import Slot
from kiosk.domain.schedule import default_slot, slot_is_over
from kiosk.screens.base import KioskScreen
from kiosk.session import TakeChoice
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static


class DoctorScreen(KioskScreen):
    TITLE_KEY = "doctor.title"

    def __init__(self, choice: TakeChoice, picked: Callable[[Slot], None]) -> None:
        super().__init__()
        self.choice = choice
        self.picked = picked

    def compose(self) -> ComposeResult:
        day = self.choice.poli_day
        now = self.services.clock.now()
        suggested = default_slot(day.slots, now)
        current = self.choice.slot or suggested  # highlighted: what the confirmation holds
        choices = []
        for slot in day.slots:
            over = slot_is_over(slot, now)
            if over:
                detail = self.t("poli.closed")
            elif slot.remaining:
                detail = self.t("doctor.left", n=slot.remaining)
            else:
                detail = self.t("doctor.full")
            if suggested is not None and slot.schedule_id == suggested.schedule_id:
                detail += f"  ★ {self.t('doctor.default')}"
            choices.append(
                Choice(
                    str(slot.schedule_id),
                    f"{slot.doctor_name}  {slot.jampraktek}",
                    detail,
                    disabled=over or slot.remaining == 0,
                    reason=detail,
                )
            )
        yield from self.compose_header()
        with Vertical(id="body"):
            yield Static(f"Poli {day.poli.name} · {day.service_date:%d-%m-%Y}", classes="prompt")
            yield ChoiceList(
                choices, id="slots", default=str(current.schedule_id) if current else None
            )
            yield Static("", id="error", classes="error")
        yield Static(self.t("hint.view"), id="hint")

    @on(ChoiceList.Chosen, "#slots")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        slot = next(s for s in self.choice.poli_day.slots if str(s.schedule_id) == event.choice.id)
        self.app.pop_screen()
        self.picked(slot)
