"""The outbox operations: claim the next items, settle each answer, put items back, requeue.

- An item waits while an earlier item of the same ticket is pending, being sent, or parked.
- An Antrean item also waits while an earlier Antrean item of the same participant (any ticket,
  poli or date) is pending or being sent: a cancel at one poli reaches the central before the
  participant's next add at another, whichever pump (or the kiosk's send at once) holds them.
  So a claim never holds two items of one participant, and a pump may keep the items of a claim
  in flight together where :func:`independent` says neither can change the other's answer.
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
from kiosk.store.models import OutboxRow, TicketRow
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
    ticket_id: int | None = None

    @property
    def card(self) -> str | None:
        """The participant's card (Antrean's ``nomorkartu``, PCare's ``noKartu``)."""
        return self.payload.get("nomorkartu") or self.payload.get("noKartu")

    @property
    def shift(self) -> tuple[object, object]:
        """The day and poli whose queue (and HFIS kapasitas) the item changes."""
        p = self.payload
        return (p.get("tanggalperiksa") or p.get("tglDaftar"), p.get("kodepoli") or p.get("kdPoli"))


def independent(a: Claimed, b: Claimed) -> bool:
    """Whether two items may be at the central at once: neither can change the other's answer,
    so either order gives what sending them one after the other gives.

    Not when they share a ticket or a participant (a cancel, then the same card's next number),
    when both add or cancel a number in one poli and day (the shift's kapasitas: the first come
    takes the last place, and a cancel frees one), or when both are PCare's (PCare numbers a day's
    visits in the order they arrive)."""
    if a.ticket_id is not None and a.ticket_id == b.ticket_id:
        return False
    if a.card is not None and a.card == b.card:
        return False
    if a.kind in pcare.KINDS and b.kind in pcare.KINDS:
        return False
    places = (antrean.ADD, antrean.CANCEL)
    return not (a.kind in places and b.kind in places and a.shift == b.shift)


# The statements of a claim and of a settle, built once: a drain runs them for every item, and
# building and ORM-evaluating an UPDATE cost more than SQLite's own work on it.
_EARLIER = aliased(OutboxRow)
_TICKET = aliased(TicketRow)
_ANTREAN_KINDS = tuple(antrean.PATHS)


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
    # Each participant's first Antrean item the central has not answered (a refused one holds
    # up nothing: the pump that sends one at a time went on too). Grouped once per claim: an
    # EXISTS per candidate read every unanswered item for each of them.
    busy, busy_ticket = aliased(OutboxRow), aliased(TicketRow)
    first_busy = (
        select(busy_ticket.participant_id, func.min(busy.id).label("first_id"))
        .join(busy_ticket, busy_ticket.id == busy.ticket_id)
        .where(busy.kind.in_(_ANTREAN_KINDS), busy.state.in_((PENDING, SENDING)))
        .group_by(busy_ticket.participant_id)
        .subquery()
    )
    columns = (OutboxRow.id, OutboxRow.kind, OutboxRow.payload, OutboxRow.ticket_id)
    return (
        select(*columns)
        .outerjoin(_TICKET, _TICKET.id == OutboxRow.ticket_id)
        .outerjoin(first_busy, first_busy.c.participant_id == _TICKET.participant_id)
        .where(
            _claimable(),
            ~blocked,
            or_(
                first_busy.c.first_id.is_(None),
                first_busy.c.first_id >= OutboxRow.id,
                OutboxRow.kind.not_in(_ANTREAN_KINDS),
            ),
        )
    )


_NEXT = _next_items().order_by(OutboxRow.id).limit(bindparam("batch"))
_NEXT_OF_TICKET = (
    _next_items()
    .where(OutboxRow.ticket_id == bindparam("ticket_id"))
    .order_by(OutboxRow.id)
    .limit(bindparam("batch"))
)
# The compare-and-set: another pump that claimed the item first makes this a no-op. It returns
# the attempts the store now counts: on PostgreSQL another pump may have claimed the item between
# the read above and this (its lease looked run out), and the read's count would call this a
# first attempt, which skips PCare's look-up and registers a visit twice.
_TAKE = (
    update(OutboxRow)
    .where(OutboxRow.id == bindparam("item_id"), _claimable())
    .values(
        state=SENDING,
        claimed_by=bindparam("owner"),
        claimed_at=bindparam("now"),
        attempts=OutboxRow.attempts + 1,
    )
    .returning(OutboxRow.attempts)
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
    all sent, and at most one Antrean item per participant, in one transaction; with
    ``ticket_id``, only that ticket's next item."""
    stale = now - lease
    query, params = _NEXT, {"stale": stale, "batch": batch}
    if ticket_id is not None:
        query, params = _NEXT_OF_TICKET, {**params, "ticket_id": ticket_id}
    with store.write_connection() as connection:
        rows = connection.execute(query, params).all()
        claimed = []
        for item_id, kind, payload, of_ticket in rows:
            taken = connection.execute(
                _TAKE, {"item_id": item_id, "stale": stale, "owner": owner, "now": now}
            ).first()
            if taken is not None:
                claimed.append(Claimed(item_id, kind, dict(payload), int(taken[0]), of_ticket))
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
