"""A new patient's registration at the clinic (from the phone) and their medical record number.

The medical record number (``norm``) is the clinic's own: six digits, zero-padded, given in order.
What the phone sends about the person must agree with their NIK, which encodes the birth date and,
for women, a day plus 40.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.domain.identity import nik_birth_date, nik_is_female

NORM_DIGITS = 6


class RegistrationProblem(StrEnum):
    """Why a registration was refused; each value is a translation key."""

    BIRTH_DATE = "registration.birth_date"
    SEX = "registration.sex"


@dataclass(frozen=True)
class Registration:
    """What the phone tells the clinic about a new patient, already checked for format.

    Only what the queue needs is kept: the address the phone also sends belongs in the clinic's
    medical records, not in a queue store (data minimisation, UU 27/2022).
    """

    card_number: str
    nik: str
    family_card: str
    name: str
    sex: str  # "L" or "P"
    birth_date: date


def check_registration(registration: Registration, today: date) -> RegistrationProblem | None:
    """The first way the details disagree with the NIK (already a well-formed NIK), or None."""
    if nik_birth_date(registration.nik, today) != registration.birth_date:
        return RegistrationProblem.BIRTH_DATE
    if nik_is_female(registration.nik) != (registration.sex == "P"):
        return RegistrationProblem.SEX
    return None


def format_norm(number: int) -> str:
    if not (1 <= number < 10**NORM_DIGITS):
        raise ValueError(f"medical record number out of range: {number}")
    return f"{number:0{NORM_DIGITS}d}"


def parse_norm(text: str) -> int | None:
    """The running number of a medical record number we gave, or None for any other shape."""
    if len(text) != NORM_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def next_norm(highest: str | None) -> str:
    """The number after the highest one given so far (``None``: the first)."""
    return format_norm((parse_norm(highest or "") or 0) + 1)
