"""What every ticket change leaves behind, in the same transaction: an audit event and, when the
central must learn of it, an outbox item."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.store.models import OutboxRow, TicketEventRow, TicketRow


def record_event(
    session: Session,
    row: TicketRow,
    kind: str,
    actor: str,
    at: datetime,
    detail: dict[str, Any] | None = None,
) -> None:
    session.add(
        TicketEventRow(ticket_id=row.id, at=at, kind=kind, actor=actor, detail=detail or {})
    )


def queue_for_central(
    session: Session, row: TicketRow, kind: str, payload: dict[str, Any], at: datetime
) -> OutboxRow:
    item = OutboxRow(
        ticket_id=row.id, kind=kind, payload=payload, state="pending", attempts=0, created_at=at
    )
    session.add(item)
    return item


def told_present(session: Session, ticket_id: int) -> bool:
    """Whether the central last heard that this patient came when called (panggil status 1):
    it then refuses a cancellation, as the patient has been seen. A patient sent on to the
    pharmacy waits again here, but is past cancelling there."""
    last_call = session.scalars(
        select(OutboxRow.payload)
        .where(
            OutboxRow.ticket_id == ticket_id,
            OutboxRow.kind == "antrean.panggil",
            OutboxRow.state != "void",
        )
        .order_by(OutboxRow.id.desc())
        .limit(1)
    ).first()
    return last_call is not None and last_call.get("status") == 1


_TICK = timedelta(microseconds=1)


def not_before_latest(
    session: Session, column: Any, poli_code: str, day: date, now: datetime
) -> datetime:
    """``now``, or just after the latest ``column`` in this poli's queue that day if the clock
    went back (NTP, a dead RTC battery): the desk calls by these times, so they must not run
    backwards. ``column``: when tickets joined the queue, or when they were called."""
    waits_at = func.coalesce(TicketRow.current_poli, TicketRow.poli_code)
    latest = session.scalars(
        select(column)
        .where(waits_at == poli_code, TicketRow.service_date == day, column.is_not(None))
        .order_by(column.desc())
        .limit(1)
    ).first()
    return latest + _TICK if latest is not None and latest > now else now


def joined_at() -> Any:
    """When a ticket joined the queue it waits in (a transfer or a return joins it again)."""
    return func.coalesce(TicketRow.queued_at, TicketRow.checked_in_at, TicketRow.created_at)
