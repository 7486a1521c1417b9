"""What every ticket change leaves behind, in the same transaction: an audit event and, when the
central must learn of it, an outbox item. Every service writes both through here (the kiosk's
take, check-in and cancel, the desk's actions and their undo, retention's purge)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, insert, select
from sqlalchemy.orm import Session

from kiosk.contract import antrean
from kiosk.domain.outbox import OutboxState
from kiosk.store.models import OutboxRow, TicketEventRow, TicketRow
from kiosk.store.taking import insert_ticket


def record_event(
    session: Session,
    row: TicketRow,
    kind: str,
    actor: str,
    at: datetime,
    detail: dict[str, Any] | None = None,
) -> None:
    session.add(TicketEventRow(**_event(row.id, kind, actor, at, detail)))


def queue_for_central(
    session: Session, row: TicketRow, kind: str, payload: dict[str, Any], at: datetime
) -> OutboxRow:
    item = OutboxRow(**_outbox(row.id, kind, payload, at))
    session.add(item)
    return item


def issue(
    connection: Connection, ticket: dict[str, Any], event: tuple[str, str, datetime, dict[str, Any]]
) -> int:
    """A new ticket (its row's values, by column) inserted with its audit event straight on a
    transaction's connection (SQLAlchemy Core; the take): the ticket's id. ``event`` is (kind,
    actor, at, detail). The store writes both in one statement where the engine allows."""
    kind, actor, at, detail = event
    return insert_ticket(connection, ticket, _event(None, kind, actor, at, detail))


def append(
    connection: Connection, ticket_id: int, event: tuple[str, str, datetime, dict[str, Any]]
) -> None:
    """The audit event written straight on a transaction's connection (SQLAlchemy Core), for a
    ticket that is not an ORM row (the cancel; the take writes its event with the ticket,
    :func:`issue`): ``event`` is (kind, actor, at, detail). Its outbox item, when the central
    must learn of it, is :func:`queue`'s."""
    kind, actor, at, detail = event
    connection.execute(_INSERT_EVENT, _event(ticket_id, kind, actor, at, detail))


def queue(
    connection: Connection, ticket_id: int, outbox: tuple[str, dict[str, Any]], at: datetime
) -> None:
    """The outbox item (kind, payload) in SQLAlchemy Core, as :func:`queue_for_central` writes
    it in the ORM."""
    connection.execute(_INSERT_OUTBOX, _outbox(ticket_id, *outbox, at))


def _event(
    ticket_id: int | None, kind: str, actor: str, at: datetime, detail: dict[str, Any] | None
) -> dict[str, Any]:
    return {"ticket_id": ticket_id, "at": at, "kind": kind, "actor": actor, "detail": detail or {}}


def _outbox(ticket_id: int, kind: str, payload: dict[str, Any], at: datetime) -> dict[str, Any]:
    return {
        "ticket_id": ticket_id,
        "kind": kind,
        "payload": payload,
        "state": OutboxState.PENDING.value,
        "attempts": 0,
        "created_at": at,
    }


_INSERT_EVENT = insert(cast(Table, TicketEventRow.__table__))
_INSERT_OUTBOX = insert(cast(Table, OutboxRow.__table__))


def withdraw(session: Session, outbox_id: object) -> dict[str, Any]:
    """Withdraw an item an undone action queued, unless the central already has it: then it
    stays, and the audit says why (the central heard of a call we took back). Returns what the
    undo's event records."""
    if not isinstance(outbox_id, int):
        return {}
    item = session.get(OutboxRow, outbox_id)
    if item is None:
        return {}
    if item.state == OutboxState.PENDING:  # the pump sends only pending items
        item.state, item.last_error = (
            OutboxState.VOID.value,
            "undone at the desk before it was sent",
        )
        return {"outbox_withdrawn": outbox_id}
    return {
        "outbox_kept": outbox_id,
        "outbox_kept_why": f"already {item.state} to the central before the undo",
    }


def told_present(connection: Connection, ticket_id: int) -> bool:
    """Whether the central last heard that this patient came when called (panggil status 1):
    it then refuses a cancellation, as the patient has been seen. A patient sent on to the
    pharmacy waits again here, but is past cancelling there."""
    last_call = connection.execute(_LAST_CALL, {"ticket_id": ticket_id}).scalar()
    return last_call is not None and last_call.get("status") == 1


_LAST_CALL = (
    select(OutboxRow.payload)
    .where(
        OutboxRow.ticket_id == bindparam("ticket_id"),
        OutboxRow.kind == antrean.CALL,
        OutboxRow.state != OutboxState.VOID,
    )
    .order_by(OutboxRow.id.desc())
    .limit(1)
)
