"""The FastAPI app of ``kiosk serve``, built by :func:`create_app` for the CLI and the tests.

Every answer is the contract's envelope. Business refusals, contract errors (malformed JSON,
missing fields, wrong types, oversized bodies) and even our own faults answer HTTP 200 with
``metadata.code`` 201 and an Indonesian message; only an unknown address or method keeps its HTTP
status (404, 405), still in the envelope. No stack trace ever reaches the phone, and the log never
holds a full NIK or card number (they travel in paths and bodies, so neither is logged).
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from kiosk.asgi import call_guarded, hide_default_422
from kiosk.contract.envelope import envelope
from kiosk.contract.errors import FASKES, install_error_answers
from kiosk.contract.faskes import (
    ContractAnswer,
)
from kiosk.i18n import t
from kiosk.services import Services
from kiosk.web.auth import AuthThrottle, TokenKeeper
from kiosk.web.board import mount_board
from kiosk.web.desk_process import DeskProcess
from kiosk.web.faskes import DeskCall, add_faskes_routes
from kiosk.web.phone import PhoneDesk
from kiosk.web.phone_page import mount_phone_page
from kiosk.web.store_calls import StoreCalls

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024  # the largest body of the contract (POST /peserta) is under 2 KB


def create_app(
    services: Services, throttle: AuthThrottle | None = None, *, desk_process: bool = False
) -> FastAPI:
    """``desk_process``: the phone's calls in a process of their own (kiosk/web/desk_process.py),
    as ``kiosk serve`` runs them on SQLite; they then read the real clock, not ``services``'s.
    Otherwise in a worker thread, on ``services``."""
    settings = services.settings
    keeper = TokenKeeper(
        settings.ws_username,
        settings.ws_password,
        settings.ws_token_seconds,
        settings.ws_secret,
        services.clock,
    )
    in_store = StoreCalls(services.store.is_sqlite)
    process = DeskProcess(settings) if desk_process else None
    ask: DeskCall = (
        process.call if process is not None else _in_thread(PhoneDesk(services), in_store)
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if process is not None:
            # Serving starts once the desk is ready; the desk process checkpoints (it writes).
            await asyncio.to_thread(process.start)
            wind_down: Callable[[], None] = process.stop
        else:
            # A booking's commit never syncs the WAL into the file for everyone queued behind it.
            wind_down = services.store.checkpoint_in_background()
        _settle_the_heap()
        try:
            yield
        finally:
            await asyncio.to_thread(wind_down)

    app = FastAPI(
        lifespan=lifespan,
        title="Antrean FKTP: layanan faskes untuk Mobile JKN",
        version="2",
        description=(
            "The clinic's web service that Mobile JKN calls (faskes side): version 2 under /v2, "
            "version 1 unprefixed. Every answer is HTTP 200 with the envelope; metadata.code 200 "
            "done, 201 refused, 202 new patient."
        ),
        docs_url=None,  # the interactive pages load scripts from the internet; a clinic may not
        redoc_url=None,
    )
    app.state.services = services
    app.state.tokens = keeper
    app.state.desk_process = process
    _install_error_answers(app)
    app.add_middleware(_Guard)
    hide_default_422(app)

    attempts = throttle or AuthThrottle(settings.ws_auth_per_minute)
    app.state.auth_throttle = attempts
    add_faskes_routes(app.router, ask, keeper, attempts)
    hub = mount_board(app, services, in_store)  # the waiting room's web board: kiosk/web/board.py
    mount_phone_page(app, services, hub, in_store)  # the patient's page: kiosk/web/phone_page.py
    return app


def _in_thread(desk: PhoneDesk, in_store: StoreCalls) -> DeskCall:
    """The phone's calls in the store's worker thread, on this process's services."""

    async def ask(name: str, *args: Any) -> Any:
        return await in_store(getattr(desk, name), *args)

    return ask


def _settle_the_heap() -> None:
    """What the server built before its first request (modules, the app, the services) lives as
    long as the process: moved out of the garbage collector's sight, so its full collections no
    longer walk it. Under bench figure 5's load one such collection came about once in 1,500
    requests and stopped every request in flight for 85-150 ms, the figure's p99."""
    gc.collect()
    gc.freeze()


# -- errors as contract answers --------------------------------------------------------------


def _answer(code: int, message: str, status_code: int = 200) -> JSONResponse:
    return JSONResponse(envelope(code, message), status_code=status_code)


def _path_answer(
    _path: str, code: int, message: str, status_code: int, headers: Mapping[str, str] | None
) -> JSONResponse:
    return JSONResponse(envelope(code, message), status_code=status_code, headers=headers)


def _contract_answer(exc: Exception) -> tuple[int, str]:
    assert isinstance(exc, ContractAnswer)
    return exc.code, exc.message


def _install_error_answers(app: FastAPI) -> None:
    install_error_answers(app, FASKES, _path_answer, {ContractAnswer: _contract_answer})


class _Guard:
    """Outermost: refuses oversized bodies, and turns any fault of ours into a contract answer.

    The body is read here (at most ``MAX_BODY_BYTES``, whatever Content-Length claims) and handed
    on whole. A fault is logged with its type and where it happened, never its message or the
    request (both may carry a NIK or card number).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await call_guarded(
            self.app,
            scope,
            receive,
            send,
            max_body_bytes=MAX_BODY_BYTES,
            too_large=lambda: _answer(201, t("ws.contract.too_large", "id", n=MAX_BODY_BYTES)),
            fault=lambda: _answer(201, t("ws.error", "id")),
            log=log,
        )
