"""The Antrean FKTP contract, faskes side: what Mobile JKN sends ``kiosk serve``, and its answers.

Field names are BPJS's, exactly (``../shared/docs/protocol.md``, part 1). Every request field has a
precise type and pattern, so the OpenAPI document says what a phone may send, and anything else is
answered with a contract error (code 201) before any rule runs.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

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
from kiosk.i18n import t

Text = Annotated[str, Field(max_length=200, pattern=TEXT)]
Name = Annotated[str, Field(min_length=1, max_length=80, pattern=NAME)]


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
