"""Who may call the central: one consumer (cons id, secret, user key), checked on every request."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.config import Settings
from kiosk.domain.signing import MAX_SKEW_SECONDS, fresh, signature_matches


@dataclass(frozen=True)
class Consumer:
    cons_id: str
    secret: str
    user_key: str
    demo: bool = False


# With no KIOSK_CENTRAL_* consumer set, `kiosk central` accepts this published demo consumer, so a
# tour works with no setup. It is printed at start; never use it beyond a demo.
DEMO_CONSUMER = Consumer("1000", "demo-central-secret", "demo-user-key", demo=True)


class ConsumerError(ValueError):
    """The consumer settings are half set: one line naming what is missing."""


def consumer_from(settings: Settings) -> Consumer:
    given = {
        "KIOSK_CENTRAL_CONS_ID": settings.central_cons_id,
        "KIOSK_CENTRAL_SECRET": settings.central_secret,
        "KIOSK_CENTRAL_USER_KEY": settings.central_user_key,
    }
    if not any(given.values()):
        return DEMO_CONSUMER
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise ConsumerError(
            f"set {', '.join(missing)} too, or none of the three for the demo consumer"
        )
    return Consumer(settings.central_cons_id, settings.central_secret, settings.central_user_key)


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


def check(
    consumer: Consumer,
    cons_id: str | None,
    timestamp: str | None,
    given_signature: str | None,
    user_key: str | None,
    now_epoch: float,
) -> Refusal | None:
    """None when the request is the consumer's, signed, and fresh (within MAX_SKEW_SECONDS)."""
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
    if user_key != consumer.user_key:
        return Refusal.USER_KEY
    return None
