"""The clinic's client for the central (protocol.md, part 2): BPJS Antrean FKTP and PCare.

Every call is signed (``X-cons-id``, ``X-timestamp``, ``X-signature``, and the service's own
``user_key``); every PCare call also carries the clinic's PCare user (``X-authorization: Basic
base64(username:password:app code)``). Each has a timeout and is answered with a typed
:class:`Answer`: done, duplicate (208, which counts as done), refused (the central's 201 and its
message), denied (HTTP 401/403: the central refused the clinic's credentials, not the item), or
retry (unreachable, 5xx, an answer that is not the envelope or does not decrypt). Pointed at
the real service with real credentials, the same code works: one base URL per service, either
metadata spelling, codes 200 or 1 for success.

Secrets never reach a log, and neither do card numbers or NIKs. The calls go over the standard
library's ``http.client`` (:mod:`kiosk.sync.transport`), which logs nothing; through a proxy they
go over httpx, which logs every request URL (``/peserta/0001234567801``) at INFO, so its loggers
are held at WARNING and masked besides.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from kiosk import __version__
from kiosk.config import Settings
from kiosk.contract.antrean import PATHS
from kiosk.contract.envelope import DUPLICATE_CODE, SUCCESS_CODES, metadata_of
from kiosk.contract.logmask import MASK as _MASK
from kiosk.contract.logmask import mask_digits
from kiosk.domain.signing import DecryptError, decrypt, signature
from kiosk.domain.text import clean_text

if TYPE_CHECKING:
    from kiosk.sync.transport import Transport

log = logging.getLogger(__name__)


def quiet_http_logs() -> None:
    """httpx and httpcore log request URLs (with card numbers) at INFO/DEBUG: keep them out."""
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)
        if _MASK not in logger.filters:
            logger.addFilter(_MASK)


class Outcome(StrEnum):
    DONE = "done"
    DUPLICATE = "duplicate"  # 208: the central already has it, which is as good as done
    REFUSED = "refused"  # 201 (or another business code): the central said no, with a message
    RETRY = "retry"  # unreachable, timed out, 5xx, not the envelope, undecryptable
    # 401/403: our credentials (signature, consumer, clock, user_key, PCare user) were refused.
    # The item is kept and tried again, as for RETRY, but staff must fix a setting.
    DENIED = "denied"


@dataclass(frozen=True)
class Answer:
    outcome: Outcome
    code: int | None = None
    message: str = ""
    response: Any = None

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.DONE, Outcome.DUPLICATE)

    @property
    def retry(self) -> bool:
        """Not delivered, through no fault of the item: keep it and try later."""
        return self.outcome in (Outcome.RETRY, Outcome.DENIED)


# Every call says what it wants back and who asks (an API gateway may refuse a call without a
# User-Agent; httpx sent its own).
_HEADERS = {"Accept": "application/json", "User-Agent": f"antrean-kiosk/{__version__}"}
# Codes that speak of our credentials, not of the item (401 unauthorised, 403 forbidden).
_DENIED_CODES = frozenset({401, 403})
# PCare's POST /pendaftaran answers 201 CREATED with the noUrut (not Antrean's 201 refusal).
_PCARE_CREATED = 201
# Codes that speak of the clock or a proxy: keep the item and try later.
_AUTH_CODES = frozenset({407, 408})


@dataclass(frozen=True)
class CentralConfig:
    antrean_url: str
    pcare_url: str
    cons_id: str
    secret: str
    user_key: str  # Antrean FKTP's user_key
    lookup_timeout: float = 2.0
    timeout: float = 10.0
    pcare_user_key: str = ""  # PCare's own; empty: the same as Antrean's
    pcare_username: str = ""
    pcare_password: str = ""
    pcare_app_code: str = "095"

    @classmethod
    def from_settings(cls, settings: Settings) -> CentralConfig:
        return cls(
            antrean_url=settings.central_antrean_url,
            pcare_url=settings.central_pcare_url,
            cons_id=settings.central_cons_id,
            secret=settings.central_secret,
            user_key=settings.antrean_user_key,
            lookup_timeout=settings.central_lookup_timeout,
            timeout=settings.central_timeout,
            pcare_user_key=settings.pcare_user_key,
            pcare_username=settings.central_pcare_username,
            pcare_password=settings.central_pcare_password,
            pcare_app_code=settings.central_pcare_app_code,
        )

    @property
    def pcare_authorization(self) -> str:
        """PCare's ``X-authorization``: the clinic's PCare user and the application code."""
        user = f"{self.pcare_username}:{self.pcare_password}:{self.pcare_app_code}"
        return "Basic " + base64.b64encode(user.encode()).decode()

    def __repr__(self) -> str:  # never print the secret, the user keys or the PCare password
        return f"CentralConfig(antrean_url={self.antrean_url!r}, pcare_url={self.pcare_url!r})"


class CentralClient:
    """Signed, timed calls to the central. Thread-safe: the pump keeps two calls in flight and
    lookups run in worker threads, over one pool of kept-alive connections
    (:mod:`kiosk.sync.transport`)."""

    def __init__(self, config: CentralConfig) -> None:
        quiet_http_logs()
        self.config = config
        # The transports load on the first call, in the outbox pump or a lookup's worker: the
        # kiosk's first screen does not wait for them.
        self._direct: Transport | None = None
        self._proxy: Transport | None = None
        self._proxied: dict[str, bool] = {}
        self._pool_lock = threading.Lock()

    def _transport(self, base: str) -> Transport:
        """The standard library's keep-alive pool; httpx where the environment names a proxy."""
        with self._pool_lock:
            proxied = self._proxied.get(base)
            if proxied is None:
                from kiosk.sync.transport import proxied as through_proxy

                proxied = self._proxied[base] = through_proxy(base)
            if proxied:
                if self._proxy is None:
                    from kiosk.sync.transport import ThroughProxy

                    self._proxy = ThroughProxy(headers=_HEADERS)
                return self._proxy
            if self._direct is None:
                from kiosk.sync.transport import KeepAlive

                self._direct = KeepAlive(headers=_HEADERS)
            return self._direct

    def close(self) -> None:
        with self._pool_lock:
            for transport in (self._direct, self._proxy):
                if transport is not None:
                    transport.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- Antrean FKTP ---------------------------------------------------------------------------
    def ref_poli(self, day: str) -> Answer:
        return self._call("GET", self.config.antrean_url, f"/ref/poli/tanggal/{day}")

    def ref_dokter(self, kodepoli: str, day: str) -> Answer:
        return self._call(
            "GET", self.config.antrean_url, f"/ref/dokter/kodepoli/{kodepoli}/tanggal/{day}"
        )

    def send(self, kind: str, payload: dict[str, Any], timeout: float | None = None) -> Answer:
        """An outbox item: ``antrean.add``, ``antrean.panggil`` or ``antrean.batal``."""
        path = PATHS.get(kind)
        if path is None:
            return Answer(Outcome.REFUSED, message=f"unknown outbox kind {kind!r}")
        return self._call("POST", self.config.antrean_url, path, body=payload, timeout=timeout)

    # -- PCare (participant lookup: short timeout, a patient is waiting at the kiosk) --------------
    def peserta_by_card(self, card: str) -> Answer:
        return self.pcare("GET", f"/peserta/{card}", timeout=self.config.lookup_timeout)

    def peserta_by_nik(self, nik: str) -> Answer:
        return self.pcare("GET", f"/peserta/nik/{nik}", timeout=self.config.lookup_timeout)

    def pcare(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        timeout: float | None = None,
    ) -> Answer:
        """Any PCare call (``/peserta``, later ``/pendaftaran``): PCare's key and user."""
        return self._call(method, self.config.pcare_url, path, body, timeout, pcare=True)

    # -- the envelope ---------------------------------------------------------------------------
    def headers(self, timestamp: str, *, pcare: bool = False) -> dict[str, str]:
        headers = {
            "X-cons-id": self.config.cons_id,
            "X-timestamp": timestamp,
            "X-signature": signature(self.config.cons_id, self.config.secret, timestamp),
            "user_key": (self.config.pcare_user_key or self.config.user_key)
            if pcare
            else self.config.user_key,
        }
        if pcare:
            headers["X-authorization"] = self.config.pcare_authorization
        return headers

    def _call(
        self,
        method: str,
        base: str,
        path: str,
        body: dict[str, Any] | None = None,
        timeout: float | None = None,
        *,
        pcare: bool = False,
    ) -> Answer:
        from kiosk.sync.transport import Unreachable

        timestamp = str(int(time.time()))
        try:
            reply = self._transport(base).request(
                method,
                base + path,
                self.headers(timestamp, pcare=pcare),
                body,
                timeout if timeout is not None else self.config.timeout,
            )
        except Unreachable as error:
            # Only the kind of failure: an exception's text can carry the URL (and a card).
            return Answer(Outcome.RETRY, message=f"unreachable: {error.kind}")
        if reply.status >= 500:
            return Answer(Outcome.RETRY, reply.status, f"HTTP {reply.status}")
        return self.read(reply.content, timestamp, reply.status)

    def read(self, content: bytes, timestamp: str, status: int = 200) -> Answer:
        """An answer's envelope, decrypted with the key of the request's timestamp."""
        try:
            envelope = json.loads(content)
        except ValueError:
            if status in _DENIED_CODES:  # a gateway's own refusal page
                return Answer(Outcome.DENIED, status, f"HTTP {status}")
            return Answer(Outcome.RETRY, None, f"HTTP {status}: not JSON")
        if not isinstance(envelope, dict):
            return Answer(Outcome.RETRY, None, f"HTTP {status}: not the envelope")
        metadata = metadata_of(envelope)
        if metadata is None:
            return Answer(Outcome.RETRY, None, f"HTTP {status}: no metadata")
        try:
            code = int(metadata.get("code"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return Answer(Outcome.RETRY, None, f"HTTP {status}: no code")
        # The central's words are kept (parked items) and shown: no invisible characters.
        message = clean_text(mask_digits(str(metadata.get("message") or "")), 300)
        if status in _DENIED_CODES or code in _DENIED_CODES:
            # The central refused who we are (signature, consumer, key, PCare user), not the item.
            return Answer(Outcome.DENIED, code, message or f"HTTP {status}")
        if status >= 400 or code in _AUTH_CODES:
            return Answer(Outcome.RETRY, code, message or f"HTTP {status}")
        try:
            response = self._decode(envelope.get("response"), timestamp)
        except DecryptError:
            # PCare's "created" (201) carries the visit's noUrut: unreadable, ask again.
            if code in SUCCESS_CODES or code in (DUPLICATE_CODE, _PCARE_CREATED):
                return Answer(Outcome.RETRY, code, "the answer does not decrypt")
            response = None  # a refusal's message is in the metadata; its body does not matter
        if code in SUCCESS_CODES:
            return Answer(Outcome.DONE, code, message, response)
        if code == DUPLICATE_CODE:
            return Answer(Outcome.DUPLICATE, code, message, response)
        return Answer(Outcome.REFUSED, code, message, response)

    def _decode(self, response: Any, timestamp: str) -> Any:
        if not isinstance(response, str) or not response:
            return response  # nothing, or the central sends plain JSON (encryption off)
        plain = decrypt(response, self.config.cons_id, self.config.secret, timestamp)
        try:
            return json.loads(plain)
        except ValueError:
            raise DecryptError("the decrypted answer is not JSON") from None


def count(value: Any) -> int | None:
    """Counts such as ``sisaantrean`` arrive as strings or numbers."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
