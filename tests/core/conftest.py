"""Fixtures for the core tests: a fresh demo clinic on SQLite, with a clock the test can move."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.config import Settings, load_settings
from kiosk.domain.clock import FacilityClock
from kiosk.domain.identity import parse_identity
from kiosk.domain.models import Participant
from kiosk.services import Services
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeOutcome, TakeRequest
from kiosk.store.models import ScheduleRow

WIB = ZoneInfo("Asia/Jakarta")
# Monday 23 November 2026, 09:00 WIB.
FIXED = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)


class SettableClock:
    """A source of aware UTC instants that a test can set."""

    def __init__(self, instant: datetime) -> None:
        self.instant = instant

    def __call__(self) -> datetime:
        return self.instant

    def set_local(self, day: date, hour: int, minute: int = 0) -> None:
        self.instant = datetime.combine(day, time(hour, minute), WIB).astimezone(UTC)


class Clinic:
    """The services of one test clinic plus shortcuts that keep the tests short."""

    def __init__(self, services: Services, clock: SettableClock) -> None:
        self.services = services
        self.clock = clock
        self.store = services.store
        self.tickets = services.tickets

    def person(self, number: str) -> Participant:
        found = self.services.participants.identify(parse_identity(number, TODAY))
        assert found is not None, number
        return found

    def schedule_id(self, poli_code: str, day: date, start: str) -> int:
        with self.store.read() as session:
            ids = session.scalars(
                select(ScheduleRow.id)
                .where(
                    ScheduleRow.poli_code == poli_code,
                    ScheduleRow.weekday == day.weekday(),
                    ScheduleRow.start == time.fromisoformat(start),
                )
                .order_by(ScheduleRow.doctor_code)
            ).all()
        assert ids, (poli_code, day, start)
        return ids[0]

    def take(
        self,
        poli_code: str = "001",
        participant_id: int | None = None,
        day: date = TODAY,
        start: str = "00:00",
        **extra: Any,
    ) -> TakeOutcome:
        return self.tickets.take(
            TakeRequest(
                poli_code=poli_code,
                service_date=day,
                schedule_id=self.schedule_id(poli_code, day, start),
                participant_id=participant_id,
                **extra,
            )
        )


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(FIXED)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return load_settings(
        data_dir=tmp_path,
        database_url=database_url,
        facility_code="P3273010",
        facility_name="Puskesmas Uji",
    )


@pytest.fixture
def clinic(settings: Settings, clock: SettableClock) -> Iterator[Clinic]:
    services = open_clinic(settings, clock=FacilityClock(WIB, clock))
    yield Clinic(services, clock)
    services.store.dispose()
