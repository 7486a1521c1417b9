"""What goes on a patient's slip, already resolved to display strings.

The slip code knows nothing about the database or the translation table: the caller hands over
finished values, so rendering and printing stay pure and easy to test.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from kiosk.domain.slip_code import from_scan

# A card number (13 digits) or NIK (16 digits) must never reach paper, a QR code or a file name.
_LONG_DIGIT_RUN = re.compile(r"\d{13,}")


def has_long_digit_run(text: str) -> bool:
    """True if ``text`` holds 13 or more digits in a row, i.e. could be a card number or NIK."""
    return _LONG_DIGIT_RUN.search(text) is not None


@dataclass(frozen=True)
class SlipLabels:
    """Already-translated captions; the app's translation table supplies them.

    ``ahead`` is a template containing ``{n}``, e.g. ``"{n} orang di depan Anda"``.
    """

    title: str
    poli: str
    doctor: str
    date: str
    shift: str
    ahead: str
    card: str
    non_jkn: str
    footer: str
    issued: str
    # The same words as the screen for nobody and one person ahead; empty: the ``ahead`` template.
    ahead_none: str = ""
    ahead_one: str = ""
    code: str = ""  # the caption of the slip code printed under the QR; empty: not printed

    def people_ahead(self, n: int) -> str:
        if n == 0 and self.ahead_none:
            return self.ahead_none
        if n == 1 and self.ahead_one:
            return self.ahead_one
        # str.replace, not str.format: a stray brace in a translation must not crash printing.
        return self.ahead.replace("{n}", str(n))


@dataclass(frozen=True)
class SlipData:
    facility_name: str
    number: str
    poli_name: str
    doctor_name: str | None
    service_date: datetime.date
    jampraktek: str
    people_ahead: int
    masked_card: str | None
    qr_payload: str
    issued_at: datetime.datetime
    labels: SlipLabels
    # The expected call time as a range, already worded ("Perkiraan dipanggil 09:20–09:45").
    estimate: str | None = None
    # The patient's page (the QR's address), printed for phones without a camera app.
    address: str | None = None

    @property
    def code(self) -> str:
        """The slip code in letters: the QR's payload, or the code inside its page address."""
        return from_scan(self.qr_payload)

    def __post_init__(self) -> None:
        if self.people_ahead < 0:
            raise ValueError("people_ahead must not be negative")
        if not self.qr_payload or not self.qr_payload.isascii():
            raise ValueError("qr_payload must be non-empty ASCII")
        # Cheap last line of defence: the slip leaves the clinic in the patient's pocket.
        if has_long_digit_run(self.qr_payload):
            raise ValueError("qr_payload must not carry a card or NIK number")
        if self.masked_card is not None and has_long_digit_run(self.masked_card):
            raise ValueError("masked_card is not masked")
