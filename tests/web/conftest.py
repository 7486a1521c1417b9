"""Fixtures for the web service: the app on the demo clinic (fixed clock), a phone's client, and a
real uvicorn server on a loopback port for the tests that need a socket."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI

from kiosk.services import Services
from kiosk.web import create_app
from tests.web.phone import LiveServer, token_headers


@pytest.fixture
def app(services: Services) -> FastAPI:
    return create_app(services)


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
