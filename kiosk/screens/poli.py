"""Poli: the patient's JKN status beside the polis of today or tomorrow.

One screen does what three did: whose number it is (F3 or a tap switches family member), their
status, and the poli. Polis where that person already holds a number show the number and open
it. A participant who cannot take a JKN number sees why and the ways forward instead: go on as a
general patient (when the clinic allows it), go to the desk, or back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message

from kiosk.domain.eligibility import Refusal, check_eligibility, refused_at
from kiosk.domain.family import relation_to
from kiosk.domain.models import HELD_STATUSES, Participant, PoliDay, PoliState, QueuePosition
from kiosk.domain.schedule import default_slot, places_left
from kiosk.i18n import rupiah, term
from kiosk.screens.base import KioskScreen
from kiosk.session import Intent, TakeChoice
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Static
from kiosk.widgets.status_card import StatusCard


class Tab(Static):
    """A one-line tab (a day, a family member): a tap picks it; keys do the same elsewhere."""

    class Picked(Message):
        def __init__(self, tab: Tab) -> None:
            super().__init__()
            self.tab = tab

        @property
        def control(self) -> Tab:
            return self.tab

    def __init__(self, label: str | Text, index: int, classes: str) -> None:
        super().__init__(label, classes=classes)
        self.index = index

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Picked(self))


@dataclass(frozen=True)
class PoliList:
    service_date: date
    days: list[PoliDay]
    held: dict[str, str]  # poli code -> the number the patient already holds there


class PoliScreen(KioskScreen):
    TITLE_KEY = "poli.title"
    BINDINGS = [
        Binding("left", "day(0)", show=False),
        Binding("right", "day(1)", show=False),
        Binding("f3", "next_person", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.dates: tuple[date, ...] = ()
        self.day_index = 0
        self.person_index = 0
        self.general = False  # a refused participant chose to go on as a general patient
        self.listing = PoliList(date.min, [], {})
        self.closed_notice = ""  # the clinic closed for today: when it opens, and tomorrow's offer

    # -- who -------------------------------------------------------------------------------
    @property
    def family(self) -> list[Participant]:
        return self.kiosk.patient.family

    @property
    def person(self) -> Participant | None:
        """Whose JKN number this is; None for a general (non-JKN) patient."""
        if not self.family or self.general:
            return None
        return self.family[self.person_index]

    def _refusal(self, person: Participant) -> Refusal | None:
        return check_eligibility(person, self.services.settings.facility_code)

    def _who(self, index: int, person: Participant) -> Text:
        if index == 0:
            relation = self.t("status.self")
        else:
            mine = relation_to(self.family[0], person)
            relation = (
                term("relation", mine, self.lang)
                if mine
                else self.t(
                    "status.card_relation",
                    relation=term("relation", person.relation, self.lang) or "-",
                )
            )
        mark = "✓" if self._refusal(person) is None else "✗"
        return Text.assemble(f" {mark} ", (person.display_name, "bold"), f"  {relation}")

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.dates = self.services.clinic.bookable_dates()
        yield from self.compose_header()
        with Horizontal(id="body"):
            with Vertical(id="poli-left"):
                if self.family:
                    yield StatusCard(id="status-card")
                    if len(self.family) > 1:
                        yield Static(self.t("status.choose_person"), id="people-label")
                        for index, person in enumerate(self.family):
                            yield Tab(self._who(index, person), index, "person")
                yield Static(self.t("status.non_jkn_patient"), id="general-note")
            with Vertical(id="poli-right"):
                with Vertical(id="choose-poli"):
                    with Horizontal(id="days"):
                        for index, key in enumerate(("poli.today", "poli.tomorrow")):
                            label = f" {self.t(key)} {self.dates[index]:%d-%m} "
                            yield Tab(label, index, "day")
                    yield ChoiceList(id="polis")
                with Vertical(id="refused"):
                    yield Static("", id="refusal", classes="refusal")
                    yield ChoiceList(id="ways")
                yield Static("", id="notice", classes="notice")
                yield Static("", id="error", classes="error")
        yield Static("", id="hint")

    def on_mount(self) -> None:
        if not self.on_stack:
            return
        self._show_person()

    def on_screen_resume(self) -> None:
        if self.dates and not self._refused_view:
            self._load()  # quotas and held numbers may have moved on later screens

    @property
    def _refused_view(self) -> bool:
        person = self.person
        return person is not None and self._refusal(person) is not None

    def _show_person(self) -> None:
        person = self.person
        session = self.kiosk.patient
        session.patient = person
        for tab in self.query(".person").results(Tab):
            tab.set_class(tab.index == self.person_index, "selected")
        self.query_one("#general-note").display = person is None
        if self.family:
            self.query_one(StatusCard).show(
                self.family[self.person_index],
                self._refusal(self.family[self.person_index]),
                self.lang,
            )
        refusal = self._refusal(person) if person else None
        title = "status.title" if refusal is not None else "poli.title"
        self.query_one("#header-title", Static).update(self.t(title))
        self.query_one("#choose-poli").display = refusal is None
        self.query_one("#refused").display = refusal is not None
        self.query_one("#notice", Static).update("")
        self.show_error("")
        hint = "hint.poli_family" if len(self.family) > 1 and not self.general else "hint.poli"
        if refusal is not None:
            hint = "hint.view"
        self.query_one("#hint", Static).update(self.t(hint))
        if person is not None and refusal is not None:
            self._offer_ways(person, refusal)
        else:
            self.query_one("#polis", ChoiceList).focus()
            self._load()

    def action_next_person(self) -> None:
        if len(self.family) > 1 and not self.general:
            self.person_index = (self.person_index + 1) % len(self.family)
            self._show_person()

    @on(Tab.Picked, ".person")
    def _person_picked(self, event: Tab.Picked) -> None:
        if not self.general:
            self.person_index = event.tab.index
            self._show_person()

    # -- refused: the ways forward ------------------------------------------------------------
    def _offer_ways(self, person: Participant, refusal: Refusal) -> None:
        reason = self.t(
            refusal.value, amount=rupiah(person.arrears), fktp=refused_at(person, refusal)
        )
        self.query_one("#refusal", Static).update(
            Text.assemble((self.t("refused.title"), "bold"), "\n", reason)
        )
        allowed = self.services.settings.refused_as_general
        ways = self.query_one("#ways", ChoiceList)
        ways.set_choices(
            [
                Choice(
                    "general",
                    self.t("refused.non_jkn"),
                    disabled=not allowed,
                    reason=self.t("refused.non_jkn_off"),
                ),
                Choice("desk", self.t("refused.desk")),
                Choice("back", self.t("refused.back")),
            ]
        )
        ways.focus()

    @on(ChoiceList.Chosen, "#ways")
    def _way(self, event: ChoiceList.Chosen) -> None:
        if event.choice.id == "general":
            self.general = True
            self.kiosk.patient.intent = Intent.NON_JKN
            self._show_person()
        elif event.choice.id == "desk":
            self.query_one("#notice", Static).update(self.t("refused.desk_told"))
        else:
            self.action_back()

    def action_back(self) -> None:
        if self.general and self.family:  # back from "as a general patient" to the reasons
            self.general = False
            self.kiosk.patient.intent = Intent.TAKE
            self._show_person()
        else:
            super().action_back()

    # -- polis ------------------------------------------------------------------------------
    def action_day(self, index: int) -> None:
        if index != self.day_index and index < len(self.dates) and not self._refused_view:
            self.day_index = index
            self.show_error("")
            self._load()

    @on(Tab.Picked, ".day")
    def _day_picked(self, event: Tab.Picked) -> None:
        self.action_day(event.tab.index)

    def _load(self) -> None:
        if not self.dates or not self.on_stack:  # a key came before compose, or after a pop
            return
        for tab in self.query(".day").results(Tab):
            tab.set_class(tab.index == self.day_index, "selected")
        service_date = self.dates[self.day_index]
        person = self.person
        services = self.services

        def load() -> PoliList:
            days = services.clinic.poli_days(service_date)
            held = {}
            if person is not None:
                for ticket in services.tickets.tickets_for([person.id], (service_date,)):
                    if ticket.status in HELD_STATUSES:
                        held[ticket.poli_code] = ticket.number
            return PoliList(service_date, days, held)

        self.call_service(load, self._loaded)

    def _loaded(self, listing: PoliList) -> None:
        if not self.dates or listing.service_date != self.dates[self.day_index]:
            return  # read for a day no longer shown (an earlier read that finished late)
        days = listing.days
        closed_today = bool(days) and all(day.state == PoliState.CLOSED for day in days)
        if self.day_index == 0 and len(self.dates) > 1 and closed_today:
            # After the day's last shift: say when it opens, offer what can still be booked.
            self.call_service(self.services.clinic.next_opening, self._closed_today)
            return
        self.listing = listing
        if self.closed_notice:
            days = [day for day in days if day.state != PoliState.CLOSED]
        choices = []
        for day in days:
            held = listing.held.get(day.poli.code)
            if held:
                choices.append(
                    Choice(day.poli.code, f"Poli {day.poli.name}", self.t("poli.held", number=held))
                )
                continue
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
        self.query_one("#polis", ChoiceList).set_choices(choices)
        if self.closed_notice:
            self.show_error(self.closed_notice)

    def _closed_today(self, opening: datetime | None) -> None:
        when = self.t("poli.opens_unknown")
        if opening is not None:
            weekday = self.t("board.weekdays").split(",")[opening.weekday()]
            when = f"{weekday} {opening:%H:%M}"
        self.closed_notice = self.t("poli.closed_today", when=when)
        self.day_index = 1
        self._load()

    @on(ChoiceList.Chosen, "#polis")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        day = next(d for d in self.listing.days if d.poli.code == event.choice.id)
        person = self.person
        if event.choice.id in self.listing.held and person is not None:
            self._open_held(person, day)
            return
        slot = default_slot(day.slots, self.services.clock.now())
        if slot is None:  # the last place went while the patient looked
            self._load()
            return
        from kiosk.screens.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(take=TakeChoice(person, day, slot)))

    def _open_held(self, person: Participant, day: PoliDay) -> None:
        services = self.services

        def find() -> QueuePosition | None:
            ticket = services.tickets.held(person.id, day.poli.code, day.service_date)
            return services.tickets.position(ticket.id) if ticket else None

        def show(position: QueuePosition | None) -> None:
            from kiosk.screens.ticket import TicketScreen

            if position is None:
                self._load()
            else:
                self.app.push_screen(TicketScreen(position, existing=True, viewing=True))

        self.call_service(find, show)
