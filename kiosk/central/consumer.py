"""Who may call the central: one consumer, checked on every request.

As the real services: a signature of the consumer (cons id, secret), each service's own
``user_key`` (Antrean FKTP and PCare differ), and on every PCare call the clinic's PCare user
(``X-authorization: Basic base64(username:password:app code)``).
"""

from __future__ import annotations

import base64
import binascii
import hmac
from dataclasses import dataclass
from enum import StrEnum

from kiosk.config import Settings
from kiosk.contract.pcare import DEFAULT_APP_CODE
from kiosk.domain.signing import MAX_SKEW_SECONDS, fresh, signature_matches


@dataclass(frozen=True)
class Consumer:
    cons_id: str
    secret: str
    user_key: str  # Antrean FKTP's
    pcare_user_key: str = ""  # empty: the same as Antrean's (an older install's one key)
    pcare_username: str = ""
    pcare_password: str = ""
    pcare_app_code: str = DEFAULT_APP_CODE
    demo: bool = False

    @property
    def pcare_key(self) -> str:
        return self.pcare_user_key or self.user_key

    def key_for(self, pcare: bool) -> str:
        return self.pcare_key if pcare else self.user_key


# With no KIOSK_CENTRAL_* consumer set, `kiosk central` accepts this published demo consumer, so a
# tour works with no setup. It is printed at start; never use it beyond a demo.
DEMO_CONSUMER = Consumer(
    "1000",
    "demo-central-secret",
    "demo-antrean-key",
    pcare_user_key="demo-pcare-key",
    pcare_username="demo-pcare",
    pcare_password="demo-pcare-2468",
    demo=True,
)


class ConsumerError(ValueError):
    """The consumer settings are half set: one line naming what is missing."""


def consumer_from(settings: Settings) -> Consumer:
    given = {
        "KIOSK_CENTRAL_CONS_ID": settings.central_cons_id,
        "KIOSK_CENTRAL_SECRET": settings.central_secret,
        "KIOSK_CENTRAL_ANTREAN_USER_KEY (or KIOSK_CENTRAL_USER_KEY)": settings.antrean_user_key,
    }
    if not any(given.values()) and not settings.pcare_user_key:
        return DEMO_CONSUMER
    missing = [name for name, value in given.items() if not value]
    if not (settings.central_pcare_username and settings.central_pcare_password):
        missing.append("KIOSK_CENTRAL_PCARE_USERNAME and KIOSK_CENTRAL_PCARE_PASSWORD")
    if missing:
        raise ConsumerError(
            f"set {', '.join(missing)} too, or none of the consumer settings for the demo consumer"
        )
    return Consumer(
        settings.central_cons_id,
        settings.central_secret,
        settings.antrean_user_key,
        pcare_user_key=settings.pcare_user_key,
        pcare_username=settings.central_pcare_username,
        pcare_password=settings.central_pcare_password,
        pcare_app_code=settings.central_pcare_app_code,
    )


# Longer than any real consumer id, epoch timestamp, base64 HMAC or user key.
HEADER_MAX = 256


def _well_formed(value: str) -> bool:
    """Printable ASCII of a sane length: a signature header holds nothing else."""
    return len(value) <= HEADER_MAX and value.isascii() and value.isprintable()


class Refusal(StrEnum):
    """Why a request's credentials were refused; each value is a key in the translation table."""

    MISSING = "central.auth.missing"
    MALFORMED = "central.auth.malformed"
    CONSUMER = "central.auth.consumer"
    SIGNATURE = "central.auth.signature"
    TIMESTAMP = "central.auth.timestamp"
    USER_KEY = "central.auth.user_key"
    PCARE_MISSING = "central.auth.pcare_missing"
    PCARE_USER = "central.auth.pcare_user"


def check(
    consumer: Consumer,
    cons_id: str | None,
    timestamp: str | None,
    given_signature: str | None,
    user_key: str | None,
    now_epoch: float,
    *,
    pcare: bool = False,
    authorization: str | None = None,
) -> Refusal | None:
    """None when the request is the consumer's, signed, fresh (within MAX_SKEW_SECONDS), with the
    service's own user_key and, on PCare, the consumer's PCare user."""
    if not cons_id or not timestamp or not given_signature or user_key is None:
        return Refusal.MISSING
    if not all(_well_formed(value) for value in (cons_id, timestamp, given_signature, user_key)):
        return Refusal.MALFORMED
    if cons_id != consumer.cons_id:
        return Refusal.CONSUMER
    if not signature_matches(consumer.cons_id, consumer.secret, timestamp, given_signature):
        return Refusal.SIGNATURE
    if not fresh(timestamp, now_epoch, MAX_SKEW_SECONDS):
        return Refusal.TIMESTAMP
    if not hmac.compare_digest(user_key.encode(), consumer.key_for(pcare).encode()):
        return Refusal.USER_KEY
    if pcare:
        return _pcare_user(consumer, authorization)
    return None


def _pcare_user(consumer: Consumer, authorization: str | None) -> Refusal | None:
    if not authorization:
        return Refusal.PCARE_MISSING
    scheme, _, encoded = authorization.strip().partition(" ")
    if scheme.lower() != "basic":
        return Refusal.PCARE_USER
    try:
        given = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        return Refusal.PCARE_USER
    expected = (
        f"{consumer.pcare_username}:{consumer.pcare_password}:{consumer.pcare_app_code}".encode()
    )
    return None if hmac.compare_digest(given, expected) else Refusal.PCARE_USER
