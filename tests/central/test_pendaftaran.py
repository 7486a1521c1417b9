"""PCare's /pendaftaran on the central, in process: registering (noUrut A1, A2 ... per day),
the refusals (twice, unknown kdPoli, a participant elsewhere or inactive, a wrong provider),
the GETs, the DELETE, and the PCare user's checks on each route."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from kiosk.contract.pcare import PendaftaranRequest
from tests.central.conftest import signed
from tests.central.test_routes import meta, opened
from tests.central_server import pcare_authorization
from tests.demo_ids import AGUS_CARD, BUDI_CARD, RUDI_CARD, SITI_CARD

ADD = "/pcare-rest/pendaftaran"
TGL = "23-11-2026"
HERE = "P3273010"


def body(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "kdProviderPeserta": HERE,
        "tglDaftar": TGL,
        "noKartu": SITI_CARD,
        "kdPoli": "001",
        "keluhan": "demam",
        "kunjSakit": True,
        "sistole": 120,
        "diastole": 80,
        "beratBadan": 55.5,
        "tinggiBadan": 158,
        "respRate": 18,
        "lingkarPerut": 0,
        "heartRate": 76,
        "rujukBalik": 0,
        "kdTkp": "10",
        **changes,
    }
    PendaftaranRequest.model_validate(values)  # what the tests send is what the contract says
    return values


async def test_registrations_are_numbered_per_day_and_listed(clinic: httpx.AsyncClient) -> None:
    first = await clinic.post(ADD, json=body())
    assert meta(first) == {"code": 201, "message": "CREATED"}
    assert opened(first) == {"field": "noUrut", "message": "A1"}
    second = await clinic.post(ADD, json=body(noKartu=BUDI_CARD, kdPoli="003", kunjSakit=False))
    assert opened(second) == {"field": "noUrut", "message": "A2"}
    one = await clinic.get(f"/pcare-rest/pendaftaran/noUrut/A2/tglDaftar/{TGL}")
    shown = opened(one)
    assert shown["peserta"]["noKartu"] == BUDI_CARD and shown["poli"]["kdPoli"] == "003"
    assert shown["kunjSakit"] is False and shown["providerPelayanan"]["kdProvider"] == HERE
    day = opened(await clinic.get(f"/pcare-rest/pendaftaran/tglDaftar/{TGL}/0/10"))
    assert day["count"] == 2 and [e["noUrut"] for e in day["list"]] == ["A1", "A2"]
    page = opened(await clinic.get(f"/pcare-rest/pendaftaran/tglDaftar/{TGL}/1/1"))
    assert page["count"] == 2 and [e["noUrut"] for e in page["list"]] == ["A2"]
    other_day = opened(await clinic.get("/pcare-rest/pendaftaran/tglDaftar/24-11-2026/0/10"))
    assert other_day == {"count": 0, "list": []}


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"kdPoli": "099"}, "Poli PCare 099 tidak dikenal."),
        ({"noKartu": AGUS_CARD, "kdProviderPeserta": "P3273020"}, "tidak terdaftar di FKTP ini"),
        ({"noKartu": RUDI_CARD}, "Peserta tidak aktif"),
        ({"noKartu": "0009999999999"}, "Peserta tidak ditemukan."),
        ({"kdProviderPeserta": "P0000001"}, "bukan FKTP peserta"),
        ({"tglDaftar": "31-02-2026"}, "tidak valid"),
    ],
)
async def test_refusals_say_why(
    clinic: httpx.AsyncClient, changes: dict[str, Any], words: str
) -> None:
    answer = await clinic.post(ADD, json=body(**changes))
    assert answer.status_code == 200
    assert meta(answer)["code"] == 412 and words in meta(answer)["message"]
    assert answer.json()["response"] is None


async def test_a_second_registration_of_the_same_visit_is_refused(
    clinic: httpx.AsyncClient,
) -> None:
    await clinic.post(ADD, json=body())
    again = await clinic.post(ADD, json=body(sistole=130))
    assert meta(again)["code"] == 412 and "sudah didaftarkan" in meta(again)["message"]
    assert "A1" in meta(again)["message"]
    # Another poli the same day is another visit.
    gigi = await clinic.post(ADD, json=body(kdPoli="002"))
    assert opened(gigi)["message"] == "A2"


async def test_a_contract_error_names_the_field(clinic: httpx.AsyncClient) -> None:
    answer = await clinic.post(ADD, json={**body(), "kunjSakit": "ya"})
    assert meta(answer)["code"] == 201 and "kunjSakit" in meta(answer)["message"]
    extra = await clinic.post(ADD, json={**body(), "suhu": 37})
    assert "suhu" in meta(extra)["message"]


async def test_delete_removes_it_once_and_the_number_is_not_given_again(
    clinic: httpx.AsyncClient,
) -> None:
    await clinic.post(ADD, json=body())
    path = f"/pcare-rest/pendaftaran/peserta/{SITI_CARD}/tglDaftar/{TGL}/noUrut/A1/kdPoli/001"
    wrong_poli = path.replace("kdPoli/001", "kdPoli/002")
    assert meta(await clinic.delete(wrong_poli))["code"] == 404
    done = await clinic.delete(path)
    assert meta(done) == {"code": 200, "message": "OK"}
    assert meta(await clinic.delete(path))["code"] == 404  # already gone
    gone = await clinic.get(f"/pcare-rest/pendaftaran/noUrut/A1/tglDaftar/{TGL}")
    assert meta(gone)["code"] == 404
    again = await clinic.post(ADD, json=body())
    assert opened(again)["message"] == "A2"  # a new visit, a new number


@pytest.mark.parametrize("method", ["POST", "GET", "DELETE"])
async def test_every_route_checks_the_pcare_user(clinic: httpx.AsyncClient, method: str) -> None:
    path = {
        "POST": ADD,
        "GET": f"/pcare-rest/pendaftaran/tglDaftar/{TGL}/0/10",
        "DELETE": f"/pcare-rest/pendaftaran/peserta/{SITI_CARD}/tglDaftar/{TGL}"
        "/noUrut/A1/kdPoli/001",
    }[method]
    for headers in (
        {**signed(), "X-authorization": pcare_authorization(password="salah")},
        {**signed(), "X-authorization": ""},  # an empty header stands for none
        {**signed(), "user_key": "kunci-lain"},
    ):
        answer = await clinic.request(
            method, path, json=body() if method == "POST" else None, headers=headers
        )
        assert answer.status_code == 401 and meta(answer)["code"] == 401
