"""The central's contract (protocol.md, part 2): request bodies and answers, field names exactly as
BPJS spells them. Every request field has a type and a pattern, so anything else is answered with
code 201 and a message naming the field before any rule runs.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

CARD = r"^[0-9]{13}$"
NIK = r"^[0-9]{16}$"
POLI = r"^[0-9A-Z]{3}$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SHIFT = r"^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$"
# A walk-in may leave no phone number; when given it is 8-15 digits.
PHONE = r"^([0-9]{8,15})?$"
NORM = r"^[0-9A-Za-z./-]{0,20}$"
NUMBER = r"^[A-Z]{1,2}-?[0-9]{1,4}$"
TEXT = r"^[^\x00-\x1f\x7f]*$"
NAME = r"^[^\x00-\x1f\x7f]+$"

# What each field must look like, for the refusal that names it (keys in kiosk/i18n.py).
RULES = {
    "nomorkartu": "central.rule.card",
    "nik": "central.rule.nik",
    "kodepoli": "central.rule.poli",
    "tanggalperiksa": "central.rule.date",
    "tanggal": "central.rule.date",
    "jampraktek": "central.rule.shift",
    "nohp": "central.rule.phone",
    "norm": "central.rule.norm",
    "nomorantrean": "central.rule.number",
}

Card = Annotated[str, Field(pattern=CARD, examples=["0001234567801"])]
Nik = Annotated[str, Field(pattern=NIK, examples=["3273014507900001"])]
PoliCode = Annotated[str, Field(pattern=POLI, examples=["001"])]
Day = Annotated[str, Field(pattern=DATE, examples=["2026-11-23"])]
Text = Annotated[str, Field(pattern=TEXT, max_length=200)]
Name = Annotated[str, Field(pattern=NAME, min_length=1, max_length=100)]

STATUS_BOOKED = "booked"
STATUS_CALLED = "called"
STATUS_ABSENT = "absent"
STATUS_CANCELLED = "cancelled"


class _Request(BaseModel):
    # Exactly the contract's fields, with their JSON types (no "1" for 1).
    model_config = ConfigDict(extra="forbid", strict=True)


class AddRequest(_Request):
    """``POST /antrean/add``: a queue number the clinic issued."""

    nomorkartu: Card
    nik: Nik
    nohp: Annotated[str, Field(pattern=PHONE)]
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


class Metadata(BaseModel):
    code: int
    message: str


class MetadataOnly(BaseModel):
    """A refusal, or a done call that carries no body (never encrypted)."""

    metadata: Metadata
    response: None = None


class PcareMetadataOnly(BaseModel):
    """PCare spells the key ``metaData``."""

    metaData: Metadata
    response: None = None


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


class Provider(BaseModel):
    kdProvider: str
    nmProvider: str


class CodeName(BaseModel):
    kode: str
    nama: str


class Peserta(BaseModel):
    noKartu: str
    nama: str
    sex: str
    tglLahir: str = Field(description="dd-mm-yyyy")
    noKTP: str
    aktif: bool
    ketAktif: str
    tunggakan: int
    kdProviderPst: Provider
    jnsKelas: CodeName
    jnsPeserta: CodeName


class PesertaAnswer(BaseModel):
    metaData: Metadata
    response: Peserta


class Faults(BaseModel):
    """``POST /admin/faults`` (drills only, not part of the contract): fields left out stay."""

    model_config = ConfigDict(extra="forbid")

    fail_rate: Annotated[float, Field(ge=0, le=1)] | None = None
    delay_ms: Annotated[int, Field(ge=0, le=120_000)] | None = None
    bad_json_rate: Annotated[float, Field(ge=0, le=1)] | None = None
    down: bool | None = None
    seed: int | None = None


def envelope(
    code: int, message: str, response: Any = None, *, pcare: bool = False
) -> dict[str, Any]:
    return {
        "metaData" if pcare else "metadata": {"code": code, "message": message},
        "response": response,
    }
