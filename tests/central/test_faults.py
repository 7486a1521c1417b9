"""Misbehaving for drills: 500s at the configured rate (seeded, reproducible), delays, invalid JSON
after the work is done, down, and the admin calls that switch them (loopback and signed only)."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from fastapi import FastAPI

from kiosk.central.faults import FaultSettings, FaultSwitch
from tests.central.conftest import signed
from tests.central.wire import add_body

POLI = "/antreanfktp/ref/poli/tanggal/2026-11-23"


async def statuses(clinic: httpx.AsyncClient, n: int) -> list[int]:
    return [(await clinic.get(POLI)).status_code for _ in range(n)]


@pytest.fixture
def faults() -> FaultSwitch:
    return FaultSwitch(FaultSettings(fail_rate=0.3, seed=42))


async def test_fail_rate_answers_500_at_that_rate_reproducibly(
    clinic: httpx.AsyncClient, faults: FaultSwitch
) -> None:
    first = await statuses(clinic, 300)
    failed = first.count(500)
    assert set(first) == {200, 500}
    assert 60 <= failed <= 120  # 30 % of 300 is 90; a binomial run stays well inside this
    faults.change(seed=42)  # the same seed: the same answers, in the same order
    assert await statuses(clinic, 300) == first
    faults.change(seed=7)
    assert await statuses(clinic, 300) != first


async def test_a_500_does_nothing(clinic: httpx.AsyncClient, faults: FaultSwitch) -> None:
    faults.change(fail_rate=1.0)
    answer = await clinic.post("/antreanfktp/antrean/add", json=add_body())
    assert answer.status_code == 500
    faults.change(fail_rate=0.0)
    assert (await clinic.get("/admin/mirror/2026-11-23")).json() == []


async def test_bad_json_comes_after_the_work(
    clinic: httpx.AsyncClient, faults: FaultSwitch
) -> None:
    faults.change(fail_rate=0.0, bad_json_rate=1.0)
    answer = await clinic.post("/antreanfktp/antrean/add", json=add_body())
    assert answer.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(answer.content)
    faults.change(bad_json_rate=0.0)
    # The add was kept: the clinic's retry is answered 208, so nothing is counted twice.
    retry = await clinic.post("/antreanfktp/antrean/add", json=add_body())
    assert retry.json()["metadata"]["code"] == 208
    assert len((await clinic.get("/admin/mirror/2026-11-23")).json()) == 1


async def test_delay_holds_every_answer(clinic: httpx.AsyncClient, faults: FaultSwitch) -> None:
    faults.change(fail_rate=0.0, delay_ms=300)
    started = time.monotonic()
    answer = await clinic.get(POLI)
    assert answer.status_code == 200
    assert time.monotonic() - started >= 0.3


async def test_the_admin_endpoint_switches_faults_at_run_time(clinic: httpx.AsyncClient) -> None:
    now = (await clinic.get("/admin/faults")).json()
    assert now == {"fail_rate": 0.3, "delay_ms": 0, "bad_json_rate": 0.0, "down": False, "seed": 42}
    changed = await clinic.post("/admin/faults", json={"down": True, "fail_rate": 0})
    assert changed.json()["down"] is True and changed.json()["fail_rate"] == 0
    assert (await clinic.get(POLI)).status_code == 503
    # The admin calls themselves are never faulted, so a drill can always switch back.
    assert (await clinic.post("/admin/faults", json={"down": False})).status_code == 200
    assert set(await statuses(clinic, 20)) == {200}


async def test_the_admin_endpoint_checks_what_it_is_given(clinic: httpx.AsyncClient) -> None:
    for body in ({"fail_rate": 2}, {"delay_ms": -1}, {"down": "maybe"}, {"chaos": True}):
        answer = await clinic.post("/admin/faults", json=body)
        assert answer.json()["metadata"]["code"] == 201, body


async def test_the_admin_endpoint_answers_loopback_only(central_app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=central_app, client=("192.0.2.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://central") as outsider:
        for method, path in [("GET", "/admin/faults"), ("GET", "/admin/mirror/2026-11-23")]:
            answer = await outsider.request(method, path, headers=signed())
            assert answer.status_code == 403
            assert answer.json()["metadata"]["code"] == 403
        refused = await outsider.post("/admin/faults", json={"down": True}, headers=signed())
        assert refused.status_code == 403
        # The public contract still answers the LAN.
        assert (await outsider.get(POLI, headers=signed())).status_code in (200, 500)


async def test_the_admin_calls_are_not_in_the_contract(clinic: httpx.AsyncClient) -> None:
    paths = (await clinic.get("/openapi.json")).json()["paths"]
    assert not [p for p in paths if p.startswith("/admin")]
    assert sorted(paths) == [
        "/antreanfktp/antrean/add",
        "/antreanfktp/antrean/batal",
        "/antreanfktp/antrean/panggil",
        "/antreanfktp/ref/dokter/kodepoli/{kodepoli}/tanggal/{tanggal}",
        "/antreanfktp/ref/poli/tanggal/{tanggal}",
        "/pcare-rest/pendaftaran",
        "/pcare-rest/pendaftaran/noUrut/{no_urut}/tglDaftar/{tgl}",
        "/pcare-rest/pendaftaran/peserta/{nokartu}/tglDaftar/{tgl}/noUrut/{no_urut}/kdPoli/{kdpoli}",
        "/pcare-rest/pendaftaran/tglDaftar/{tgl}/{start}/{limit}",
        "/pcare-rest/peserta/nik/{nik}",
        "/pcare-rest/peserta/{nomorkartu}",
    ]
