"""The kiosk forgets the patient after the idle time on every screen, dialogs included: the
warning comes, nobody answers, and the next person sees the Welcome screen and nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.app import KioskApp
from kiosk.services import Services
from tests.ui.helpers import (
    RINA_NIK,
    SITI_NIK,
    identify,
    screen_name,
    screen_text,
    settle,
    take_umum_with_defaults,
)

TO_POLI = ("enter",)  # from the status screen: the card holder


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
    await pilot.press("1")  # cancel this number? -> the yes/no dialog
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
    "StatusScreen": lambda pilot: _siti(pilot),
    "PoliScreen": lambda pilot: _siti(pilot, *TO_POLI),
    "DoctorScreen": lambda pilot: _siti(pilot, *TO_POLI, "1"),
    "ComplaintScreen": lambda pilot: _siti(pilot, *TO_POLI, "1", "enter"),
    "ConfirmScreen": lambda pilot: _siti(pilot, *TO_POLI, "1", "enter", "enter"),
    "TicketScreen": lambda pilot: _siti(pilot, *TO_POLI, "1", "enter", "enter", "enter"),
    "CheckInScreen": lambda pilot: identify(pilot, RINA_NIK, intent_key="2"),
    "MyStatusScreen": lambda pilot: identify(pilot, SITI_NIK, intent_key="3"),
    "Question": _question,
    "StaffExit": _staff_exit,
}


async def _screens_until(pilot: Any, name: str, seconds: float) -> list[str]:
    """The screens shown, in order, until ``name`` comes (nobody touches anything meanwhile)."""
    seen: list[str] = []
    for _ in range(int(seconds / 0.05)):
        current = screen_name(pilot.app)
        if not seen or seen[-1] != current:
            seen.append(current)
        if current == name:
            return seen
        await pilot.pause(0.05)
    raise AssertionError(f"never reached {name}: {seen}")


@pytest.mark.parametrize("where", ROUTES)
async def test_idle_forgets_the_patient_on_every_screen(services: Services, where: str) -> None:
    app = KioskApp(services, idle_seconds=3600)  # no warning while the test walks there
    async with app.run_test(size=(80, 24)) as pilot:
        await ROUTES[where](pilot)
        await _screens_until(pilot, where, seconds=10)  # a loaded machine may be slow to get there
        app.idle_seconds = 2
        app.touch()  # the patient's last touch: from now on nobody is there
        seen = await _screens_until(pilot, "WelcomeScreen", seconds=8)
        assert seen[:2] == [where, "IdleWarning"]  # over whatever was open, dialogs included
        assert len(app.screen_stack) == 2
        assert app.patient.identified is None and app.patient.patient is None
        shown = screen_text(app)
        assert "Siti" not in shown and "Rina" not in shown
        assert SITI_NIK[:6] not in shown and "7801" not in shown
