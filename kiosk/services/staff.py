"""Desk staff: who may sign in, with a PIN kept as a slow salted hash, locked after guesses."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.clock import FacilityClock
from kiosk.services.errors import Refused
from kiosk.store import Store
from kiosk.store.models import StaffRow

ROLES = ("desk", "admin")
MAX_ATTEMPTS = 5
LOCK_MINUTES = 10
_ITERATIONS = 200_000  # PBKDF2-SHA256: slow enough that a stolen table is no PIN list
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9._-]{1,39}$")
_PIN = re.compile(r"^\d{4,8}$")


@dataclass(frozen=True)
class StaffMember:
    name: str
    role: str
    active: bool
    locked_until: datetime | None


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = _ITERATIONS) -> str:
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
    def __init__(self, store: Store, clock: FacilityClock) -> None:
        self.store = store
        self.clock = clock

    def add(self, name: str, pin: str, role: str = "desk") -> StaffMember:
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
                pin_hash=hash_pin(pin),
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
        with self.store.write() as session:
            row = self._row(session, name)
            row.active = False
            return self._member(row)

    def sign_in(self, name: str, pin: str) -> StaffMember:
        """The member, or Refused: unknown or wrong PIN (same message), locked, disabled."""
        now = self.clock.utcnow()
        with self.store.write() as session:
            row = session.scalars(select(StaffRow).where(StaffRow.name == name)).first()
            if row is None:
                raise Refused("staff.wrong")
            if row.locked_until is not None and row.locked_until > now:
                raise Refused("staff.locked", minutes=_minutes_left(row.locked_until, now))
            if not row.active:
                raise Refused("staff.disabled")
            if not pin_matches(pin, row.pin_hash):
                row.failed_attempts += 1
                if row.failed_attempts >= MAX_ATTEMPTS:
                    row.failed_attempts = 0
                    row.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                    # Commit the lock even though we refuse: leave the block normally.
                    return_refusal = Refused("staff.locked", minutes=LOCK_MINUTES)
                else:
                    return_refusal = Refused("staff.wrong")
            else:
                row.failed_attempts = 0
                row.locked_until = None
                return self._member(row)
        raise return_refusal

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
