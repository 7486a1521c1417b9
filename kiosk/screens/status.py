"""Status: membership, arrears and FKTP of the card holder and family; who the number is for."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from kiosk.domain.eligibility import Refusal, check_eligibility, refused_at
from kiosk.domain.models import Participant
from kiosk.i18n import rupiah
from kiosk.screens.base import KioskScreen
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import OptionList, Static
from kiosk.widgets.status_card import StatusCard


class StatusScreen(KioskScreen):
    TITLE_KEY = "status.title"

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Vertical(id="body"):
            with Horizontal(id="status-top"):
                yield StatusCard(id="status-card")
                with Vertical(id="status-right"):
                    yield Static(self.t("status.choose_person"), classes="prompt")
                    yield ChoiceList(self._choices(), id="people")
            yield Static("", id="refusal", classes="refusal")
        yield from self.compose_hint()

    @property
    def family(self) -> list[Participant]:
        return self.kiosk.patient.family

    def _refusal(self, person: Participant) -> Refusal | None:
        return check_eligibility(person, self.services.settings.facility_code)

    def _choices(self) -> list[Choice]:
        choices = []
        for index, person in enumerate(self.family):
            who = self.t("status.self") if index == 0 else (person.relation or "")
            state = self.t("status.active") if self._refusal(person) is None else "✗"
            choices.append(Choice(str(person.id), person.display_name, f"{who}  {state}"))
        return choices

    def on_mount(self) -> None:
        if not self.on_stack:
            return
        self._show(self.family[0])

    def _show(self, person: Participant) -> None:
        refusal = self._refusal(person)
        self.query_one(StatusCard).show(person, refusal, self.lang)
        line = self.query_one("#refusal", Static)
        if refusal is None:
            line.update("")
            line.display = False
        else:
            line.update(
                f"{self.t('status.refused')}\n"
                + self.t(
                    refusal.value,
                    amount=rupiah(person.arrears),
                    fktp=refused_at(person, refusal),
                )
                + f"\n\n{self.t('status.help')}"
            )
            line.display = True

    def _person(self, person_id: str) -> Participant:
        return next(p for p in self.family if str(p.id) == person_id)

    @on(OptionList.OptionHighlighted, "#people")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._show(self._person(event.option.id))

    @on(ChoiceList.Chosen, "#people")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        person = self._person(event.choice.id)
        self._show(person)
        if self._refusal(person) is not None:
            return  # the reason and where to get help are on screen
        from kiosk.screens.poli import PoliScreen

        self.kiosk.patient.patient = person
        self.app.push_screen(PoliScreen())
