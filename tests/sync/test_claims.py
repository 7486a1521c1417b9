"""Claiming outbox items: per-ticket order, two pumps never share an item, crash leases.

These need no central: claiming is the store's business (the sending is tested on the real
reference central in the drills).
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from kiosk.domain.outbox import OutboxState
from kiosk.store.models import OutboxRow
from kiosk.sync import outbox
from kiosk.sync.client import Answer, CentralClient, CentralConfig, Outcome
from kiosk.sync.outbox import Claimed
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


def _settle(pump: OutboxPump, item: Claimed, outcome: Outcome) -> None:
    outbox.settle(pump.store, pump.name, item, Answer(outcome, 200), pump.clock())


def _cancel_then_elsewhere(clinic: Clinic, add_sent: bool = True) -> None:
    """The soak's case: Siti's number at Umum (its add reached the central when ``add_sent``),
    cancelled, then her new number at Gigi: a cancel and an add of one participant, queued."""
    with clinic.store.write() as session:
        session.execute(update(OutboxRow).values(state=OutboxState.SENT))
    siti = clinic.person(SITI_CARD).id
    first = clinic.take("001", participant_id=siti).ticket
    if add_sent:
        with clinic.store.write() as session:
            session.execute(update(OutboxRow).values(state=OutboxState.SENT))
    clinic.tickets.cancel(first.id, "uji")
    clinic.take("002", participant_id=siti)


def test_a_participants_next_number_waits_for_their_cancel_at_another_poli(
    clinic: Clinic,
) -> None:
    _cancel_then_elsewhere(clinic)
    pump = _pump(clinic, "a")
    claimed = pump.claim()
    # One claim never holds both, so no pump can have them at the central at once.
    assert [(i.kind, i.payload["kodepoli"]) for i in claimed] == [("antrean.batal", "001")]
    assert _pump(clinic, "b").claim() == []  # nor another pump, while the cancel is out
    _settle(pump, claimed[0], Outcome.DONE)
    assert [(i.kind, i.payload["kodepoli"]) for i in pump.claim()] == [("antrean.add", "002")]


def test_a_refused_cancel_holds_up_nothing_and_a_cancel_waits_for_its_own_add(
    clinic: Clinic,
) -> None:
    _cancel_then_elsewhere(clinic, add_sent=False)
    pump = _pump(clinic, "a")
    claimed = pump.claim()  # Umum's add first; the cancel behind it, the Gigi add behind both
    assert [(i.kind, i.payload["kodepoli"]) for i in claimed] == [("antrean.add", "001")]
    _settle(pump, claimed[0], Outcome.DONE)
    cancel = pump.claim()
    assert [i.kind for i in cancel] == ["antrean.batal"]
    _settle(pump, cancel[0], Outcome.REFUSED)  # parked for staff: the next number goes anyway
    assert [(i.kind, i.payload["kodepoli"]) for i in pump.claim()] == [("antrean.add", "002")]


def _claimed(
    kind: str, ticket: int, card: str, poli: str = "001", day: str = "2026-01-05"
) -> Claimed:
    if kind.startswith("pcare"):
        payload = {"noKartu": card, "kdPoli": poli, "tglDaftar": day}
    else:
        payload = {"nomorkartu": card, "kodepoli": poli, "tanggalperiksa": day}
    return Claimed(ticket, kind, payload, ticket_id=ticket)


@pytest.mark.parametrize(
    ("a", "b", "together"),
    [
        (("antrean.add", 1, "0001", "001"), ("antrean.add", 2, "0002", "002"), True),
        (("antrean.add", 1, "0001"), ("antrean.add", 2, "0002", "001", "2026-01-06"), True),
        # One participant: a cancel at one poli, the next number at another.
        (("antrean.batal", 1, "0001", "001"), ("antrean.add", 2, "0001", "002"), False),
        (("antrean.add", 1, "0001"), ("antrean.panggil", 1, "0001"), False),  # one ticket
        # One shift's kapasitas: the first add takes the last place, a cancel frees one.
        (("antrean.add", 1, "0001"), ("antrean.add", 2, "0002"), False),
        (("antrean.batal", 1, "0001"), ("antrean.add", 2, "0002"), False),
        (("antrean.batal", 1, "0001", "001"), ("antrean.add", 2, "0002", "002"), True),
        (("antrean.panggil", 1, "0001"), ("antrean.add", 2, "0002"), True),
        # PCare numbers a day's visits in the order they arrive.
        (("pcare.pendaftaran", 1, "0001"), ("pcare.pendaftaran", 2, "0002", "002"), False),
        (("pcare.pendaftaran", 1, "0001"), ("antrean.add", 2, "0002", "002"), True),
    ],
)
def test_which_items_may_be_at_the_central_together(
    a: tuple[str, ...], b: tuple[str, ...], together: bool
) -> None:
    first, second = _claimed(a[0], int(a[1]), *a[2:]), _claimed(b[0], int(b[1]), *b[2:])
    assert outbox.independent(first, second) is together
    assert outbox.independent(second, first) is together


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
def test_a_claim_won_after_another_pumps_counts_the_attempts_the_store_holds(
    clinic: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: a pump read the items as never tried; another pump claimed them and
    committed; the first pump's compare-and-set then took them over (the other's lease looked run
    out to it). That is their second attempt, as the store counts it: called a first, PCare's
    look-up before a resend was skipped and the soak's visits were registered twice."""
    _queue_events(clinic)
    other = _pump(clinic, "other", lease_seconds=3600)
    late = OutboxPump(
        clinic.store,
        CentralClient(NOWHERE),  # type: ignore[arg-type]
        name="late",
        lease_seconds=0,
        clock=lambda: datetime.now(UTC) + timedelta(hours=1),  # every claim has run out for it
    )
    write_connection = clinic.store.write_connection
    late_thread = threading.current_thread()
    taken_by_other: list[Claimed] = []

    class Interleaved:
        """The late pump's connection: before its first compare-and-set, the other pump claims."""

        def __init__(self, connection: Any) -> None:
            self._connection = connection

        def execute(self, statement: Any, *args: Any) -> Any:
            if statement is outbox._TAKE and not taken_by_other:
                other_claims = threading.Thread(target=lambda: taken_by_other.extend(other.claim()))
                other_claims.start()
                other_claims.join()
            return self._connection.execute(statement, *args)

    @contextlib.contextmanager
    def interleaved() -> Iterator[Any]:
        with write_connection() as connection:
            yield (
                Interleaved(connection) if threading.current_thread() is late_thread else connection
            )

    monkeypatch.setattr(clinic.store, "write_connection", interleaved)
    taken = late.claim()
    assert taken_by_other and taken
    assert sorted(i.id for i in taken) == sorted(i.id for i in taken_by_other)
    assert {item.attempts for item in taken} == {2}
    with clinic.store.read() as session:
        held = dict(
            session.execute(
                select(OutboxRow.id, OutboxRow.attempts).where(
                    OutboxRow.id.in_([i.id for i in taken])
                )
            ).all()
        )
    assert held == {item.id: item.attempts for item in taken}
