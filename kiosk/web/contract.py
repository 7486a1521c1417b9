"""The Antrean FKTP contract, faskes side (version 2): bodies, answers and the envelope.

Field names are BPJS's, exactly (``../shared/docs/protocol.md``, part 1). Every request field has a
precise type and pattern, so the OpenAPI document says what a phone may send, and anything else is
answered with a contract error (code 201) before any rule runs.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from kiosk.domain.text import NAME_MAX, NameProblem, check_name, has_invisible
from kiosk.i18n import t

CARD = r"^[0-9]{13}$"
NIK = r"^[0-9]{16}$"
POLI = r"^[0-9A-Z]{3}$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SHIFT = r"^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$"
PHONE = r"^[0-9]{8,15}$"
REGION_CODE = r"^[0-9A-Za-z.]{0,20}$"
RT_RW = r"^[0-9]{0,3}$"
NORM = r"^[0-9A-Za-z./-]{0,20}$"
# Free text: no control characters (they have no place on a slip or a desk screen).
TEXT = r"^[^\x00-\x1f\x7f]*$"
NAME = r"^[^\x00-\x1f\x7f]+$"

# What each field must look like, for the contract error that names it.
RULES = {
    "nomorkartu": "ws.rule.card",
    "nik": "ws.rule.nik",
    "nomorkk": "ws.rule.kk",
    "tanggalperiksa": "ws.rule.date",
    "tanggallahir": "ws.rule.date",
    "jampraktek": "ws.rule.shift",
    "kodepoli": "ws.rule.poli",
    "nohp": "ws.rule.phone",
    "kodeprop": "ws.rule.code",
    "kodedati2": "ws.rule.code",
    "kodekec": "ws.rule.code",
    "kodekel": "ws.rule.code",
    "norm": "ws.rule.code",
    "rw": "ws.rule.rtrw",
    "rt": "ws.rule.rtrw",
    "nama": "ws.rule.name",
}


def _visible(text: str) -> str:
    """Free text keeps no bidi, zero-width or other invisible character (``domain/text``)."""
    if has_invisible(text):
        raise PydanticCustomError("string_pattern_mismatch", "invisible characters")
    return text


def _name(text: str) -> str:
    """A name is letters, spaces and . ' - , (``domain/text``); kept with its spaces tidied."""
    name = check_name(text)
    if name == NameProblem.EMPTY:
        raise PydanticCustomError("string_too_short", "empty")
    if name == NameProblem.TOO_LONG:
        raise PydanticCustomError("string_too_long", "too long", {"max_length": NAME_MAX})
    if isinstance(name, NameProblem):
        raise PydanticCustomError("string_pattern_mismatch", "not a name")
    return name


Text = Annotated[str, Field(max_length=200, pattern=TEXT), AfterValidator(_visible)]
Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX, pattern=NAME), AfterValidator(_name)]


class ContractAnswer(Exception):
    """Any answer but 200: code 201 (refused, with the reason) or 202 (new patient)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def refuse(key: str, **params: object) -> ContractAnswer:
    """A 201 answer with the Indonesian message of a translation key."""
    return ContractAnswer(201, t(key, "id", **params))


def envelope(code: int, message: str) -> dict[str, object]:
    return {"metadata": {"code": code, "message": message}}


# -- requests --------------------------------------------------------------------------------


class _Body(BaseModel):
    # Strict: a number sent as text (or text as a number) is a contract error, not a guess.
    model_config = ConfigDict(strict=True, extra="ignore")


class BookingRequest(_Body):
    nomorkartu: str = Field(pattern=CARD, examples=["0001234567801"])
    nik: str = Field(pattern=NIK, examples=["3273014507900001"])
    kodepoli: str = Field(pattern=POLI, examples=["001"])
    tanggalperiksa: str = Field(pattern=DATE, examples=["2026-11-23"])
    keluhan: Text = Field(examples=["Demam"])
    kodedokter: int = Field(ge=1, le=2_147_483_647, examples=[101])
    jampraktek: str = Field(pattern=SHIFT, examples=["00:00-12:00"])
    norm: str = Field(pattern=NORM, description="The clinic's medical record number; may be empty.")
    nohp: str = Field(pattern=PHONE, examples=["081234567890"])


class CancelRequest(_Body):
    nomorkartu: str = Field(pattern=CARD)
    kodepoli: str = Field(pattern=POLI)
    tanggalperiksa: str = Field(pattern=DATE)
    keterangan: Text = Field(description="Why the patient cancels; may be empty.")


class PatientRequest(_Body):
    nomorkartu: str = Field(pattern=CARD)
    nik: str = Field(pattern=NIK)
    nomorkk: str = Field(pattern=NIK)
    nama: Name
    jeniskelamin: Literal["L", "P"]
    tanggallahir: str = Field(pattern=DATE)
    alamat: Text
    kodeprop: str = Field(pattern=REGION_CODE)
    namaprop: Text
    kodedati2: str = Field(pattern=REGION_CODE)
    namadati2: Text
    kodekec: str = Field(pattern=REGION_CODE)
    namakec: Text
    kodekel: str = Field(pattern=REGION_CODE)
    namakel: Text
    rw: str = Field(pattern=RT_RW)
    rt: str = Field(pattern=RT_RW)


# -- answers ---------------------------------------------------------------------------------


class Metadata(BaseModel):
    code: int = Field(description="200 done, 201 refused (message says why), 202 new patient")
    message: str


class MetadataOnly(BaseModel):
    """A refusal, a new patient, or a done cancellation: no ``response``."""

    metadata: Metadata


class Token(BaseModel):
    token: str


class ShiftStatus(BaseModel):
    namapoli: str
    totalantrean: int = Field(description="Numbers given in this shift (not cancelled).")
    sisaantrean: int = Field(description="Of those, how many are not yet called.")
    antreanpanggil: str = Field(description='The number called last in this shift, or "-".')
    keterangan: str
    kodedokter: int
    namadokter: str
    jampraktek: str


_AHEAD = "How many the desk will call first at this poli (a booking joins at check-in)."
_CALLED = 'The number called last at this poli, or "-".'


class Booked(BaseModel):
    nomorantrean: str
    angkaantrean: int
    namapoli: str
    sisaantrean: int = Field(description=_AHEAD)
    antreanpanggil: str = Field(description=_CALLED)
    keterangan: str


class Position(BaseModel):
    nomorantrean: str
    namapoli: str
    sisaantrean: int = Field(description=_AHEAD)
    antreanpanggil: str = Field(description=_CALLED)
    keterangan: str


class Norm(BaseModel):
    norm: str


class TokenAnswer(BaseModel):
    metadata: Metadata
    response: Token


class StatusAnswer(BaseModel):
    metadata: Metadata
    response: list[ShiftStatus]


class BookedAnswer(BaseModel):
    metadata: Metadata
    response: Booked


class PositionAnswer(BaseModel):
    metadata: Metadata
    response: Position


class NormAnswer(BaseModel):
    metadata: Metadata
    response: Norm


def ok() -> Metadata:
    return Metadata(code=200, message=t("ws.ok", "id"))
