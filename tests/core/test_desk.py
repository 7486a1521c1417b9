"""The desk's actions on a real store (SQLite and PostgreSQL): call, recall, skip, serve, finish,
transfer, return, priority, find, undo, and what each leaves for the audit and the central."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.domain.models import TicketStatus
from kiosk.services.desk import MAX_RECALLS, DeskService
from kiosk.services.errors import Refused
from kiosk.store.models import OutboxRow, TicketEventRow, TicketRow
from tests.demo_ids import BUDI_NIK, SITI_CARD, SITI_NIK

DESK = "desk-1"


@pytest.fixture
def desk(clinic: Any) -> DeskService:
    services = clinic.services
    return DeskService(services.store, services.clock, services.slips)


def walk_ins(clinic: Any, count: int, poli: str = "001") -> list[int]:
    ids = []
    for _ in range(count):
        ids.append(clinic.take(poli).ticket.id)
        clinic.clock.instant += timedelta(minutes=1)
    return ids


def outbox(clinic: Any, kind: str) -> list[dict[str, Any]]:
    with clinic.store.read() as session:
        return list(session.scalars(select(OutboxRow.payload).where(OutboxRow.kind == kind)))


def test_call_next_takes_the_first_arrival_and_never_twice(clinic: Any, desk: DeskService) -> None:
    first, second = walk_ins(clinic, 2)
    called = desk.call_next("001", "Loket 1", DESK)
    assert called is not None and called.id == first and called.status == TicketStatus.CALLED
    again = desk.call_next("001", "Loket 2", "desk-2")
    assert again is not None and again.id == second
    assert desk.call_next("001", "Loket 1", DESK) is None  # nobody left waiting


def test_two_desks_calling_at_once_never_get_the_same_patient(
    clinic: Any, desk: DeskService
) -> None:
    import threading

    walk_ins(clinic, 12)
    got: list[int] = []
    lock = threading.Lock()

    failures: list[BaseException] = []

    def desk_loop(name: str) -> None:
        other = DeskService(clinic.store, clinic.services.clock, clinic.services.slips)
        try:
            while (ticket := other.call_next("001", name, name)) is not None:
                with lock:
                    got.append(ticket.id)
        except BaseException as error:  # the test thread must report, not just warn
            failures.append(error)

    threads = [threading.Thread(target=desk_loop, args=(f"desk-{n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert len(got) == 12 and len(set(got)) == 12


def test_recall_three_times_then_no_show_reported_absent(clinic: Any, desk: DeskService) -> None:
    siti = clinic.person(SITI_NIK)
    clinic.take("001", siti.id)
    called = desk.call_next("001", "Loket 1", DESK)
    assert called is not None
    for _ in range(MAX_RECALLS):
        assert desk.recall(called.id, DESK).status == TicketStatus.CALLED
    assert desk.recall(called.id, DESK).status == TicketStatus.SKIPPED
    [payload] = outbox(clinic, "antrean.panggil")
    assert payload["status"] == 2 and payload["nomorkartu"] == SITI_CARD
    back = desk.return_to_queue(called.id, DESK)
    assert back.status == TicketStatus.WAITING


def test_serve_and_finish_report_present_once(clinic: Any, desk: DeskService) -> None:
    siti = clinic.person(SITI_NIK)
    clinic.take("001", siti.id)
    called = desk.call_next("001", "Loket 1", DESK)
    assert called is not None
    assert desk.start_service(called.id, DESK).status == TicketStatus.SERVING
    assert desk.finish(called.id, DESK).status == TicketStatus.SERVED
    payloads = outbox(clinic, "antrean.panggil")
    assert [p["status"] for p in payloads] == [1]
    with pytest.raises(Refused) as refused:
        desk.skip(called.id, DESK)
    assert refused.value.key == "desk.wrong_state"


def test_transfer_keeps_the_number_and_joins_the_pharmacy_queue_fairly(
    clinic: Any, desk: DeskService
) -> None:
    [umum] = walk_ins(clinic, 1, "001")
    [gigi_first] = walk_ins(clinic, 1, "002")
    called = desk.call_next("001", "Poli Umum", DESK)
    assert called is not None and called.id == umum
    desk.finish(umum, DESK)
    moved = desk.transfer(umum, "002", DESK)
    assert moved.number.startswith("A-") and moved.status == TicketStatus.WAITING
    queue = [entry.ticket.id for entry in desk.waiting_list("002")]
    assert queue == [gigi_first, umum]  # joins behind those already waiting there
    assert [e.ticket.id for e in desk.waiting_list("001")] == []


def test_a_patient_seen_and_sent_on_cannot_cancel_but_one_moved_unseen_can(
    clinic: Any, desk: DeskService
) -> None:
    # The central refuses to cancel a number it heard was called present: the clinic must not
    # accept what it can never tell (the soak found this: it would park the item for good).
    siti, budi = clinic.person(SITI_NIK), clinic.person(BUDI_NIK)
    seen = clinic.take("001", siti.id).ticket
    unseen = clinic.take("002", budi.id).ticket
    assert desk.call_next("001", "Poli Umum", DESK) is not None
    desk.finish(seen.id, DESK)
    desk.transfer(seen.id, "APT", DESK)
    with pytest.raises(Refused) as refused:
        clinic.tickets.cancel(seen.id, "pulang")
    assert refused.value.key == "cancel.served"
    assert clinic.tickets.get(seen.id).status == TicketStatus.WAITING
    desk.transfer(unseen.id, "003", DESK)  # moved to the right poli before anyone saw them
    assert clinic.tickets.cancel(unseen.id, "pulang").status == TicketStatus.CANCELLED
    assert [p["nomorkartu"] for p in outbox(clinic, "antrean.batal")] == [budi.card_number]


def test_elderly_and_staff_set_priority_go_first_but_fairly(clinic: Any, desk: DeskService) -> None:
    regular = walk_ins(clinic, 4)
    urgent = clinic.take("001").ticket.id
    desk.set_priority(urgent, "emergency", DESK)
    order = []
    while (ticket := desk.call_next("001", "Loket 1", DESK)) is not None:
        order.append(ticket.id)
    assert order == [regular[0], regular[1], urgent, regular[2], regular[3]]


def test_undo_reverses_the_last_action_of_this_desk_only(clinic: Any, desk: DeskService) -> None:
    first, _ = walk_ins(clinic, 2)
    called = desk.call_next("001", "Loket 1", DESK)
    assert called is not None and called.id == first
    desk.skip(first, DESK)
    assert desk.undo(DESK).status == TicketStatus.CALLED
    assert desk.undo(DESK).status == TicketStatus.WAITING
    with pytest.raises(Refused) as refused:
        desk.undo(DESK)
    assert refused.value.key == "desk.nothing_to_undo"
    with clinic.store.read() as session:
        kinds = list(
            session.scalars(
                select(TicketEventRow.kind)
                .where(TicketEventRow.ticket_id == first)
                .order_by(TicketEventRow.id)
            )
        )
    assert kinds == ["issued", "called", "no_show", "undo", "undo"]


def test_undo_refuses_when_someone_changed_the_ticket_since(clinic: Any, desk: DeskService) -> None:
    walk_ins(clinic, 1)
    called = desk.call_next("001", "Loket 1", DESK)
    assert called is not None
    DeskService(clinic.store, clinic.services.clock, clinic.services.slips).start_service(
        called.id, "desk-2"
    )
    with pytest.raises(Refused) as refused:
        desk.undo(DESK)
    assert refused.value.key == "desk.changed_since"


def test_find_by_number_card_nik_and_slip_code(clinic: Any, desk: DeskService) -> None:
    budi = clinic.person(BUDI_NIK)
    ticket = clinic.take("001", budi.id).ticket
    assert [t.id for t in desk.find("a1")] == [ticket.id]
    assert [t.id for t in desk.find(budi.card_number)] == [ticket.id]
    assert [t.id for t in desk.find(BUDI_NIK)] == [ticket.id]
    code = clinic.services.slips.code_for(ticket)
    assert [t.id for t in desk.find(code)] == [ticket.id]
    forged = code[:-1] + ("B" if code[-1] == "A" else "A")
    with pytest.raises(Refused) as refused:
        desk.find(forged)
    assert refused.value.key == "desk.slipcode.forged"  # the clerk's wording, not the patient's


def test_every_desk_action_is_in_the_audit_with_who(clinic: Any, desk: DeskService) -> None:
    [first] = walk_ins(clinic, 1)
    desk.call_next("001", "Loket 1", DESK)
    desk.recall(first, DESK)
    desk.start_service(first, DESK)
    desk.finish(first, DESK)
    with clinic.store.read() as session:
        events = session.execute(
            select(TicketEventRow.kind, TicketEventRow.actor)
            .where(TicketEventRow.ticket_id == first)
            .order_by(TicketEventRow.id)
        ).all()
        row = session.get_one(TicketRow, first)
    assert [tuple(e) for e in events][1:] == [
        ("called", DESK),
        ("recalled", DESK),
        ("serving", DESK),
        ("served", DESK),
    ]
    assert row.served_at is not None


def test_the_thousandth_number_of_a_day_is_refused_not_a_crash(clinic: Any) -> None:
    from kiosk.store.models import ScheduleRow, TicketCounterRow

    today = clinic.services.clock.today()
    with clinic.store.write() as session:
        for schedule in session.scalars(select(ScheduleRow)):
            schedule.quota = 5000
        session.add(TicketCounterRow(poli_code="001", service_date=today, last_seq=999))
    with pytest.raises(Refused) as refused:
        clinic.take("001")
    assert refused.value.key == "take.numbers_exhausted"


def test_a_chosen_patient_is_called_out_of_turn_with_a_reason(
    clinic: Any, desk: DeskService
) -> None:
    first, second, third = (clinic.take("001").ticket for _ in range(3))
    with pytest.raises(Refused):
        desk.call_out_of_turn(third.id, "Ruang 2", "just because", "sari")
    called = desk.call_out_of_turn(third.id, "Ruang 2", "doctor_asked", "sari")
    assert called.status == TicketStatus.CALLED
    # The queue goes on in order for everyone else.
    following = desk.call_next("001", "Ruang 2", "sari")
    assert following is not None and following.id == first.id
    with pytest.raises(Refused):  # only a waiting patient can be called out of turn
        desk.call_out_of_turn(third.id, "Ruang 2", "doctor_asked", "sari")
    assert desk.out_of_turn_calls() == {"001": {"doctor_asked": 1}}
    with clinic.store.read() as session:
        event = session.scalars(
            select(TicketEventRow).where(
                TicketEventRow.ticket_id == third.id, TicketEventRow.kind == "called"
            )
        ).one()
    assert (event.actor, event.detail["out_of_turn"], event.detail["counter"]) == (
        "sari",
        "doctor_asked",
        "Ruang 2",
    )
    desk.undo("sari")  # undoes the call of the first
    desk.undo("sari")  # and the call out of turn: it no longer counts
    assert desk.out_of_turn_calls() == {}
    assert [e.ticket.id for e in desk.waiting_list("001")] == [first.id, second.id, third.id]
