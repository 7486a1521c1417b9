"""Every kiosk screen at 80x24, as a patient sees it. Update with `make snapshots`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import select
from textual.pilot import Pilot

from kiosk.app import KioskApp
from kiosk.services import Services
from kiosk.store.models import FacilityRow
from tests.ui.helpers import (
    DEWI_NIK,
    RINA_NIK,
    SITI_NIK,
    identify,
    settle,
    take_umum_with_defaults,
)

Steps = Callable[[Pilot[None]], Awaitable[None]]


@pytest.fixture
def steady(services: Services) -> Services:
    """A fixed slip key, so the QR on the ticket screen is the same at every run."""
    with services.store.write() as session:
        facility = session.scalars(select(FacilityRow)).one()
        facility.slip_key = bytes(range(32))
    return services


def keys(*pressed: str) -> Steps:
    async def run(pilot: Pilot[None]) -> None:
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run


def then(*steps: Steps) -> Steps:
    async def run(pilot: Pilot[None]) -> None:
        for step in steps:
            await step(pilot)
        await settle(pilot)

    return run


def identify_as(number: str, intent: str = "1") -> Steps:
    async def run(pilot: Pilot[None]) -> None:
        await identify(pilot, number, intent)

    return run


async def _ticket(pilot: Pilot[None]) -> None:
    await take_umum_with_defaults(pilot)


SCREENS: dict[str, Steps] = {
    "welcome": keys(),
    "welcome_english": keys("f2"),
    "identify_error": then(identify_as("3273013213900001")),
    "status_family": then(identify_as(SITI_NIK)),
    "status_arrears": then(identify_as(DEWI_NIK)),
    "poli": then(identify_as(SITI_NIK), keys("enter")),
    "doctor": then(identify_as(SITI_NIK), keys("enter", "1")),
    "complaint": then(identify_as(SITI_NIK), keys("enter", "1", "enter")),
    "confirm": then(identify_as(SITI_NIK), keys("enter", "1", "enter", "enter")),
    "ticket": then(identify_as(SITI_NIK), _ticket),
    "checkin": then(identify_as(RINA_NIK, "2")),
    "my_status": then(identify_as(SITI_NIK), _ticket, keys("escape"), identify_as(SITI_NIK, "3")),
    "staff_exit": keys("ctrl+x"),
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen(name: str, steady: Services, snap_compare: Any) -> None:
    assert snap_compare(KioskApp(steady), terminal_size=(80, 24), run_before=SCREENS[name])


def test_ticket_high_contrast(make_settings: Any, clock_source: Any, snap_compare: Any) -> None:
    from kiosk.domain.clock import FacilityClock
    from kiosk.services.setup import open_clinic
    from tests.conftest import WIB

    services = open_clinic(
        make_settings(theme="high-contrast"), clock=FacilityClock(WIB, clock_source)
    )
    with services.store.write() as session:
        session.scalars(select(FacilityRow)).one().slip_key = bytes(range(32))
    assert snap_compare(
        KioskApp(services), terminal_size=(80, 24), run_before=then(identify_as(SITI_NIK), _ticket)
    )


def test_ticket_large_terminal(steady: Services, snap_compare: Any) -> None:
    assert snap_compare(
        KioskApp(steady), terminal_size=(160, 48), run_before=then(identify_as(SITI_NIK), _ticket)
    )
