"""What the central refused, for the desk: today's refused items grouped by cause, and the resend
once staff (or the patient, in Mobile JKN) fixed the cause.

A resend puts the item back in the outbox as "pending" (the pump sends it; refused again, it comes
back with the central's new message) and is audited on its ticket with the staff member's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from kiosk.domain.clock import FacilityClock
from kiosk.domain.privacy import mask_number
from kiosk.domain.refusal import Cause, cause_of
from kiosk.services.errors import Refused
from kiosk.services.journal import record_event
from kiosk.store import Store
from kiosk.store.models import OutboxRow, TicketRow
from kiosk.sync.outbox import PARKED, PENDING

# The order of the groups at the desk: what staff can help with at once first.
CAUSES = (Cause.SRK, Cause.HFIS, Cause.QUOTA, Cause.INACTIVE, Cause.OTHER)


@dataclass(frozen=True)
class Refusal:
    """One refused outbox item, masked as everything on a screen."""

    item_id: int
    ticket_id: int | None
    kind: str  # antrean.add, antrean.panggil, antrean.batal
    number: str | None
    poli_name: str | None
    masked_card: str  # the last 4 digits
    message: str  # the central's words: plain text, never markup
    cause: Cause


class RefusalService:
    def __init__(self, store: Store, clock: FacilityClock) -> None:
        self.store = store
        self.clock = clock

    def today(self) -> list[Refusal]:
        """Today's refused items (those of today's and later numbers), grouped by cause in the
        order of :data:`CAUSES`, oldest first within a group."""
        with self.store.read() as session:
            found = [self._refusal(item, ticket) for item, ticket in self._parked(session)]
        return sorted(found, key=lambda r: (CAUSES.index(r.cause), r.item_id))

    def count(self) -> int:
        return len(self.today())

    def resend(self, item_id: int, actor: str) -> Refusal:
        """Send this refused item again (its cause was fixed)."""
        return self._resend_first(lambda item: item.id == item_id, actor)

    def resend_ticket(self, ticket_id: int, actor: str) -> Refusal:
        """Send this ticket's refused item again (from its row in the queue)."""
        return self._resend_first(lambda item: item.ticket_id == ticket_id, actor)

    def resend_cause(self, cause: Cause, actor: str) -> int:
        """Send again every refused item of today with this cause; how many."""
        with self.store.write() as session:
            chosen = [(i, t) for i, t in self._parked(session) if cause_of(i.last_error) == cause]
            for item, ticket in chosen:
                self._requeue(session, item, ticket, actor, cause)
            return len(chosen)

    # -- helpers ---------------------------------------------------------------------------
    def _resend_first(self, matches: Callable[[OutboxRow], bool], actor: str) -> Refusal:
        with self.store.write() as session:
            rows = [(i, t) for i, t in self._parked(session) if matches(i)]
            if not rows:
                raise Refused("refusals.gone")
            item, ticket = rows[0]
            refusal = self._refusal(item, ticket)
            self._requeue(session, item, ticket, actor, refusal.cause)
            return refusal

    def _parked(self, session: Session) -> list[tuple[OutboxRow, TicketRow | None]]:
        today = self.clock.today()
        midnight = datetime.combine(today, time(), tzinfo=self.clock.zone)
        rows = session.execute(
            select(OutboxRow, TicketRow)
            .outerjoin(TicketRow, TicketRow.id == OutboxRow.ticket_id)
            .where(
                OutboxRow.state == PARKED,
                or_(
                    TicketRow.service_date >= today,
                    and_(OutboxRow.ticket_id.is_(None), OutboxRow.created_at >= midnight),
                ),
            )
            .order_by(OutboxRow.id)
        ).all()
        return [(item, ticket) for item, ticket in rows]

    @staticmethod
    def _refusal(item: OutboxRow, ticket: TicketRow | None) -> Refusal:
        card = str(item.payload.get("nomorkartu") or "")
        return Refusal(
            item_id=item.id,
            ticket_id=item.ticket_id,
            kind=item.kind,
            number=ticket.number if ticket is not None else None,
            poli_name=ticket.poli.name if ticket is not None else None,
            masked_card=mask_number(card)[-6:],
            message=item.last_error or "",
            cause=cause_of(item.last_error),
        )

    def _requeue(
        self,
        session: Session,
        item: OutboxRow,
        ticket: TicketRow | None,
        actor: str,
        cause: Cause,
    ) -> None:
        # A compare-and-set, as everywhere an item changes hands: only a still-parked item.
        done = session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == item.id, OutboxRow.state == PARKED)
            .values(state=PENDING, claimed_by=None, claimed_at=None)
        )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            raise Refused("refusals.gone")
        if ticket is not None:
            detail = {"outbox": item.id, "kind": item.kind, "cause": cause.value}
            record_event(session, ticket, "resent", actor, self.clock.utcnow(), detail)
