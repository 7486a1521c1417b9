"""What every ticket change leaves behind, in the same transaction: an audit event and, when the
central must learn of it, an outbox item."""

from __future__ import annotations

from datetime import datetime
from typing import Any

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
