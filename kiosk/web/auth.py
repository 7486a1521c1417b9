"""Tokens for the phone app: GET /auth trades the clinic's credentials for a short-lived JWT.

HS256 with an ``exp`` claim. Expiry is judged by the clinic's clock (the one the tests set), not by
PyJWT's own reading of the system time, so a token's life is exactly ``KIOSK_WS_TOKEN_SECONDS``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import secrets
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta

import jwt

from kiosk.contract.faskes import refuse
from kiosk.domain.clock import FacilityClock

ALGORITHM = "HS256"

log = logging.getLogger(__name__)


# Past its free failures a key's next attempt waits 0.5 s, then twice as long after each further
# failure, up to the cap: no attempt ever waits longer, the right password included.
FIRST_DELAY = 0.5
MAX_DELAY = 10.0
WINDOW = 60.0  # seconds over which failures are counted
# Everyone together may fail this many times the per-client allowance before all attempts slow
# (a guesser spread over many addresses and usernames).
GLOBAL_FACTOR = 10
MAX_KEYS = 10_000  # failures are remembered for at most this many clients and usernames
MAX_VERIFIED = 1_000  # tokens whose signature was checked, kept for their next calls


def mask_username(username: str | None) -> str:
    """Its first two characters and its length, printable only: a log line never carries a
    password typed into the wrong field, nor a forged line break."""
    if not username:
        return "-"
    shown = "".join(c if c.isprintable() and c.isascii() else "?" for c in username[:2])
    return shown + "*" * min(len(username) - len(shown), 10)


class AuthThrottle:
    """Failed GET /auth attempts slow the next ones down, per client address, per username and
    for everyone together, instead of refusing them: a guesser gets a few tries a minute, and a
    forged address or a colleague's typo never locks the right password out (it waits at most
    ``MAX_DELAY``). Attempts from one client address take turns while it is being slowed, so
    parallel requests gain nothing. ``now`` and ``sleep`` are injectable so tests need not wait.
    Each server process keeps its own count, in memory."""

    def __init__(
        self,
        free_per_minute: int,
        now: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.free_per_minute = free_per_minute
        self._now = now
        self._sleep = sleep
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._turns: dict[str, asyncio.Lock] = {}

    def _keys(self, address: str, username: str | None) -> list[tuple[tuple[str, str], int]]:
        user = (username or "").strip().lower()[:60]
        free = self.free_per_minute
        return [
            (("client", address), free),
            (("user", user), free),
            (("all", ""), free * GLOBAL_FACTOR),
        ]

    def _recent(self, key: tuple[str, str]) -> int:
        times = self._failures.get(key)
        if not times:
            return 0
        while times and times[0] <= self._now() - WINDOW:
            times.popleft()
        if not times:
            del self._failures[key]
        return len(times)

    def delay(self, address: str, username: str | None) -> float:
        """How long the next attempt from this client for this username waits."""
        longest = 0.0
        for key, free in self._keys(address, username):
            excess = self._recent(key) - free
            if excess >= 0:
                longest = max(longest, FIRST_DELAY * 2.0 ** min(excess, 16))
        return min(longest, MAX_DELAY)

    @contextlib.asynccontextmanager
    async def turn(self, address: str, username: str | None) -> AsyncIterator[float]:
        """Wait this attempt's delay (in turn with the client's other attempts), then check."""
        lock = self._turns.setdefault(address, asyncio.Lock())
        try:
            async with lock:
                wait = self.delay(address, username)
                if wait > 0:
                    await self._sleep(wait)
                yield wait
        finally:
            if not lock.locked() and self._turns.get(address) is lock:
                del self._turns[address]

    def failed(self, address: str, username: str | None) -> None:
        if len(self._failures) >= MAX_KEYS:  # a flood of forged names: forget the oldest
            oldest = min(self._failures, key=lambda k: self._failures[k][-1])
            del self._failures[oldest]
        for key, _free in self._keys(address, username):
            self._failures.setdefault(key, deque()).append(self._now())
        log.warning(
            "GET /auth failed: username %s from %s; the next attempt waits %.1f s",
            mask_username(username),
            address,
            self.delay(address, username),
        )


def signing_key(secret: bytes, password: str) -> bytes:
    """HMAC-SHA256 of the password under the secret: 32 bytes, new whenever either changes."""
    return hmac.new(secret, b"kiosk-ws-token\0" + password.encode("utf-8"), "sha256").digest()


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
        # The key depends on the password too: rotating a leaked password ends every token issued
        # under it, at once, on every process that shares the secret.
        self._key = signing_key(raw, password)
        self._verified: dict[str, tuple[int, int, str]] = {}

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
        issued, expires, subject = self._verified.get(token) or self._verify(token)
        now = self.clock.utcnow().timestamp()
        # A token may live no longer than we issue them, counted from issue and from now: one
        # signed with a stolen secret for ten years, or issued "in the future", is refused.
        if expires - issued > self.seconds or expires - now > self.seconds:
            raise refuse("ws.token.invalid")
        if now >= expires:
            raise refuse("ws.token.expired")
        if not (_same(subject, username) and _same(username, self.username)):
            raise refuse("ws.token.user")

    def _verify(self, token: str) -> tuple[int, int, str]:
        """The token's (iat, exp, sub) once its signature and claims are ours; kept, so a phone's
        next calls with it cost a look-up instead of a signature (the clock is asked each time)."""
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[ALGORITHM],
                options={
                    "require": ["exp", "iat", "sub"],
                    "verify_exp": False,  # judged by check(), on the clinic's clock
                    "verify_iat": False,
                    "verify_nbf": False,
                },
            )
        except jwt.InvalidTokenError:
            raise refuse("ws.token.invalid") from None
        expires = claims.get("exp")
        issued = claims.get("iat")
        subject = claims.get("sub")
        if not all(isinstance(v, int) for v in (expires, issued)) or not isinstance(subject, str):
            raise refuse("ws.token.invalid")
        assert isinstance(expires, int) and isinstance(issued, int)
        if len(self._verified) >= MAX_VERIFIED:  # only tokens signed with our key get here
            self._verified.clear()
        self._verified[token] = (issued, expires, subject)
        return issued, expires, subject
