"""PCare's participant record (``GET /peserta/{noKartu}``, ``/peserta/nik/{nik}``), as the central
answers it. PCare spells the envelope's key ``metaData``."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kiosk.contract.envelope import Metadata


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
