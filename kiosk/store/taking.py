"""The statements of taking a number, in SQLAlchemy Core, built once and run on the write
transaction's connection.

A take is the clinic's busiest write, and most of its cost was the ORM's, not the database's:
identity-map lookups, the unit of work's flush, and statements rebuilt on every call. Here each
statement is built once with bound parameters and compiled once per engine (``Prepared``,
kiosk/store/prepared.py, which also spares SQLAlchemy's per-call cache lookup), and the take
asks only what it needs:

1. the counter bumped, for a bookable poli only (``next_seq``, which takes the poli/day lock);
2. the shift, its poli and doctor, its quota count and the queue's latest joining time, in one
   read under that lock;
3. the ticket and its audit event inserted: one statement on PostgreSQL (a data-modifying
   ``WITH``, the event taking the ticket's id from its ``RETURNING``), two on SQLite, which has
   no such ``WITH`` (its round trips are function calls anyway).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, func, insert, select
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from kiosk.store.models import DoctorRow, PoliRow, ScheduleRow, TicketEventRow, TicketRow
from kiosk.store.prepared import Prepared
from kiosk.store.queues import joined_at_sql, live_sql, waits_at_sql

_ticket: Table = TicketRow.__table__  # type: ignore[assignment]
_schedule: Table = ScheduleRow.__table__  # type: ignore[assignment]
_poli: Table = PoliRow.__table__  # type: ignore[assignment]
_doctor: Table = DoctorRow.__table__  # type: ignore[assignment]
_event: Table = TicketEventRow.__table__  # type: ignore[assignment]


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


_t = _ticket.c
# Where a ticket waits and when it joined (kiosk/store/queues.py's two rules, the expressions
# of the index ix_ticket_waiting, which answers the latest joining without a scan).
_WAITS_HERE = waits_at_sql == bindparam("poli_code")
_TAKEN = (
    select(func.count())
    .where(
        _t.schedule_id == bindparam("schedule_id"),
        _t.service_date == bindparam("day"),
        live_sql,
    )
    .scalar_subquery()
)
# When the last ticket joined the queue.
_LATEST = (
    select(joined_at_sql)
    .where(_WAITS_HERE, _t.service_date == bindparam("day"))
    .order_by(joined_at_sql.desc())
    .limit(1)
    .scalar_subquery()
)
_SHIFT_COLUMNS = (
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
)
_SHIFTS = _schedule.join(_poli, _poli.c.code == _schedule.c.poli_code).outerjoin(
    _doctor, _doctor.c.code == _schedule.c.doctor_code
)
_THIS_SHIFT = _schedule.c.id == bindparam("schedule_id")
_SHIFT_TAKEN = Prepared(select(*_SHIFT_COLUMNS, _TAKEN).select_from(_SHIFTS).where(_THIS_SHIFT))
_SHIFT_TAKEN_LATEST = Prepared(
    select(*_SHIFT_COLUMNS, _TAKEN, _LATEST).select_from(_SHIFTS).where(_THIS_SHIFT)
)
_EVENT_COLUMNS = ("at", "kind", "actor", "detail")


def shift_taken(
    connection: Connection, schedule_id: int, poli_code: str, day: date, walk_in: bool
) -> tuple[Shift, int, datetime | None] | None:
    """The shift (None if there is none), its live tickets that day, and, for a walk-in who joins
    the queue now, the latest time anyone joined ``poli_code``'s queue that day. Ask under the
    counter's lock (``next_seq``): the counts then see a settled queue."""
    params = {"schedule_id": schedule_id, "day": day, "poli_code": poli_code}
    row = (_SHIFT_TAKEN_LATEST if walk_in else _SHIFT_TAKEN).first(connection, params)
    if row is None:
        return None
    return Shift(*row[:10]), int(row[10]), row[11] if walk_in else None


def insert_ticket(connection: Connection, values: dict[str, Any], event: dict[str, Any]) -> int:
    """A new ticket (``values``, by column) and its audit event (``event``: the journal's row
    but for its ``ticket_id``), in the same transaction: the ticket's id."""
    columns = tuple(values)
    if connection.dialect.name == "postgresql":
        params = {**values, **{f"event_{name}": event[name] for name in _EVENT_COLUMNS}}
        row = _with_event(columns).first(connection, params)
        assert row is not None
        return int(row[0])
    ticket_id = _plain_insert(_ticket, columns).execute(connection, values).lastrowid
    _plain_insert(_event, tuple(event)).execute(connection, {**event, "ticket_id": ticket_id})
    return int(ticket_id)


def _plain_insert(table: Table, columns: tuple[str, ...]) -> Prepared:
    """``INSERT INTO table (columns) VALUES (...)``, no RETURNING (SQLite gives the new row's id
    as ``lastrowid``), built once per set of columns. A column left out gets its Python-side
    default, as a Core insert would give it."""
    statement = _INSERTS.get((table.name, columns))
    if statement is None:
        statement = _INSERTS[(table.name, columns)] = Prepared(
            insert(table).values(_values(table, columns))
        )
    return statement


def _values(table: Table, columns: tuple[str, ...]) -> dict[str, Any]:
    """Each of ``columns`` as a typed parameter, and each other column's Python-side default
    (constant defaults only; the take's tables have no other kind)."""
    values: dict[str, Any] = {name: bindparam(name, type_=table.c[name].type) for name in columns}
    for column in table.c:
        default = column.default
        if column.name in values or default is None:
            continue
        if not isinstance(default, ScalarElementColumnDefault):
            raise ValueError(f"{table.name}.{column.name}: give it, its default is not a constant")
        values[column.name] = bindparam(column.name, default.arg, type_=column.type)
    return values


_INSERTS: dict[tuple[str, tuple[str, ...]], Prepared] = {}


def _with_event(columns: tuple[str, ...]) -> Prepared:
    """``WITH new AS (INSERT INTO ticket ... RETURNING id) INSERT INTO ticket_event SELECT
    new.id, ... FROM new RETURNING ticket_id``, built once for the take's set of columns."""
    statement = _WITH_EVENT.get(columns)
    if statement is None:
        new = (
            insert(_ticket)
            .values(_values(_ticket, columns))
            .returning(_ticket.c.id)
            .cte("new_ticket")
        )
        event = select(
            new.c.id,
            *(bindparam(f"event_{name}", type_=_event.c[name].type) for name in _EVENT_COLUMNS),
        )
        statement = _WITH_EVENT[columns] = Prepared(
            insert(_event)
            .from_select(["ticket_id", *_EVENT_COLUMNS], event)
            .returning(_event.c.ticket_id)
            .add_cte(new)
        )
    return statement


_WITH_EVENT: dict[tuple[str, ...], Prepared] = {}
