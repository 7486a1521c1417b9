"""Every route of the central in process: references, participants, the queue mirror, contract
errors, and encrypted answers checked with a key computed independently."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.central.conftest import NOW
from tests.central.wire import add_body, decrypt_independently
from tests.central_server import CONS_ID, SECRET
from tests.demo_ids import AGUS_CARD, BUDI_CARD, RUDI_NIK, SITI_CARD, SITI_NIK

DAY = "2026-11-23"
ADD = "/antreanfktp/antrean/add"
CALL = "/antreanfktp/antrean/panggil"
CANCEL = "/antreanfktp/antrean/batal"


def opened(answer: httpx.Response) -> Any:
    """The answer's response, decrypted with the key of the request (signed at NOW)."""
    return json.loads(decrypt_independently(answer.json()["response"], CONS_ID, SECRET, str(NOW)))


def meta(answer: httpx.Response) -> dict[str, Any]:
    body = answer.json()
    found: dict[str, Any] = body.get("metadata") or body["metaData"]
    return found


def call_body(status: int = 1, **changes: Any) -> dict[str, Any]:
    return {
        "tanggalperiksa": DAY,
        "kodepoli": "001",
        "nomorkartu": SITI_CARD,
        "status": status,
        "waktu": NOW * 1000,
        **changes,
    }


def cancel_body(**changes: Any) -> dict[str, Any]:
    return {
        "tanggalperiksa": DAY,
        "kodepoli": "001",
        "nomorkartu": SITI_CARD,
        "alasan": "Batal datang",
        **changes,
    }


# -- references ---------------------------------------------------------------------------------


async def test_ref_poli_lists_the_demo_polis_encrypted(clinic: httpx.AsyncClient) -> None:
    answer = await clinic.get(f"/antreanfktp/ref/poli/tanggal/{DAY}")
    assert answer.status_code == 200
    assert meta(answer) == {"code": 1, "message": "OK"}
    assert isinstance(answer.json()["response"], str)  # encrypted by default
    polis = opened(answer)
    assert [(p["kodepoli"], p["namapoli"]) for p in polis] == [
        ("001", "Umum"),
        ("002", "Gigi"),
        ("003", "KIA"),
        ("004", "Lansia"),
    ]
    assert set(polis[0]) == {"namapoli", "kodepoli", "nmsubspesialis", "kdsubspesialis"}


async def test_ref_dokter_lists_doctors_shifts_and_capacity(clinic: httpx.AsyncClient) -> None:
    answer = await clinic.get(f"/antreanfktp/ref/dokter/kodepoli/001/tanggal/{DAY}")
    assert meta(answer) == {"code": 1, "message": "OK"}
    assert opened(answer) == [
        {
            "namadokter": "dr. Andi Wijaya",
            "kodedokter": 101,
            "jampraktek": "00:00-12:00",
            "kapasitas": 40,
        },
        {
            "namadokter": "dr. Maya Sari",
            "kodedokter": 102,
            "jampraktek": "00:00-12:00",
            "kapasitas": 30,
        },
        {
            "namadokter": "dr. Maya Sari",
            "kodedokter": 102,
            "jampraktek": "12:00-23:59",
            "kapasitas": 40,
        },
    ]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (f"/antreanfktp/ref/dokter/kodepoli/009/tanggal/{DAY}", "Poli 009 tidak ditemukan."),
        ("/antreanfktp/ref/poli/tanggal/2026-02-30", "Tanggal 2026-02-30 tidak valid."),
        ("/antreanfktp/ref/poli/tanggal/23-11-2026", "Format tanggal tidak valid (YYYY-MM-DD)."),
        ("/antreanfktp/ref/dokter/kodepoli/1/tanggal/2026-11-23", "Format kodepoli tidak valid"),
    ],
)
async def test_ref_refusals(clinic: httpx.AsyncClient, path: str, message: str) -> None:
    answer = await clinic.get(path)
    assert answer.status_code == 200
    assert meta(answer)["code"] == 201
    assert meta(answer)["message"].startswith(message)
    assert answer.json()["response"] is None


@pytest.mark.parametrize("encrypted", [False])
async def test_no_encrypt_answers_plain_json(clinic: httpx.AsyncClient) -> None:
    answer = await clinic.get(f"/antreanfktp/ref/poli/tanggal/{DAY}")
    assert [p["kodepoli"] for p in answer.json()["response"]] == ["001", "002", "003", "004"]
    found = await clinic.get(f"/pcare-rest/peserta/{SITI_CARD}")
    assert found.json()["response"]["noKTP"] == SITI_NIK


# -- participants (PCare) -----------------------------------------------------------------------

# PCare's field set (protocol.md, part 2), as the catalog's /peserta answer lists it.
PCARE_FIELDS = {
    "noKartu",
    "nama",
    "hubunganKeluarga",
    "sex",
    "tglLahir",
    "tglMulaiAktif",
    "tglAkhirBerlaku",
    "kdProviderPst",
    "kdProviderGigi",
    "jnsKelas",
    "jnsPeserta",
    "golDarah",
    "noHP",
    "noKTP",
    "pstProl",
    "pstPrb",
    "aktif",
    "ketAktif",
    "asuransi",
    "tunggakan",
}


async def test_peserta_by_card_has_exactly_the_pcare_fields(clinic: httpx.AsyncClient) -> None:
    answer = await clinic.get(f"/pcare-rest/peserta/{SITI_CARD}")
    assert set(answer.json()) == {"metaData", "response"}
    assert meta(answer) == {"code": 200, "message": "OK"}
    person = opened(answer)
    assert set(person) == PCARE_FIELDS
    assert person == {
        "noKartu": SITI_CARD,
        "nama": "Siti Aminah",
        "hubunganKeluarga": "Istri",
        "sex": "P",
        "tglLahir": "05-07-1990",
        "tglMulaiAktif": None,
        "tglAkhirBerlaku": "31-12-2030",
        "noKTP": SITI_NIK,
        "aktif": True,
        "ketAktif": "AKTIF",
        "tunggakan": 0,
        "kdProviderPst": {"kdProvider": "P3273010", "nmProvider": "Puskesmas Sukamaju"},
        "kdProviderGigi": None,
        "jnsKelas": {"kode": "3", "nama": "KELAS III"},
        "jnsPeserta": {"kode": "PBI", "nama": "PBI (APBN)"},
        "golDarah": None,
        "noHP": None,
        "pstProl": "HT",
        "pstPrb": None,
        "asuransi": {"kdAsuransi": None, "nmAsuransi": None, "noAsuransi": None, "cob": False},
    }


async def test_peserta_by_nik_and_the_demo_situations(clinic: httpx.AsyncClient) -> None:
    rudi = opened(await clinic.get(f"/pcare-rest/peserta/nik/{RUDI_NIK}"))
    assert (rudi["aktif"], rudi["ketAktif"]) == (False, "TIDAK AKTIF")
    agus = opened(await clinic.get(f"/pcare-rest/peserta/{AGUS_CARD}"))
    assert agus["kdProviderPst"] == {"kdProvider": "P3273020", "nmProvider": "Puskesmas Cibeunying"}
    budi = opened(await clinic.get(f"/pcare-rest/peserta/{BUDI_CARD}"))
    assert (budi["sex"], budi["tglLahir"]) == ("L", "12-03-2015")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/pcare-rest/peserta/0009999999999", "Peserta tidak ditemukan."),
        ("/pcare-rest/peserta/nik/3273019999990009", "Peserta tidak ditemukan."),
        ("/pcare-rest/peserta/12345", "Format nomorkartu tidak valid (13 digit angka)."),
        ("/pcare-rest/peserta/nik/12345", "Format nik tidak valid (16 digit angka)."),
    ],
)
async def test_peserta_refusals_use_metadata_spelling(
    clinic: httpx.AsyncClient, path: str, message: str
) -> None:
    answer = await clinic.get(path)
    assert answer.json() == {"metaData": {"code": 201, "message": message}, "response": None}


# -- the queue mirror ---------------------------------------------------------------------------


async def test_add_then_repeat_is_208_duplikasi(clinic: httpx.AsyncClient) -> None:
    first = await clinic.post(ADD, json=add_body())
    assert first.json() == {"metadata": {"code": 200, "message": "Ok."}, "response": None}
    again = await clinic.post(ADD, json=add_body(nomorantrean="A-009", angkaantrean=9))
    assert again.status_code == 200
    assert meta(again)["code"] == 208 and "duplikasi" in meta(again)["message"]
    mirror = (await clinic.get(f"/admin/mirror/{DAY}")).json()
    assert [(e["nomorantrean"], e["status"]) for e in mirror] == [("A-001", "booked")]


async def test_call_present_absent_and_again(clinic: httpx.AsyncClient) -> None:
    await clinic.post(ADD, json=add_body())
    assert meta(await clinic.post(CALL, json=call_body(2)))["code"] == 200
    mirror = (await clinic.get(f"/admin/mirror/{DAY}")).json()
    assert (mirror[0]["status"], mirror[0]["waktu"]) == ("absent", NOW * 1000)
    # A no-show who comes back is called again, present.
    assert (
        meta(await clinic.post(CALL, json=call_body(1, waktu=NOW * 1000 + 60_000)))["code"] == 200
    )
    mirror = (await clinic.get(f"/admin/mirror/{DAY}")).json()
    assert (mirror[0]["status"], mirror[0]["waktu"]) == ("called", NOW * 1000 + 60_000)


async def test_cancel_twice_is_harmless_and_a_new_number_may_follow(
    clinic: httpx.AsyncClient,
) -> None:
    await clinic.post(ADD, json=add_body())
    assert meta(await clinic.post(CANCEL, json=cancel_body()))["code"] == 200
    assert meta(await clinic.post(CANCEL, json=cancel_body()))["code"] == 200
    refused = await clinic.post(CALL, json=call_body())
    assert meta(refused) == {"code": 201, "message": "Antrean sudah dibatalkan."}
    mirror = (await clinic.get(f"/admin/mirror/{DAY}")).json()
    assert (mirror[0]["status"], mirror[0]["alasan"]) == ("cancelled", "Batal datang")
    # The participant takes a new number at the same poli and date after cancelling.
    renewed = await clinic.post(ADD, json=add_body(nomorantrean="A-004", angkaantrean=4))
    assert meta(renewed)["code"] == 200
    mirror = (await clinic.get(f"/admin/mirror/{DAY}")).json()
    assert [(e["nomorantrean"], e["status"], e["alasan"]) for e in mirror] == [
        ("A-004", "booked", None)
    ]


async def test_a_number_called_present_cannot_be_cancelled(clinic: httpx.AsyncClient) -> None:
    await clinic.post(ADD, json=add_body())
    await clinic.post(CALL, json=call_body(1))
    refused = await clinic.post(CANCEL, json=cancel_body())
    assert meta(refused)["code"] == 201
    assert "tidak dapat dibatalkan" in meta(refused)["message"]


@pytest.mark.parametrize(("path", "body"), [(CALL, call_body()), (CANCEL, cancel_body())])
async def test_call_or_cancel_of_an_unknown_number_is_refused(
    clinic: httpx.AsyncClient, path: str, body: dict[str, Any]
) -> None:
    answer = await clinic.post(path, json=body)
    assert answer.status_code == 200
    assert meta(answer) == {
        "code": 201,
        "message": f"Antrean peserta di poli 001 tanggal {DAY} tidak ditemukan.",
    }


async def test_add_at_an_unknown_poli_is_refused(clinic: httpx.AsyncClient) -> None:
    answer = await clinic.post(ADD, json=add_body(kodepoli="009"))
    assert meta(answer) == {"code": 201, "message": "Poli 009 tidak ditemukan."}


async def test_each_field_is_checked(clinic: httpx.AsyncClient) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        (add_body(nomorkartu="123"), "Format nomorkartu tidak valid (13 digit angka)."),
        (add_body(nik="32730145079000011"), "Format nik tidak valid (16 digit angka)."),
        (add_body(tanggalperiksa="2026-13-01"), "Tanggal 2026-13-01 tidak valid."),
        (add_body(jampraktek="8-12"), "Format jampraktek tidak valid (HH:MM-HH:MM)."),
        (add_body(nohp="08x"), "Format nohp tidak valid"),
        (add_body(kodedokter="101"), "kodedokter harus berupa bilangan bulat yang valid."),
        (add_body(angkaantrean=0), "angkaantrean harus berupa bilangan bulat yang valid."),
        (add_body(nomorantrean="012"), "Format nomorantrean tidak valid (mis. A-012)."),
        (add_body(namapoli=1), "namapoli harus berupa teks."),
        (add_body(keterangan="a\x00b"), "Format keterangan tidak valid"),
        (add_body(keterangan="x" * 201), "Panjang keterangan tidak valid."),
        (add_body(kodebooking="X"), "kodebooking tidak dikenal."),
        ({k: v for k, v in add_body().items() if k != "nik"}, "nik wajib diisi."),
    ]
    for body, message in cases:
        answer = await clinic.post(ADD, json=body)
        assert answer.status_code == 200, body
        assert meta(answer)["code"] == 201, body
        assert meta(answer)["message"].startswith(message), (body, meta(answer))
    assert meta(await clinic.post(CALL, json=call_body(status=3)))["message"] == (
        "status harus 1 atau 2."
    )
    assert meta(await clinic.post(ADD, json=add_body(nohp="")))["code"] == 200  # walk-in: no phone


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"nomorkartu": "00012', "Format JSON tidak valid."),
        (b"[1, 2]", "Isi permintaan harus berupa objek JSON."),
        (b"\xff\xfe", "Format JSON tidak valid."),
        (
            b'{"a": "' + b"x" * 20_000 + b'"}',
            "Isi permintaan terlalu besar (paling banyak 16384 byte).",
        ),
    ],
)
async def test_malformed_bodies_answer_in_the_envelope(
    clinic: httpx.AsyncClient, content: bytes, message: str
) -> None:
    answer = await clinic.post(ADD, content=content, headers={"content-type": "application/json"})
    assert answer.status_code == 200
    assert answer.json() == {"metadata": {"code": 201, "message": message}, "response": None}


async def test_unknown_address_and_method_keep_their_status_in_the_envelope(
    clinic: httpx.AsyncClient,
) -> None:
    missing = await clinic.get("/antreanfktp/antrean/status")
    assert missing.status_code == 404
    assert missing.json()["metadata"] == {"code": 201, "message": "Alamat layanan tidak ditemukan."}
    wrong = await clinic.get(ADD)
    assert wrong.status_code == 405 and meta(wrong)["code"] == 201
    pcare = await clinic.get("/pcare-rest/nothing")
    assert pcare.status_code == 404 and "metaData" in pcare.json()
