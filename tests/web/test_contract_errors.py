"""Whatever a phone sends, the answer is the envelope: malformed JSON, missing fields, wrong types,
oversized bodies, unknown addresses and our own faults included. Never a stack trace."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from kiosk.web.app import MAX_BODY_BYTES
from tests.demo_ids import SITI_CARD, SITI_NIK
from tests.web.phone import booking, code_of, message_of, patient


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b'{"nomorkartu": ', "Format JSON tidak valid."),
        (b"\xff\xfe\x00", "Format JSON tidak valid."),
        (b"[1, 2, 3]", "Isi permintaan harus berupa objek JSON."),
        (b'"just a string"', "Isi permintaan harus berupa objek JSON."),
        (b"null", "Isi permintaan harus berupa objek JSON."),
        (b"", "Isi permintaan harus berupa objek JSON."),
    ],
)
async def test_a_body_that_is_not_an_object(
    phone: httpx.AsyncClient, headers: dict[str, str], content: bytes, says: str
) -> None:
    sent = {**headers, "content-type": "application/json"}
    answer = await phone.post("/antrean", content=content, headers=sent)
    assert code_of(answer) == 201
    assert message_of(answer) == says


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"nik": None}, "nik harus berupa teks."),
        ({"kodedokter": "10x"}, "kodedokter harus berupa bilangan bulat."),
        ({"kodedokter": 101.5}, "kodedokter harus berupa bilangan bulat."),
        ({"kodedokter": True}, "kodedokter harus berupa bilangan bulat."),
        ({"kodedokter": 0}, "kodedokter tidak valid."),
        ({"nomorkartu": 123}, "Format nomorkartu tidak valid (harus 13 digit angka)."),
        ({"nomorkartu": [1]}, "nomorkartu harus berupa teks."),
        ({"nomorkartu": "000123456780"}, "Format nomorkartu tidak valid (harus 13 digit angka)."),
        ({"nomorkartu": "٠٠٠١٢٣٤٥٦٧٨٠١"}, "Format nomorkartu tidak valid"),
        ({"nik": "32730145079000011"}, "Format nik tidak valid (harus 16 digit angka)."),
        ({"tanggalperiksa": "23-11-2026"}, "Format tanggalperiksa tidak valid (harus YYYY-MM-DD)."),
        ({"jampraktek": "8:00-12:00"}, "Format jampraktek tidak valid (harus HH:MM-HH:MM)."),
        ({"kodepoli": "01"}, "Format kodepoli tidak valid"),
        ({"nohp": "+62 812"}, "Format nohp tidak valid (harus 8 sampai 15 digit angka)."),
        ({"keluhan": "x" * 201}, "keluhan terlalu panjang (paling banyak 200 karakter)."),
        ({"keluhan": "sakit\x00gigi"}, "Format keluhan tidak valid"),
        ({"keluhan": "\ud800"}, "keluhan harus berupa teks."),
    ],
)
async def test_each_field_is_checked(
    phone: httpx.AsyncClient, headers: dict[str, str], changes: dict[str, Any], says: str
) -> None:
    body = json.dumps(booking(**changes)).encode()  # \ud800 travels escaped, as JSON allows
    sent = {**headers, "content-type": "application/json"}
    answer = await phone.post("/antrean", content=body, headers=sent)
    assert code_of(answer) == 201
    assert message_of(answer).startswith(says)


async def test_missing_fields_are_named(phone: httpx.AsyncClient, headers: dict[str, str]) -> None:
    body = booking()
    del body["nohp"], body["kodedokter"]
    answer = await phone.post("/antrean", json=body, headers=headers)
    assert code_of(answer) == 201
    assert message_of(answer) == "kodedokter wajib diisi. nohp wajib diisi."


async def test_unknown_fields_are_ignored(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    answer = await phone.post("/antrean", json=booking(catatan="dari aplikasi"), headers=headers)
    assert code_of(answer) == 200


async def test_an_oversized_body_is_refused_before_it_is_read(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    big = patient(alamat="x" * (MAX_BODY_BYTES + 1))
    answer = await phone.post("/peserta", json=big, headers=headers)
    assert code_of(answer) == 201
    assert message_of(answer) == "Permintaan terlalu besar (paling banyak 16384 byte)."


async def test_an_oversized_body_without_a_length_is_cut_off(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(40):
            yield b" " * 1024  # JSON allows whitespace; the guard counts bytes

    answer = await phone.post("/antrean", content=chunks(), headers=headers)
    assert "content-length" not in answer.request.headers
    assert code_of(answer) == 201
    assert "terlalu besar" in message_of(answer)


async def test_a_lying_content_length_is_refused(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    sent = {**headers, "content-length": "99999999", "content-type": "application/json"}
    answer = await phone.post("/antrean", content=b"{}", headers=sent)
    assert code_of(answer) == 201


async def test_unknown_addresses_and_methods_keep_their_status_in_the_envelope(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    missing = await phone.get("/antrean/tidak-ada", headers=headers)
    assert missing.status_code == 404
    assert missing.json() == {
        "metadata": {"code": 201, "message": "Alamat layanan tidak ditemukan."}
    }
    wrong = await phone.delete("/antrean", headers=headers)
    assert wrong.status_code == 405
    assert wrong.json()["metadata"]["code"] == 201
    assert (await phone.get("/docs")).status_code == 404  # no pages that need the internet


async def test_a_fault_of_ours_is_a_201_and_a_log_line_without_personal_data(
    app: FastAPI,
    phone: httpx.AsyncClient,
    headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    services = app.state.services

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"disk on fire while reading {SITI_CARD} / {SITI_NIK}")

    monkeypatch.setattr(services.participants, "identify", broken)
    with caplog.at_level(logging.INFO):
        answer = await phone.get(
            f"/antrean/sisapeserta/{SITI_CARD}/001/2026-11-23", headers=headers
        )
        refused = await phone.post("/antrean", json=booking(), headers=headers)
    for each in (answer, refused):
        assert each.json() == {
            "metadata": {
                "code": 201,
                "message": "Layanan antrean puskesmas sedang bermasalah. Silakan coba lagi, "
                "atau datang ke loket pendaftaran.",
            }
        }
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("kiosk"))
    assert "RuntimeError" in ours
    assert "/antrean/sisapeserta/{nomorkartu}/{kodepoli}/{tanggalperiksa}" in ours
    assert SITI_CARD not in ours and SITI_NIK not in ours
    assert "Traceback" not in answer.text


async def test_the_openapi_document_describes_the_six_calls(phone: httpx.AsyncClient) -> None:
    document = (await phone.get("/openapi.json")).json()
    # Each call in both catalog versions: version 1 unprefixed, version 2 under /v2.
    calls = [
        ("/antrean", "post"),
        ("/antrean/batal", "put"),
        ("/antrean/sisapeserta/{nomorkartu}/{kodepoli}/{tanggalperiksa}", "get"),
        ("/antrean/status/{kodepoli}/{tanggalperiksa}", "get"),
        ("/auth", "get"),
        ("/peserta", "post"),
    ]
    expected = sorted([*calls, *((f"/v2{path}", method) for path, method in calls)])
    assert (
        sorted((path, method) for path, ops in document["paths"].items() for method in ops)
        == expected
    )
    text = json.dumps(document)
    assert '"422"' not in text  # every answer is a 200 envelope
    schemas = document["components"]["schemas"]
    assert list(schemas["BookingRequest"]["properties"]) == [
        "nomorkartu",
        "nik",
        "kodepoli",
        "tanggalperiksa",
        "keluhan",
        "kodedokter",
        "jampraktek",
        "norm",
        "nohp",
    ]
    assert schemas["BookingRequest"]["properties"]["kodedokter"]["type"] == "integer"
    assert list(schemas["PatientRequest"]["properties"]) == [
        "nomorkartu",
        "nik",
        "nomorkk",
        "nama",
        "jeniskelamin",
        "tanggallahir",
        "alamat",
        "kodeprop",
        "namaprop",
        "kodedati2",
        "namadati2",
        "kodekec",
        "namakec",
        "kodekel",
        "namakel",
        "rw",
        "rt",
    ]
    assert set(document["components"]["securitySchemes"]) == {"x-token", "x-username"}
