"""What the patient's phone page shows about one ticket: where it stands, and where to go once
called. Numbers, poli, counter and times only: nothing that names the patient."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kiosk.domain.models import TicketStatus
from kiosk.services.tickets import TicketService
from kiosk.store import Store
from kiosk.store.models import PoliRow, TicketRow
from kiosk.store.queues import waits_at_sql


@dataclass(frozen=True)
class TicketView:
    number: str
    poli_name: str  # where the ticket waits now (a transfer moves it)
    status: TicketStatus
    ahead: int
    estimate_from: datetime | None
    estimate_to: datetime | None
    counter: str | None  # where to go, once called


def ticket_view(store: Store, tickets: TicketService, ticket_id: int) -> TicketView:
    position = tickets.position(ticket_id)
    ticket = position.ticket
    with store.read() as session:
        row = session.execute(
            select(TicketRow.counter, PoliRow.name)
            .join(PoliRow, PoliRow.code == waits_at_sql)
            .where(TicketRow.id == ticket_id)
        ).one()
    called = ticket.status in (TicketStatus.CALLED, TicketStatus.SERVING)
    return TicketView(
        number=ticket.number,
        poli_name=row.name,
        status=ticket.status,
        ahead=position.people_ahead,
        estimate_from=position.estimate_from,
        estimate_to=position.estimate_to,
        counter=row.counter if called else None,
    )
