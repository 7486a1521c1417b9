"""Poli: today or tomorrow, and the polis with their quota; closed or full ones cannot be picked."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical

from kiosk.domain.models import PoliDay, PoliState
from kiosk.domain.schedule import places_left
from kiosk.screens.base import KioskScreen
from kiosk.session import TakeChoice
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Button, Static


class PoliScreen(KioskScreen):
    TITLE_KEY = "poli.title"
    BINDINGS = [
        Binding("left", "day(0)", show=False),
        Binding("right", "day(1)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.dates: tuple[date, ...] = ()
        self.day_index = 0
        self.days: list[PoliDay] = []

    def compose(self) -> ComposeResult:
        self.dates = self.services.clinic.bookable_dates()
        yield from self.compose_header()
        with Vertical(id="body"):
            with Horizontal(id="days"):
                for index, key in enumerate(("poli.today", "poli.tomorrow")):
                    button = Button(
                        f"{self.t(key)}  {self.dates[index]:%d-%m-%Y}",
                        id=f"day-{index}",
                        classes="day",
                    )
                    button.can_focus = False
                    yield button
                yield Static(self.t("poli.day_hint"), classes="help")
            yield ChoiceList(id="polis")
            yield Static("", id="error", classes="error")
        yield from self.compose_hint()

    def on_mount(self) -> None:
        if not self.on_stack:
            return
        self._load()

    def on_screen_resume(self) -> None:
        self._load()  # quotas may have moved while the patient was on later screens

    def action_day(self, index: int) -> None:
        if index != self.day_index and index < len(self.dates):
            self.day_index = index
            self.show_error("")
            self._load()

    @on(Button.Pressed, ".day")
    def _day_pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.action_day(int(event.button.id.removeprefix("day-")))

    def _load(self) -> None:
        if not self.dates or not self.on_stack:  # a key came before compose, or after a pop
            return
        for index in range(len(self.dates)):
            self.query_one(f"#day-{index}").set_class(index == self.day_index, "selected")
        service_date = self.dates[self.day_index]
        self.call_service(lambda: self.services.clinic.poli_days(service_date), self._loaded)

    def _loaded(self, days: list[PoliDay]) -> None:
        self.days = days
        choices = []
        for day in days:
            if day.state == PoliState.OPEN:
                left = places_left(day.slots, self.services.clock.now())
                detail = self.t("poli.open", n=left)
            else:
                detail = self.t(f"poli.{day.state.value}")
            choices.append(
                Choice(
                    day.poli.code,
                    f"Poli {day.poli.name}",
                    detail,
                    disabled=day.state != PoliState.OPEN,
                    reason=self.t("poli.not_selectable", state=detail),
                )
            )
        self.query_one(ChoiceList).set_choices(choices)

    @on(ChoiceList.Chosen, "#polis")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        from kiosk.screens.doctor import DoctorScreen

        day = next(d for d in self.days if d.poli.code == event.choice.id)
        self.app.push_screen(DoctorScreen(TakeChoice(self.kiosk.patient.patient, day)))
