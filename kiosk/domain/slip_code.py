"""The code printed as a QR on every slip: which ticket it is, signed, with no personal data.

``AK1:<facility>:<YYYYMMDD>:<number>:<ticket id>:<signature>``. Upper-case letters, digits and
colons only, so the QR uses its compact alphanumeric mode. The signature is a truncated
HMAC-SHA256 under the clinic's slip key, which lets the desk tell a real slip from a forged one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

VERSION = "AK1"
_SIG_BYTES = 10  # 80 bits: far beyond guessing at a front desk, short enough for a small QR
_FIELD = re.compile(r"^[A-Z0-9]{1,20}$")
_NUMBER = re.compile(r"^[A-Z]-[0-9]{3}$")


class SlipCodeProblem(StrEnum):
    MALFORMED = "slipcode.malformed"
    FORGED = "slipcode.forged"
    OTHER_DAY = "slipcode.other_day"


class SlipCodeError(ValueError):
    def __init__(self, problem: SlipCodeProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class SlipCode:
    facility_code: str
    service_date: date
    number: str
    ticket_id: int


def _signature(body: str, key: bytes) -> str:
    digest = hmac.new(key, body.encode("ascii"), hashlib.sha256).digest()[:_SIG_BYTES]
    return base64.b32encode(digest).decode("ascii").rstrip("=")


def _body(code: SlipCode) -> str:
    return ":".join(
        (
            VERSION,
            code.facility_code,
            f"{code.service_date:%Y%m%d}",
            code.number,
            str(code.ticket_id),
        )
    )


def encode(code: SlipCode, key: bytes) -> str:
    if not _FIELD.match(code.facility_code) or not _NUMBER.match(code.number):
        raise ValueError("facility code or number cannot go into a slip code")
    body = _body(code)
    return f"{body}:{_signature(body, key)}"


PAGE_PATH = "/t/"  # a slip's QR may be the patient's page: <public URL>/t/<slip code>


def page_url(base_url: str, code: str) -> str:
    return f"{base_url.rstrip('/')}{PAGE_PATH}{code}"


# The address printed under the QR for phones without a camera app: <public URL>/t/<id>-<first
# signature characters>, short enough to type. 40 bits of signature are plenty against guessing,
# since the page is rate-limited per address and valid on the ticket's day only.
SHORT_SIGNATURE_CHARS = 8
_SHORT = re.compile(rf"^([0-9]{{1,12}})-([A-Z2-7]{{{SHORT_SIGNATURE_CHARS}}})$")


def short_code(code: str) -> str:
    """The short form of a slip code: its ticket id and the start of its signature."""
    *_, ticket_id, signature = code.split(":")
    return f"{ticket_id}-{signature[:SHORT_SIGNATURE_CHARS]}"


def parse_short(text: str) -> tuple[int, str] | None:
    """(ticket id, signature start) of a typed short code, or None when it is not one."""
    match = _SHORT.match(text.strip().upper())
    return (int(match.group(1)), match.group(2)) if match else None


def short_matches(code: str, signature_start: str) -> bool:
    """Whether a slip code (rebuilt from the ticket) is the one a short code stands for."""
    return hmac.compare_digest(short_code(code).split("-")[1], signature_start)


def from_scan(text: str) -> str:
    """The slip code in what a scanner typed: the code itself, or the page address holding it."""
    cleaned = text.strip()
    at = cleaned.upper().rfind(PAGE_PATH.upper())
    if at >= 0:
        cleaned = cleaned[at + len(PAGE_PATH) :].replace("%3A", ":").replace("%3a", ":")
    return cleaned


def is_slip_code(text: str) -> bool:
    """Whether a scanned text is meant as a slip code (to verify), not a NIK or a number."""
    return from_scan(text).upper().startswith(f"{VERSION}:")


def decode(text: str, key: bytes, today: date | None = None) -> SlipCode:
    """Read and verify a scanned code (or the page address holding it); with ``today``, a slip
    for another day is refused."""
    text = from_scan(text)
    if not text.isascii():  # a scanner or a forged slip can type anything
        raise SlipCodeError(SlipCodeProblem.MALFORMED)
    parts = text.strip().upper().split(":")
    if len(parts) != 6 or parts[0] != VERSION:
        raise SlipCodeError(SlipCodeProblem.MALFORMED)
    _, facility, day, number, ticket_id, signature = parts
    if not (
        _FIELD.match(facility)
        and _NUMBER.match(number)
        and ticket_id.isdigit()
        and day.isdigit()
        and len(day) == 8
    ):
        raise SlipCodeError(SlipCodeProblem.MALFORMED)
    try:
        service_date = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    except ValueError as exc:
        raise SlipCodeError(SlipCodeProblem.MALFORMED) from exc
    code = SlipCode(facility, service_date, number, int(ticket_id))
    if not hmac.compare_digest(_signature(_body(code), key), signature):
        raise SlipCodeError(SlipCodeProblem.FORGED)
    if today is not None and service_date != today:
        raise SlipCodeError(SlipCodeProblem.OTHER_DAY)
    return code
