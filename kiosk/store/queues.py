"""The ticket questions every face asks of the store: where a ticket waits, when it joined that
queue, who waits at a poli and in what order, the ticket a participant holds, the latest time
in a queue. One answer each, for the kiosk, the desk, the board and the phone.

- A ticket waits at its current poli (a transfer moves it: to another poli, the pharmacy), or
  at the one that issued it.
- It joined that queue when it was last queued there (a transfer or a return to the queue joins
  again), else when it was checked in, else when it was issued.
- A queue is called in the order tickets joined it, ties by number.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Table,
    bindparam,
    func,
    literal_column,
    select,
    update,
)
from sqlalchemy.orm import Session

from kiosk.domain.models import Ticket, TicketStatus
from kiosk.store.convert import ticket_of
from kiosk.store.models import DoctorRow, ParticipantRow, PoliRow, TicketRow

# The same two rules as SQL expressions, for the queries.
waits_at_sql: ColumnElement[str] = func.coalesce(TicketRow.current_poli, TicketRow.poli_code)
joined_at_sql: ColumnElement[datetime] = func.coalesce(
    TicketRow.queued_at, TicketRow.checked_in_at, TicketRow.created_at
)
queue_order = (joined_at_sql, TicketRow.seq)

_TICK = timedelta(microseconds=1)


def waits_at(row: TicketRow) -> str:
    """The poli where this ticket waits now."""
    return row.current_poli or row.poli_code


def joined_at(row: TicketRow) -> datetime:
    """When this ticket joined the queue it waits in."""
    return row.queued_at or row.checked_in_at or row.created_at


def in_queue(
    poli_code: str | BindParameter[str], day: date | BindParameter[date]
) -> tuple[ColumnElement[bool], ...]:
    """Where-clauses: the tickets that wait at ``poli_code`` on ``day`` (any state); given as
    bound parameters, for a statement built once."""
    return (waits_at_sql == poli_code, TicketRow.service_date == day)


_ticket: Table = TicketRow.__table__  # type: ignore[assignment]
_t = _ticket.c
# A ticket not cancelled, with 'cancelled' written into the SQL rather than bound: SQLite plans a
# statement again each time it binds a value compared with the column that a partial index's
# WHERE tests (uq_ticket_participant_day's status <> 'cancelled'), which cost the take's read
# more than all its work.
live_sql: ColumnElement[bool] = _t.status != literal_column(f"'{TicketStatus.CANCELLED.value}'")
# Built once, in Core: the ORM's statement path costs more than this one index lookup.
_HELD_WHERE = (
    _t.participant_id == bindparam("participant_id"),
    _t.poli_code == bindparam("poli_code"),
    _t.service_date == bindparam("day"),
    live_sql,
)

# A ticket with the names ``Ticket`` shows (its poli, doctor and holder), in one Core statement:
# what the ORM's joined load of a ``TicketRow`` answers, without building the row.
_poli: Table = PoliRow.__table__  # type: ignore[assignment]
_doctor: Table = DoctorRow.__table__  # type: ignore[assignment]
_holder: Table = ParticipantRow.__table__  # type: ignore[assignment]
_VIEW = select(
    _ticket,
    _poli.c.name.label("poli_name"),
    _doctor.c.name.label("doctor_name"),
    _holder.c.card_number.label("holder_card"),
    _holder.c.display_name.label("holder_name"),
).select_from(
    _ticket.join(_poli, _poli.c.code == _t.poli_code)
    .outerjoin(_doctor, _doctor.c.code == _t.doctor_code)
    .outerjoin(_holder, _holder.c.id == _t.participant_id)
)
_BY_ID = _VIEW.where(_t.id == bindparam("ticket_id"))
_HELD_VIEW = _VIEW.where(*_HELD_WHERE)
# Compare-and-set: the row changes only if it is still in the state the caller decided on.
_SET = update(_ticket).where(_t.id == bindparam("ticket_id"), _t.status == bindparam("was"))


def ticket_by_id(connection: Connection, ticket_id: int) -> Ticket:
    """The ticket (``NoResultFound`` when no ticket has that id)."""
    return _viewed(connection.execute(_BY_ID, {"ticket_id": ticket_id}).one())


def held_ticket(
    connection: Connection, participant_id: int, poli_code: str, day: date
) -> Ticket | None:
    """The participant's live (not cancelled) ticket for a poli and day: the natural key (one
    per participant, poli and day; the poli that issued it), in one statement."""
    params = {"participant_id": participant_id, "poli_code": poli_code, "day": day}
    row = connection.execute(_HELD_VIEW, params).first()
    return _viewed(row) if row is not None else None


def set_ticket(connection: Connection, ticket: Ticket, **values: Any) -> bool:
    """Write these columns of one ticket if it is still in the state it was read in (the caller
    checked the step in domain/lifecycle.py). False: another terminal changed it meanwhile, which
    PostgreSQL allows between a read and a write; read it again and decide again."""
    done = connection.execute(_SET, {"ticket_id": ticket.id, "was": ticket.status, **values})
    return bool(done.rowcount == 1)


def _viewed(row: Any) -> Ticket:
    return ticket_of(row, row.poli_name, row.doctor_name, row.holder_card, row.holder_name)


def not_before_latest(
    session: Session, column: Any, poli_code: str, day: date, now: datetime
) -> datetime:
    """``now``, or just after the latest ``column`` in this poli's queue that day if the clock
    went back (NTP, a dead RTC battery): the desk calls by these times, so they must not run
    backwards. ``column``: when tickets joined the queue (``joined_at_sql``), or when they were
    called."""
    latest = session.scalars(
        select(column)
        .where(*in_queue(poli_code, day), column.is_not(None))
        .order_by(column.desc())
        .limit(1)
    ).first()
    return after_latest(latest, now)


def after_latest(latest: datetime | None, now: datetime) -> datetime:
    """``now``, or a tick after ``latest`` when the clock went back behind it."""
    return latest + _TICK if latest is not None and latest > now else now
