"""The central's Antrean FKTP calls (protocol.md, part 2): bodies and answers, field names exactly
as BPJS spells them, and the clinic's outbox bodies built from the same models the central checks.

Every request field has a type and a pattern, so anything else is answered with code 201 and a
message naming the field before any rule runs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kiosk.contract.envelope import Metadata
from kiosk.contract.fields import (
    NAME,
    NORM,
    NUMBER,
    PHONE_OR_EMPTY,
    SHIFT,
    TEXT,
    Card,
    Day,
    Nik,
    PoliCode,
)
from kiosk.domain.models import Participant, Ticket

Text = Annotated[str, Field(pattern=TEXT, max_length=200)]
Name = Annotated[str, Field(pattern=NAME, min_length=1, max_length=100)]

# Outbox item kinds, and the central's path for each.
ADD = "antrean.add"
CALL = "antrean.panggil"
CANCEL = "antrean.batal"
PATHS = {ADD: "/antrean/add", CALL: "/antrean/panggil", CANCEL: "/antrean/batal"}


class _Request(BaseModel):
    # Exactly the contract's fields, with their JSON types (no "1" for 1).
    model_config = ConfigDict(extra="forbid", strict=True)


class AddRequest(_Request):
    """``POST /antrean/add``: a queue number the clinic issued."""

    nomorkartu: Card
    nik: Nik
    nohp: Annotated[str, Field(pattern=PHONE_OR_EMPTY)]
    kodepoli: PoliCode
    namapoli: Name
    norm: Annotated[str, Field(pattern=NORM)]
    tanggalperiksa: Day
    kodedokter: Annotated[int, Field(ge=1, le=99_999_999)]
    namadokter: Name
    jampraktek: Annotated[str, Field(pattern=SHIFT)]
    nomorantrean: Annotated[str, Field(pattern=NUMBER, examples=["A-012"])]
    angkaantrean: Annotated[int, Field(ge=1, le=9999)]
    keterangan: Text


class CallRequest(_Request):
    """``POST /antrean/panggil``: the patient was called (1 present, 2 absent)."""

    tanggalperiksa: Day
    kodepoli: PoliCode
    nomorkartu: Card
    status: Literal[1, 2]
    waktu: Annotated[int, Field(ge=1, le=99_999_999_999_999, description="epoch milliseconds")]


class CancelRequest(_Request):
    """``POST /antrean/batal``."""

    tanggalperiksa: Day
    kodepoli: PoliCode
    nomorkartu: Card
    alasan: Text


# -- answers ----------------------------------------------------------------------------------


class PoliRef(BaseModel):
    namapoli: str
    kodepoli: str
    nmsubspesialis: str
    kdsubspesialis: str


class DoctorRef(BaseModel):
    namadokter: str
    kodedokter: int
    jampraktek: str
    kapasitas: int


class PoliAnswer(BaseModel):
    metadata: Metadata
    response: list[PoliRef]


class DoctorAnswer(BaseModel):
    metadata: Metadata
    response: list[DoctorRef]


# -- the clinic's outbox bodies ---------------------------------------------------------------
# Built as the models above, so a body the central would refuse for its form fails here first
# (in the tests), not at the central days later. Stored as plain JSON in the outbox.


def add_payload(ticket: Ticket, participant: Participant, phone: str | None) -> dict[str, Any]:
    return AddRequest.model_construct(
        nomorkartu=participant.card_number,
        nik=participant.nik or "",
        nohp=phone or "",
        kodepoli=ticket.poli_code,
        namapoli=ticket.poli_name,
        norm="",
        tanggalperiksa=ticket.service_date.isoformat(),
        # Every JKN ticket has a doctor; one without would be refused by the central, as it is.
        kodedokter=ticket.doctor_code,  # type: ignore[arg-type]
        namadokter=ticket.doctor_name or "",
        jampraktek=ticket.jampraktek,
        nomorantrean=ticket.number,
        angkaantrean=ticket.seq,
        keterangan="",
    ).model_dump()


def cancel_payload(ticket: Ticket, participant: Participant, reason: str) -> dict[str, Any]:
    return CancelRequest.model_construct(
        tanggalperiksa=ticket.service_date.isoformat(),
        kodepoli=ticket.poli_code,
        nomorkartu=participant.card_number,
        alasan=reason,
    ).model_dump()


def call_payload(
    ticket: Ticket, participant: Participant, present: bool, when: datetime
) -> dict[str, Any]:
    """``antrean/panggil``: the patient came when called (status 1) or did not (status 2)."""
    return CallRequest.model_construct(
        tanggalperiksa=ticket.service_date.isoformat(),
        kodepoli=ticket.poli_code,
        nomorkartu=participant.card_number,
        status=1 if present else 2,
        waktu=int(when.timestamp() * 1000),
    ).model_dump()


MODELS: dict[str, type[_Request]] = {ADD: AddRequest, CALL: CallRequest, CANCEL: CancelRequest}


def validate_payload(kind: str, payload: dict[str, Any]) -> _Request:
    """The central's own check of an outbox body (raises pydantic's ValidationError)."""
    return MODELS[kind].model_validate(payload)
