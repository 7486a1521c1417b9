"""The FastAPI app of ``kiosk central``, built by :func:`create_central_app` for the CLI and tests.

Routes as the real service lays them out: Antrean FKTP under ``/antreanfktp``, PCare participant
lookup under ``/pcare-rest`` (which spells the envelope's key ``metaData``).

Every request, ``/openapi.json`` included, must carry the consumer's headers (``X-cons-id``,
``X-timestamp``, ``X-signature``, ``user_key``); a refusal is HTTP 401 with code 401 and a message
saying which check failed. Business refusals and contract errors (malformed JSON, wrong types,
oversized bodies, bad dates) are HTTP 200 with code 201; an unknown address or method keeps its
HTTP status (404, 405) with code 201. No stack trace ever leaves the server, and no full card
number or NIK is logged. Answers with a body are encrypted with the request's key unless
``encrypt`` is off. The ``/admin`` calls (faults, mirror) are for drills: loopback and signed only,
outside the published contract.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, Path, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.asgi import call_guarded, hide_default_422
from kiosk.central.consumer import Consumer, check, consumer_from
from kiosk.central.db import CentralDatabase
from kiosk.central.faults import Faults, FaultSwitch
from kiosk.central.registry import Outcome, Refused, Registry
from kiosk.central.visits import (
    CREATED,
    NOT_FOUND,
    REFUSED,
    NotFound,
    Visits,
    beside_the_queue,
)
from kiosk.config import Settings
from kiosk.contract.antrean import (
    AddRequest,
    CallRequest,
    CancelRequest,
    DoctorAnswer,
    PoliAnswer,
)
from kiosk.contract.envelope import CentralMetadataOnly as MetadataOnly
from kiosk.contract.envelope import PcareMetadataOnly, envelope
from kiosk.contract.errors import CENTRAL, install_error_answers
from kiosk.contract.fields import CARD, DATE, NIK, POLI
from kiosk.contract.pcare import (
    DDMMYYYY,
    PendaftaranAnswer,
    PendaftaranCreatedAnswer,
    PendaftaranListAnswer,
    PendaftaranRequest,
    PesertaAnswer,
)
from kiosk.domain.signing import MAX_SKEW_SECONDS, encrypt
from kiosk.i18n import t

log = logging.getLogger(__name__)

ANTREAN = "/antreanfktp"
PCARE = "/pcare-rest"
ADMIN = "/admin"
MAX_BODY_BYTES = 16 * 1024  # the largest body of the contract (antrean/add) is under 1 KB
NO_URUT = r"^[A-Za-z0-9]{1,10}$"
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
ADD = f"{ANTREAN}/antrean/add"


def create_central_app(
    settings: Settings,
    *,
    database: CentralDatabase | None = None,
    consumer: Consumer | None = None,
    encrypt_answers: bool = True,
    faults: FaultSwitch | None = None,
    now: Callable[[], float] = time.time,
) -> FastAPI:
    """The central on ``settings.central_database_url`` (created and seeded with the demo clinic on
    first start) for the consumer of the settings (the demo consumer when none is set)."""
    if database is None:
        database = CentralDatabase(settings.central_database_url)
        database.create(settings.facility_code, settings.facility_name)
    if consumer is None:
        consumer = consumer_from(settings)
    registry = Registry(database)
    visits = Visits(database, settings.facility_code)
    switch = faults or FaultSwitch()
    app = FastAPI(
        title="Reference central: Antrean FKTP and PCare participants",
        version="1",
        description=(
            "Our reference of BPJS's central (protocol.md, part 2). Every call is signed by the "
            "consumer; answers with a body are encrypted (AES-256-CBC over LZString)."
        ),
        docs_url=None,  # the interactive pages load scripts from the internet
        redoc_url=None,
    )
    app.state.database = database
    app.state.consumer = consumer
    app.state.registry = registry
    app.state.faults = switch
    _install_error_answers(app)
    # Calls received per path (the drills' own count: what reached the central, 208s included).
    calls: Counter[str] = Counter()
    app.add_middleware(
        _Gate,
        consumer=consumer,
        faults=switch,
        now=now,
        received=calls,
        registry=registry,
        routes=app.router.routes,
    )
    hide_default_422(app)

    def answer(request: Request, body: dict[str, Any]) -> Response:
        if encrypt_answers and body.get("response") is not None:
            plain = json.dumps(body["response"], ensure_ascii=False, separators=(",", ":"))
            body["response"] = encrypt(
                plain, consumer.cons_id, consumer.secret, request.state.timestamp
            )
        return JSONResponse(body)

    def outcome(result: Outcome) -> Response:
        return JSONResponse(envelope(result.code, t(result.key, "id", **result.params), None))

    # -- Antrean FKTP -----------------------------------------------------------------------

    @app.get(
        f"{ANTREAN}/ref/poli/tanggal/{{tanggal}}",
        response_model=PoliAnswer | MetadataOnly,
        tags=["antrean"],
    )
    def ref_poli(request: Request, tanggal: Annotated[str, Path(pattern=DATE)]) -> Response:
        """The polis with a doctor's schedule on a date."""
        polis = registry.polis(tanggal)
        return answer(request, envelope(1, "OK", [p.model_dump() for p in polis]))

    @app.get(
        f"{ANTREAN}/ref/dokter/kodepoli/{{kodepoli}}/tanggal/{{tanggal}}",
        response_model=DoctorAnswer | MetadataOnly,
        tags=["antrean"],
    )
    def ref_dokter(
        request: Request,
        kodepoli: Annotated[str, Path(pattern=POLI)],
        tanggal: Annotated[str, Path(pattern=DATE)],
    ) -> Response:
        """The doctors, shifts and capacities of a poli on a date."""
        doctors = registry.doctors(kodepoli, tanggal)
        return answer(request, envelope(1, "OK", [d.model_dump() for d in doctors]))

    @app.post(ADD, response_model=MetadataOnly, tags=["antrean"])
    def antrean_add(request: Request, body: AddRequest) -> Response:
        """A number the clinic issued; 208 "duplikasi" when the central already holds it.

        A body that validates is answered before FastAPI (:class:`_HotAdd`), the same way."""
        return outcome(registry.add(request.state.cons_id, body))

    @app.post(f"{ANTREAN}/antrean/panggil", response_model=MetadataOnly, tags=["antrean"])
    def antrean_panggil(request: Request, body: CallRequest) -> Response:
        """The patient was called: status 1 present, 2 absent; waktu in epoch milliseconds."""
        return outcome(registry.call(request.state.cons_id, body))

    @app.post(f"{ANTREAN}/antrean/batal", response_model=MetadataOnly, tags=["antrean"])
    def antrean_batal(request: Request, body: CancelRequest) -> Response:
        """A cancellation; cancelling twice changes nothing, a number called present cannot be."""
        return outcome(registry.cancel(request.state.cons_id, body))

    # -- PCare ------------------------------------------------------------------------------

    @app.get(
        f"{PCARE}/peserta/nik/{{nik}}",
        response_model=PesertaAnswer | PcareMetadataOnly,
        tags=["pcare"],
    )
    def peserta_nik(request: Request, nik: Annotated[str, Path(pattern=NIK)]) -> Response:
        """A participant by NIK."""
        found = registry.participant_by_nik(nik)
        return answer(request, envelope(200, "OK", found.model_dump(), pcare=True))

    @app.get(
        f"{PCARE}/peserta/{{nomorkartu}}",
        response_model=PesertaAnswer | PcareMetadataOnly,
        tags=["pcare"],
    )
    def peserta_card(request: Request, nomorkartu: Annotated[str, Path(pattern=CARD)]) -> Response:
        """A participant by card number."""
        found = registry.participant_by_card(nomorkartu)
        return answer(request, envelope(200, "OK", found.model_dump(), pcare=True))

    # -- PCare: a visit's registration (issue 13) ------------------------------------------

    def pcare_refusal(error: Refused) -> Response:
        """PCare's refusal: code 412 (precondition failed) and the reason."""
        return JSONResponse(envelope(REFUSED, t(error.key, "id", **error.params), None, pcare=True))

    def not_found() -> Response:
        return JSONResponse(
            envelope(NOT_FOUND, t("central.pendaftaran.none", "id"), None, pcare=True)
        )

    @app.post(
        f"{PCARE}/pendaftaran",
        response_model=PendaftaranCreatedAnswer | PcareMetadataOnly,
        tags=["pcare"],
    )
    def pendaftaran_add(request: Request, body: PendaftaranRequest) -> Response:
        """Register a visit: 201 with its noUrut, or 412 with the reason."""
        try:
            created = visits.register(request.state.cons_id, body)
        except Refused as error:
            return pcare_refusal(error)
        return answer(request, envelope(CREATED, "CREATED", created.model_dump(), pcare=True))

    @app.get(
        f"{PCARE}/pendaftaran/noUrut/{{no_urut}}/tglDaftar/{{tgl}}",
        response_model=PendaftaranAnswer | PcareMetadataOnly,
        tags=["pcare"],
    )
    def pendaftaran_one(
        request: Request,
        no_urut: Annotated[str, Path(pattern=NO_URUT)],
        tgl: Annotated[str, Path(pattern=DDMMYYYY)],
    ) -> Response:
        """One registration of a day by its noUrut."""
        try:
            found = visits.get(request.state.cons_id, no_urut, tgl)
        except NotFound:
            return not_found()
        except Refused as error:
            return pcare_refusal(error)
        return answer(request, envelope(200, "OK", found.model_dump(), pcare=True))

    @app.get(
        f"{PCARE}/pendaftaran/tglDaftar/{{tgl}}/{{start}}/{{limit}}",
        response_model=PendaftaranListAnswer | PcareMetadataOnly,
        tags=["pcare"],
    )
    def pendaftaran_day(
        request: Request,
        tgl: Annotated[str, Path(pattern=DDMMYYYY)],
        start: Annotated[int, Path(ge=0, le=100_000)],
        limit: Annotated[int, Path(ge=1, le=1000)],
    ) -> Response:
        """The day's registrations, ``limit`` from ``start``: ``{count, list}``."""
        try:
            listed = visits.day(request.state.cons_id, tgl, start, limit)
        except Refused as error:
            return pcare_refusal(error)
        return answer(request, envelope(200, "OK", listed.model_dump(), pcare=True))

    @app.delete(
        f"{PCARE}/pendaftaran/peserta/{{nokartu}}/tglDaftar/{{tgl}}/noUrut/{{no_urut}}"
        "/kdPoli/{kdpoli}",
        response_model=PcareMetadataOnly,
        tags=["pcare"],
    )
    def pendaftaran_delete(
        request: Request,
        nokartu: Annotated[str, Path(pattern=CARD)],
        tgl: Annotated[str, Path(pattern=DDMMYYYY)],
        no_urut: Annotated[str, Path(pattern=NO_URUT)],
        kdpoli: Annotated[str, Path(pattern=POLI)],
    ) -> Response:
        """Remove a registration; one the central does not hold answers 404."""
        try:
            visits.delete(request.state.cons_id, nokartu, tgl, no_urut, kdpoli)
        except NotFound:
            return not_found()
        except Refused as error:
            return pcare_refusal(error)
        return JSONResponse(envelope(200, "OK", None, pcare=True))

    # -- drills (loopback, signed, not in the contract) -------------------------------------

    @app.get(f"{ADMIN}/faults", include_in_schema=False)
    def faults_now() -> dict[str, Any]:
        return _faults_dict(switch)

    @app.post(f"{ADMIN}/faults", include_in_schema=False)
    def faults_change(body: Faults) -> dict[str, Any]:
        switch.change(**body.model_dump())
        log.info("faults now %s", _faults_dict(switch))
        return _faults_dict(switch)

    @app.post(f"{ADMIN}/kapasitas/{{kapasitas}}", include_in_schema=False)
    def kapasitas(kapasitas: Annotated[int, Path(ge=1, le=100_000)]) -> dict[str, int]:
        """Every shift's HFIS kapasitas at once, for drills that fill a clinic's day."""
        return {"shifts": registry.set_kapasitas(kapasitas)}

    @app.post(f"{ADMIN}/srk/{{nomorkartu}}", include_in_schema=False)
    def srk_done(nomorkartu: Annotated[str, Path(pattern=CARD)]) -> dict[str, bool]:
        """This participant filled in this year's health-history screening (SRK), as done in
        Mobile JKN: for demos and drills of the desk's resend."""
        return {"srk": registry.set_srk_done(nomorkartu)}

    @app.get(f"{ADMIN}/received", include_in_schema=False)
    def received() -> dict[str, int]:
        """How many calls of each path the central has received since it started (duplicates
        included): drills check that an item went out exactly once."""
        return dict(calls)

    @app.get(f"{ADMIN}/pendaftaran/{{tanggal}}", include_in_schema=False)
    def registrations(tanggal: Annotated[str, Path(pattern=DATE)]) -> list[dict[str, Any]]:
        """Every clinic's PCare registrations of a date (ISO), deleted ones marked."""
        return visits.on(date.fromisoformat(tanggal))

    @app.get(f"{ADMIN}/mirror/{{tanggal}}", include_in_schema=False)
    def mirror(tanggal: Annotated[str, Path(pattern=DATE)]) -> list[dict[str, Any]]:
        entries = registry.mirror(tanggal)
        beside_the_queue(entries, visits.on(date.fromisoformat(tanggal)))
        return entries

    return app


def _faults_dict(switch: FaultSwitch) -> dict[str, Any]:
    current = switch.settings
    return {
        "fail_rate": current.fail_rate,
        "delay_ms": current.delay_ms,
        "bad_json_rate": current.bad_json_rate,
        "down": current.down,
        "seed": current.seed,
    }


# -- errors as envelope answers ------------------------------------------------------------------


def _is_pcare(scope_or_path: str) -> bool:
    return scope_or_path.startswith(PCARE)


def _answer(path: str, code: int, message: str, status_code: int = 200) -> JSONResponse:
    return JSONResponse(
        envelope(code, message, None, pcare=_is_pcare(path)), status_code=status_code
    )


def _path_answer(
    path: str, code: int, message: str, status_code: int, _headers: Mapping[str, str] | None
) -> JSONResponse:
    return _answer(path, code, message, status_code)


def _refused(exc: Exception) -> tuple[int, str]:
    assert isinstance(exc, Refused)
    return 201, t(exc.key, "id", **exc.params)


def _install_error_answers(app: FastAPI) -> None:
    install_error_answers(app, CENTRAL, _path_answer, {Refused: _refused})


class _Gate:
    """Outermost, on every request: the body size limit, the consumer's signature, the drill's
    faults, and a guard that turns any fault of ours into an envelope answer.

    The body is read here (at most ``MAX_BODY_BYTES``, whatever Content-Length claims) and handed
    on whole. A fault is logged with its type and where it happened, never its message or the
    request (both may carry a NIK or card number).
    """

    def __init__(
        self,
        app: ASGIApp,
        consumer: Consumer,
        faults: FaultSwitch,
        now: Callable[[], float],
        received: Counter[str],
        registry: Registry,
        routes: list[BaseRoute],
    ) -> None:
        self.app = app
        self.consumer = consumer
        self.faults = faults
        self.now = now
        self.received = received
        self.add = _HotAdd(app, registry, routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}

        refusal = check(
            self.consumer,
            headers.get("x-cons-id"),
            headers.get("x-timestamp"),
            headers.get("x-signature"),
            headers.get("user_key", headers.get("user-key")),
            self.now(),
            pcare=_is_pcare(path),
            authorization=headers.get("x-authorization"),
        )
        if refusal is not None:
            why = t(refusal.value, "id", n=MAX_SKEW_SECONDS)
            await _answer(path, 401, why, 401)(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["cons_id"] = headers["x-cons-id"]
        state["timestamp"] = headers["x-timestamp"]

        admin = path == ADMIN or path.startswith(f"{ADMIN}/")
        if admin:
            client = scope.get("client")
            if client is None or client[0] not in LOOPBACK:
                await _answer(path, 403, t("central.admin.loopback", "id"), 403)(
                    scope, receive, send
                )
                return
        else:
            self.received[path] += 1
            draw = self.faults.draw()
            if draw.delay_ms:
                await asyncio.sleep(draw.delay_ms / 1000)
            if draw.down:
                await PlainTextResponse("Service Unavailable", 503)(scope, receive, send)
                return
            if draw.fail:
                await PlainTextResponse("Internal Server Error", 500)(scope, receive, send)
                return
            if draw.bad_json:
                send = _garbled(send)

        hot = path == ADD and scope.get("method") == "POST"
        await call_guarded(
            self.add if hot else self.app,
            scope,
            receive,
            send,
            max_body_bytes=MAX_BODY_BYTES,
            too_large=lambda: _answer(
                path, 201, t("central.contract.too_large", "id", n=MAX_BODY_BYTES)
            ),
            fault=lambda: _answer(path, 201, t("central.error", "id")),
            log=log,
        )


class _HotAdd:
    """``antrean/add``, the call every queue number makes, answered without FastAPI's routing,
    dependency solving and threadpool hop (they were most of the central's CPU per add).

    The body is checked exactly as FastAPI checks it: a JSON content type, ``json.loads``
    and the contract's model in Python mode (strict, no extra fields). The add runs on the
    server's thread (SQLite: one writer at a time, well under a millisecond). Its answers are the
    route's own: the outcome's envelope, or a refusal's (code 201 and its message). A body that
    does not pass, or any other content type, goes on to FastAPI, which gives the contract's own
    answer naming the field; a fault is the gate's (:func:`kiosk.asgi.call_guarded`).
    """

    def __init__(self, app: ASGIApp, registry: Registry, routes: list[BaseRoute]) -> None:
        self.app = app
        self.registry = registry
        self.routes = routes  # the app's, filled after the middleware is added
        self._route: BaseRoute | None = None
        self._answers: dict[tuple[int, str], bytes] = {}
        self.inline = _on_the_loop(registry)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = await receive()  # the gate's replay: the whole body at once
        body = _validated(scope, message)
        if body is None:
            await self.app(scope, _again(message, receive), send)
            return
        scope["route"] = self.route  # a fault's log names the route, as FastAPI's would
        try:
            if self.inline:
                result = self.registry.add(scope["state"]["cons_id"], body)
            else:
                result = await run_in_threadpool(self.registry.add, scope["state"]["cons_id"], body)
        except Refused as error:
            code, text = _refused(error)
        else:
            code, text = result.code, t(result.key, "id", **result.params)
        content = self._answers.get((code, text)) or bytes(
            JSONResponse(envelope(code, text, None)).body
        )
        if len(self._answers) < 16:  # done and duplicate; refusals name their poli, day...
            self._answers[(code, text)] = content
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-length", str(len(content)).encode()),
                    (b"content-type", b"application/json"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": content})

    @property
    def route(self) -> BaseRoute | None:
        if self._route is None:
            self._route = next((r for r in self.routes if getattr(r, "path", "") == ADD), None)
        return self._route


def _on_the_loop(registry: Registry) -> bool:
    """SQLite answers in well under a millisecond; a database over the network would hold every
    other request up meanwhile, so its adds wait in a worker thread as FastAPI's do."""
    return registry.db.engine.dialect.name == "sqlite"


def _validated(scope: Scope, message: Message) -> AddRequest | None:
    """The add's body as FastAPI would hand it to the route, or None to let FastAPI answer."""
    body = message.get("body", b"")
    if message["type"] != "http.request" or message.get("more_body") or not body:
        return None
    # The first Content-Type, as Starlette reads it; none at all is FastAPI's to judge (its
    # strict_content_type: recent versions refuse such a body, older ones read it as JSON).
    kind = next((value for name, value in scope["headers"] if name == b"content-type"), None)
    if kind is None or kind.split(b";", 1)[0].strip().lower() != b"application/json":
        return None
    try:
        return AddRequest.model_validate(json.loads(body))
    except Exception:  # FastAPI words each failure in the contract's terms: let it
        return None


def _again(message: Message, receive: Receive) -> Receive:
    """``receive`` with ``message`` handed out once more first."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return message
        return await receive()

    return replay


def _garbled(send: Send) -> Send:
    """The answer is worked out and stored as usual, then cut in half on the wire (bad JSON)."""
    start: Message | None = None
    chunks: list[bytes] = []

    async def garble(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if message["type"] != "http.response.body" or start is None:
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        whole = b"".join(chunks)
        cut = whole[: max(1, len(whole) // 2)]
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(cut)).encode()))
        await send({**start, "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": cut, "more_body": False})

    return garble
