"""Fixtures for the web service: the app on the demo clinic (fixed clock), a phone's client, and a
real uvicorn server on a loopback port for the tests that need a socket."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from kiosk.config import Settings
from kiosk.domain.clock import FacilityClock
from kiosk.services import Services
from kiosk.services.setup import open_clinic
from kiosk.web import create_app
from kiosk.web.auth import AuthThrottle
from tests.conftest import MORNING, WIB, MovableClock
from tests.web.phone import LiveServer, QuickSleep, token_headers


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo clinic's store, built once; each test starts from a copy (twice as fast)."""
    folder = tmp_path_factory.mktemp("demo-store")
    settings = Settings(
        data_dir=folder, facility_code="P3273010", facility_name="Puskesmas Sukamaju"
    )
    built = open_clinic(settings, clock=FacilityClock(WIB, MovableClock(MORNING)))
    built.store.dispose()
    return folder / "kiosk.db"


@pytest.fixture
def services(
    make_settings: Callable[..., Settings], clock_source: MovableClock, demo_store: Path
) -> Iterator[Services]:
    """As the shared fixture (tests/conftest.py), on a copy of the demo store."""
    settings = make_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_store, settings.data_dir / "kiosk.db")
    built = open_clinic(settings, clock=FacilityClock(WIB, clock_source))
    yield built
    built.store.dispose()


@pytest.fixture
def quick_sleep() -> QuickSleep:
    return QuickSleep()


@pytest.fixture
def app(services: Services, quick_sleep: QuickSleep) -> FastAPI:
    throttle = AuthThrottle(
        services.settings.ws_auth_per_minute, now=quick_sleep.now, sleep=quick_sleep.sleep
    )
    return create_app(services, throttle)


@pytest.fixture
async def phone(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The phone app's client, in process (no socket)."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://puskesmas") as client:
        yield client


@pytest.fixture
async def headers(phone: httpx.AsyncClient) -> dict[str, str]:
    return await token_headers(phone)


@pytest.fixture
def live_server(app: FastAPI) -> Iterator[LiveServer]:
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()
