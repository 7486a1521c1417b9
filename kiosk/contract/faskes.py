"""The Antrean FKTP contract, faskes side: what Mobile JKN sends ``kiosk serve``, and its answers,
in both catalog versions.

Field names are BPJS's, exactly (``../shared/docs/protocol.md``, part 1). Every request field has a
precise type and pattern, so the OpenAPI document says what a phone may send, and anything else is
answered with a contract error (code 201) before any rule runs. One tolerance, as real phones
need it: a number sent as digits in a string (``"kodedokter": "123"``) is taken, and so is a
number where digits in a string are expected (``"norm": 123``); anything else of the wrong type
is refused. Version 1's answers carry counts as strings, version 2's as numbers.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from kiosk.contract.envelope import Metadata
from kiosk.contract.fields import (
    CARD,
    DATE,
    NAME,
    NIK,
    NORM,
    PHONE,
    POLI,
    REGION_CODE,
    RT_RW,
    SHIFT,
    TEXT,
)
from kiosk.domain.text import NAME_MAX, NameProblem, check_name, has_invisible
from kiosk.i18n import t


def _digits_to_int(value: Any) -> Any:
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return value


def _int_to_text(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


# A string field that takes a JSON number too; a number field that takes a string of digits too.
Str = Annotated[str, BeforeValidator(_int_to_text)]
Int = Annotated[int, BeforeValidator(_digits_to_int)]


# Constraints before the validator, so they stay string constraints (and their error kinds).
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


# Constraints before the validators, so they stay string constraints (and their error kinds).
Text = Annotated[
    str,
    Field(max_length=200, pattern=TEXT),
    BeforeValidator(_int_to_text),
    AfterValidator(_visible),
]
Name = Annotated[
    str,
    Field(min_length=1, max_length=NAME_MAX, pattern=NAME),
    BeforeValidator(_int_to_text),
    AfterValidator(_name),
]
DoctorCode = Annotated[Int, Field(ge=1, le=2_147_483_647, examples=[101])]


class ContractAnswer(Exception):
    """Any answer but 200: code 201 (refused, with the reason) or 202 (new patient)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def refuse(key: str, **params: object) -> ContractAnswer:
    """A 201 answer with the Indonesian message of a translation key."""
    return ContractAnswer(201, t(key, "id", **params))


# -- requests --------------------------------------------------------------------------------


class _Body(BaseModel):
    # Strict: a value of another type is a contract error, not a guess (but for Str and Int).
    model_config = ConfigDict(strict=True, extra="ignore")


class BookingRequest(_Body):
    """Version 2's ``POST /v2/antrean``: the phone names the doctor and the shift."""

    nomorkartu: Str = Field(pattern=CARD, examples=["0001234567801"])
    nik: Str = Field(pattern=NIK, examples=["3273014507900001"])
    kodepoli: Str = Field(pattern=POLI, examples=["001"])
    tanggalperiksa: Str = Field(pattern=DATE, examples=["2026-11-23"])
    keluhan: Text = Field(examples=["Demam"])
    kodedokter: DoctorCode
    jampraktek: Str = Field(pattern=SHIFT, examples=["00:00-12:00"])
    norm: Str = Field(pattern=NORM, description="The clinic's medical record number; may be empty.")
    nohp: Str = Field(pattern=PHONE, examples=["081234567890"])


# The fields that make a body sent to version 1's POST /antrean a version-2 body.
V2_ONLY = ("kodedokter", "jampraktek")


class BookingRequestV1(_Body):
    """Version 1's ``POST /antrean``: five fields; the clinic picks the doctor and shift. A body
    with version 2's ``kodedokter`` or ``jampraktek`` is honoured as version 2."""

    nomorkartu: Str = Field(pattern=CARD, examples=["0001234567801"])
    nik: Str = Field(pattern=NIK, examples=["3273014507900001"])
    kodepoli: Str = Field(pattern=POLI, examples=["001"])
    tanggalperiksa: Str = Field(pattern=DATE, examples=["2026-11-23"])
    keluhan: Text = Field(examples=["Demam"])
    kodedokter: DoctorCode | None = Field(default=None, description="Version 2 only.")
    jampraktek: Str | None = Field(default=None, pattern=SHIFT, description="Version 2 only.")
    norm: Str | None = Field(default=None, pattern=NORM, description="Version 2 only.")
    nohp: Str | None = Field(default=None, pattern=PHONE, description="Version 2 only.")

    @property
    def is_v2(self) -> bool:
        return any(getattr(self, name) is not None for name in V2_ONLY)


class CancelRequest(_Body):
    """Version 2's ``PUT /v2/antrean/batal``."""

    nomorkartu: Str = Field(pattern=CARD)
    kodepoli: Str = Field(pattern=POLI)
    tanggalperiksa: Str = Field(pattern=DATE)
    keterangan: Text = Field(description="Why the patient cancels; may be empty.")


class CancelRequestV1(_Body):
    """Version 1's ``PUT /antrean/batal``: ``keterangan`` may be left out."""

    nomorkartu: Str = Field(pattern=CARD)
    kodepoli: Str = Field(pattern=POLI)
    tanggalperiksa: Str = Field(pattern=DATE)
    keterangan: Text = Field(default="", description="Why the patient cancels; optional.")


class PatientRequest(_Body):
    nomorkartu: Str = Field(pattern=CARD)
    nik: Str = Field(pattern=NIK)
    nomorkk: Str = Field(pattern=NIK)
    nama: Name
    jeniskelamin: Literal["L", "P"]
    tanggallahir: Str = Field(pattern=DATE)
    alamat: Text
    kodeprop: Str = Field(pattern=REGION_CODE)
    namaprop: Text
    kodedati2: Str = Field(pattern=REGION_CODE)
    namadati2: Text
    kodekec: Str = Field(pattern=REGION_CODE)
    namakec: Text
    kodekel: Str = Field(pattern=REGION_CODE)
    namakel: Text
    rw: Str = Field(pattern=RT_RW)
    rt: Str = Field(pattern=RT_RW)


# -- answers ---------------------------------------------------------------------------------


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


class PoliStatusV1(BaseModel):
    """Version 1's status: one object for the poli, counts as strings."""

    namapoli: str
    totalantrean: str
    sisaantrean: str
    antreanpanggil: str
    keterangan: str


class BookedV1(BaseModel):
    """Version 1's booking answer: counts as strings; ``keterangan`` names the doctor and shift
    the clinic picked."""

    nomorantrean: str
    angkaantrean: str
    namapoli: str
    sisaantrean: str
    antreanpanggil: str
    keterangan: str

    @classmethod
    def of(cls, booked: Booked) -> BookedV1:
        return cls(**{name: str(value) for name, value in booked.model_dump().items()})


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


class StatusAnswerV1(BaseModel):
    metadata: Metadata
    response: PoliStatusV1


class BookedAnswerV1(BaseModel):
    metadata: Metadata
    response: BookedV1


class PositionAnswer(BaseModel):
    metadata: Metadata
    response: Position


class NormAnswer(BaseModel):
    metadata: Metadata
    response: Norm


def ok() -> Metadata:
    return Metadata(code=200, message=t("ws.ok", "id"))
