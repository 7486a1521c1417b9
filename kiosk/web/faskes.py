"""The faskes web service's calls for Mobile JKN, in both catalog versions (protocol.md, part 1).

Mobile JKN calls the version the clinic registered:
- version 2 under ``/v2``: ``POST /v2/antrean`` names the doctor and shift, ``GET
  /v2/antrean/status/...`` answers one entry per doctor and shift, ``PUT /v2/antrean/batal`` takes
  ``keterangan``;
- version 1 unprefixed: ``POST /antrean`` takes five fields and the clinic picks the doctor and
  shift (a version-2 body sent there is honoured as version 2), ``GET /antrean/status/...``
  answers one object for the poli, ``PUT /antrean/batal`` has an optional ``keterangan``;
- ``/auth``, ``/antrean/sisapeserta/...`` and ``/peserta`` serve both (and answer under ``/v2``
  too).

Kept apart from the app's plumbing (kiosk/web/app.py) so other pages can sit beside them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyHeader
from pydantic import ValidationError

from kiosk.contract.envelope import MetadataOnly
from kiosk.contract.faskes import (
    BookedAnswer,
    BookedAnswerV1,
    BookedV1,
    BookingRequest,
    BookingRequestV1,
    CancelRequest,
    CancelRequestV1,
    ContractAnswer,
    Norm,
    NormAnswer,
    PatientRequest,
    PositionAnswer,
    StatusAnswer,
    StatusAnswerV1,
    Token,
    TokenAnswer,
    ok,
)
from kiosk.contract.fields import CARD, DATE, POLI
from kiosk.web.auth import AuthThrottle, TokenKeeper

V2 = "/v2"

_token_header = APIKeyHeader(
    name="x-token", scheme_name="x-token", auto_error=False, description="The token from GET /auth."
)
_user_header = APIKeyHeader(
    name="x-username",
    scheme_name="x-username",
    auto_error=False,
    description="The username the token was given to.",
)

Poli = Annotated[str, Path(pattern=POLI)]
Day = Annotated[str, Path(pattern=DATE)]
CardPath = Annotated[str, Path(pattern=CARD)]


# A ``PhoneDesk`` method, by name, with its arguments: run where the store's work runs (a worker
# thread, or the desk process: kiosk/web/app.py picks), awaited on the event loop.
DeskCall = Callable[..., Awaitable[Any]]


def add_faskes_routes(
    router: APIRouter, ask: DeskCall, keeper: TokenKeeper, attempts: AuthThrottle
) -> None:
    """The calls, added to ``router`` itself (the app's): FastAPI matches an included router's
    routes twice over, once to pick the router and once inside it, on every request."""

    # On the event loop: the token's check is a signature and a clock, no store, so it costs
    # less than the hop to the store's worker a plain ``def`` would take on every call. The
    # calls are ``async`` too, and hand their store work to ``ask``, so the loop never waits on
    # the store.
    async def authorised(
        token: Annotated[str | None, Security(_token_header)],
        username: Annotated[str | None, Security(_user_header)],
    ) -> None:
        keeper.check(token, username)

    secured = [Depends(authorised)]

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

    # -- version 2 -------------------------------------------------------------------------------

    async def status_v2(kodepoli: Poli, tanggalperiksa: Day) -> StatusAnswer:
        """The poli's queue on a date, one entry per doctor and shift."""
        shifts = await ask("status", kodepoli, tanggalperiksa)
        return StatusAnswer(metadata=ok(), response=shifts)

    async def book_v2(body: BookingRequest) -> BookedAnswer:
        """Book a number for today or tomorrow for the doctor and shift named (202: a new
        patient, register with /peserta)."""
        return BookedAnswer(metadata=ok(), response=await ask("book", body))

    async def cancel_v2(body: CancelRequest) -> MetadataOnly:
        """Cancel by the natural key; cancelling twice is harmless, a served number cannot be."""
        await ask("cancel", body.nomorkartu, body.kodepoli, body.tanggalperiksa, body.keterangan)
        return MetadataOnly(metadata=ok())

    # -- version 1 -------------------------------------------------------------------------------

    async def status_v1(kodepoli: Poli, tanggalperiksa: Day) -> StatusAnswerV1:
        """The poli's queue on a date, one object for the poli (counts as strings)."""
        status = await ask("poli_status", kodepoli, tanggalperiksa)
        return StatusAnswerV1(metadata=ok(), response=status)

    async def book_v1(body: BookingRequestV1) -> BookedAnswerV1 | BookedAnswer:
        """Book with five fields: the clinic picks the earliest open shift with room and says
        which in ``keterangan``. A version-2 body (``kodedokter``, ``jampraktek``) is booked as
        version 2 and answered as version 2."""
        if body.is_v2:
            try:
                full = BookingRequest.model_validate(body.model_dump(exclude_none=True))
            except ValidationError as error:
                raise RequestValidationError(
                    [{**e, "loc": ("body", *e["loc"])} for e in error.errors()]
                ) from None
            return BookedAnswer(metadata=ok(), response=await ask("book", full))
        booked = await ask("book_first_open", body)
        return BookedAnswerV1(metadata=ok(), response=BookedV1.of(booked))

    async def cancel_v1(body: CancelRequestV1) -> MetadataOnly:
        """Cancel by the natural key; ``keterangan`` is optional."""
        await ask("cancel", body.nomorkartu, body.kodepoli, body.tanggalperiksa, body.keterangan)
        return MetadataOnly(metadata=ok())

    # -- both ------------------------------------------------------------------------------------

    async def position(nomorkartu: CardPath, kodepoli: Poli, tanggalperiksa: Day) -> PositionAnswer:
        """Where the participant's number stands."""
        where = await ask("position", nomorkartu, kodepoli, tanggalperiksa)
        return PositionAnswer(metadata=ok(), response=where)

    async def register(body: PatientRequest) -> NormAnswer:
        """Register a new patient: their medical record number (``norm``)."""
        norm = await ask("register", body)
        return NormAnswer(metadata=ok(), response=Norm(norm=norm))

    status_path = "/antrean/status/{kodepoli}/{tanggalperiksa}"
    position_path = "/antrean/sisapeserta/{nomorkartu}/{kodepoli}/{tanggalperiksa}"
    for prefix, tag in (("", "v1"), (V2, "v2")):
        router.add_api_route(
            f"{prefix}/auth",
            auth,
            methods=["GET"],
            response_model=TokenAnswer | MetadataOnly,
            tags=[f"auth {tag}"],
            operation_id=f"auth_{tag}",
        )
    for prefix, tag in (("", "v1"), (V2, "v2")):
        router.add_api_route(
            f"{prefix}{position_path}",
            position,
            methods=["GET"],
            response_model=PositionAnswer | MetadataOnly,
            tags=[f"antrean {tag}"],
            operation_id=f"sisapeserta_{tag}",
            dependencies=secured,
        )
        router.add_api_route(
            f"{prefix}/peserta",
            register,
            methods=["POST"],
            response_model=NormAnswer | MetadataOnly,
            tags=[f"peserta {tag}"],
            operation_id=f"peserta_{tag}",
            dependencies=secured,
        )
    router.add_api_route(
        f"{V2}{status_path}",
        status_v2,
        methods=["GET"],
        response_model=StatusAnswer | MetadataOnly,
        tags=["antrean v2"],
        dependencies=secured,
    )
    router.add_api_route(
        f"{V2}/antrean",
        book_v2,
        methods=["POST"],
        response_model=BookedAnswer | MetadataOnly,
        tags=["antrean v2"],
        dependencies=secured,
    )
    router.add_api_route(
        f"{V2}/antrean/batal",
        cancel_v2,
        methods=["PUT"],
        response_model=MetadataOnly,
        tags=["antrean v2"],
        dependencies=secured,
    )
    router.add_api_route(
        status_path,
        status_v1,
        methods=["GET"],
        response_model=StatusAnswerV1 | MetadataOnly,
        tags=["antrean v1"],
        dependencies=secured,
    )
    router.add_api_route(
        "/antrean",
        book_v1,
        methods=["POST"],
        response_model=BookedAnswerV1 | BookedAnswer | MetadataOnly,
        tags=["antrean v1"],
        dependencies=secured,
    )
    router.add_api_route(
        "/antrean/batal",
        cancel_v1,
        methods=["PUT"],
        response_model=MetadataOnly,
        tags=["antrean v1"],
        dependencies=secured,
    )
