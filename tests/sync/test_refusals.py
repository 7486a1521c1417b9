"""Refusals told to someone who can act, against the REAL `kiosk central` on loopback: the add
goes out at once while the patient is still at the kiosk, the desk sees today's refusals grouped
by cause and sends them again once fixed, and the central hears of each number once, even when
the immediate send and the pump race for it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select, update

from kiosk.app import KioskApp
from kiosk.contract import antrean
from kiosk.domain.clock import FacilityClock
from kiosk.domain.identity import Identity, IdentityKind
from kiosk.domain.refusal import Cause, cause_of
from kiosk.i18n import t
from kiosk.services import Services
from kiosk.services.refusals import RefusalService
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import OutboxRow, ScheduleRow, TicketEventRow
from kiosk.sync.client import Outcome
from kiosk.sync.link import note_link
from tests.central_server import CentralServer
from tests.conftest import MORNING, WIB, MovableClock
from tests.core.conftest import TODAY
from tests.sync.test_drills import add_people, clinic, clinic_settings, fast_pump, schedule_of
from tests.ui.helpers import (
    identify,
    screen_name,
    settle,
    shows,
    take_umum_with_defaults,
    text_of,
)

__all__ = ["clinic"]  # the fixture, from the drills

pytestmark = pytest.mark.slow

HENDRA_CARD = "0001234567807"  # known to BPJS only; has not filled in this year's SRK
ADD_PATH = "/antreanfktp/antrean/add"
ACTOR = "Sari Dewi@loket-1"


def _state(services: Services, ticket_id: int) -> tuple[str, str | None, int]:
    with services.store.read() as session:
        row = session.scalars(
            select(OutboxRow).where(OutboxRow.ticket_id == ticket_id, OutboxRow.kind == antrean.ADD)
        ).one()
        return row.state, row.last_error, row.attempts


def _hendra_takes(services: Services) -> int:
    """Hendra is verified online (which marks the link reachable) and takes a number at Umum."""
    found = services.participants.check(Identity(IdentityKind.CARD, HENDRA_CARD))
    assert found.participant is not None and not found.offline
    today = services.clock.today()
    slot = services.clinic.slots("001", today)[0]
    return services.tickets.take(
        TakeRequest("001", today, slot.schedule_id, found.participant.id)
    ).ticket.id


def test_the_srk_refusal_reaches_the_kiosk_at_once_and_the_desk_resends_it_once_fixed(
    clinic: Services, central_server: CentralServer
) -> None:
    ticket_id = _hendra_takes(clinic)
    # No pump runs: the ticket screen's call sends the add itself and has the answer at once.
    refusal = clinic.sync.add_refusal(ticket_id, wait_seconds=3)
    assert refusal is not None and cause_of(refusal) == Cause.SRK
    assert _state(clinic, ticket_id)[0] == "parked"

    desk = RefusalService(clinic.store, clinic.clock)
    (item,) = desk.today()
    assert item.cause == Cause.SRK and item.ticket_id == ticket_id
    assert item.poli_name == "Umum" and item.number == "A-001"
    assert item.masked_card == "••7807" and item.message == refusal

    # Resent before the patient filled it in: refused again, back with the central's words.
    assert desk.resend(item.item_id, ACTOR).number == "A-001"
    assert desk.today() == []  # pending now
    again = clinic.sync.send_now(ticket_id)
    assert again is not None and again.outcome == Outcome.REFUSED
    assert [r.cause for r in desk.today()] == [Cause.SRK]

    # Filled in (Mobile JKN, here the central's demo route): the desk's resend goes through.
    central_server.srk_done(HENDRA_CARD)
    desk.resend_ticket(ticket_id, ACTOR)
    assert fast_pump(clinic).drain()
    assert _state(clinic, ticket_id)[0] == "sent" and desk.today() == []
    assert HENDRA_CARD in [e["nomorkartu"] for e in central_server.mirror(TODAY.isoformat())]
    with clinic.store.read() as session:
        events = session.scalars(
            select(TicketEventRow).where(
                TicketEventRow.ticket_id == ticket_id, TicketEventRow.kind == "resent"
            )
        ).all()
    assert [(e.actor, e.detail["cause"]) for e in events] == [(ACTOR, "srk"), (ACTOR, "srk")]


def test_refusals_are_grouped_by_cause_and_a_group_is_resent_together(
    clinic: Services, central_server: CentralServer
) -> None:
    people = add_people(clinic, 4)
    schedule = schedule_of(clinic, "001")
    tickets = [
        clinic.tickets.take(TakeRequest("001", TODAY, schedule, pid)).ticket.id for pid in people
    ]
    central_server.set_kapasitas(2)  # the shift is full after two
    with clinic.store.write() as session:  # and one number names a doctor HFIS does not know
        row = session.scalars(select(OutboxRow).where(OutboxRow.ticket_id == tickets[3])).one()
        row.payload = {**row.payload, "kodedokter": 999}
    assert not fast_pump(clinic).drain()
    desk = RefusalService(clinic.store, clinic.clock)
    assert [(r.ticket_id, r.cause) for r in desk.today()] == [
        (tickets[3], Cause.HFIS),
        (tickets[2], Cause.QUOTA),
    ]
    central_server.set_kapasitas(1000)  # HFIS fixed for the quota, not for the doctor
    assert desk.resend_cause(Cause.QUOTA, ACTOR) == 1
    fast_pump(clinic).drain()
    assert [r.cause for r in desk.today()] == [Cause.HFIS]
    assert _state(clinic, tickets[2])[0] == "sent"


def test_offline_the_immediate_send_leaves_the_item_to_the_pump(
    clinic: Services, central_server: CentralServer
) -> None:
    people = add_people(clinic, 2)
    schedule = schedule_of(clinic, "001")
    first = clinic.tickets.take(TakeRequest("001", TODAY, schedule, people[0])).ticket.id
    # The link is known to be down: not even tried.
    note_link(clinic.store, False, "down", now=clinic.clock.utcnow())
    assert clinic.sync.send_now(first) is None
    assert _state(clinic, first) == ("pending", None, 0)
    # Marked up, but the central is gone: tried once, back to pending for the pump.
    central_server.stop()
    note_link(clinic.store, True, now=clinic.clock.utcnow())
    answer = clinic.sync.send_now(first)
    assert answer is not None and answer.outcome == Outcome.RETRY
    state, _, attempts = _state(clinic, first)
    assert (state, attempts) == ("pending", 1)
    central_server.start()
    assert fast_pump(clinic).drain()
    assert _state(clinic, first)[0] == "sent"


def test_the_central_receives_each_add_once_when_the_pump_and_the_immediate_send_race(
    clinic: Services, central_server: CentralServer
) -> None:
    people = add_people(clinic, 24)
    polis = ("001", "002", "003")
    schedules = {p: schedule_of(clinic, p) for p in polis}
    note_link(clinic.store, True, now=clinic.clock.utcnow())
    pump = fast_pump(clinic, batch=1)
    for index, pid in enumerate(people):
        poli = polis[index % 3]
        ticket = clinic.tickets.take(TakeRequest(poli, TODAY, schedules[poli], pid)).ticket
        start = threading.Barrier(2)

        def immediate(ticket_id: int = ticket.id, start: threading.Barrier = start) -> None:
            start.wait()
            clinic.sync.send_now(ticket_id)

        def round_of_the_pump(start: threading.Barrier = start) -> None:
            start.wait()
            pump.step()

        threads = [threading.Thread(target=immediate), threading.Thread(target=round_of_the_pump)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert fast_pump(clinic).drain()
    with clinic.store.read() as session:
        attempts = session.scalars(
            select(OutboxRow.attempts).where(OutboxRow.kind == antrean.ADD)
        ).all()
    assert len(attempts) >= 24 and set(attempts) == {1}  # the demo clinic may hold one more
    assert central_server.received(ADD_PATH) == len(attempts)


@pytest.fixture(autouse=True)
def _roomy(clinic: Services) -> None:
    with clinic.store.write() as session:
        session.execute(update(ScheduleRow).values(quota=1000))


async def test_the_patient_sees_the_srk_notice_at_the_kiosk_and_f2_translates_it(
    tmp_path: Path, central_server: CentralServer
) -> None:
    services = open_clinic(
        clinic_settings(tmp_path, central_server), clock=FacilityClock(WIB, MovableClock(MORNING))
    )
    app = KioskApp(services)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await identify(pilot, HENDRA_CARD)
            assert screen_name(app) == "PoliScreen"
            await take_umum_with_defaults(pilot)
            assert screen_name(app) == "TicketScreen"
            assert await shows(pilot, "Nomor Anda tetap berlaku", seconds=6)
            notice = " ".join(text_of(app, "#central-refusal").split())
            assert notice == t("ticket.srk", "id")
            await pilot.press("f2")
            await settle(pilot)
            notice = " ".join(text_of(app, "#central-refusal").split())
            assert notice == t("ticket.srk", "en")
            assert "A-001" in text_of(app, "#number-text")
            printed = " ".join(text_of(app, "#print-status").split())
            assert printed in (t("ticket.printed", "en"), t("ticket.print_failed", "en"))
            await pilot.press("f2")
            await settle(pilot)
            assert " ".join(text_of(app, "#central-refusal").split()) == t("ticket.srk", "id")
    finally:
        services.store.dispose()
