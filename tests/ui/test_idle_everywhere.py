"""The kiosk forgets the patient after the idle time on every screen, dialogs included: the
warning comes, nobody answers, and the next person sees the Welcome screen and nothing else."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events

from kiosk.app import KioskApp
from kiosk.services import Services
from tests.ui.helpers import (
    RINA_NIK,
    SITI_NIK,
    go_idle,
    identify,
    screen_name,
    screen_text,
    screens_until,
    settle,
    take_umum_with_defaults,
)


async def _siti(pilot: Any, *keys: str) -> None:
    await identify(pilot, SITI_NIK)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def _question(pilot: Any) -> None:
    await identify(pilot, SITI_NIK)
    await take_umum_with_defaults(pilot)
    await pilot.press("escape")
    await settle(pilot)
    await identify(pilot, SITI_NIK, intent_key="3")
    await pilot.press("1")  # the ticket again, then "cancel this number?" -> the yes/no dialog
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)


async def _typing(pilot: Any) -> None:
    await pilot.press("1")
    await settle(pilot)
    await pilot.press(*SITI_NIK[:10])  # half typed, then walked away


async def _staff_exit(pilot: Any) -> None:
    await _typing(pilot)
    await pilot.press("ctrl+x", "1", "2")  # someone pokes at the staff PIN dialog


ROUTES = {
    "IdentifyScreen": _typing,
    "PoliScreen": lambda pilot: _siti(pilot),
    "ConfirmScreen": lambda pilot: _siti(pilot, "1"),
    "DoctorScreen": lambda pilot: _siti(pilot, "1", "5"),
    "TicketScreen": lambda pilot: _siti(pilot, "1", "enter"),
    "CheckInScreen": lambda pilot: identify(pilot, RINA_NIK, intent_key="2"),
    "MyStatusScreen": lambda pilot: identify(pilot, SITI_NIK, intent_key="3"),
    "Question": _question,
    "StaffExit": _staff_exit,
}


@pytest.mark.parametrize("where", ROUTES)
async def test_idle_forgets_the_patient_on_every_screen(services: Services, where: str) -> None:
    app = KioskApp(services, idle_seconds=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await ROUTES[where](pilot)
        assert screen_name(app) == where
        go_idle(app)
        seen = await screens_until(pilot, "WelcomeScreen")
        assert seen[:2] == [where, "IdleWarning"]  # over whatever was open, dialogs included
        assert len(app.screen_stack) == 2
        assert app.patient.identified is None and app.patient.patient is None
        shown = screen_text(app)
        assert "Siti" not in shown and "Rina" not in shown
        assert SITI_NIK[:6] not in shown and "7801" not in shown


async def test_a_burst_of_keys_at_the_idle_warning_keeps_the_kiosk(services: Services) -> None:
    """A PIN typed into the staff dialog as the warning opens over it (seen in tmux): the keys are
    all queued for the warning, which answers the first and ignores the rest."""
    app = KioskApp(services, idle_seconds=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _staff_exit(pilot)
        go_idle(app, 12)
        await screens_until(pilot, "IdleWarning")
        for key in "2468":
            app.post_message(events.Key(key, key))
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause(0.3)
        assert app.is_running
        assert screen_name(app) == "StaffExit"
