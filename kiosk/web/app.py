"""The FastAPI app of ``kiosk serve``, built by :func:`create_app` for the CLI and the tests.

Every answer is the contract's envelope. Business refusals, contract errors (malformed JSON,
missing fields, wrong types, oversized bodies) and even our own faults answer HTTP 200 with
``metadata.code`` 201 and an Indonesian message; only an unknown address or method keeps its HTTP
status (404, 405), still in the envelope. No stack trace ever reaches the phone, and the log never
holds a full NIK or card number (they travel in paths and bodies, so neither is logged).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Path, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from kiosk.asgi import call_guarded, hide_default_422
from kiosk.i18n import t
from kiosk.services import Services
from kiosk.web.auth import AuthThrottle, TokenKeeper
from kiosk.web.board import mount_board
from kiosk.web.contract import (
    CARD,
    DATE,
    POLI,
    RULES,
    BookedAnswer,
    BookingRequest,
    CancelRequest,
    ContractAnswer,
    MetadataOnly,
    Norm,
    NormAnswer,
    PatientRequest,
    PositionAnswer,
    StatusAnswer,
    Token,
    TokenAnswer,
    envelope,
    ok,
)
from kiosk.web.phone import PhoneDesk
from kiosk.web.phone_page import mount_phone_page

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024  # the largest body of the contract (POST /peserta) is under 2 KB

_token_header = APIKeyHeader(
    name="x-token", scheme_name="x-token", auto_error=False, description="The token from GET /auth."
)
_user_header = APIKeyHeader(
    name="x-username",
    scheme_name="x-username",
    auto_error=False,
    description="The username the token was given to.",
)


def create_app(services: Services, throttle: AuthThrottle | None = None) -> FastAPI:
    settings = services.settings
    keeper = TokenKeeper(
        settings.ws_username,
        settings.ws_password,
        settings.ws_token_seconds,
        settings.ws_secret,
        services.clock,
    )
    desk = PhoneDesk(services)
    app = FastAPI(
        title="Antrean FKTP: layanan faskes untuk Mobile JKN",
        version="2",
        description=(
            "The clinic's web service that Mobile JKN calls (faskes side, version 2). Every answer "
            "is HTTP 200 with the envelope; metadata.code 200 done, 201 refused, 202 new patient."
        ),
        docs_url=None,  # the interactive pages load scripts from the internet; a clinic may not
        redoc_url=None,
    )
    app.state.services = services
    app.state.tokens = keeper
    _install_error_answers(app)
    app.add_middleware(_Guard)
    hide_default_422(app)

    def authorised(
        token: Annotated[str | None, Security(_token_header)],
        username: Annotated[str | None, Security(_user_header)],
    ) -> None:
        keeper.check(token, username)

    Authorised = Depends(authorised)

    attempts = throttle or AuthThrottle(settings.ws_auth_per_minute)
    app.state.auth_throttle = attempts

    @app.get("/auth", response_model=TokenAnswer | MetadataOnly, tags=["auth"])
    async def auth(
        request: Request,
        x_username: Annotated[str | None, Header()] = None,
        x_password: Annotated[str | None, Header()] = None,
    ) -> TokenAnswer:
        """Trade the clinic's credentials for a token (lifetime ``KIOSK_WS_TOKEN_SECONDS``).

        Past ``KIOSK_WS_AUTH_PER_MINUTE`` failures a minute, per client address and per
        username, each attempt waits longer (10 s at most) before it is checked: guessing the
        password takes years, and the right one still gets its token. The client address is the
        socket's, or the forwarded one from ``KIOSK_WS_TRUSTED_PROXIES`` only."""
        address = request.client.host if request.client else "?"
        async with attempts.turn(address, x_username):
            try:
                token = keeper.issue(x_username, x_password)
            except ContractAnswer:
                attempts.failed(address, x_username)
                raise
        return TokenAnswer(metadata=ok(), response=Token(token=token))

    @app.get(
        "/antrean/status/{kodepoli}/{tanggalperiksa}",
        response_model=StatusAnswer | MetadataOnly,
        dependencies=[Authorised],
        tags=["antrean"],
    )
    def status(
        kodepoli: Annotated[str, Path(pattern=POLI)],
        tanggalperiksa: Annotated[str, Path(pattern=DATE)],
    ) -> StatusAnswer:
        """The poli's queue on a date, one entry per doctor and shift."""
        return StatusAnswer(metadata=ok(), response=desk.status(kodepoli, tanggalperiksa))

    @app.post(
        "/antrean",
        response_model=BookedAnswer | MetadataOnly,
        dependencies=[Authorised],
        tags=["antrean"],
    )
    def book(body: BookingRequest) -> BookedAnswer:
        """Book a number for today or tomorrow (202: a new patient, register with /peserta)."""
        return BookedAnswer(metadata=ok(), response=desk.book(body))

    @app.get(
        "/antrean/sisapeserta/{nomorkartu}/{kodepoli}/{tanggalperiksa}",
        response_model=PositionAnswer | MetadataOnly,
        dependencies=[Authorised],
        tags=["antrean"],
    )
    def position(
        nomorkartu: Annotated[str, Path(pattern=CARD)],
        kodepoli: Annotated[str, Path(pattern=POLI)],
        tanggalperiksa: Annotated[str, Path(pattern=DATE)],
    ) -> PositionAnswer:
        """Where the participant's number stands."""
        return PositionAnswer(
            metadata=ok(), response=desk.position(nomorkartu, kodepoli, tanggalperiksa)
        )

    @app.put(
        "/antrean/batal", response_model=MetadataOnly, dependencies=[Authorised], tags=["antrean"]
    )
    def cancel(body: CancelRequest) -> MetadataOnly:
        """Cancel by the natural key; cancelling twice is harmless, a served number cannot be."""
        desk.cancel(body)
        return MetadataOnly(metadata=ok())

    @app.post(
        "/peserta",
        response_model=NormAnswer | MetadataOnly,
        dependencies=[Authorised],
        tags=["peserta"],
    )
    def register(body: PatientRequest) -> NormAnswer:
        """Register a new patient: their medical record number (``norm``)."""
        return NormAnswer(metadata=ok(), response=Norm(norm=desk.register(body)))

    hub = mount_board(app, services)  # the waiting room's web board: kiosk/web/board.py
    mount_phone_page(app, services, hub)  # the patient's page: kiosk/web/phone_page.py
    return app


# -- errors as contract answers --------------------------------------------------------------


def _answer(code: int, message: str, status_code: int = 200) -> JSONResponse:
    return JSONResponse(envelope(code, message), status_code=status_code)


def _install_error_answers(app: FastAPI) -> None:
    async def contract_answer(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ContractAnswer)
        return _answer(exc.code, exc.message)

    async def invalid_request(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        messages = list(dict.fromkeys(describe(error) for error in exc.errors()))
        return _answer(201, " ".join(messages[:3]))

    async def http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 400:  # FastAPI could not even decode the body (not UTF-8, say)
            return _answer(201, t("ws.contract.json", "id"))
        key = {404: "ws.contract.not_found", 405: "ws.contract.method"}.get(exc.status_code)
        message = t(key or "ws.error", "id")
        return JSONResponse(
            envelope(201, message), status_code=exc.status_code, headers=exc.headers
        )

    app.add_exception_handler(ContractAnswer, contract_answer)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(HTTPException, http_error)


def describe(error: Any) -> str:
    """One pydantic/FastAPI validation error as an Indonesian sentence naming the field."""
    kind = str(error.get("type", ""))
    names = [str(p) for p in error.get("loc", ()) if p not in ("body", "path", "header", "query")]
    field = names[0] if names else ""
    context = error.get("ctx") or {}
    if kind == "json_invalid":
        return t("ws.contract.json", "id")
    if not field:
        return t("ws.contract.object", "id")
    if kind == "missing" or kind == "string_too_short":
        return t("ws.contract.missing", "id", field=field)
    if kind == "string_pattern_mismatch":
        rule = t(RULES.get(field, "ws.rule.text"), "id")
        return t("ws.contract.format", "id", field=field, rule=rule)
    if kind == "string_too_long":
        return t("ws.contract.too_long", "id", field=field, n=context.get("max_length", "?"))
    if kind == "literal_error":
        choices = str(context.get("expected", "?")).replace(" or ", " atau ")
        return t("ws.contract.choice", "id", field=field, rule=choices)
    if kind.startswith("int_"):
        return t("ws.contract.integer", "id", field=field)
    if kind.startswith("string_"):
        return t("ws.contract.text", "id", field=field)
    return t("ws.contract.invalid", "id", field=field)


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
