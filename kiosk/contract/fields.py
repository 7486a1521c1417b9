"""The contract's field patterns, and what each field must look like (for the message naming it)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

CARD = r"^[0-9]{13}$"
NIK = r"^[0-9]{16}$"
POLI = r"^[0-9A-Z]{3}$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SHIFT = r"^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$"
PHONE = r"^[0-9]{8,15}$"
# A walk-in may leave no phone number (antrean/add); when given it is 8-15 digits.
PHONE_OR_EMPTY = r"^([0-9]{8,15})?$"
REGION_CODE = r"^[0-9A-Za-z.]{0,20}$"
RT_RW = r"^[0-9]{0,3}$"
NORM = r"^[0-9A-Za-z./-]{0,20}$"
NUMBER = r"^[A-Z]{1,2}-?[0-9]{1,4}$"
# Free text: no control characters (they have no place on a slip or a desk screen).
TEXT = r"^[^\x00-\x1f\x7f]*$"
NAME = r"^[^\x00-\x1f\x7f]+$"

# What each field must look like, per side (keys ``{side}.rule.{rule}`` in kiosk/i18n/web.py and
# kiosk/i18n/central.py).
FASKES_RULES = {
    "nomorkartu": "card",
    "nik": "nik",
    "nomorkk": "kk",
    "tanggalperiksa": "date",
    "tanggallahir": "date",
    "jampraktek": "shift",
    "kodepoli": "poli",
    "nohp": "phone",
    "kodeprop": "code",
    "kodedati2": "code",
    "kodekec": "code",
    "kodekel": "code",
    "norm": "code",
    "rw": "rtrw",
    "rt": "rtrw",
    "nama": "name",
}
CENTRAL_RULES = {
    "nomorkartu": "card",
    "nik": "nik",
    "kodepoli": "poli",
    "tanggalperiksa": "date",
    "tanggal": "date",
    "jampraktek": "shift",
    "nohp": "phone",
    "norm": "norm",
    "nomorantrean": "number",
}

Card = Annotated[str, Field(pattern=CARD, examples=["0001234567801"])]
Nik = Annotated[str, Field(pattern=NIK, examples=["3273014507900001"])]
PoliCode = Annotated[str, Field(pattern=POLI, examples=["001"])]
Day = Annotated[str, Field(pattern=DATE, examples=["2026-11-23"])]
Hours = Annotated[str, Field(pattern=SHIFT, examples=["00:00-12:00"])]
