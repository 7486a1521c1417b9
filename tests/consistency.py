"""What a store must look like after any fault: the drills' one judge of "nothing lost, nothing
doubled, nothing half-written". Plain SQL through SQLAlchemy, so it reads either engine."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, text


@dataclass(frozen=True)
class StoreFigures:
    tickets: int
    cancelled: int
    numbers: frozenset[tuple[str, str, str]]  # (poli, date, number) of every ticket
    # (date, noUrut, card, kdPoli) of each visit the store holds as registered in PCare.
    registered: frozenset[tuple[str, str, str, str]] = frozenset()
    registrations: int = 0


def check_store(url: str) -> StoreFigures:
    """Assert the invariants; return what the store holds for the caller's own checks."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tickets = conn.execute(
                text(
                    "SELECT id, poli_code, service_date, seq, number, status, participant_id "
                    "FROM ticket"
                )
            ).all()
            first_events = {
                row.ticket_id: row.kind
                for row in conn.execute(
                    text(
                        "SELECT ticket_id, kind FROM ticket_event e WHERE id = "
                        "(SELECT min(id) FROM ticket_event WHERE ticket_id = e.ticket_id)"
                    )
                )
            }
            adds = {
                row.ticket_id
                for row in conn.execute(
                    text("SELECT ticket_id FROM outbox WHERE kind = 'antrean.add'")
                )
            }
            registrations = conn.execute(
                text(
                    "SELECT r.ticket_id, r.state, r.no_urut, r.pcare_poli, r.visit_date, "
                    "r.add_item_id, r.delete_item_id, t.participant_id, t.status, "
                    "a.state AS add_state, a.kind AS add_kind, a.payload AS add_payload, "
                    "d.state AS delete_state, d.kind AS delete_kind "
                    "FROM visit_registration r JOIN ticket t ON t.id = r.ticket_id "
                    "LEFT JOIN outbox a ON a.id = r.add_item_id "
                    "LEFT JOIN outbox d ON d.id = r.delete_item_id"
                )
            ).all()
            registered_events = {
                row.ticket_id
                for row in conn.execute(
                    text("SELECT ticket_id FROM ticket_event WHERE kind = 'registered'")
                )
            }
            counters = {
                (row.poli_code, str(row.service_date)): row.last_seq
                for row in conn.execute(
                    text("SELECT poli_code, service_date, last_seq FROM ticket_counter")
                )
            }
    finally:
        engine.dispose()
    seqs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for ticket in tickets:
        assert first_events.get(ticket.id) in {"issued", "booked"}, (
            f"ticket {ticket.number} has no issued/booked event"
        )
        if ticket.participant_id is not None:
            assert ticket.id in adds, f"ticket {ticket.number} has no antrean.add in the outbox"
        seqs[(ticket.poli_code, str(ticket.service_date))].append(ticket.seq)
    for day, taken in seqs.items():
        assert len(taken) == len(set(taken)), f"a number was issued twice on {day}"
        # Cancelled tickets keep their row, so any hole is a number lost half-way.
        assert sorted(taken) == list(range(1, len(taken) + 1)), f"gap in the numbers of {day}"
        assert counters.get(day) == len(taken), f"the counter of {day} disagrees with the tickets"
    registered = _check_registrations(registrations, registered_events)
    return StoreFigures(
        registered=frozenset(registered),
        registrations=len(registrations),
        tickets=len(tickets),
        cancelled=sum(1 for t in tickets if t.status == "cancelled"),
        numbers=frozenset((t.poli_code, str(t.service_date), t.number) for t in tickets),
    )


def _check_registrations(rows: list[Any], registered_events: set[int]) -> set[tuple[str, ...]]:
    """Each PCare registration whole: a JKN ticket, its POST in the outbox and its event, and an
    outbox state that agrees with the record's (never a POST waiting for a visit taken back)."""
    held: set[tuple[str, ...]] = set()
    for row in rows:
        where = f"registration of ticket {row.ticket_id} ({row.state})"
        assert row.participant_id is not None, f"{where}: not a JKN visit"
        if row.state != "by_hand":
            assert row.add_kind == "pcare.pendaftaran", f"{where}: no POST in the outbox"
            assert row.ticket_id in registered_events, f"{where}: no registered event"
        if row.state == "queued":
            assert row.add_state in ("pending", "sending"), f"{where}: POST {row.add_state}"
        elif row.state == "registered":
            assert row.no_urut and row.add_state == "sent", f"{where}: POST {row.add_state}"
        elif row.state == "refused":
            assert row.add_state == "parked", f"{where}: POST {row.add_state}"
        elif row.state == "withdrawn":
            assert row.add_state in ("void", "parked", "sent", None), where
            assert row.delete_state in (None, "void"), f"{where}: DELETE {row.delete_state}"
        elif row.state == "deleting":
            assert row.delete_kind == "pcare.pendaftaran.hapus", f"{where}: no DELETE"
            assert row.delete_state in ("pending", "sending", "parked"), where
        elif row.state == "deleted":
            assert row.delete_state == "sent", f"{where}: DELETE {row.delete_state}"
        if row.state == "registered":
            payload = (
                row.add_payload
                if isinstance(row.add_payload, dict)
                else json.loads(row.add_payload)
            )
            held.add((str(row.visit_date), row.no_urut, payload["noKartu"], row.pcare_poli))
    return held
