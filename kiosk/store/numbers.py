"""The one allocator of queue numbers, shared by the kiosk, the desk and the phone service.

Call it inside a write transaction (``Store.write``). It bumps the poli/day counter row first, which
takes that row's lock (PostgreSQL) or relies on ``BEGIN IMMEDIATE`` (SQLite): every later check in
the same transaction (quota, one ticket per participant) sees a settled queue. A rollback returns
the number, so numbers have no gaps except cancelled tickets.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, Date, Integer, bindparam, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kiosk.store.models import PoliRow, TicketCounterRow
from kiosk.store.prepared import Prepared


def lock_poli_day(session: Session, poli_code: str, service_date: date) -> None:
    """Hold the poli/day counter row until commit: desks calling that queue take turns.

    (On SQLite the write transaction's ``BEGIN IMMEDIATE`` already serialises writers.)
    """
    _ensure_counter(session, poli_code, service_date)
    session.execute(
        select(TicketCounterRow.last_seq)
        .where(
            TicketCounterRow.poli_code == poli_code,
            TicketCounterRow.service_date == service_date,
        )
        .with_for_update()
    )


def _insert(session: Session) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT (both engines a clinic runs)."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def _ensure_counter(session: Session, poli_code: str, service_date: date) -> None:
    session.execute(
        _insert(session)(TicketCounterRow)
        .values(poli_code=poli_code, service_date=service_date, last_seq=0)
        .on_conflict_do_nothing()
    )


def next_seq(connection: Connection, poli_code: str, service_date: date) -> int | None:
    """The poli/day's next number, in one statement: the counter row is created at 1 or bumped
    (which takes its lock until commit), and RETURNING hands the new value back. None when no
    bookable poli has that code (the pharmacy is reached by a transfer, never taken): then no
    counter is touched. Core, compiled once (kiosk/store/prepared.py), on the transaction's
    connection: the ORM's DML path costs more than this one row is worth."""
    dialect = connection.dialect.name
    statement = _NEXT_SEQ.get(dialect)
    if statement is None:
        statement = _NEXT_SEQ[dialect] = Prepared(
            _next_seq_statement(postgresql.insert if dialect == "postgresql" else sqlite.insert)
        )
    row = statement.first(connection, {"poli_code": poli_code, "service_date": service_date})
    return None if row is None else int(row[0])


def _next_seq_statement(insert: Any) -> Any:
    """Built once per dialect, with bound parameters."""
    counter = TicketCounterRow.__table__.c
    poli = PoliRow.__table__.c
    bookable = select(
        poli.code, bindparam("service_date", type_=Date()), literal(1, Integer())
    ).where(poli.code == bindparam("poli_code"), poli.bookable)
    return (
        insert(TicketCounterRow.__table__)
        .from_select([counter.poli_code, counter.service_date, counter.last_seq], bookable)
        .on_conflict_do_update(
            index_elements=[counter.poli_code, counter.service_date],
            set_={"last_seq": counter.last_seq + 1},
        )
        .returning(counter.last_seq)
    )


_NEXT_SEQ: dict[str, Prepared] = {}
