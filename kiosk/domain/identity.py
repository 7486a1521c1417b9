"""JKN card numbers and NIKs: what a patient types or scans, parsed and checked.

A card number is 13 digits. A NIK is 16 digits ``PP KK CC DDMMYY SSSS``: a real province code, then
the birth date, where women add 40 to the day. Scanners and people add spaces and dashes; we drop
them. Each failure carries its own message key so the screen can say exactly what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.domain.privacy import mask_number

CARD_LENGTH = 13
NIK_LENGTH = 16

# Kemendagri province codes. People keep the NIK they were given, so codes of provinces that were
# later split stay valid.
PROVINCE_CODES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}

_SEPARATORS = re.compile(r"[\s\-]+")


class IdentityKind(StrEnum):
    CARD = "card"
    NIK = "nik"


class IdentityProblem(StrEnum):
    """Why an identity was refused; each value is a key in the translation table."""

    EMPTY = "identity.empty"
    NOT_DIGITS = "identity.not_digits"
    WRONG_LENGTH = "identity.wrong_length"
    CARD_LENGTH = "identity.card_length"
    NIK_LENGTH = "identity.nik_length"
    NIK_PROVINCE = "identity.nik_province"
    NIK_BIRTH_DATE = "identity.nik_birth_date"
    NIK_SERIAL = "identity.nik_serial"


class IdentityError(ValueError):
    """Raised for any input that is not a well-formed card number or NIK."""

    def __init__(self, problem: IdentityProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class Identity:
    """A checked card number or NIK. ``str()`` never shows the full number."""

    kind: IdentityKind
    digits: str

    def __str__(self) -> str:
        return f"{self.kind.value}:{mask_number(self.digits)}"

    __repr__ = __str__


def clean(raw: str) -> str:
    """Drop the spaces and dashes a keyboard or a barcode scanner adds."""
    return _SEPARATORS.sub("", raw)


def nik_birth_date(nik: str, today: date) -> date:
    """The birth date inside a NIK (women's day is +40); the century that puts it in the past."""
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    for century in (2000, 1900):
        try:
            born = date(century + yy, month, day)
        except ValueError as exc:
            raise IdentityError(IdentityProblem.NIK_BIRTH_DATE) from exc
        if born <= today:
            return born
    raise IdentityError(IdentityProblem.NIK_BIRTH_DATE)


def nik_is_female(nik: str) -> bool:
    return int(nik[6:8]) > 40


def parse_card(raw: str) -> str:
    digits = _digits_only(raw)
    if len(digits) != CARD_LENGTH:
        raise IdentityError(IdentityProblem.CARD_LENGTH)
    return digits


def parse_nik(raw: str, today: date) -> str:
    digits = _digits_only(raw)
    if len(digits) != NIK_LENGTH:
        raise IdentityError(IdentityProblem.NIK_LENGTH)
    if digits[:2] not in PROVINCE_CODES:
        raise IdentityError(IdentityProblem.NIK_PROVINCE)
    nik_birth_date(digits, today)
    if digits[12:] == "0000":
        raise IdentityError(IdentityProblem.NIK_SERIAL)
    return digits


def parse_identity(raw: str, today: date) -> Identity:
    """Read what a patient typed or scanned: 13 digits are a card, 16 digits a NIK."""
    digits = _digits_only(raw)
    if len(digits) == CARD_LENGTH:
        return Identity(IdentityKind.CARD, digits)
    if len(digits) == NIK_LENGTH:
        return Identity(IdentityKind.NIK, parse_nik(digits, today))
    # The closer length decides which message helps more.
    if len(digits) > CARD_LENGTH:
        raise IdentityError(IdentityProblem.NIK_LENGTH)
    raise IdentityError(IdentityProblem.WRONG_LENGTH)


def _digits_only(raw: str) -> str:
    cleaned = clean(raw)
    if not cleaned:
        raise IdentityError(IdentityProblem.EMPTY)
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise IdentityError(IdentityProblem.NOT_DIGITS)
    return cleaned
