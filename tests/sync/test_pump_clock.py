"""The pump reads the clock it is given (the services' FacilityClock), never the wall clock:
moved by the test, its timestamps follow, against the REAL `kiosk central` on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.contract import antrean
from kiosk.domain.clock import FacilityClock
from kiosk.services import Services
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import OutboxRow
from kiosk.sync.status import sync_status
from tests.central_server import CentralServer
from tests.conftest import MORNING, WIB, MovableClock
from tests.core.conftest import TODAY
from tests.sync.test_drills import add_people, clinic_settings, schedule_of

LATER = MORNING + timedelta(hours=3, minutes=7)


@pytest.fixture
def source() -> MovableClock:
    return MovableClock(MORNING)


@pytest.fixture
def moved(
    tmp_path: Path, central_server: CentralServer, source: MovableClock
) -> Iterator[Services]:
    services = open_clinic(
        clinic_settings(tmp_path, central_server), clock=FacilityClock(WIB, source)
    )
    yield services
    services.store.dispose()


def _add_of(services: Services, ticket_id: int) -> OutboxRow:
    with services.store.read() as session:
        return session.scalars(
            select(OutboxRow).where(OutboxRow.ticket_id == ticket_id, OutboxRow.kind == antrean.ADD)
        ).one()


def test_the_pumps_timestamps_follow_the_injected_clock(
    moved: Services, central_server: CentralServer, source: MovableClock
) -> None:
    people = add_people(moved, 2, central=central_server)
    schedule = schedule_of(moved, "001")
    first = moved.tickets.take(TakeRequest("001", TODAY, schedule, people[0])).ticket.id

    # Sent and last contact: the instant the test set, hours away from the wall clock.
    source.instant = LATER
    pump = moved.sync.pump(watch=False, backoff_base=0.01, idle_seconds=0.05)
    pump.drain()
    sent = _add_of(moved, first)
    assert (sent.state, sent.sent_at) == ("sent", LATER)
    assert sync_status(moved.store).last_contact_at == LATER

    # A claim is stamped with the clock, and its lease runs out when the clock says so.
    source.instant = MORNING  # a number is taken while the poli is open
    second = moved.tickets.take(TakeRequest("001", TODAY, schedule, people[1])).ticket.id
    claimed_at = LATER + timedelta(minutes=5)
    source.instant = claimed_at
    dead = moved.sync.pump(name="dead", watch=False, lease_seconds=60)
    taken = dead.claim()
    assert [item.id for item in taken] == [_add_of(moved, second).id]
    assert _add_of(moved, second).claimed_at == claimed_at
    successor = moved.sync.pump(name="successor", watch=False, lease_seconds=60)
    source.instant = claimed_at + timedelta(seconds=59)
    assert successor.claim() == []  # the dead pump's lease still holds
    source.instant = claimed_at + timedelta(seconds=61)
    assert [item.id for item in successor.claim()] == [item.id for item in taken]
    assert _add_of(moved, second).claimed_by == "successor"
