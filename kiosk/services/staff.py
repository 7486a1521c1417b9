"""Desk staff: who may sign in, with a PIN kept as a slow salted hash, locked after guesses."""

from __future__ import annotations

import base64
import builtins
import functools
import hashlib
import hmac
import logging
import math
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.clock import FacilityClock
from kiosk.services.errors import Refused
from kiosk.store import Store
from kiosk.store.models import StaffEventRow, StaffRow

ROLES = ("desk", "admin")
MAX_ATTEMPTS = 5
LOCK_MINUTES = 10  # the first lock; each further one (before a good sign-in) lasts twice as long
MAX_LOCK_MINUTES = 24 * 60
PIN_ITERATIONS = 200_000  # PBKDF2-SHA256: slow enough that a stolen table is no PIN list
# Names as people write them: "Budi Santoso", "sari.w", "Nur'aini".
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9 .'_-]{1,39}$")
_PIN = re.compile(r"^\d{4,8}$")

log = logging.getLogger(__name__)


def normalise_name(name: str) -> str:
    """One space between words, none around: what is stored and what sign-in looks up."""
    return " ".join(name.split())


def lock_minutes(lock_number: int) -> int:
    """The length of the n-th lock in a row: 10, 20, 40, ... minutes, a day at most."""
    doubled: int = LOCK_MINUTES * 2 ** min(lock_number - 1, 16)
    return min(doubled, MAX_LOCK_MINUTES)


@functools.cache
def _dummy_hash(iterations: int = PIN_ITERATIONS) -> str:
    """Checked against when there is no account to check, so an unknown name takes as long."""
    return hash_pin(secrets.token_hex(8), iterations=iterations)


@dataclass(frozen=True)
class StaffMember:
    name: str
    role: str
    active: bool
    locked_until: datetime | None


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = PIN_ITERATIONS) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    encoded = [base64.b64encode(part).decode() for part in (salt, digest)]
    return f"pbkdf2_sha256${iterations}${encoded[0]}${encoded[1]}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    candidate = hash_pin(pin, base64.b64decode(salt), int(iterations))
    return hmac.compare_digest(candidate.split("$")[3], digest)


class StaffService:
    def __init__(
        self, store: Store, clock: FacilityClock, pin_iterations: int = PIN_ITERATIONS
    ) -> None:
        """``pin_iterations``: PBKDF2's count for the PINs set here; a PIN is checked with the
        count stored beside it. Only tests lower it (the sign-in rules do not depend on it, and
        each hash at the real count costs some 70 ms of CPU)."""
        self.store = store
        self.clock = clock
        self.pin_iterations = pin_iterations
        # Drawn now, so the first unknown name takes no longer than the rest.
        _dummy_hash(pin_iterations)

    def add(self, name: str, pin: str, role: str = "desk") -> StaffMember:
        name = normalise_name(name)
        if not _NAME.match(name):
            raise Refused("staff.bad_name")
        if not _PIN.match(pin):
            raise Refused("staff.bad_pin")
        if role not in ROLES:
            raise Refused("staff.bad_role")
        with self.store.write() as session:
            if session.scalars(select(StaffRow).where(StaffRow.name == name)).first():
                raise Refused("staff.exists", name=name)
            row = StaffRow(
                name=name,
                pin_hash=hash_pin(pin, iterations=self.pin_iterations),
                role=role,
                active=True,
                failed_attempts=0,
                created_at=self.clock.utcnow(),
            )
            session.add(row)
            return self._member(row)

    def list(self) -> list[StaffMember]:
        with self.store.read() as session:
            return [
                self._member(r) for r in session.scalars(select(StaffRow).order_by(StaffRow.name))
            ]

    def disable(self, name: str) -> StaffMember:
        return self._set_active(name, False)

    def enable(self, name: str) -> StaffMember:
        return self._set_active(name, True)

    def _set_active(self, name: str, active: bool) -> StaffMember:
        with self.store.write() as session:
            row = self._row(session, normalise_name(name))
            row.active = active
            return self._member(row)

    def set_pin(self, name: str, pin: str) -> StaffMember:
        """A new PIN for someone who forgot theirs; it also ends a lock and its streak."""
        name = normalise_name(name)
        if not _PIN.match(pin):
            raise Refused("staff.bad_pin")
        with self.store.write() as session:
            row = self._row(session, name)
            row.pin_hash = hash_pin(pin, iterations=self.pin_iterations)
            row.failed_attempts = 0
            row.locks = 0
            row.locked_until = None
            session.add(
                StaffEventRow(at=self.clock.utcnow(), name=row.name, kind="pin_set", detail="")
            )
            return self._member(row)

    def sign_in(self, name: str, pin: str) -> StaffMember:
        """The member, or Refused: unknown or wrong PIN (same message, same time), locked,
        disabled (only said to whoever knows the PIN).

        Every answer costs one PIN hash, so the time says nothing about whether the name exists.
        A locked name is refused without checking the PIN (no guesses during a lock)."""
        now = self.clock.utcnow()
        name = normalise_name(name)
        with self.store.write() as session:
            row = session.scalars(select(StaffRow).where(StaffRow.name == name)).first()
            if row is None:
                pin_matches(pin, _dummy_hash(self.pin_iterations))
                raise Refused("staff.wrong")
            if row.locked_until is not None and row.locked_until > now:
                pin_matches(pin, _dummy_hash(self.pin_iterations))
                raise Refused("staff.locked", minutes=_minutes_left(row.locked_until, now))
            if pin_matches(pin, row.pin_hash):
                if not row.active:
                    raise Refused("staff.disabled")
                row.failed_attempts = 0
                row.locks = 0
                row.locked_until = None
                return self._member(row)
            row.failed_attempts += 1
            if row.failed_attempts >= MAX_ATTEMPTS:
                # Commit the lock even though we refuse: leave the block normally.
                refusal = Refused("staff.locked", minutes=self._lock(session, row, now))
            else:
                refusal = Refused("staff.wrong")
        raise refusal

    @staticmethod
    def _lock(session: Session, row: StaffRow, now: datetime) -> int:
        row.failed_attempts = 0
        row.locks = (row.locks or 0) + 1
        minutes = lock_minutes(row.locks)
        row.locked_until = now + timedelta(minutes=minutes)
        detail = f"lock {row.locks} in a row after {MAX_ATTEMPTS} wrong PINs: {minutes} min"
        session.add(StaffEventRow(at=now, name=row.name, kind="locked", detail=detail))
        log.warning("staff %s locked (%s)", row.name, detail)
        return minutes

    def events(self) -> builtins.list[tuple[datetime, str, str, str]]:
        """The staff audit, oldest first: when, whose name, what, details."""
        with self.store.read() as session:
            rows = session.scalars(select(StaffEventRow).order_by(StaffEventRow.id))
            return [(r.at, r.name, r.kind, r.detail) for r in rows]

    @staticmethod
    def _row(session: Session, name: str) -> StaffRow:
        row = session.scalars(select(StaffRow).where(StaffRow.name == name)).first()
        if row is None:
            raise Refused("staff.unknown", name=name)
        return row

    @staticmethod
    def _member(row: StaffRow) -> StaffMember:
        return StaffMember(row.name, row.role, row.active, row.locked_until)


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(int((until - now).total_seconds() // 60) + 1, 1)


DEMO_EXIT_PIN = "2468"  # published in docs/staff.md: only the demo clinic may keep it
EXIT_FREE_ATTEMPTS = 3
EXIT_FIRST_WAIT = 30.0  # seconds; doubles with each further wrong PIN
EXIT_MAX_WAIT = 15 * 60.0


class ExitPin:
    """The kiosk's exit PIN (Ctrl+X), kept only as a slow salted hash like the staff PINs.

    Three wrong PINs are free; after that the dialog refuses every PIN, the right one too, for
    30 s, then twice as long after each further wrong PIN (15 minutes at most); the right PIN
    starts over. A passer-by at a public kiosk gets a handful of guesses an hour. ``now`` is
    injectable so tests need not wait."""

    # PBKDF2's count for the hash, as for staff PINs. Only tests lower it (tests/conftest.py):
    # every kiosk a test starts hashes its exit PIN, some 90 ms of CPU each at the real count.
    iterations = PIN_ITERATIONS

    def __init__(self, pin: str, now: Callable[[], float] = time.monotonic) -> None:
        self._hash = hash_pin(pin, iterations=self.iterations)
        self._now = now
        self._wrong = 0
        self._blocked_until = 0.0

    def wait_seconds(self) -> int:
        """Seconds before a PIN is checked again; 0: now."""
        return max(math.ceil(self._blocked_until - self._now()), 0)

    def check(self, pin: str) -> bool:
        """True for the right PIN; raise Refused("staff.exit_wait") while backing off."""
        if self.wait_seconds():
            raise Refused("staff.exit_wait", seconds=self.wait_seconds())
        if pin_matches(pin, self._hash):
            self._wrong = 0
            return True
        self._wrong += 1
        excess = self._wrong - EXIT_FREE_ATTEMPTS
        if excess >= 0:
            wait = min(EXIT_FIRST_WAIT * 2 ** min(excess, 16), EXIT_MAX_WAIT)
            self._blocked_until = self._now() + wait
            log.warning(
                "kiosk exit: %d wrong PINs in a row; the next waits %d s", self._wrong, wait
            )
        return False
