"""Reading the sync state, from any process: the kiosk's connectivity mark, the desk and
``kiosk sync --status``. What waits, what the central refused, when it last answered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.contract.logmask import mask_digits
from kiosk.domain.privacy import mask_number
from kiosk.store import Store
from kiosk.store.models import CentralLinkRow, OutboxRow, TicketRow
from kiosk.sync.link import LINK_ID
from kiosk.sync.outbox import PARKED, PENDING, SENDING, SENT


@dataclass(frozen=True)
class ParkedItem:
    id: int
    kind: str
    number: str | None
    masked_card: str
    message: str
    created_at: datetime


@dataclass(frozen=True)
class SyncStatus:
    """What waits, what the central refused, and when the central last answered."""

    waiting: int
    parked: int
    sent: int
    reachable: bool
    last_contact_at: datetime | None
    last_error: str | None
    parked_items: tuple[ParkedItem, ...] = field(default=())
    # Not reachable because the central refused the clinic's credentials (a setting to fix).
    denied: bool = False


def sync_status(store: Store, with_parked: bool = True, limit: int = 50) -> SyncStatus:
    with store.read() as session:
        counts = dict(
            session.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()
        )
        link = session.get(CentralLinkRow, LINK_ID)
        parked_items = _parked(session, limit) if with_parked else ()
    return SyncStatus(
        waiting=int(counts.get(PENDING, 0)) + int(counts.get(SENDING, 0)),
        parked=int(counts.get(PARKED, 0)),
        sent=int(counts.get(SENT, 0)),
        reachable=bool(link and link.reachable),
        last_contact_at=link.last_contact_at if link else None,
        last_error=link.last_error if link else None,
        parked_items=tuple(parked_items),
        denied=bool(link and link.denied and not link.reachable),
    )


def _parked(session: Session, limit: int) -> list[ParkedItem]:
    rows = session.execute(
        select(OutboxRow, TicketRow.number)
        .outerjoin(TicketRow, TicketRow.id == OutboxRow.ticket_id)
        .where(OutboxRow.state == PARKED)
        .order_by(OutboxRow.id)
        .limit(limit)
    ).all()
    return [
        ParkedItem(
            id=row.id,
            kind=row.kind,
            number=number,
            masked_card=mask_number(
                str(row.payload.get("nomorkartu") or row.payload.get("noKartu") or "")
            ),
            message=mask_digits(row.last_error or ""),
            created_at=row.created_at,
        )
        for row, number in rows
    ]
