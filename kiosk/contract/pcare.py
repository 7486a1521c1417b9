"""PCare's participant record (``GET /peserta/{noKartu}``, ``/peserta/nik/{nik}``): the model the
central answers with, and the clinic's lenient reading of whatever a central sends.

PCare spells the envelope's key ``metaData``. A field missing from an answer degrades to what is
known (None), never a failure: real answers leave ``kdProviderGigi``, ``pstProl`` and ``pstPrb``
null for most people.

``/pendaftaran`` (issue 13): a visit's registration, the body the clinic's outbox carries and the
central validates (:class:`PendaftaranRequest`), its answer (``{"field": "noUrut", "message":
"A1"}``) and the DELETE's path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kiosk.contract.envelope import Metadata
from kiosk.contract.fields import TEXT, Card, PoliCode
from kiosk.domain.text import clean_name, clean_text

# BPJS's own application code for a clinic's PCare bridging (the X-authorization's third part).
DEFAULT_APP_CODE = "095"


class Provider(BaseModel):
    kdProvider: str
    nmProvider: str


class CodeName(BaseModel):
    kode: str
    nama: str


class Asuransi(BaseModel):
    kdAsuransi: str | None = None
    nmAsuransi: str | None = None
    noAsuransi: str | None = None
    cob: bool = False


class Peserta(BaseModel):
    noKartu: str
    nama: str
    hubunganKeluarga: str | None = None
    sex: str
    tglLahir: str = Field(description="dd-mm-yyyy")
    tglMulaiAktif: str | None = Field(default=None, description="dd-mm-yyyy")
    tglAkhirBerlaku: str | None = Field(default=None, description="dd-mm-yyyy")
    kdProviderPst: Provider
    kdProviderGigi: Provider | None = Field(
        default=None, description="The dental FKTP, when it differs from the registered one."
    )
    jnsKelas: CodeName
    jnsPeserta: CodeName
    golDarah: str | None = None
    noHP: str | None = None
    noKTP: str
    pstProl: str | None = Field(default=None, description="PROLANIS programme, e.g. DM, HT")
    pstPrb: str | None = Field(default=None, description="PRB (referral back) programme")
    aktif: bool
    ketAktif: str
    asuransi: Asuransi | None = None
    tunggakan: int


class PesertaAnswer(BaseModel):
    metaData: Metadata
    response: Peserta


# -- the clinic's reading ---------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """A PCare participant record, in our terms."""

    card_number: str
    nik: str | None
    name: str
    sex: str | None
    birth_date: date | None
    active: bool
    status_note: str | None
    arrears: int
    fktp_code: str
    fktp_name: str
    class_name: str | None
    dental_fktp_code: str | None = None
    dental_fktp_name: str | None = None
    kind_code: str | None = None
    kind_name: str | None = None
    relation: str | None = None
    valid_until: date | None = None
    programmes: str | None = None


def read_member(data: Any) -> Member | None:
    """PCare's fields (``noKartu``, ``tglLahir`` dd-mm-yyyy, ``kdProviderPst`` ...), or None when
    there is no usable card number."""
    if not isinstance(data, dict):
        return None
    card = str(data.get("noKartu") or "").strip()
    if not (card.isdigit() and len(card) == 13):
        return None
    nik = str(data.get("noKTP") or "").strip()
    provider = _code_name(data.get("kdProviderPst"), "kdProvider", "nmProvider")
    dental = _code_name(data.get("kdProviderGigi"), "kdProvider", "nmProvider")
    kelas = _code_name(data.get("jnsKelas"), "kode", "nama")
    kind = _code_name(data.get("jnsPeserta"), "kode", "nama")
    try:
        arrears = int(float(data.get("tunggakan") or 0))
    except (TypeError, ValueError):
        arrears = 0
    sex = str(data.get("sex") or "").strip().upper()[:1] or None
    programmes = [
        f"{label} {value}".strip()
        for label, value in (
            ("PROLANIS", _text(data.get("pstProl"))),
            ("PRB", _text(data.get("pstPrb"))),
        )
        if value is not None
    ]
    return Member(
        card_number=card,
        nik=nik if nik.isdigit() and len(nik) == 16 else None,
        name=clean_name(str(data.get("nama") or "")),
        sex=sex if sex in ("L", "P") else None,
        birth_date=_ddmmyyyy(data.get("tglLahir")),
        active=_truthy(data.get("aktif")),
        status_note=clean_text(str(data.get("ketAktif") or ""), 60) or None,
        arrears=max(arrears, 0),
        fktp_code=(provider[0] or "")[:20],
        fktp_name=clean_text(provider[1] or "", 120),
        class_name=clean_text(kelas[1], 30) or None if kelas[1] else None,
        dental_fktp_code=dental[0][:20] if dental[0] else None,
        dental_fktp_name=clean_text(dental[1], 120) or None if dental[1] else None,
        kind_code=kind[0][:10] if kind[0] else None,
        kind_name=kind[1][:60] if kind[1] else None,
        relation=(_text(data.get("hubunganKeluarga")) or None),
        valid_until=_ddmmyyyy(data.get("tglAkhirBerlaku")),
        programmes=" · ".join(programmes)[:60] or None,
    )


def _code_name(value: Any, code: str, name: str) -> tuple[str | None, str | None]:
    if not isinstance(value, dict):
        return None, None
    return (_text(value.get(code)), _text(value.get(name)))


def _text(value: Any) -> str | None:
    """A value PCare may send as null, "", "-" or "null": None for all of them. No invisible
    characters: these are shown at the kiosk and the desk."""
    if value is None or isinstance(value, dict | list):
        return None
    text = clean_text(str(value))
    return text[:60] if text and text.lower() not in ("-", "null", "none") else None


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "ya", "aktif")
    return bool(value)


def _ddmmyyyy(value: Any) -> date | None:
    try:
        return datetime.strptime(str(value), "%d-%m-%Y").date()
    except (TypeError, ValueError):
        return None


# -- /pendaftaran: a visit's registration -------------------------------------------------------

# Outbox item kinds: the registration, and its removal (cancelled visit, or undone at the desk).
REGISTER = "pcare.pendaftaran"
UNREGISTER = "pcare.pendaftaran.hapus"
KINDS = (REGISTER, UNREGISTER)
DDMMYYYY = r"^[0-9]{2}-[0-9]{2}-[0-9]{4}$"
# kdTkp: "10" outpatient (rawat jalan), the only one a queue registers.
OUTPATIENT: Literal["10"] = "10"

PcareDay = Annotated[str, Field(pattern=DDMMYYYY, examples=["23-11-2026"])]
Whole = Annotated[int, Field(ge=0, le=999)]
Measure = Annotated[float, Field(ge=0, le=999)]


class PendaftaranRequest(BaseModel):
    """``POST /pendaftaran``: a visit at this FKTP today. Vitals 0 = not measured."""

    model_config = ConfigDict(extra="forbid", strict=True)

    kdProviderPeserta: Annotated[str, Field(pattern=r"^[0-9A-Za-z]{1,20}$")]
    tglDaftar: PcareDay
    noKartu: Card
    kdPoli: PoliCode
    keluhan: Annotated[str, Field(pattern=TEXT, max_length=200)]
    kunjSakit: bool
    sistole: Whole
    diastole: Whole
    beratBadan: Measure
    tinggiBadan: Measure
    respRate: Whole
    lingkarPerut: Measure
    heartRate: Whole
    rujukBalik: Literal[0]
    kdTkp: Literal["10", "20", "50"]


class PendaftaranCreated(BaseModel):
    """The answer's ``response``: ``{"field": "noUrut", "message": "A1"}``."""

    field: Literal["noUrut"]
    message: str


def pcare_day(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def register_payload(
    *,
    provider: str,
    day: date,
    card: str,
    pcare_poli: str,
    complaint: str | None,
    sick: bool,
    vitals: dict[str, Any],
) -> dict[str, Any]:
    """The outbox body of a registration, built as the model the central validates."""
    return PendaftaranRequest.model_construct(
        kdProviderPeserta=provider,
        tglDaftar=pcare_day(day),
        noKartu=card,
        kdPoli=pcare_poli,
        keluhan=complaint or "",
        kunjSakit=sick,
        sistole=int(vitals.get("sistole") or 0),
        diastole=int(vitals.get("diastole") or 0),
        beratBadan=float(vitals.get("weight") or 0),
        tinggiBadan=float(vitals.get("height") or 0),
        respRate=int(vitals.get("breathing_rate") or 0),
        lingkarPerut=float(vitals.get("waist") or 0),
        heartRate=int(vitals.get("heart_rate") or 0),
        rujukBalik=0,
        kdTkp=OUTPATIENT,
    ).model_dump()


def unregister_payload(*, card: str, day: date, pcare_poli: str) -> dict[str, Any]:
    """The DELETE's parts. ``noUrut`` is not here: the pump takes it from the registration when
    it sends, so a DELETE queued before PCare answered waits for the answer, never guesses."""
    return {"noKartu": card, "tglDaftar": pcare_day(day), "kdPoli": pcare_poli}


def unregister_path(payload: dict[str, Any], no_urut: str) -> str:
    return (
        f"/pendaftaran/peserta/{payload['noKartu']}/tglDaftar/{payload['tglDaftar']}"
        f"/noUrut/{no_urut}/kdPoli/{payload['kdPoli']}"
    )


def read_no_urut(response: Any) -> str | None:
    """The noUrut of a ``POST /pendaftaran`` answer, or None when the answer carries none."""
    if not isinstance(response, dict) or response.get("field") != "noUrut":
        return None
    value = str(response.get("message") or "").strip()
    return value[:10] if value and value.isalnum() else None


class ProviderRef(BaseModel):
    kdProvider: str
    nmProvider: str


class PesertaRef(BaseModel):
    noKartu: str
    nama: str


class PoliRef(BaseModel):
    kdPoli: str
    nmPoli: str


class Pendaftaran(BaseModel):
    """One registration as PCare lists it (``GET /pendaftaran/noUrut/...`` and the day's list)."""

    noUrut: str
    tglDaftar: str = Field(description="dd-mm-yyyy")
    providerPelayanan: ProviderRef
    peserta: PesertaRef
    poli: PoliRef
    keluhan: str
    kunjSakit: bool
    sistole: int
    diastole: int
    beratBadan: float
    tinggiBadan: float
    respRate: int
    lingkarPerut: float
    heartRate: int
    rujukBalik: int
    kdTkp: str


class PendaftaranList(BaseModel):
    count: int
    list: list[Pendaftaran]


class PendaftaranAnswer(BaseModel):
    metaData: Metadata
    response: Pendaftaran


class PendaftaranListAnswer(BaseModel):
    metaData: Metadata
    response: PendaftaranList


class PendaftaranCreatedAnswer(BaseModel):
    metaData: Metadata
    response: PendaftaranCreated


@dataclass(frozen=True)
class ListedVisit:
    """A registration in PCare's list, as much as the clinic needs to recognise its own."""

    no_urut: str
    card: str
    poli: str


def read_registrations(response: Any) -> tuple[list[ListedVisit], int]:
    """PCare's list of the day (``{count, list}``), leniently: unusable entries are skipped."""
    if not isinstance(response, dict):
        return [], 0
    entries = response.get("list")
    found: list[ListedVisit] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        peserta, poli = entry.get("peserta"), entry.get("poli")
        card = peserta.get("noKartu") if isinstance(peserta, dict) else None
        code = poli.get("kdPoli") if isinstance(poli, dict) else None
        if entry.get("noUrut") and card and code:
            found.append(ListedVisit(str(entry["noUrut"]), str(card), str(code)))
    try:
        total = int(response.get("count") or 0)
    except (TypeError, ValueError):
        total = len(found)
    return found, total
