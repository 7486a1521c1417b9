"""The desk's one-line notice when BPJS's pulled HFIS schedule differs from the clinic's."""

from __future__ import annotations

from datetime import timedelta

from kiosk.desk_app import DeskApp
from kiosk.services import Services
from kiosk.services.clinic_setup import current_setup
from kiosk.services.staff import StaffService
from kiosk.sync.hfis import HfisSchedule, HfisShift, save
from tests.conftest import QUICK_PIN_ITERATIONS
from tests.ui.helpers import settle, text_of


def _pull_as_local(services: Services, extra_capacity: int) -> None:
    """A pulled schedule equal to the clinic's for today and tomorrow, but for one capacity."""
    today = services.clock.today()
    days = (today, today + timedelta(days=1))
    local = current_setup(services.store).shifts
    shifts = [
        HfisShift(day, s.poli, "", s.doctor, "", s.start, s.end, s.quota)
        for day in days
        for s in local
        if s.weekday == day.weekday()
    ]
    first = shifts[0]
    shifts[0] = HfisShift(
        first.day,
        first.poli,
        "",
        first.doctor,
        "",
        first.start,
        first.end,
        first.kapasitas + extra_capacity,
    )
    save(services.settings.data_dir, HfisSchedule("2026-11-23T08:00:00+07:00", days, tuple(shifts)))


async def _notice(services: Services) -> str:
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    app = DeskApp(services)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*"sari", "enter", *"4321", "enter")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.pause(0.3)
        return " ".join(text_of(app, "#hfis-notice").split())


async def test_a_difference_shows_one_line_at_the_desk(services: Services) -> None:
    _pull_as_local(services, extra_capacity=5)
    notice = await _notice(services)
    assert "Jadwal klinik beda dengan HFIS BPJS (1): `kiosk schedule diff`" in notice


async def test_no_difference_no_notice(services: Services) -> None:
    _pull_as_local(services, extra_capacity=0)
    assert "HFIS" not in await _notice(services)
