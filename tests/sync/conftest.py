"""Fixtures for the sync tests: a clinic on each engine, with a clock the test can move."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import Settings, load_settings
from kiosk.domain.clock import FacilityClock
from kiosk.services.setup import open_clinic
from tests.core.conftest import FIXED, WIB, Clinic, SettableClock


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
