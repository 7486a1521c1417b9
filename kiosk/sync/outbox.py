"""The outbox operations: claim the next items, settle each answer, put items back, requeue.

- An item waits while an earlier item of the same ticket is pending, being sent, or parked.
- Items are claimed in one short transaction (a compare-and-set on their state), so two pumps
  on one store (two kiosks on one PostgreSQL) never send the same item; each answer is marked
  in its own short transaction.
- Done or duplicate (208) -> "sent". A refusal (201) -> "parked" with the central's message, for
  staff (``kiosk sync --status``, the desk). Unreachable, 5xx, broken answers -> back to
  "pending".
- A claim older than the lease (a pump that died mid-send) can be claimed again.

Every operation takes ``now`` from its caller, which reads the injected clock.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, exists, func, or_, select, update
from sqlalchemy.orm import aliased

from kiosk.contract import antrean, pcare
from kiosk.domain.outbox import OutboxState
from kiosk.store import Store
from kiosk.store.models import OutboxRow
from kiosk.sync import pcare as pcare_side
from kiosk.sync.client import Answer

log = logging.getLogger(__name__)

# Short names; the states themselves are OutboxState (kiosk/domain/outbox.py).
PENDING, SENDING, SENT, PARKED = (
    OutboxState.PENDING,
    OutboxState.SENDING,
    OutboxState.SENT,
    OutboxState.PARKED,
)


@dataclass(frozen=True)
class Claimed:
    id: int
    kind: str
    payload: dict[str, Any]
    attempts: int = 1  # this one included: above 1, an earlier send may have reached the central


# The statements of a claim and of a settle, built once: a drain runs them for every item, and
# building and ORM-evaluating an UPDATE cost more than SQLite's own work on it.
_EARLIER = aliased(OutboxRow)


def _claimable() -> ColumnElement[bool]:
    """Pending, or sending under a claim older than the lease (``:stale``)."""
    return or_(
        OutboxRow.state == PENDING,
        and_(OutboxRow.state == SENDING, OutboxRow.claimed_at < bindparam("stale")),
    )


def _next_items() -> Select[Any]:
    """Each ticket's (and each card, poli and date's) next item whose earlier items are all
    sent, in order (``:stale`` and ``:batch``)."""
    earlier = _EARLIER
    # A ticket's Antrean items and its PCare registration items are two lines: each in order,
    # and a registration after the ticket's antrean/add. A refused registration does not hold
    # up the ticket's panggil or batal.
    is_pcare, was_pcare = OutboxRow.kind.in_(pcare.KINDS), earlier.kind.in_(pcare.KINDS)
    same_line = or_(
        and_(is_pcare, was_pcare),
        and_(~is_pcare, ~was_pcare),
        and_(is_pcare, earlier.kind == antrean.ADD),
    )
    blocked = exists().where(
        or_(
            and_(earlier.ticket_id == OutboxRow.ticket_id, same_line),
            earlier.natural_key == OutboxRow.natural_key,
        ),
        earlier.id < OutboxRow.id,
        earlier.state.in_((PENDING, SENDING, PARKED)),
    )
    return select(OutboxRow.id, OutboxRow.kind, OutboxRow.payload, OutboxRow.attempts).where(
        _claimable(), ~blocked
    )


_NEXT = _next_items().order_by(OutboxRow.id).limit(bindparam("batch"))
_NEXT_OF_TICKET = (
    _next_items()
    .where(OutboxRow.ticket_id == bindparam("ticket_id"))
    .order_by(OutboxRow.id)
    .limit(bindparam("batch"))
)
# The compare-and-set: another pump that claimed the item first makes this a no-op.
_TAKE = (
    update(OutboxRow)
    .where(OutboxRow.id == bindparam("item_id"), _claimable())
    .values(
        state=SENDING,
        claimed_by=bindparam("owner"),
        claimed_at=bindparam("now"),
        attempts=OutboxRow.attempts + 1,
    )
)
# An answer is marked only while the item is still ours.
_MINE = and_(OutboxRow.id == bindparam("item_id"), OutboxRow.claimed_by == bindparam("owner"))
_SENT = (
    update(OutboxRow)
    .where(_MINE)
    .values(state=SENT, sent_at=bindparam("now"), last_error=None, claimed_by=None, claimed_at=None)
)
_PARKED = (
    update(OutboxRow)
    .where(_MINE)
    .values(state=PARKED, last_error=bindparam("error"), claimed_by=None, claimed_at=None)
)


def claim(
    store: Store,
    owner: str,
    now: datetime,
    lease: timedelta,
    batch: int,
    ticket_id: int | None = None,
) -> list[Claimed]:
    """Take the next item of each ticket (and each card, poli and date) whose earlier items are
    all sent, in one transaction; with ``ticket_id``, only that ticket's next item."""
    stale = now - lease
    query, params = _NEXT, {"stale": stale, "batch": batch}
    if ticket_id is not None:
        query, params = _NEXT_OF_TICKET, {**params, "ticket_id": ticket_id}
    with store.write_connection() as connection:
        rows = connection.execute(query, params).all()
        claimed = []
        for item_id, kind, payload, attempts in rows:
            result = connection.execute(
                _TAKE, {"item_id": item_id, "stale": stale, "owner": owner, "now": now}
            )
            if result.rowcount == 1:
                claimed.append(Claimed(item_id, kind, dict(payload), int(attempts or 0) + 1))
        return claimed


def settle(store: Store, owner: str, item: Claimed, answer: Answer, now: datetime) -> None:
    """Mark the central's answer: sent, or parked with its message (only while still ours)."""
    params: dict[str, Any] = {"item_id": item.id, "owner": owner}
    if answer.ok:
        statement, params["now"] = _SENT, now
    else:
        statement, params["error"] = _PARKED, answer.message or f"kode {answer.code}"
        log.warning("outbox item %d (%s) refused by the central", item.id, item.kind)
    if item.kind not in pcare.KINDS:
        with store.write_connection() as connection:
            connection.execute(statement, params)
        return
    with store.write() as session:
        settled = session.connection().execute(statement, params)
        if settled.rowcount == 1:
            # The visit's record learns PCare's answer in the same transaction.
            state = pcare_side.settle_visit(session, item.id, item.kind, answer, now)
            if state is not None:
                session.execute(
                    update(OutboxRow).where(OutboxRow.id == item.id).values(state=state)
                )


def release(store: Store, owner: str, items: list[Claimed], answer: Answer) -> None:
    """The central did not answer: our claimed items go back to "pending" for a later round."""
    with store.write() as session:
        session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.id.in_([i.id for i in items]),
                OutboxRow.claimed_by == owner,
                OutboxRow.state == SENDING,
            )
            .values(state=PENDING, claimed_by=None, claimed_at=None, last_error=answer.message)
        )


def others_sending(store: Store) -> bool:
    """Items held by some pump (alive, or dead until its lease runs out)."""
    with store.read() as session:
        return (
            session.scalar(
                select(func.count()).select_from(OutboxRow).where(OutboxRow.state == SENDING)
            )
            or 0
        ) > 0


def requeue_parked(store: Store) -> int:
    """Staff fixed what the central refused: send the parked items again."""
    with store.write() as session:
        result = session.execute(
            update(OutboxRow)
            .where(OutboxRow.state == PARKED)
            .values(state=PENDING, claimed_by=None, claimed_at=None)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
