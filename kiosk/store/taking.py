"""The statements of taking a number, in SQLAlchemy Core, built once and run on the write
transaction's connection.

A take is the clinic's busiest write, and most of its cost was the ORM's, not the database's:
identity-map lookups, the unit of work's flush, and statements rebuilt on every call. Here each
statement is built once with bound parameters (SQLAlchemy caches its compiled form and key), and
the take asks only what it needs:

1. the shift, its poli and its doctor, in one read;
2. the counter bumped (``next_seq``, which also takes the poli/day lock);
3. the shift's quota count and the queue's latest joining time, in one read under that lock;
4. the ticket inserted (its id from the cursor or ``RETURNING``), then its audit event.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, func, insert, or_, select

from kiosk.domain.models import TicketStatus
from kiosk.store.models import DoctorRow, PoliRow, ScheduleRow, TicketRow

_ticket: Table = TicketRow.__table__  # type: ignore[assignment]
_schedule: Table = ScheduleRow.__table__  # type: ignore[assignment]
_poli: Table = PoliRow.__table__  # type: ignore[assignment]
_doctor: Table = DoctorRow.__table__  # type: ignore[assignment]


class Shift(NamedTuple):
    """What a take needs of a practice shift, its poli and its doctor."""

    schedule_id: int
    poli_code: str
    weekday: int
    doctor_code: int
    doctor_name: str | None
    start: time
    end: time
    quota: int
    poli_name: str
    prefix: str
    bookable: bool


_SHIFT = (
    select(
        _schedule.c.id,
        _schedule.c.poli_code,
        _schedule.c.weekday,
        _schedule.c.doctor_code,
        _doctor.c.name,
        _schedule.c.start,
        _schedule.c.end,
        _schedule.c.quota,
        _poli.c.name,
        _poli.c.prefix,
        _poli.c.bookable,
    )
    .select_from(
        _schedule.join(_poli, _poli.c.code == _schedule.c.poli_code).outerjoin(
            _doctor, _doctor.c.code == _schedule.c.doctor_code
        )
    )
    .where(_schedule.c.id == bindparam("schedule_id"))
)

_t = _ticket.c
# A ticket waits at its current poli, else at the one that issued it (``queues.waits_at``),
# written as an OR so each side can use an index (a COALESCE cannot).
_WAITS_HERE = or_(
    _t.current_poli == bindparam("poli_code"),
    (_t.current_poli.is_(None)) & (_t.poli_code == bindparam("poli_code")),
)
_TAKEN = (
    select(func.count())
    .where(
        _t.schedule_id == bindparam("schedule_id"),
        _t.service_date == bindparam("day"),
        _t.status != TicketStatus.CANCELLED.value,
    )
    .scalar_subquery()
)
# When the last ticket joined the queue (``queues.joined_at``): the same COALESCE as there.
_LATEST = (
    select(func.max(func.coalesce(_t.queued_at, _t.checked_in_at, _t.created_at)))
    .where(_WAITS_HERE, _t.service_date == bindparam("day"))
    .scalar_subquery()
)
_TAKEN_ONLY = select(_TAKEN)
_TAKEN_AND_LATEST = select(_TAKEN, _LATEST)
_INSERT_TICKET = insert(_ticket)


def shift_of(connection: Connection, schedule_id: int) -> Shift | None:
    row = connection.execute(_SHIFT, {"schedule_id": schedule_id}).first()
    return Shift(*row) if row is not None else None


def taken_and_latest(
    connection: Connection, shift: Shift, day: date, walk_in: bool
) -> tuple[int, datetime | None]:
    """The shift's live tickets that day, and (for a walk-in, who joins the queue now) the latest
    time anyone joined its poli's queue that day. Ask under the counter's lock."""
    params = {"schedule_id": shift.schedule_id, "day": day, "poli_code": shift.poli_code}
    if not walk_in:
        return int(connection.execute(_TAKEN_ONLY, params).scalar_one()), None
    taken, latest = connection.execute(_TAKEN_AND_LATEST, params).one()
    return int(taken), latest


def insert_ticket(connection: Connection, values: dict[str, Any]) -> int:
    """The new ticket's id (SQLite's last row id, PostgreSQL's ``RETURNING``)."""
    key = connection.execute(_INSERT_TICKET, values).inserted_primary_key
    assert key is not None
    return int(key[0])
