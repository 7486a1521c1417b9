"""The services follow the life-cycle table: every action, from every state a ticket can be in,
on a real store (SQLite and PostgreSQL). An accepted action leaves the table's state, records
its event and queues its outbox item; a refused one changes nothing and says why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from kiosk.contract import antrean
from kiosk.domain.lifecycle import Action, Tell, step
from kiosk.domain.models import TicketStatus
from kiosk.services.desk import DeskService
from kiosk.services.errors import Refused
from kiosk.store.models import OutboxRow, TicketEventRow, TicketRow
from kiosk.store.queues import ticket_by_id
from tests.core.conftest import TODAY
from tests.demo_ids import SITI_NIK

DESK = "desk-1"
REFUSAL = {"check_in": ("checkin.done", "checkin.cancelled"), "cancel": ("cancel.served",)}
KINDS = {
    Tell.ADD: antrean.ADD,
    Tell.PRESENT: antrean.CALL,
    Tell.ABSENT: antrean.CALL,
    Tell.CANCEL: antrean.CANCEL,
}


def doing(action: Action, clinic: Any, desk: DeskService) -> Callable[[int], object]:
    tickets = clinic.tickets
    return {
        Action.CHECK_IN: lambda i: tickets.check_in(i),
        Action.CALL: lambda i: desk.call_out_of_turn(i, "Loket 1", "returned", DESK),
        Action.RECALL: lambda i: desk.recall(i, DESK),
        Action.NO_SHOW: lambda i: desk.skip(i, DESK),
        Action.START_SERVICE: lambda i: desk.start_service(i, DESK),
        Action.FINISH: lambda i: desk.finish(i, DESK),
        Action.TRANSFER: lambda i: desk.transfer(i, "002", DESK),
        Action.RETURN_TO_QUEUE: lambda i: desk.return_to_queue(i, DESK),
        Action.CANCEL: lambda i: tickets.cancel(i, "pulang"),
        Action.SET_PRIORITY: lambda i: desk.set_priority(i, "pregnant", DESK),
        Action.VERIFY: lambda i: desk.verify(i, DESK),
    }[action]


def trail(clinic: Any, ticket_id: int) -> tuple[str, list[str], list[tuple[str, Any]]]:
    with clinic.store.read() as session:
        row = session.get_one(TicketRow, ticket_id)
        events = session.scalars(
            select(TicketEventRow.kind)
            .where(TicketEventRow.ticket_id == ticket_id)
            .order_by(TicketEventRow.id)
        ).all()
        items = session.execute(
            select(OutboxRow.kind, OutboxRow.payload)
            .where(OutboxRow.ticket_id == ticket_id)
            .order_by(OutboxRow.id)
        ).all()
        return row.status, list(events), [(kind, payload.get("status")) for kind, payload in items]


@pytest.mark.parametrize(
    "action", [a for a in Action if a not in (Action.TAKE, Action.BOOK)], ids=str
)
def test_each_action_from_each_state_does_what_the_table_says(clinic: Any, action: Action) -> None:
    services = clinic.services
    desk = DeskService(services.store, services.clock, services.slips)
    siti = clinic.person(SITI_NIK)
    act = doing(action, clinic, desk)
    for state in TicketStatus:
        ticket_id = clinic.take("001", siti.id).ticket.id
        with clinic.store.write() as session:  # put the ticket in the state under test
            session.execute(
                update(TicketRow)
                .where(TicketRow.id == ticket_id)
                .values(status=state.value, verified=False)
            )
        status, events, items = trail(clinic, ticket_id)
        found = step(action, state)
        if found is None:
            with pytest.raises(Refused) as refused:
                act(ticket_id)
            key = refused.value.key
            assert key in REFUSAL.get(action.value, ("desk.wrong_state",)), (action, state, key)
            assert trail(clinic, ticket_id) == (status, events, items), (action, state)
        else:
            act(ticket_id)
            now_status, now_events, now_items = trail(clinic, ticket_id)
            assert now_status == found.leaves, (action, state)
            assert now_events[len(events) :] == ([found.event] if found.event else [])
            told = now_items[len(items) :]
            if found.tells is None:
                assert told == [], (action, state)
            else:
                kind, status_sent = told[-1]
                assert len(told) == 1 and kind == KINDS[found.tells], (action, state, told)
                if found.tells in (Tell.PRESENT, Tell.ABSENT):
                    assert status_sent == (1 if found.tells == Tell.PRESENT else 2)
        with clinic.store.write() as session:  # frees Siti's one ticket at this poli and day
            session.execute(
                update(TicketRow).where(TicketRow.id == ticket_id).values(status="cancelled")
            )
        clinic.clock.instant += timedelta(minutes=1)


def test_take_and_book_start_where_the_table_says(clinic: Any) -> None:
    siti = clinic.person(SITI_NIK)
    for action, day in ((Action.TAKE, TODAY), (Action.BOOK, TODAY + timedelta(days=1))):
        found = step(action, None)
        assert found is not None
        ticket = clinic.take("001", siti.id, day=day).ticket
        status, events, items = trail(clinic, ticket.id)
        assert status == found.leaves and events == [found.event]
        assert [kind for kind, _ in items] == [KINDS[Tell.ADD]]
        # Taking again, from any state the ticket holds: the same ticket, nothing new.
        again = clinic.take("001", siti.id, day=day)
        assert again.existing and again.ticket.id == ticket.id
    # A general patient's number is not the central's business: no outbox item.
    general = clinic.take("001").ticket
    with clinic.store.read() as session:
        count = session.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.ticket_id == general.id)
        )
    assert count == 0


def serve(desk: DeskService, ticket_id: int) -> None:
    desk.call_out_of_turn(ticket_id, "Loket 1", "returned", DESK)
    desk.start_service(ticket_id, DESK)
    desk.finish(ticket_id, DESK)


def test_a_cancel_decided_on_a_stale_read_decides_again(clinic: Any) -> None:
    """PostgreSQL lets two terminals read a ticket before either writes it (a phone's cancel and
    the patient's own at the kiosk, or a desk's call). The later write finds the ticket changed,
    reads it again and acts on what it is now: one cancellation, one event, one item."""
    services = clinic.services
    desk = DeskService(services.store, services.clock, services.slips)
    siti = clinic.person(SITI_NIK)
    tickets = clinic.tickets
    for meanwhile, expected in (
        (lambda i: tickets.cancel(i, "pulang"), "cancelled"),  # cancelled before: nothing new
        (lambda i: serve(desk, i), "cancel.served"),  # served meanwhile: refused, as always
    ):
        ticket_id = clinic.take("001", siti.id).ticket.id
        with clinic.store.write_connection() as connection:
            stale = ticket_by_id(connection, ticket_id)
        meanwhile(ticket_id)
        before = trail(clinic, ticket_id)
        now = services.clock.now()
        with clinic.store.write_connection() as connection:
            if expected == "cancelled":
                kept = tickets._cancel(connection, stale, None, "pulang", "mobile-jkn", now)
                assert kept.status == TicketStatus.CANCELLED
            else:
                with pytest.raises(Refused) as refused:
                    tickets._cancel(connection, stale, None, "pulang", "mobile-jkn", now)
                assert refused.value.key == expected
        assert trail(clinic, ticket_id) == before
        with clinic.store.write() as session:  # frees Siti's one ticket at this poli and day
            session.execute(
                update(TicketRow).where(TicketRow.id == ticket_id).values(status="cancelled")
            )
        clinic.clock.instant += timedelta(minutes=1)
