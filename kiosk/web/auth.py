"""Tokens for the phone app: GET /auth trades the clinic's credentials for a short-lived JWT.

HS256 with an ``exp`` claim. Expiry is judged by the clinic's clock (the one the tests set), not by
PyJWT's own reading of the system time, so a token's life is exactly ``KIOSK_WS_TOKEN_SECONDS``.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import secrets
import time
from datetime import timedelta

import jwt
from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from kiosk.contract.faskes import refuse
from kiosk.domain.clock import FacilityClock

ALGORITHM = "HS256"

log = logging.getLogger(__name__)


class AuthAttempts:
    """Failed GET /auth attempts per client address in a moving one-minute window (the
    ``limits`` library, in memory). Only failures count, so the app's normal token requests
    never run into it; past the limit every attempt from that address is refused, the right
    password too, until the window moves on. Each server process keeps its own count."""

    def __init__(self, per_minute: int) -> None:
        self._limit = RateLimitItemPerMinute(per_minute)
        self._window = MovingWindowRateLimiter(MemoryStorage())

    def check(self, address: str) -> None:
        """Refuse with the contract's 201 (saying when to try again) while over the limit."""
        if self._window.test(self._limit, "auth", address):
            return
        reset = self._window.get_window_stats(self._limit, "auth", address).reset_time
        seconds = max(1, math.ceil(reset - time.time()))
        log.warning(
            "GET /auth: too many failed attempts from %s; refused for %d s", address, seconds
        )
        raise refuse("ws.auth.too_many", seconds=seconds)

    def failed(self, address: str) -> None:
        self._window.hit(self._limit, "auth", address)


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class TokenKeeper:
    def __init__(
        self, username: str, password: str, seconds: int, secret: str, clock: FacilityClock
    ) -> None:
        self.username = username
        self._password = password
        self.seconds = seconds
        self.clock = clock
        # No configured secret: draw one for this process. Tokens live minutes, so a restart only
        # makes the phones ask for a new token, which they do on their own.
        raw = secret.encode("utf-8") if secret else secrets.token_bytes(32)
        self._key = hashlib.sha256(raw).digest()  # always 32 bytes, whatever was configured

    def issue(self, username: str | None, password: str | None) -> str:
        if not username or not password:
            raise refuse("ws.auth.missing")
        # Both compared, always, so the answer time says nothing about which one was wrong.
        right_user = _same(username, self.username)
        right_password = _same(password, self._password)
        if not (right_user and right_password):
            raise refuse("ws.auth.wrong")
        now = self.clock.utcnow()
        claims = {
            "sub": username,
            "iat": int(now.timestamp()),
            "exp": int((now + timedelta(seconds=self.seconds)).timestamp()),
        }
        return jwt.encode(claims, self._key, algorithm=ALGORITHM)

    def check(self, token: str | None, username: str | None) -> None:
        """Raise the contract's 201 answer unless the token is ours, current and this user's."""
        if not token or not username:
            raise refuse("ws.token.missing")
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[ALGORITHM],
                options={
                    "require": ["exp", "sub"],
                    "verify_exp": False,  # judged below, on the clinic's clock
                    "verify_iat": False,
                    "verify_nbf": False,
                },
            )
        except jwt.InvalidTokenError:
            raise refuse("ws.token.invalid") from None
        expires = claims.get("exp")
        subject = claims.get("sub")
        if not isinstance(expires, int) or not isinstance(subject, str):
            raise refuse("ws.token.invalid")
        if self.clock.utcnow().timestamp() >= expires:
            raise refuse("ws.token.expired")
        if not (_same(subject, username) and _same(username, self.username)):
            raise refuse("ws.token.user")
