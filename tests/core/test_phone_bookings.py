"""Phone bookings below the web layer: the pure rules (shift matching, queue figures, NIK agreement,
medical record numbers) and the services on both engines (registration, racing registrations,
verified flags, the queue a ticket waits in)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.domain.booking import (
    QueueEntry,
    ShiftProblem,
    ahead_of,
    last_called,
    match_shift,
    not_yet_called,
    parse_shift,
)
from kiosk.domain.models import Facility, Slot, TicketStatus
from kiosk.domain.registration import (
    Registration,
    RegistrationProblem,
    check_registration,
    format_norm,
    next_norm,
    parse_norm,
)
from kiosk.services.errors import Refused
from kiosk.store.models import ParticipantRow
from tests.demo_ids import BUDI_CARD, BUDI_NIK, SITI_NIK

DAY = date(2026, 11, 23)
T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def slot(doctor: int, start: str, end: str) -> Slot:
    return Slot(
        1, "001", doctor, "dr. X", DAY, time.fromisoformat(start), time.fromisoformat(end), 10, 0
    )


def entry(seq: int, status: TicketStatus, joined: int = 0, called: int | None = None) -> QueueEntry:
    return QueueEntry(
        seq=seq,
        number=f"A-{seq:03d}",
        status=status,
        called_at=None if called is None else T0 + timedelta(minutes=called),
        joined_at=T0 + timedelta(minutes=joined),
    )


# -- shifts ----------------------------------------------------------------------------------


def test_parse_shift() -> None:
    assert parse_shift("08:00-12:30") == (time(8, 0), time(12, 30))
    for wrong in ("8:00-12:00", "12:00-08:00", "08:00-08:00", "24:00-25:00", "08:60-09:00", ""):
        with pytest.raises(ValueError):
            parse_shift(wrong)


def test_match_shift_names_the_difference() -> None:
    slots = [slot(101, "00:00", "12:00"), slot(102, "12:00", "23:59")]
    assert match_shift(slots, 101, time(0), time(12)) == slots[0]
    assert match_shift(slots, 102, time(12), time(23, 59)) == slots[1]
    assert match_shift(slots, 103, time(0), time(12)) == ShiftProblem.DOCTOR
    assert match_shift(slots, 101, time(8), time(12)) == ShiftProblem.HOURS
    assert match_shift([], 101, time(0), time(12)) == ShiftProblem.NO_SCHEDULE


# -- figures ---------------------------------------------------------------------------------


def test_a_shifts_figures() -> None:
    shift = [
        entry(1, TicketStatus.SERVED, called=1),
        entry(2, TicketStatus.SKIPPED, called=3),
        entry(3, TicketStatus.CALLED, called=2),
        entry(4, TicketStatus.WAITING),
        entry(5, TicketStatus.BOOKED),
    ]
    assert not_yet_called(shift) == 2
    assert last_called(shift) == "A-002"  # called most recently, though missed since
    assert last_called([entry(1, TicketStatus.WAITING)]) is None


def test_who_is_ahead_follows_arrival_not_number() -> None:
    queue = [
        entry(1, TicketStatus.CALLED, joined=0, called=5),
        entry(2, TicketStatus.WAITING, joined=1),
        entry(5, TicketStatus.WAITING, joined=2),  # a walk-in, before the booking checked in
        entry(3, TicketStatus.WAITING, joined=3),  # a booking, checked in at minute 3
        entry(4, TicketStatus.BOOKED, joined=0),  # booked, not checked in yet
    ]
    assert ahead_of(queue, queue[1]) == 0
    assert ahead_of(queue, queue[3]) == 2  # came first
    assert ahead_of(queue, queue[4]) == 3  # check-in puts it behind everyone waiting
    assert ahead_of(queue, queue[0]) == 0  # called: nobody is ahead any more


# -- registration ----------------------------------------------------------------------------


def test_registration_must_agree_with_the_nik() -> None:
    siti = Registration(
        "0001234567801", SITI_NIK, "3273010101100001", "Siti", "P", date(1990, 7, 5)
    )
    assert check_registration(siti, DAY) is None
    wrong_day = replace(siti, birth_date=date(1990, 7, 6))
    assert check_registration(wrong_day, DAY) == RegistrationProblem.BIRTH_DATE
    wrong_sex = replace(siti, sex="L")
    assert check_registration(wrong_sex, DAY) == RegistrationProblem.SEX


def test_medical_record_numbers() -> None:
    assert format_norm(7) == "000007"
    assert next_norm(None) == "000001"
    assert next_norm("000041") == "000042"
    assert next_norm("RM-01") == "000001"
    assert parse_norm("000123") == 123
    assert parse_norm("12.345") is None and parse_norm("١٢٣٤٥٦") is None
    with pytest.raises(ValueError):
        format_norm(1_000_000)


# -- services, on SQLite and PostgreSQL -------------------------------------------------------

HERE = Facility("P3273010", "Puskesmas Uji")


def newcomer(i: int) -> Registration:
    return Registration(
        card_number=f"0008000000{i:03d}",
        nik=f"327301010190{i:04d}",
        family_card="3273010101100077",
        name=f"Pasien Baru {i}",
        sex="L",
        birth_date=date(1990, 1, 1),
    )


def test_registering_a_newcomer_and_again(clinic: Any) -> None:
    participants = clinic.services.participants
    first = participants.register(newcomer(1), HERE, T0)
    assert (first.medical_record, first.verified, first.active, first.fktp_code) == (
        "000007",
        False,
        True,
        "P3273010",
    )
    again = participants.register(newcomer(1), HERE, T0)
    assert (again.id, again.medical_record) == (first.id, "000007")
    ticket = clinic.take(participant_id=first.id).ticket
    assert ticket.verified is False  # the desk checks the card of a patient nobody verified


def test_registering_a_known_participant_keeps_the_registry_data(clinic: Any) -> None:
    budi = Registration(BUDI_CARD, BUDI_NIK, "3273019999999999", "B", "L", date(2015, 3, 12))
    registered = clinic.services.participants.register(budi, HERE, T0)
    assert registered.medical_record == "000007"
    assert (registered.verified, registered.family_card, registered.display_name) == (
        True,
        "3273010101100001",
        "Budi S.",
    )


def test_a_nik_on_another_card_is_refused(clinic: Any) -> None:
    stolen = replace(newcomer(1), nik=SITI_NIK)
    with pytest.raises(Refused) as refused:
        clinic.services.participants.register(stolen, HERE, T0)
    assert refused.value.key == "registration.nik_taken"


def test_registrations_at_once_get_distinct_numbers(clinic: Any) -> None:
    participants = clinic.services.participants
    workers = 8
    start = threading.Barrier(workers)
    results: list[str] = []
    errors: list[BaseException] = []

    def register(i: int) -> None:
        start.wait()
        try:
            for round_ in range(3):
                norm = participants.register(newcomer(i * 10 + round_), HERE, T0).medical_record
                results.append(norm)
        except BaseException as error:  # reported below, not lost in a thread
            errors.append(error)

    threads = [threading.Thread(target=register, args=(i,)) for i in range(1, workers + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == [format_norm(n) for n in range(7, 7 + 3 * workers)]
    with clinic.store.read() as session:
        stored = session.scalars(select(ParticipantRow.medical_record)).all()
    assert len(stored) == len(set(stored))


def test_the_queue_a_ticket_waits_in(clinic: Any) -> None:
    tickets = clinic.tickets
    first = clinic.take("001").ticket  # dr. Andi's morning shift
    clinic.clock.instant += timedelta(minutes=1)
    second = clinic.take("001").ticket
    gigi = clinic.take("002").ticket
    mine, queue = tickets.queue_of(first.id)
    assert mine.number == "A-001" and mine.status == TicketStatus.WAITING
    assert [e.number for e in queue] == ["A-001", second.number]  # Gigi is another queue
    assert gigi.number not in [e.number for e in queue]
    by_shift = tickets.queue_by_shift("001", DAY)
    assert sum(len(v) for v in by_shift.values()) == 2
