"""The one allocator of queue numbers, shared by the kiosk, the desk and the phone service.

Call it inside a write transaction (``Store.write``). It bumps the poli/day counter row first, which
takes that row's lock (PostgreSQL) or relies on ``BEGIN IMMEDIATE`` (SQLite): every later check in
the same transaction (quota, one ticket per participant) sees a settled queue. A rollback returns
the number, so numbers have no gaps except cancelled tickets.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kiosk.store.models import TicketCounterRow


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


def _ensure_counter(session: Session, poli_code: str, service_date: date) -> None:
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(
        insert(TicketCounterRow)
        .values(poli_code=poli_code, service_date=service_date, last_seq=0)
        .on_conflict_do_nothing()
    )


def next_seq(session: Session, poli_code: str, service_date: date) -> int:
    _ensure_counter(session, poli_code, service_date)
    session.execute(
        update(TicketCounterRow)
        .where(
            TicketCounterRow.poli_code == poli_code,
            TicketCounterRow.service_date == service_date,
        )
        .values(last_seq=TicketCounterRow.last_seq + 1)
    )
    seq = session.scalar(
        select(TicketCounterRow.last_seq).where(
            TicketCounterRow.poli_code == poli_code,
            TicketCounterRow.service_date == service_date,
        )
    )
    assert seq is not None
    return seq
