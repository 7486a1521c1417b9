"""The day's report, the wait estimates, the pharmacy, verifying and undoing at the desk: on a
real store (SQLite and PostgreSQL), on a scripted day whose figures are known."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.domain.models import TicketSource, TicketStatus
from kiosk.domain.outbox import OutboxState
from kiosk.domain.waiting import MIN_SAMPLES
from kiosk.services.board import BoardService
from kiosk.services.desk import DeskService
from kiosk.services.errors import Refused
from kiosk.services.report import ReportService, write_csv
from kiosk.store.link import record_link_state
from kiosk.store.models import LinkEventRow, OutboxRow, ParticipantRow, TicketRow
from tests.core.conftest import TODAY
from tests.demo_ids import BUDI_NIK, SITI_NIK

DESK = "sari@Loket 1"


@pytest.fixture
def desk(clinic: Any) -> DeskService:
    services = clinic.services
    return DeskService(services.store, services.clock, services.slips)


def scripted_day(clinic: Any, desk: DeskService) -> dict[str, int]:
    """Monday: five walk-ins at Umum from 07:00, one at Gigi, a phone booking that never came.

    07:00 A1, 07:10 A2, 07:20 A3, 08:05 A4, 08:30 A5, 08:40 B1 (Gigi);
    07:30 call A1, 07:35 start, 07:45 finish, 07:46 transfer A1 to the pharmacy;
    07:50 call A2, 07:52 recall... 07:55 no-show; 08:00 call A3 (undone 08:01, called 08:10),
    08:12 start, 08:32 finish; 08:20 the pharmacy calls A1, 08:25 finishes;
    08:35 A4 cancelled; 08:45 call A5; B1 waits. Offline 07:40-08:15, again from 09:00.
    """
    clock = clinic.clock
    ids: dict[str, int] = {}

    def when(hour: int, minute: int) -> None:
        clock.set_local(TODAY, hour, minute)

    for name, (hour, minute) in {
        "A1": (7, 0),
        "A2": (7, 10),
        "A3": (7, 20),
        "A4": (8, 5),
        "A5": (8, 30),
    }.items():
        when(hour, minute)
        ids[name] = clinic.take("001").ticket.id
    when(8, 40)
    ids["B1"] = clinic.take("002").ticket.id
    # A phone booking for today, cancelled before it arrived: a cancellation at Gigi, no patient.
    booking = clinic.take("002", clinic.person(BUDI_NIK).id, source=TicketSource.BOOKING)
    clinic.tickets.cancel(booking.ticket.id, "batal", "mobilejkn")

    record_link_state(clinic.store, True, clock.instant - timedelta(hours=3))  # the evening before
    when(7, 30)
    assert desk.call_next("001", "Loket 1", DESK).id == ids["A1"]  # type: ignore[union-attr]
    when(7, 35)
    desk.start_service(ids["A1"], DESK)
    when(7, 40)
    record_link_state(clinic.store, False, clock.instant, "timeout")
    when(7, 45)
    desk.finish(ids["A1"], DESK)
    when(7, 46)
    desk.transfer(ids["A1"], "APT", DESK)
    when(7, 50)
    desk.call_next("001", "Loket 1", DESK)
    when(7, 52)
    desk.recall(ids["A2"], DESK)
    when(7, 55)
    desk.skip(ids["A2"], DESK)
    when(8, 0)
    desk.call_next("001", "Loket 1", DESK)
    when(8, 1)
    desk.undo(DESK)
    when(8, 10)
    assert desk.call_next("001", "Loket 1", DESK).id == ids["A3"]  # type: ignore[union-attr]
    when(8, 12)
    desk.start_service(ids["A3"], DESK)
    when(8, 15)
    record_link_state(clinic.store, True, clock.instant)
    record_link_state(clinic.store, True, clock.instant)  # no change: nothing written
    when(8, 20)
    assert desk.call_next("APT", "Apotek", "apoteker").id == ids["A1"]  # type: ignore[union-attr]
    when(8, 25)
    desk.finish(ids["A1"], "apoteker")
    when(8, 32)
    desk.finish(ids["A3"], DESK)
    when(8, 35)
    clinic.tickets.cancel(ids["A4"], "pulang", DESK)
    when(8, 45)
    desk.call_next("001", "Loket 1", DESK)
    when(9, 0)
    record_link_state(clinic.store, False, clock.instant, "connection refused")
    when(9, 30)
    return ids


def test_the_report_of_a_known_day_adds_up(clinic: Any, desk: DeskService, tmp_path: Path) -> None:
    scripted_day(clinic, desk)
    report = ReportService(clinic.store, clinic.services.clock).day(TODAY)
    polis = {p.code: p for p in report.polis}
    assert list(polis) == ["001", "002", "APT"]  # the clinic's order; polis with a day only
    umum, gigi, pharmacy = polis["001"], polis["002"], polis["APT"]
    # A1 was served at Umum, then sent on to the pharmacy: counted there, once, and in the
    # out / in columns; the polis' rows add up to the total.
    assert (umum.patients, umum.no_shows, umum.cancellations) == (4, 1, 1)
    assert (umum.transferred_in, umum.transferred_out) == (0, 1)
    assert (pharmacy.transferred_in, pharmacy.transferred_out) == (1, 0)
    assert sum(p.patients for p in report.polis) == report.total.patients
    # Waits to the first call that stood: A1 30, A2 40, A3 50 (the undone 08:00 call is out),
    # A5 15; A4 was never called.
    assert umum.wait.count == 4 and umum.wait.mean == pytest.approx(135 / 4)
    assert umum.wait.p90 == pytest.approx(47.0)  # 40 + 0.7 * (50 - 40)
    assert umum.service.count == 2 and umum.service.mean == pytest.approx(15)  # 10 and 20
    assert (pharmacy.patients, pharmacy.wait.mean, pharmacy.service.mean) == (1, 34, 5)
    assert (gigi.patients, gigi.wait.count, gigi.cancellations) == (1, 0, 1)
    assert report.total.patients == 6 and report.total.cancellations == 2
    assert report.arrivals_per_hour[7] == 3 and report.arrivals_per_hour[8] == 3
    assert sum(report.arrivals_per_hour) == 6
    offline = [
        (
            f"{clinic.services.clock.local(p.start):%H:%M}",
            p.end and f"{clinic.services.clock.local(p.end):%H:%M}",
        )
        for p in report.offline
    ]
    assert offline == [("07:40", "08:15"), ("09:00", None)]
    with clinic.store.read() as session:
        assert len(session.scalars(select(LinkEventRow)).all()) == 4

    files = write_csv(report, TODAY, tmp_path / "laporan.csv")
    with files.polis.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["kode_poli"] for r in rows] == ["001", "002", "APT", "TOTAL"]
    # Whole minutes, as the desk and `kiosk report` show them: 33.75 -> 34.
    assert rows[0]["pasien"] == "4" and rows[0]["tunggu_rata_menit"] == "34"
    assert rows[0]["pindah_keluar"] == "1" and rows[2]["pindah_masuk"] == "1"
    assert rows[0]["tunggu_p90_menit"] == "47" and rows[1]["tunggu_rata_menit"] == ""
    assert rows[3]["pasien"] == "6" and rows[3]["batal"] == "2"
    with files.arrivals.open(encoding="utf-8-sig", newline="") as handle:
        hours = list(csv.reader(handle))
    assert hours[0] == ["tanggal", "jam", "kedatangan"] and len(hours) == 25
    assert hours[8] == ["2026-11-23", "07:00", "3"]


def test_a_day_without_tickets_or_link_history_is_an_empty_report(clinic: Any) -> None:
    report = ReportService(clinic.store, clinic.services.clock).day(date(2026, 1, 1))
    assert report.polis == () and report.total.patients == 0 and report.offline == ()


def test_the_estimate_follows_the_real_pace_of_calls(clinic: Any, desk: DeskService) -> None:
    clinic.clock.set_local(TODAY, 7, 0)
    walk_ins = [clinic.take("001").ticket.id for _ in range(MIN_SAMPLES + 4)]
    # Before any call: the configured 10 minutes per patient.
    last = clinic.tickets.position(walk_ins[-1])
    ahead = last.people_ahead
    assert ahead == len(walk_ins) - 1
    assert last.estimate_to - last.estimate_from == timedelta(minutes=20)  # type: ignore[operator]
    # Calls every 3 minutes, enough of them to trust: the range follows that pace.
    for _ in range(MIN_SAMPLES + 1):
        desk.call_next("001", "Loket 1", DESK)
        clinic.clock.instant += timedelta(minutes=3)
    clinic.clock.instant -= timedelta(minutes=3)
    position = clinic.tickets.position(walk_ins[-1])
    now = clinic.services.clock.now()
    assert position.people_ahead == 2
    assert position.estimate_from == now + timedelta(minutes=3)
    assert position.estimate_to == now + timedelta(minutes=9)
    # The board: a newcomer would wait behind the three still waiting.
    umum = next(
        p
        for p in BoardService(clinic.store, clinic.services.clock).snapshot().polis
        if p.code == "001"
    )
    assert (umum.waiting, umum.wait_low, umum.wait_high) == (3, 6, 12)
    # The slip says it too.
    slip = clinic.services.slips.slip_for(position, "id")
    low, high = now + timedelta(minutes=3), now + timedelta(minutes=9)
    assert slip.estimate == f"Perkiraan dipanggil {low:%H:%M}–{high:%H:%M}"


def test_the_pharmacy_is_a_desk_queue_the_kiosk_and_phone_do_not_offer(
    clinic: Any, desk: DeskService
) -> None:
    services = clinic.services
    assert "APT" not in [d.poli.code for d in services.clinic.poli_days(TODAY)]
    assert services.clinic.poli("APT") is None  # the phone: as unknown as a made-up code
    assert "APT" in [p.code for p in services.clinic.desk_queues()]
    # Two patients sent on from Umum and one from Gigi: same numbers, in the order they came.
    first, second = clinic.take("001").ticket.id, clinic.take("001").ticket.id
    clinic.clock.instant += timedelta(minutes=1)
    gigi = clinic.take("002").ticket.id
    sent = []
    for ticket_id, poli in ((first, "001"), (gigi, "002"), (second, "001")):
        called = desk.call_next(poli, "Loket", DESK)
        assert called is not None and called.id == ticket_id
        desk.finish(ticket_id, DESK)
        clinic.clock.instant += timedelta(minutes=2)
        moved = desk.transfer(ticket_id, "APT", DESK)
        assert moved.status == TicketStatus.WAITING and moved.number[0] in "AB"
        sent.append(moved.number)
    numbers = [e.ticket.number for e in desk.waiting_list("APT")]
    assert numbers == sent and sent[0] == "A-001" and sent[2] == "A-002"
    called = [desk.call_next("APT", "Apotek", "apoteker") for _ in range(3)]
    assert [t.number for t in called if t] == numbers


def test_verify_an_unverified_participant_and_undo_it(clinic: Any, desk: DeskService) -> None:
    budi = clinic.person(BUDI_NIK)
    with clinic.store.write() as session:
        session.get_one(ParticipantRow, budi.id).verified = False
    ticket = clinic.take("001", budi.id).ticket
    assert not ticket.verified
    assert desk.verify(ticket.id, DESK).verified

    def flags() -> tuple[bool, bool]:
        with clinic.store.read() as session:
            row = session.get_one(TicketRow, ticket.id)
            return row.verified, session.get_one(ParticipantRow, budi.id).verified

    assert flags() == (True, True)
    with pytest.raises(Refused) as refused:
        desk.verify(ticket.id, DESK)
    assert refused.value.key == "desk.already_verified"
    assert not desk.undo(DESK).verified
    assert flags() == (False, False)


def test_undo_withdraws_an_unsent_panggil_and_keeps_a_sent_one(
    clinic: Any, desk: DeskService
) -> None:
    siti = clinic.person(SITI_NIK)
    ticket = clinic.take("001", siti.id).ticket
    desk.call_next("001", "Loket 1", DESK)
    desk.start_service(ticket.id, DESK)
    undone = desk.undo(DESK)
    assert undone.status == TicketStatus.CALLED

    def panggil() -> list[tuple[str, str | None]]:
        with clinic.store.read() as session:
            return [
                (r.state, r.last_error)
                for r in session.scalars(
                    select(OutboxRow)
                    .where(OutboxRow.kind == "antrean.panggil")
                    .order_by(OutboxRow.id)
                )
            ]

    assert [state for state, _ in panggil()] == [OutboxState.VOID]
    # Again, but the pump sent it before the undo: it stays sent, and the audit says why.
    desk.start_service(ticket.id, DESK)
    with clinic.store.write() as session:
        item = session.scalars(
            select(OutboxRow).where(
                OutboxRow.state == OutboxState.PENDING, OutboxRow.kind == "antrean.panggil"
            )
        ).one()
        item.state = OutboxState.SENT
    desk.undo(DESK)
    assert [state for state, _ in panggil()] == [OutboxState.VOID, OutboxState.SENT]
    from kiosk.store.models import TicketEventRow

    with clinic.store.read() as session:
        detail = session.scalars(
            select(TicketEventRow.detail)
            .where(TicketEventRow.kind == "undo")
            .order_by(TicketEventRow.id.desc())
        ).first()
    assert detail is not None and "already sent" in detail["outbox_kept_why"]
