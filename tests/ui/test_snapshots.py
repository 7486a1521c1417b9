"""Every kiosk screen at 80x24, as a patient sees it, in both languages; each also checked for
cut words and overflow (tests/ui/fit.py). Update with `make snapshots`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import select
from textual.pilot import Pilot
from textual.widgets import Input

from kiosk.app import KioskApp
from kiosk.services import Services
from kiosk.store.models import FacilityRow
from tests.ui.fit import assert_fits
from tests.ui.helpers import (
    AGUS_NIK,
    BUDI_CARD,
    DEWI_NIK,
    RINA_NIK,
    RUDI_NIK,
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


def siti_at(*pressed: str) -> Steps:
    return then(identify_as(SITI_NIK), keys(*pressed))


async def _same_language(pilot: Pilot[None]) -> None:
    """Leaving the ticket resets the kiosk to its default language: choose the walk's again."""
    if pilot.app.lang != getattr(pilot.app, "walk_lang", "id"):  # type: ignore[attr-defined]
        await pilot.press("f2")
        await settle(pilot)


def holding(*after: Steps) -> Steps:
    """Siti took Umum and left; she comes back."""
    return then(identify_as(SITI_NIK), _ticket, keys("escape"), _same_language, *after)


# Every kiosk screen and dialog, reached the way a patient reaches it (Indonesian; each is also
# taken in English, F2 on the welcome screen first).
SCREENS: dict[str, Steps] = {
    "welcome": keys(),
    "identify_error": then(identify_as("3273013213900001")),
    "identify_letters": then(keys("1"), keys("3", "2", "a", "b")),
    "checkin_identify": keys("2"),
    "poli_family": then(identify_as(SITI_NIK)),
    "poli_family_budi": siti_at("f3"),
    "poli_budi_own_card": then(identify_as(BUDI_CARD)),
    "refused_arrears": then(identify_as(DEWI_NIK)),
    "refused_inactive": then(identify_as(RUDI_NIK)),
    "refused_other_fktp": then(identify_as(AGUS_NIK)),
    "refused_to_desk": then(identify_as(AGUS_NIK), keys("2")),
    "refused_as_general": then(identify_as(DEWI_NIK), keys("1")),
    "poli_general": keys("4"),
    "confirm": siti_at("1"),
    "confirm_complaints": siti_at("1", "2"),
    "confirm_fever": siti_at("1", "2", "2"),
    "confirm_healthy": siti_at("1", "4"),
    "doctor": siti_at("1", "5"),
    "ticket": then(identify_as(SITI_NIK), _ticket),
    "poli_held": holding(identify_as(SITI_NIK)),
    "held_ticket": holding(identify_as(SITI_NIK), keys("1")),
    "checkin": then(identify_as(RINA_NIK, "2")),
    "checkin_confirm": then(identify_as(RINA_NIK, "2"), keys("1")),
    "checkin_none": then(identify_as(SITI_NIK, "2")),
    "my_status": holding(identify_as(SITI_NIK, "3")),
    "my_ticket": holding(identify_as(SITI_NIK, "3"), keys("1")),
    "my_ticket_cancel": holding(identify_as(SITI_NIK, "3"), keys("1", "2")),
    "staff_exit": keys("ctrl+x"),
}


def in_english(steps: Steps) -> Steps:
    async def choose(pilot: Pilot[None]) -> None:
        pilot.app.walk_lang = "en"  # type: ignore[attr-defined]

    return then(choose, keys("f2"), steps)


LANGS = {"id": lambda steps: steps, "en": in_english}


async def _steady_cursors(pilot: Pilot[None]) -> None:
    """A blinking cursor is drawn or not by the time of the capture: keep it steady."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen(name: str, lang: str, steady: Services, snap_compare: Any) -> None:
    """The screen as a patient sees it, and nothing on it cut or past the edge (tests/ui/fit.py)."""

    async def fits(pilot: Pilot[None]) -> None:
        assert_fits(pilot.app, name, lang)

    steps = then(LANGS[lang](SCREENS[name]), _steady_cursors, fits)
    assert snap_compare(KioskApp(steady), terminal_size=(80, 24), run_before=steps)


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
