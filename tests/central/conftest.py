"""The central in process (no socket) on a fresh demo database, with a fixed clock, and a clinic's
client that signs every call as the protocol says (computed in tests/central_server.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from kiosk.central.app import create_central_app
from kiosk.central.consumer import Consumer
from kiosk.central.db import CentralDatabase
from kiosk.central.faults import FaultSwitch
from kiosk.config import Settings
from tests.central_server import (
    CONS_ID,
    PCARE_PASSWORD,
    PCARE_USERNAME,
    SECRET,
    USER_KEY,
    pcare_authorization,
    sign,
)

# 23 November 2026, 09:00 WIB, as epoch seconds: the central's clock in these tests.
NOW = 1_795_399_200
# One user_key for both services (an install that set only KIOSK_CENTRAL_USER_KEY); the PCare
# user on every call (Antrean ignores it). tests/central/test_credentials.py tests separate keys.
CONSUMER = Consumer(
    CONS_ID, SECRET, USER_KEY, pcare_username=PCARE_USERNAME, pcare_password=PCARE_PASSWORD
)


def signed(
    timestamp: int = NOW,
    cons_id: str = CONS_ID,
    secret: str = SECRET,
    user_key: str = USER_KEY,
) -> dict[str, str]:
    stamp = str(timestamp)
    return {
        "X-cons-id": cons_id,
        "X-timestamp": stamp,
        "X-signature": sign(cons_id, secret, stamp),
        "user_key": user_key,
        "X-authorization": pcare_authorization(),
    }


@pytest.fixture
def central_settings(make_settings: Callable[..., Settings], tmp_path: Path) -> Settings:
    return make_settings(central_database_url=f"sqlite:///{tmp_path / 'central.db'}")


@pytest.fixture
def central_db(central_settings: Settings) -> Iterator[CentralDatabase]:
    database = CentralDatabase(central_settings.central_database_url)
    database.create(central_settings.facility_code, central_settings.facility_name)
    yield database
    database.dispose()


@pytest.fixture
def faults() -> FaultSwitch:
    return FaultSwitch()


@pytest.fixture
def encrypted() -> bool:
    return True


@pytest.fixture
def central_app(
    central_settings: Settings, central_db: CentralDatabase, faults: FaultSwitch, encrypted: bool
) -> FastAPI:
    return create_central_app(
        central_settings,
        database=central_db,
        consumer=CONSUMER,
        encrypt_answers=encrypted,
        faults=faults,
        now=lambda: NOW,
    )


@pytest.fixture
async def clinic(central_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The clinic's client in process; every call signed at NOW unless the test says otherwise."""
    transport = httpx.ASGITransport(app=central_app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://central", headers=signed()
    ) as client:
        yield client
