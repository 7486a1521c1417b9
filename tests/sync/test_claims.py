"""Claiming outbox items: per-ticket order, two pumps never share an item, crash leases.

These need no central: claiming is the store's business (the sending is tested on the real
reference central in the drills).
"""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import select, update

from kiosk.domain.outbox import OutboxState
from kiosk.store.models import OutboxRow
from kiosk.sync.client import CentralClient, CentralConfig
from kiosk.sync.pump import OutboxPump
from tests.core.conftest import Clinic
from tests.demo_ids import BUDI_CARD, RINA_CARD, SITI_CARD

NOWHERE = CentralConfig("http://127.0.0.1:9", "http://127.0.0.1:9", "1", "s", "k", timeout=1)


def _pump(clinic: Clinic, name: str, **options: float) -> OutboxPump:
    return OutboxPump(clinic.store, CentralClient(NOWHERE), name=name, **options)  # type: ignore[arg-type]


def _queue_events(clinic: Clinic) -> None:
    """Three JKN tickets: add, add then cancel, add then cancel (the demo's own items: sent)."""
    with clinic.store.write() as session:
        session.execute(update(OutboxRow).values(state=OutboxState.SENT))
    ids = [clinic.person(card).id for card in (SITI_CARD, BUDI_CARD, RINA_CARD)]
    tickets = [clinic.take(participant_id=pid).ticket for pid in ids if pid]
    for ticket in tickets[1:]:
        clinic.tickets.cancel(ticket.id, "uji")


def test_an_item_waits_for_the_earlier_items_of_its_ticket(clinic: Clinic) -> None:
    _queue_events(clinic)
    pump = _pump(clinic, "a")
    first = pump.claim()
    assert [item.kind for item in first] == ["antrean.add"] * 3
    assert pump.claim() == []  # the cancellations wait for their adds
    with clinic.store.write() as session:
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_([i.id for i in first]))
            .values(state=OutboxState.SENT)
        )
    assert [item.kind for item in pump.claim()] == ["antrean.batal"] * 2


def test_two_pumps_never_claim_the_same_item(clinic: Clinic) -> None:
    _queue_events(clinic)
    pumps = [_pump(clinic, f"p{i}", batch=2) for i in range(4)]
    claimed: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(len(pumps))

    def work(pump: OutboxPump) -> None:
        start.wait()
        for _ in range(5):
            items = pump.claim()
            with lock:
                claimed.extend(item.id for item in items)

    threads = [threading.Thread(target=work, args=(p,)) for p in pumps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert claimed and max(Counter(claimed).values()) == 1
    with clinic.store.read() as session:
        owners = session.execute(
            select(OutboxRow.id, OutboxRow.claimed_by).where(OutboxRow.state == OutboxState.SENDING)
        ).all()
    assert sorted(claimed) == sorted(i for i, _ in owners)


def test_a_dead_pumps_claim_is_taken_over_after_the_lease(clinic: Clinic) -> None:
    _queue_events(clinic)
    dead = _pump(clinic, "dead", lease_seconds=3600)
    taken = dead.claim()
    assert taken
    assert _pump(clinic, "alive", lease_seconds=3600).claim() == []
    # Pretend the lease ran out: the claim is older than the lease of the next pump.
    successor = _pump(clinic, "successor", lease_seconds=0)
    assert sorted(i.id for i in successor.claim()) == sorted(i.id for i in taken)
