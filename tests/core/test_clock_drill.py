"""Clock drill: the clinic's day turns at midnight in its own zone (WIB, WITA, WIT), never UTC;
numbers restart each day; a clock set back (NTP, a dead RTC battery) keeps numbers, the desk's
calling order and the call times running forward."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.config import load_settings
from kiosk.domain.clock import FacilityClock
from kiosk.domain.schedule import default_slot
from kiosk.services.desk import DeskService
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import ScheduleRow, TicketRow
from tests.conftest import MovableClock

ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}  # hours ahead of UTC; no summer time in Indonesia
MONDAY = date(2026, 11, 23)


def _local(zone: str, day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, ZoneInfo(load_settings(timezone=zone).timezone))


class Day:
    """One poli's walk-ins on a clinic in ``zone``, on ``database_url``, with a movable clock."""

    def __init__(self, tmp_path: Path, database_url: str, zone: str) -> None:
        self.source = MovableClock(_local(zone, MONDAY, time(23, 0)).astimezone(UTC))
        settings = load_settings(
            data_dir=tmp_path, database_url=database_url, timezone=zone, facility_code="P3273010"
        )
        self.services = open_clinic(settings, clock=FacilityClock(settings.zone, self.source))
        with self.services.store.write() as session:  # room for every number of the drill
            for row in session.scalars(select(ScheduleRow)):
                row.quota = 999
        self.desk = DeskService(self.services.store, self.services.clock, self.services.slips)

    def set_local(self, day: date, clock: time) -> None:
        zone = self.services.clock.zone
        self.source.instant = datetime.combine(day, clock, zone).astimezone(UTC)

    def take(self) -> tuple[date, str]:
        clinic, today = self.services.clinic, self.services.clock.today()
        slot = default_slot(clinic.poli_day("001", today).slots, self.services.clock.now())
        assert slot is not None
        outcome = self.services.tickets.take(TakeRequest("001", today, slot.schedule_id))
        return outcome.ticket.service_date, outcome.ticket.number


@pytest.mark.parametrize("zone", ZONES)
def test_the_day_turns_at_local_midnight_not_utc(
    tmp_path: Path, database_url: str, zone: str
) -> None:
    day = Day(tmp_path, database_url, zone)
    try:
        day.set_local(MONDAY, time(23, 50))
        assert day.take() == (MONDAY, "A-001")
        assert day.take() == (MONDAY, "A-002")
        # Local midnight: UTC is still on Monday afternoon (17:00, 16:00 or 15:00).
        day.set_local(MONDAY + timedelta(days=1), time(0, 1))
        assert day.source.instant.date() == MONDAY
        assert day.source.instant.hour == 24 - ZONES[zone]
        assert day.take() == (MONDAY + timedelta(days=1), "A-001")  # numbers restart
        # UTC midnight (07:00, 08:00 or 09:00 local on Tuesday) changes nothing.
        day.source.instant = datetime.combine(MONDAY + timedelta(days=1), time(0, 1), UTC)
        assert day.services.clock.today() == MONDAY + timedelta(days=1)
        assert day.take() == (MONDAY + timedelta(days=1), "A-002")
    finally:
        day.services.store.dispose()


@pytest.mark.parametrize("zone", ZONES)
def test_a_clock_set_back_keeps_numbers_and_the_calling_order(
    tmp_path: Path, database_url: str, zone: str
) -> None:
    day = Day(tmp_path, database_url, zone)
    try:
        day.set_local(MONDAY, time(10, 0))
        assert day.take()[1] == "A-001"
        day.set_local(MONDAY, time(9, 0))  # an hour back
        assert day.take()[1] == "A-002"
        day.set_local(MONDAY, time(8, 30))  # and back again
        assert day.take()[1] == "A-003"
        called = [day.desk.call_next("001", "loket-1", "sari") for _ in range(3)]
        assert [t.number for t in called if t] == ["A-001", "A-002", "A-003"]
        with day.services.store.read() as session:
            rows = session.scalars(select(TicketRow).order_by(TicketRow.seq)).all()
            joined = [r.queued_at for r in rows if r.poli_code == "001"]
            calls = [r.called_at for r in rows if r.poli_code == "001"]
        assert joined == sorted(joined) and calls == sorted(calls)  # both run forward
    finally:
        day.services.store.dispose()
