"""The clinic's offer for a day: polis, doctors, shifts and how much of each quota is left."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, Table, bindparam, func, select
from sqlalchemy.orm import Session

from kiosk.domain.clock import FacilityClock
from kiosk.domain.models import Facility, Poli, PoliDay, Slot
from kiosk.domain.schedule import bookable_dates, poli_state
from kiosk.store import Store
from kiosk.store.convert import to_poli, to_slot
from kiosk.store.models import DoctorRow, FacilityRow, PoliRow, ScheduleRow, TicketRow
from kiosk.store.queues import live_sql


def slots_for(session: Session, poli_code: str, service_date: date) -> list[Slot]:
    """Every shift of a poli on a date, with the numbers given in it (all but cancelled)."""
    params = {"poli_code": poli_code, "weekday": service_date.weekday(), "day": service_date}
    rows = session.connection().execute(_SLOTS, params).all()
    return [to_slot(row, service_date) for row in rows]


# One Core statement, built once: the shifts with their doctor and their count (every booking
# and status call asks; the ORM's load of the schedule rows cost more than the query).
_schedule: Table = ScheduleRow.__table__  # type: ignore[assignment]
_doctor: Table = DoctorRow.__table__  # type: ignore[assignment]
_t = TicketRow.__table__.c
_TAKEN = (
    select(func.count())
    .where(
        _t.schedule_id == _schedule.c.id,
        _t.service_date == bindparam("day"),
        live_sql,
        _t.poli_code == bindparam("poli_code"),
    )
    .scalar_subquery()
)
_poli: Table = PoliRow.__table__  # type: ignore[assignment]
_POLI = select(_poli).where(_poli.c.code == bindparam("code"))
_SLOTS: Select[Any] = (
    select(
        _schedule.c.id,
        _schedule.c.poli_code,
        _schedule.c.doctor_code,
        _doctor.c.name.label("doctor_name"),
        _schedule.c.start,
        _schedule.c.end,
        _schedule.c.quota,
        _TAKEN.label("taken"),
    )
    .select_from(_schedule.outerjoin(_doctor, _doctor.c.code == _schedule.c.doctor_code))
    .where(
        _schedule.c.poli_code == bindparam("poli_code"),
        _schedule.c.weekday == bindparam("weekday"),
    )
    .order_by(_schedule.c.start, _schedule.c.doctor_code)
)


class ClinicService:
    def __init__(self, store: Store, clock: FacilityClock) -> None:
        self.store = store
        self.clock = clock

    def facility(self) -> Facility:
        with self.store.read() as session:
            row = session.scalars(select(FacilityRow)).first()
            if row is None:
                raise LookupError("the store holds no facility; run `kiosk demo --reset`")
            return Facility(code=row.code, name=row.name)

    def slip_key(self) -> bytes:
        with self.store.read() as session:
            key = session.scalars(select(FacilityRow.slip_key)).first()
            if key is None:
                raise LookupError("the store holds no facility")
            return key

    def bookable_dates(self) -> tuple[date, ...]:
        return bookable_dates(self.clock.today())

    def poli_days(self, service_date: date) -> list[PoliDay]:
        """What the kiosk offers: the polis that give numbers (never the pharmacy)."""
        now = self.clock.now()
        with self.store.read() as session:
            polis = session.scalars(
                select(PoliRow)
                .where(PoliRow.active.is_(True), PoliRow.bookable.is_(True))
                .order_by(PoliRow.sort_order)
            ).all()
            days = []
            for row in polis:
                slots = tuple(slots_for(session, row.code, service_date))
                days.append(PoliDay(to_poli(row), service_date, poli_state(slots, now), slots))
            return days

    def next_opening(self, within_days: int = 8) -> datetime | None:
        """When the next shift of a poli that gives numbers starts (local time), if any soon."""
        now = self.clock.now()
        with self.store.read() as session:
            shifts = session.execute(
                select(ScheduleRow.weekday, ScheduleRow.start)
                .join(PoliRow, PoliRow.code == ScheduleRow.poli_code)
                .where(PoliRow.active.is_(True), PoliRow.bookable.is_(True))
            ).all()
        for offset in range(within_days):
            day = now.date() + timedelta(days=offset)
            starts = sorted(
                datetime.combine(day, start, self.clock.zone)
                for weekday, start in shifts
                if weekday == day.weekday()
            )
            for start in starts:
                if start > now:
                    return start
        return None

    def poli(self, poli_code: str) -> Poli | None:
        """An active poli that gives numbers, by its code, or None (the phone books nothing
        else: the pharmacy is as unknown to it as a made-up code)."""
        with self.store.read() as session:
            row = session.connection().execute(_POLI, {"code": poli_code}).first()
            return to_poli(row) if row is not None and row.active and row.bookable else None

    def desk_queues(self) -> list[Poli]:
        """Every queue a desk can run, call from and transfer to: the polis and the pharmacy."""
        with self.store.read() as session:
            rows = session.scalars(
                select(PoliRow).where(PoliRow.active.is_(True)).order_by(PoliRow.sort_order)
            ).all()
            return [to_poli(row) for row in rows]

    def slots(self, poli_code: str, service_date: date) -> list[Slot]:
        """One poli's shifts on a date (none if the poli is unknown or closed that day)."""
        with self.store.read() as session:
            return slots_for(session, poli_code, service_date)

    def poli_day(self, poli_code: str, service_date: date) -> PoliDay:
        for day in self.poli_days(service_date):
            if day.poli.code == poli_code:
                return day
        raise LookupError(f"no poli {poli_code}")
