"""`kiosk central` as strict as the real services: each service's own user_key, the PCare user on
every PCare call, and the refusals of antrean/add (HFIS doctor and hours, kapasitas, SRK)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from kiosk.central.app import create_central_app
from kiosk.central.consumer import Consumer
from kiosk.central.db import CentralDatabase
from kiosk.config import Settings
from kiosk.domain.refusal import Cause, cause_of
from tests.central.conftest import NOW, signed
from tests.central.wire import add_body
from tests.central_server import (
    CONS_ID,
    PCARE_PASSWORD,
    PCARE_USERNAME,
    SECRET,
    pcare_authorization,
)
from tests.demo_ids import RUDI_CARD, RUDI_NIK, SITI_CARD

ADD = "/antreanfktp/antrean/add"
PESERTA = f"/pcare-rest/peserta/{SITI_CARD}"
HENDRA_CARD, HENDRA_NIK = "0001234567807", "3273010505850007"


def message(answer: httpx.Response) -> tuple[int, int, str]:
    body = answer.json()
    meta = body.get("metadata", body.get("metaData"))
    return answer.status_code, meta["code"], meta["message"]


@pytest.fixture
async def two_keys(
    central_settings: Settings, central_db: CentralDatabase
) -> AsyncIterator[httpx.AsyncClient]:
    consumer = Consumer(
        CONS_ID,
        SECRET,
        "antrean-key",
        pcare_user_key="pcare-key",
        pcare_username=PCARE_USERNAME,
        pcare_password=PCARE_PASSWORD,
    )
    app: FastAPI = create_central_app(
        central_settings, database=central_db, consumer=consumer, now=lambda: NOW
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://central") as client:
        yield client


async def test_each_service_wants_its_own_user_key(two_keys: httpx.AsyncClient) -> None:
    assert message(await two_keys.get(PESERTA, headers=signed(user_key="pcare-key")))[1] == 200
    swapped = await two_keys.get(PESERTA, headers=signed(user_key="antrean-key"))
    assert message(swapped) == (401, 401, "user_key tidak sesuai.")
    ref = "/antreanfktp/ref/poli/tanggal/2026-11-23"
    assert message(await two_keys.get(ref, headers=signed(user_key="antrean-key")))[1] == 1
    assert message(await two_keys.get(ref, headers=signed(user_key="pcare-key")))[0] == 401


@pytest.mark.parametrize(
    ("authorization", "says"),
    [
        (None, "Header X-authorization (user PCare) wajib diisi untuk layanan PCare."),
        (pcare_authorization(password="salah"), "X-authorization tidak sesuai"),
        (pcare_authorization(app_code="999"), "X-authorization tidak sesuai"),
        (pcare_authorization(username="orang-lain"), "X-authorization tidak sesuai"),
        ("Bearer abc", "X-authorization tidak sesuai"),
        ("Basic %%%", "X-authorization tidak sesuai"),
    ],
)
async def test_pcare_refuses_a_call_without_the_right_pcare_user(
    clinic: httpx.AsyncClient, authorization: str | None, says: str
) -> None:
    # The client's default headers carry the right one: an empty header stands for none.
    headers = {**signed(), "X-authorization": authorization or ""}
    answer = await clinic.get(PESERTA, headers=headers)
    status, code, text = message(answer)
    assert (status, code) == (401, 401) and text.startswith(says)
    assert set(answer.json()) == {"metaData", "response"}


async def test_antrean_needs_no_pcare_user(clinic: httpx.AsyncClient) -> None:
    headers = {**signed(), "X-authorization": ""}
    answer = await clinic.get("/antreanfktp/ref/poli/tanggal/2026-11-23", headers=headers)
    assert answer.status_code == 200


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"kodedokter": 999}, "Dokter 999 tidak ada di jadwal HFIS poli 001."),
        ({"jampraktek": "07:00-12:00"}, "Jam praktik 07:00-12:00 dokter 101 tidak sesuai"),
    ],
)
async def test_an_add_outside_hfis_is_refused(
    clinic: httpx.AsyncClient, changes: dict[str, Any], says: str
) -> None:
    answer = await clinic.post(ADD, json=add_body(**changes))
    assert answer.json()["metadata"]["code"] == 201
    assert answer.json()["metadata"]["message"].startswith(says)


async def test_an_add_over_kapasitas_is_refused(clinic: httpx.AsyncClient) -> None:
    doctors = await clinic.get(
        "/antreanfktp/ref/dokter/kodepoli/001/tanggal/2026-11-23",
        headers={**signed()},
    )
    assert doctors.status_code == 200
    kapasitas = 40  # dr. Andi's morning shift in the demo (assets/demo/clinic.toml)
    for seq in range(1, kapasitas + 1):
        card = f"{9_000_000_000_000 + seq:013d}"
        body = add_body(nomorkartu=card, nomorantrean=f"A-{seq:03d}", angkaantrean=seq)
        answer = await clinic.post(ADD, json=body)
        assert answer.json()["metadata"]["code"] == 200, (seq, answer.text)
    over = await clinic.post(ADD, json=add_body(nomorantrean="A-041", angkaantrean=kapasitas + 1))
    assert over.json()["metadata"] == {
        "code": 201,
        "message": "Kuota jadwal dokter ini sudah penuh (kapasitas 40 di HFIS).",
    }


async def test_srk_missing_is_refused_with_what_to_do(clinic: httpx.AsyncClient) -> None:
    answer = await clinic.post(ADD, json=add_body(nomorkartu=HENDRA_CARD, nik=HENDRA_NIK))
    meta = answer.json()["metadata"]
    assert meta["code"] == 201
    assert "Skrining Riwayat Kesehatan" in meta["message"] and "Mobile JKN" in meta["message"]


async def test_the_demo_route_records_the_srk_and_the_add_then_goes_through(
    clinic: httpx.AsyncClient,
) -> None:
    body = add_body(nomorkartu=HENDRA_CARD, nik=HENDRA_NIK)
    assert (await clinic.post(ADD, json=body)).json()["metadata"]["code"] == 201
    done = await clinic.post(f"/admin/srk/{HENDRA_CARD}")
    assert done.json() == {"srk": True}
    assert (await clinic.post(ADD, json=body)).json()["metadata"]["code"] == 200
    assert (await clinic.post(ADD, json=body)).json()["metadata"]["code"] == 208
    unknown = await clinic.post("/admin/srk/0009999999999")
    assert unknown.json() == {"srk": False}
    assert (await clinic.get("/admin/received")).json()[ADD] == 3  # the 208 counted too


async def test_an_add_for_a_participant_not_active_at_bpjs_is_refused(
    clinic: httpx.AsyncClient,
) -> None:
    answer = await clinic.post(ADD, json=add_body(nomorkartu=RUDI_CARD, nik=RUDI_NIK))
    meta = answer.json()["metadata"]
    assert meta["code"] == 201 and meta["message"].startswith("Peserta tidak aktif")
    assert cause_of(meta["message"]) == Cause.INACTIVE  # the desk's group for it
