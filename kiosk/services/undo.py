"""Undo at the desk: what a desk step records so that it can be reversed, and the rules of the
reversal.

- Every desk step records the ticket's state before and after it (``snapshot``) in its event.
- Undo takes this desk's (this actor's) last undoable step not undone yet (the life-cycle table
  says which steps are undoable: every desk step, none of the kiosk's).
- It refuses when the ticket changed since (another desk, the kiosk): the fields the step
  recorded after it must still be as they were.
- It puts back the state before the step, the participant's verification for a verify, and
  withdraws the panggil item the step queued unless the central already has it (the journal's
  ``withdraw``; the undo's own event says which).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kiosk.domain.lifecycle import UNDOABLE, EventKind
from kiosk.services.errors import Refused
from kiosk.services.journal import record_event, withdraw
from kiosk.store.models import TicketEventRow, TicketRow

# The ticket's fields a desk step may change, and undo puts back.
STATE_FIELDS = (
    "status",
    "called_at",
    "served_at",
    "recalls",
    "current_poli",
    "queued_at",
    "counter",
    "priority_reason",
    "verified",
)
_TIMES = ("called_at", "served_at", "queued_at")


def snapshot(row: TicketRow) -> dict[str, Any]:
    """The ticket's undoable state, as the event's JSON detail keeps it."""
    state: dict[str, Any] = {}
    for name in STATE_FIELDS:
        value = getattr(row, name)
        state[name] = value.isoformat() if isinstance(value, datetime) else value
    return state


def record_change(
    session: Session,
    row: TicketRow,
    kind: str,
    actor: str,
    before: dict[str, Any],
    at: datetime,
    extra: dict[str, Any] | None = None,
) -> None:
    """The step's event, with the state before and after it: what undo restores and checks."""
    session.flush()
    detail = {"before": before, "after": snapshot(row), **(extra or {})}
    record_event(session, row, kind, actor, at, detail)


def undone_events(since: datetime | None = None) -> Select[tuple[int]]:
    """The ids of the events undone (since ``since``): they did not happen, for the board's
    calls, the pace of calling and the next undo alike."""
    query = select(TicketEventRow.detail["undid"].as_integer()).where(
        TicketEventRow.kind == EventKind.UNDO
    )
    return query if since is None else query.where(TicketEventRow.at >= since)


@dataclass(frozen=True)
class Undone:
    row: TicketRow
    event: TicketEventRow  # the step undone
    found: dict[str, Any]  # the ticket's state the undo found: its own event's "before"
    extra: dict[str, Any]  # what the undo's own event adds (which event, the outbox item)


def undo_last(session: Session, actor: str, at: datetime) -> Undone:
    """Reverse ``actor``'s last undoable step; ``record_change`` then records the undo."""
    event = session.scalars(
        select(TicketEventRow)
        .where(
            TicketEventRow.actor == actor,
            TicketEventRow.kind.in_(UNDOABLE),
            TicketEventRow.id.not_in(undone_events()),
        )
        .order_by(TicketEventRow.id.desc())
    ).first()
    if event is None:
        raise Refused("desk.nothing_to_undo")
    row = session.get_one(TicketRow, event.ticket_id)
    # Only the fields the event recorded (events from older versions recorded fewer).
    after = event.detail.get("after") or {}
    if {k: v for k, v in snapshot(row).items() if k in after} != after:
        raise Refused("desk.changed_since")
    before = snapshot(row)
    _restore(row, event.detail["before"])
    if event.kind == EventKind.VERIFIED and row.participant is not None:
        row.participant.verified = bool(event.detail.get("participant_was", True))
    row.updated_at = at
    extra: dict[str, Any] = {"undid": event.id}
    extra.update(withdraw(session, event.detail.get("outbox")))
    return Undone(row, event, before, extra)


def _restore(row: TicketRow, state: dict[str, Any]) -> None:
    for name in STATE_FIELDS:
        if name not in state:
            continue
        value = state[name]
        if name in _TIMES and value is not None:
            value = datetime.fromisoformat(value)
        setattr(row, name, value)
