"""The use cases on a real SQLite store: demo, identify, take, check in, cancel, position, slips."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, text

from kiosk.config import Settings
from kiosk.domain import slip_code
from kiosk.domain.clock import FacilityClock
from kiosk.domain.identity import parse_identity
from kiosk.domain.models import PoliState, TicketSource, TicketStatus
from kiosk.domain.outbox import OutboxState
from kiosk.services.errors import Refused
from kiosk.services.setup import open_clinic
from kiosk.store import Store
from kiosk.store.migrate import alembic_config
from kiosk.store.models import (
    FacilityRow,
    OutboxRow,
    ParticipantRow,
    ScheduleRow,
    TicketCounterRow,
    TicketEventRow,
    TicketRow,
)
from tests.demo_ids import (
    AGUS_NIK,
    BUDI_CARD,
    BUDI_NIK,
    DEWI_NIK,
    RINA_CARD,
    RINA_NIK,
    RUDI_NIK,
    SITI_CARD,
    SITI_NIK,
)

WIB = ZoneInfo("Asia/Jakarta")
TODAY = date(2026, 11, 23)
TOMORROW = TODAY + timedelta(days=1)


ADD_FIELDS = {
    "nomorkartu",
    "nik",
    "nohp",
    "kodepoli",
    "namapoli",
    "norm",
    "tanggalperiksa",
    "kodedokter",
    "namadokter",
    "jampraktek",
    "nomorantrean",
    "angkaantrean",
    "keterangan",
}
TABLES = {
    "facility",
    "poli",
    "doctor",
    "practice_schedule",
    "participant",
    "ticket_counter",
    "ticket",
    "ticket_event",
    "outbox",
}


def refused(call: Any, *args: Any, **kwargs: Any) -> Refused:
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)
    return caught.value


def rows(clinic: Any, model: Any, *where: Any) -> list[Any]:
    with clinic.store.read() as session:
        order = [model.id] if hasattr(model, "id") else []
        return list(session.scalars(select(model).where(*where).order_by(*order)).all())


def events(clinic: Any, ticket_id: int) -> list[str]:
    return [e.kind for e in rows(clinic, TicketEventRow, TicketEventRow.ticket_id == ticket_id)]


def outbox(clinic: Any, ticket_id: int | None = None) -> list[OutboxRow]:
    where = [] if ticket_id is None else [OutboxRow.ticket_id == ticket_id]
    return rows(clinic, OutboxRow, *where)


def set_status(clinic: Any, ticket_id: int, status: str) -> None:
    with clinic.store.write() as session:
        session.get_one(TicketRow, ticket_id).status = status


def set_quota(clinic: Any, schedule_id: int, quota: int) -> None:
    with clinic.store.write() as session:
        session.get_one(ScheduleRow, schedule_id).quota = quota


def rina_booking(clinic: Any) -> Any:
    rina = clinic.person(RINA_NIK)
    (booking,) = clinic.tickets.tickets_for([rina.id], (TODAY, TOMORROW))
    return booking


# -- the store ---------------------------------------------------------------------------------


# SQLAlchemy cannot reflect SQLite's expression index (ix_ticket_waiting), and says so.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrations_create_the_schema_and_run_twice(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'fresh' / 'kiosk.db'}")
    try:
        store.migrate()
        assert set(inspect(store.engine).get_table_names()) >= TABLES
        indexes = {ix["name"] for ix in inspect(store.engine).get_indexes("ticket")}
        assert {"uq_ticket_participant_day", "ix_ticket_queue"} <= indexes
        uniques = {uq["name"] for uq in inspect(store.engine).get_unique_constraints("ticket")}
        assert "uq_ticket_number" in uniques
        with store.write() as session:
            session.add(FacilityRow(code="X1", name="Klinik", slip_key=b"k" * 32, demo=False))
        store.migrate()  # a second start: nothing to do, nothing lost
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(FacilityRow)) == 1
            versions = session.execute(text("SELECT version_num FROM alembic_version")).all()
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert versions == [(head,)]
        with store.engine.connect() as connection:
            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        assert mode == "wal"
    finally:
        store.dispose()


def test_open_clinic_twice_keeps_the_store(clinic: Any, settings: Settings) -> None:
    key = clinic.services.clinic.slip_key()
    again = open_clinic(
        settings.model_copy(update={"facility_name": "Puskesmas Baru"}),
        clock=FacilityClock(WIB, clinic.clock),
    )
    try:
        assert again.clinic.slip_key() == key
        assert again.clinic.facility().name == "Puskesmas Baru"
        assert len(rows(clinic, ParticipantRow)) == 6
        assert len(rows(clinic, TicketRow)) == 1  # Rina's booking was not taken twice
    finally:
        again.store.dispose()


# -- the demo clinic ---------------------------------------------------------------------------


def test_demo_clinic(clinic: Any) -> None:
    facility = clinic.services.clinic.facility()
    assert (facility.code, facility.name) == ("P3273010", "Puskesmas Uji")
    days = clinic.services.clinic.poli_days(TODAY)
    assert [(d.poli.code, d.poli.name, d.poli.prefix) for d in days] == [
        ("001", "Umum", "A"),
        ("002", "Gigi", "B"),
        ("003", "KIA", "C"),
        ("004", "Lansia", "D"),
    ]
    assert all(d.state is PoliState.OPEN for d in days)
    assert len(rows(clinic, ParticipantRow)) == 6
    assert len(clinic.services.clinic.slip_key()) >= 16
    assert clinic.services.clinic.bookable_dates() == (TODAY, TOMORROW)


def test_demo_rina_holds_a_phone_booking_for_today(clinic: Any) -> None:
    booking = rina_booking(clinic)
    assert booking.status is TicketStatus.BOOKED
    assert booking.source is TicketSource.BOOKING
    assert (booking.poli_code, booking.poli_name, booking.number) == ("002", "Gigi", "B-001")
    assert booking.service_date == TODAY
    assert booking.checked_in_at is None
    assert booking.complaint == "Gusi bengkak"
    assert events(clinic, booking.id) == ["booked"]
    assert [o.kind for o in outbox(clinic, booking.id)] == ["antrean.add"]
    gigi = clinic.services.clinic.poli_day("002", TODAY)
    assert sum(s.taken for s in gigi.slots) == 1


def test_demo_names_are_stored_masked(clinic: Any) -> None:
    names = sorted(r.display_name for r in rows(clinic, ParticipantRow))
    assert "Siti A." in names
    assert "Siti Aminah" not in names


# -- identify ----------------------------------------------------------------------------------


def test_identify_by_nik_and_by_card(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    assert (siti.card_number, siti.display_name, siti.fktp_code) == (
        SITI_CARD,
        "Siti A.",
        "P3273010",
    )
    assert siti.birth_date == date(1990, 7, 5)
    assert clinic.person(SITI_CARD) == siti
    budi = clinic.person(BUDI_CARD)
    assert budi.nik == BUDI_NIK


def test_identify_unknown_is_none(clinic: Any) -> None:
    participants = clinic.services.participants
    assert participants.identify(parse_identity("0009999999999", TODAY)) is None
    assert participants.identify(parse_identity("3273014507900009", TODAY)) is None


def test_family_of_siti(clinic: Any) -> None:
    siti, budi = clinic.person(SITI_NIK), clinic.person(BUDI_NIK)
    assert clinic.services.participants.family(siti) == [siti, budi]
    assert clinic.services.participants.family(budi) == [budi, siti]
    agus = clinic.person(AGUS_NIK)
    assert clinic.services.participants.family(agus) == [agus]
    assert clinic.services.participants.get(siti.id) == siti


# -- taking a number ---------------------------------------------------------------------------


def test_take_umum_for_siti_then_budi(clinic: Any) -> None:
    siti, budi = clinic.person(SITI_NIK), clinic.person(BUDI_NIK)
    first = clinic.take("001", siti.id, complaint="  Demam  ")
    second = clinic.take("001", budi.id)
    assert (first.ticket.number, first.ticket.seq, first.existing) == ("A-001", 1, False)
    assert (second.ticket.number, second.ticket.seq, second.existing) == ("A-002", 2, False)
    ticket = first.ticket
    assert ticket.status is TicketStatus.WAITING
    assert ticket.source is TicketSource.WALK_IN
    assert ticket.participant_id == siti.id
    assert not ticket.non_jkn
    assert ticket.complaint == "Demam"
    assert ticket.checked_in_at is not None
    assert ticket.holder_name == "Siti A."
    assert ticket.masked_card is not None and SITI_CARD not in ticket.masked_card
    assert ticket.masked_card.endswith("7801")
    assert clinic.tickets.get(ticket.id).number == "A-001"


def test_taking_again_returns_the_same_ticket(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    first = clinic.take("001", siti.id)
    again = clinic.take("001", siti.id, start="12:00")
    assert again.existing is True
    assert again.ticket.id == first.ticket.id
    assert again.ticket.number == "A-001"
    assert len(rows(clinic, TicketRow, TicketRow.poli_code == "001")) == 1
    assert len(outbox(clinic, first.ticket.id)) == 1
    # No number was spent on the repeat.
    assert clinic.take("001").ticket.number == "A-002"


@pytest.mark.parametrize(
    ("nik", "key", "params"),
    [
        (DEWI_NIK, "refusal.arrears", {"amount": "Rp450.000"}),
        (RUDI_NIK, "refusal.inactive", {}),
        (AGUS_NIK, "refusal.other_fktp", {"fktp": "Puskesmas Cibeunying"}),
    ],
)
def test_refusals(clinic: Any, nik: str, key: str, params: dict[str, str]) -> None:
    person = clinic.person(nik)
    error = refused(clinic.take, "001", person.id)
    assert error.key == key
    for name, value in params.items():
        assert error.params[name] == value
    assert rows(clinic, TicketRow, TicketRow.participant_id == person.id) == []
    # A refusal spends no number.
    assert clinic.take("001").ticket.number == "A-001"


def test_non_jkn_ticket(clinic: Any) -> None:
    outcome = clinic.take("003")
    ticket = outcome.ticket
    assert (ticket.number, ticket.non_jkn, ticket.participant_id) == ("C-001", True, None)
    assert ticket.masked_card is None and ticket.holder_name is None
    assert ticket.status is TicketStatus.WAITING
    assert events(clinic, ticket.id) == ["issued"]
    assert outbox(clinic, ticket.id) == []


def test_non_jkn_tickets_are_never_existing(clinic: Any) -> None:
    numbers = [clinic.take("004").ticket.number for _ in range(3)]
    assert numbers == ["D-001", "D-002", "D-003"]


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (TODAY - timedelta(days=1), "date.past"),
        (TODAY - timedelta(days=30), "date.past"),
        (TODAY + timedelta(days=2), "date.too_far"),
        (TODAY + timedelta(days=7), "date.too_far"),
    ],
)
def test_dates_outside_today_and_tomorrow_are_refused(clinic: Any, day: date, key: str) -> None:
    siti = clinic.person(SITI_NIK)
    assert refused(clinic.take, "001", siti.id, day=day).key == key
    assert refused(clinic.take, "001", None, day=day).key == key
    assert rows(clinic, TicketCounterRow, TicketCounterRow.service_date == day) == []


def test_quota_full(clinic: Any) -> None:
    morning = clinic.schedule_id("001", TODAY, "00:00")
    set_quota(clinic, morning, 2)
    assert clinic.take("001").ticket.number == "A-001"
    assert clinic.take("001").ticket.number == "A-002"
    assert refused(clinic.take, "001").key == "take.full"
    siti = clinic.person(SITI_NIK)
    assert refused(clinic.take, "001", siti.id).key == "take.full"
    slot = next(
        s for s in clinic.services.clinic.poli_day("001", TODAY).slots if s.schedule_id == morning
    )
    assert (slot.taken, slot.remaining) == (2, 0)
    # The refusals spent no number: the afternoon shift continues the day's numbering.
    assert clinic.take("001", siti.id, start="12:00").ticket.number == "A-003"


def test_poli_is_full_when_every_open_shift_is(clinic: Any) -> None:
    with clinic.store.write() as session:
        for schedule in session.scalars(
            select(ScheduleRow).where(ScheduleRow.poli_code == "003", ScheduleRow.weekday == 0)
        ):
            schedule.quota = 1
    clinic.take("003", start="00:00")
    assert clinic.services.clinic.poli_day("003", TODAY).state is PoliState.OPEN
    clinic.take("003", start="12:00")
    assert clinic.services.clinic.poli_day("003", TODAY).state is PoliState.FULL
    assert clinic.services.clinic.poli_day("003", TOMORROW).state is PoliState.OPEN


def test_a_cancelled_ticket_frees_its_place(clinic: Any) -> None:
    morning = clinic.schedule_id("004", TODAY, "00:00")
    set_quota(clinic, morning, 1)
    first = clinic.take("004")
    assert refused(clinic.take, "004").key == "take.full"
    clinic.tickets.cancel(first.ticket.id, "tidak jadi")
    assert clinic.take("004").ticket.number == "D-002"


def test_a_shift_that_is_over_is_refused(clinic: Any) -> None:
    clinic.clock.set_local(TODAY, 13)
    siti = clinic.person(SITI_NIK)
    assert refused(clinic.take, "001", siti.id, start="00:00").key == "take.over"
    assert refused(clinic.take, "001", None, start="00:00").key == "take.over"
    assert clinic.services.clinic.poli_day("001", TODAY).state is PoliState.OPEN
    outcome = clinic.take("001", siti.id, start="12:00")
    assert outcome.ticket.number == "A-001"  # the refusals spent no number
    assert outcome.ticket.jampraktek == "12:00-23:59"


def test_a_schedule_of_another_poli_or_day_is_closed(clinic: Any) -> None:
    from kiosk.services.tickets import TakeRequest

    gigi = clinic.schedule_id("002", TODAY, "00:00")
    request = TakeRequest(poli_code="001", service_date=TODAY, schedule_id=gigi)
    assert refused(clinic.tickets.take, request).key == "take.closed"
    tuesday = clinic.schedule_id("001", TOMORROW, "00:00")
    request = TakeRequest(poli_code="001", service_date=TODAY, schedule_id=tuesday)
    assert refused(clinic.tickets.take, request).key == "take.closed"
    request = TakeRequest(poli_code="001", service_date=TODAY, schedule_id=99_999)
    assert refused(clinic.tickets.take, request).key == "take.closed"


def test_tomorrow_works(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    today = clinic.take("001", siti.id)
    tomorrow = clinic.take("001", siti.id, day=TOMORROW)
    assert tomorrow.existing is False
    assert tomorrow.ticket.id != today.ticket.id
    assert (tomorrow.ticket.number, tomorrow.ticket.service_date) == ("A-001", TOMORROW)
    (item,) = outbox(clinic, tomorrow.ticket.id)
    assert item.payload["tanggalperiksa"] == "2026-11-24"


def test_a_number_for_tomorrow_waits_for_check_in(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    ticket = clinic.take("001", siti.id, day=TOMORROW).ticket
    assert ticket.status is TicketStatus.BOOKED
    assert ticket.checked_in_at is None


def test_every_take_writes_an_event_and_jkn_an_outbox_item(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    ticket = clinic.take("001", siti.id, phone="081234567890", complaint="Batuk").ticket
    assert events(clinic, ticket.id) == ["issued"]
    (event,) = rows(clinic, TicketEventRow, TicketEventRow.ticket_id == ticket.id)
    assert event.actor == "kiosk"
    assert event.detail == {"number": "A-001", "source": "walk_in"}
    (item,) = outbox(clinic, ticket.id)
    assert item.kind == "antrean.add"
    assert item.state == OutboxState.PENDING
    assert set(item.payload) == ADD_FIELDS
    assert item.payload == {
        "nomorkartu": SITI_CARD,
        "nik": SITI_NIK,
        "nohp": "081234567890",
        "kodepoli": "001",
        "namapoli": "Umum",
        "norm": "",
        "tanggalperiksa": "2026-11-23",
        "kodedokter": 101,
        "namadokter": "dr. Andi Wijaya",
        "jampraktek": "00:00-12:00",
        "nomorantrean": "A-001",
        "angkaantrean": 1,
        "keterangan": "",
    }
    walk_in = clinic.take("001").ticket
    assert events(clinic, walk_in.id) == ["issued"]
    assert outbox(clinic, walk_in.id) == []
    with clinic.store.read() as session:
        assert session.scalar(select(func.count()).select_from(TicketEventRow)) == 3
        kinds = session.scalars(select(OutboxRow.kind)).all()
    assert kinds == ["antrean.add", "antrean.add"]  # Rina's demo booking and Siti's


def test_the_demo_booking_outbox_payload_has_the_protocol_fields(clinic: Any) -> None:
    booking = rina_booking(clinic)
    (item,) = outbox(clinic, booking.id)
    assert set(item.payload) == ADD_FIELDS
    assert item.payload["nomorkartu"] == RINA_CARD
    assert item.payload["nomorantrean"] == "B-001"
    assert item.payload["kodedokter"] == 201


# -- check-in ----------------------------------------------------------------------------------


def test_check_in_of_rinas_booking(clinic: Any) -> None:
    booking = rina_booking(clinic)
    checked = clinic.tickets.check_in(booking.id)
    assert checked.status is TicketStatus.WAITING
    assert (checked.id, checked.number, checked.seq) == (booking.id, "B-001", 1)
    assert checked.checked_in_at is not None
    assert checked.source is TicketSource.BOOKING
    assert events(clinic, booking.id) == ["booked", "checked_in"]
    # Checking in twice changes nothing.
    assert clinic.tickets.check_in(booking.id).status is TicketStatus.WAITING
    assert events(clinic, booking.id) == ["booked", "checked_in"]
    assert clinic.tickets.get(booking.id).status is TicketStatus.WAITING


def test_check_in_of_a_booking_for_tomorrow_is_refused(clinic: Any) -> None:
    rina = clinic.person(RINA_NIK)
    booking = clinic.take("001", rina.id, day=TOMORROW, source=TicketSource.BOOKING).ticket
    assert booking.status is TicketStatus.BOOKED
    error = refused(clinic.tickets.check_in, booking.id)
    assert error.key == "checkin.other_day"
    assert error.params == {"date": "24-11-2026"}
    assert clinic.tickets.get(booking.id).status is TicketStatus.BOOKED
    # On the day itself it works.
    clinic.clock.set_local(TOMORROW, 8)
    assert clinic.tickets.check_in(booking.id).status is TicketStatus.WAITING


def test_check_in_after_the_shift_is_refused(clinic: Any) -> None:
    booking = rina_booking(clinic)
    assert booking.jampraktek == "00:00-12:00"
    clinic.clock.set_local(TODAY, 13)
    assert refused(clinic.tickets.check_in, booking.id).key == "checkin.late"
    assert clinic.tickets.get(booking.id).status is TicketStatus.BOOKED
    assert events(clinic, booking.id) == ["booked"]


def test_check_in_of_a_cancelled_or_served_booking(clinic: Any) -> None:
    booking = rina_booking(clinic)
    clinic.tickets.cancel(booking.id, "batal")
    assert refused(clinic.tickets.check_in, booking.id).key == "checkin.cancelled"
    set_status(clinic, booking.id, "served")
    assert refused(clinic.tickets.check_in, booking.id).key == "checkin.done"


# -- cancel ------------------------------------------------------------------------------------


def test_cancel_twice_is_harmless(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    ticket = clinic.take("001", siti.id).ticket
    cancelled = clinic.tickets.cancel(ticket.id, "tidak jadi")
    assert cancelled.status is TicketStatus.CANCELLED
    again = clinic.tickets.cancel(ticket.id, "lagi")
    assert again.status is TicketStatus.CANCELLED
    assert events(clinic, ticket.id) == ["issued", "cancelled"]
    items = outbox(clinic, ticket.id)
    assert [o.kind for o in items] == ["antrean.add", "antrean.batal"]
    assert items[1].payload == {
        "tanggalperiksa": "2026-11-23",
        "kodepoli": "001",
        "nomorkartu": SITI_CARD,
        "alasan": "tidak jadi",
    }
    assert clinic.tickets.tickets_for([siti.id], (TODAY,)) == []
    (shown,) = clinic.tickets.tickets_for([siti.id], (TODAY,), include_cancelled=True)
    assert shown.status is TicketStatus.CANCELLED


def test_cancel_of_a_non_jkn_ticket_writes_no_outbox(clinic: Any) -> None:
    ticket = clinic.take("001").ticket
    clinic.tickets.cancel(ticket.id, "pulang")
    assert events(clinic, ticket.id) == ["issued", "cancelled"]
    assert outbox(clinic, ticket.id) == []


@pytest.mark.parametrize("status", ["served", "called", "serving"])
def test_a_ticket_being_or_already_served_cannot_be_cancelled(clinic: Any, status: str) -> None:
    siti = clinic.person(SITI_NIK)
    ticket = clinic.take("001", siti.id).ticket
    set_status(clinic, ticket.id, status)
    assert refused(clinic.tickets.cancel, ticket.id, "x").key == "cancel.served"
    assert clinic.tickets.get(ticket.id).status == status
    assert events(clinic, ticket.id) == ["issued"]
    assert [o.kind for o in outbox(clinic, ticket.id)] == ["antrean.add"]


def test_after_cancelling_the_same_participant_may_take_again(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    first = clinic.take("001", siti.id).ticket
    clinic.tickets.cancel(first.id, "salah poli")
    second = clinic.take("001", siti.id)
    assert second.existing is False
    assert second.ticket.id != first.id
    assert second.ticket.number == "A-002"
    assert clinic.tickets.get(first.id).status is TicketStatus.CANCELLED
    # The booking can be cancelled and re-taken too.
    booking = rina_booking(clinic)
    clinic.tickets.cancel(booking.id, "ganti jam")
    rina = clinic.person(RINA_NIK)
    assert clinic.take("002", rina.id).ticket.number == "B-002"


# -- position ----------------------------------------------------------------------------------


def test_people_ahead_counts_waiting_tickets_with_a_lower_number(clinic: Any) -> None:
    siti, budi = clinic.person(SITI_NIK), clinic.person(BUDI_NIK)
    a1 = clinic.take("001", siti.id).ticket
    a2 = clinic.take("001", budi.id).ticket
    a3 = clinic.take("001").ticket
    a4 = clinic.take("001").ticket
    other_poli = clinic.take("003").ticket
    position = clinic.tickets.position(a4.id)
    assert position.people_ahead == 3
    assert position.now_serving is None
    assert clinic.tickets.position(a1.id).people_ahead == 0
    assert clinic.tickets.position(other_poli.id).people_ahead == 0

    clinic.tickets.cancel(a2.id, "pulang")
    assert clinic.tickets.position(a4.id).people_ahead == 2

    with clinic.store.write() as session:
        row = session.get_one(TicketRow, a1.id)
        row.status = "called"
        row.called_at = clinic.services.clock.utcnow()
    position = clinic.tickets.position(a4.id)
    assert position.people_ahead == 1  # only A-003
    assert position.now_serving == "A-001"
    called = clinic.tickets.position(a1.id)
    assert (called.estimate_from, called.estimate_to) == (None, None)
    assert clinic.tickets.position(a3.id).people_ahead == 0


def test_position_estimate_window(clinic: Any) -> None:
    first = clinic.take("001").ticket
    second = clinic.take("001").ticket
    now = clinic.services.clock.now()
    position = clinic.tickets.position(second.id)
    assert position.people_ahead == 1
    assert position.estimate_from == now
    assert position.estimate_to == now + timedelta(minutes=20)  # 10 minutes per patient
    assert clinic.tickets.position(first.id).estimate_to == now + timedelta(minutes=10)


def test_position_estimate_for_tomorrow_starts_with_the_shift(clinic: Any) -> None:
    ticket = clinic.take("001", start="12:00", day=TOMORROW).ticket
    position = clinic.tickets.position(ticket.id)
    assert position.estimate_from is not None
    assert position.estimate_from.astimezone(WIB).date() == TOMORROW
    assert position.estimate_from.astimezone(WIB).time() == time(12, 0)


def test_bookings_not_checked_in_are_not_ahead(clinic: Any) -> None:
    budi = clinic.person(BUDI_NIK)
    ticket = clinic.take("002", budi.id).ticket
    assert ticket.number == "B-002"
    assert clinic.tickets.position(ticket.id).people_ahead == 0
    clinic.tickets.check_in(rina_booking(clinic).id)
    assert clinic.tickets.position(ticket.id).people_ahead == 1


def test_numbering_restarts_per_day_and_per_poli(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    taken = [
        clinic.take("001", siti.id).ticket.number,
        clinic.take("001").ticket.number,
        clinic.take("002", siti.id).ticket.number,  # B-001 is Rina's booking
        clinic.take("003", siti.id).ticket.number,
        clinic.take("004").ticket.number,
        clinic.take("001", siti.id, day=TOMORROW).ticket.number,
        clinic.take("001", day=TOMORROW).ticket.number,
        clinic.take("002", day=TOMORROW).ticket.number,
    ]
    assert taken == ["A-001", "A-002", "B-002", "C-001", "D-001", "A-001", "A-002", "B-001"]
    with clinic.store.read() as session:
        counters = {
            (c.poli_code, c.service_date): c.last_seq
            for c in session.scalars(select(TicketCounterRow))
        }
    assert counters == {
        ("001", TODAY): 2,
        ("002", TODAY): 2,
        ("003", TODAY): 1,
        ("004", TODAY): 1,
        ("001", TOMORROW): 2,
        ("002", TOMORROW): 1,
    }


def test_the_facility_day_follows_its_zone(clinic: Any) -> None:
    # 18:00 UTC on the 23rd is 01:00 WIB on the 24th: the clinic is already on the next day.
    clinic.clock.set_local(TOMORROW, 1)
    assert clinic.services.clock.today() == TOMORROW
    ticket = clinic.take("001", day=TOMORROW).ticket
    assert ticket.status is TicketStatus.WAITING
    assert refused(clinic.take, "001", None, day=TODAY).key == "date.past"


# -- slips -------------------------------------------------------------------------------------


def test_slip_has_the_masked_card_and_a_verifiable_code(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    ticket = clinic.take("001", siti.id).ticket
    slips = clinic.services.slips
    slip = slips.slip_for(clinic.tickets.position(ticket.id), "id")
    assert slip.facility_name == "Puskesmas Uji"
    assert (slip.number, slip.poli_name, slip.jampraktek) == ("A-001", "Umum", "00:00-12:00")
    assert slip.masked_card is not None
    assert SITI_CARD not in slip.masked_card and slip.masked_card.endswith("7801")
    assert slip.labels.title == "Nomor Antrean"
    assert slip.labels.people_ahead(2) == "2 orang di depan Anda"
    for value in (slip.qr_payload, slip.masked_card, slip.number):
        assert re.search(r"\d{13,}", value) is None
        assert SITI_NIK not in value and SITI_CARD not in value
    code = slips.verify(slip.qr_payload)
    assert (code.facility_code, code.service_date, code.number, code.ticket_id) == (
        "P3273010",
        TODAY,
        "A-001",
        ticket.id,
    )
    assert slips.slip_for(clinic.tickets.position(ticket.id), "en").labels.title == "Queue Number"


def test_slip_of_a_non_jkn_ticket_has_no_card(clinic: Any) -> None:
    ticket = clinic.take("001").ticket
    slip = clinic.services.slips.slip_for(clinic.tickets.position(ticket.id), "en")
    assert slip.masked_card is None
    assert clinic.services.slips.verify(slip.qr_payload).ticket_id == ticket.id


def test_verify_refuses_a_code_signed_with_another_key(clinic: Any) -> None:
    ticket = clinic.take("001").ticket
    forged = slip_code.encode(
        slip_code.SlipCode("P3273010", TODAY, ticket.number, ticket.id), b"not the clinic's key"
    )
    with pytest.raises(slip_code.SlipCodeError) as caught:
        clinic.services.slips.verify(forged)
    assert caught.value.problem is slip_code.SlipCodeProblem.FORGED


def test_verify_refuses_a_slip_of_another_day(clinic: Any) -> None:
    ticket = clinic.take("001", day=TOMORROW).ticket
    payload = clinic.services.slips.code_for(ticket)
    with pytest.raises(slip_code.SlipCodeError) as caught:
        clinic.services.slips.verify(payload)
    assert caught.value.problem is slip_code.SlipCodeProblem.OTHER_DAY
    assert clinic.services.slips.verify(payload, today_only=False).ticket_id == ticket.id
