"""Through a real socket: a phone's whole session, many phones booking at once, `kiosk serve`."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from kiosk.domain.models import TicketStatus
from kiosk.services import Services
from kiosk.store.models import ParticipantRow, TicketCounterRow, TicketRow
from kiosk.web.auth import MAX_DELAY
from tests.demo_ids import SITI_CARD
from tests.web.phone import (
    PASSWORD,
    TODAY,
    USERNAME,
    LiveServer,
    QuickSleep,
    booking,
    cancellation,
    code_of,
    desk_calls,
    message_of,
    patient,
    set_quota,
    token_headers,
)

pytestmark = pytest.mark.slow


async def test_a_phone_session_over_loopback(live_server: LiveServer, services: Services) -> None:
    async with httpx.AsyncClient(base_url=live_server.url, timeout=10) as phone:
        headers = await token_headers(phone)
        status = await phone.get(f"/v2/antrean/status/001/{TODAY}", headers=headers)
        assert code_of(status) == 200 and len(status.json()["response"]) == 3
        booked = await phone.post("/antrean", json=booking(), headers=headers)
        assert booked.json()["response"]["nomorantrean"] == "A-001"
        desk_calls(services, "A-001")  # the desk, on the same store, calls it
        position = await phone.get(f"/antrean/sisapeserta/{SITI_CARD}/001/{TODAY}", headers=headers)
        assert position.json()["response"]["antreanpanggil"] == "A-001"
        refused = await phone.put("/antrean/batal", json=cancellation(), headers=headers)
        assert code_of(refused) == 201  # called already: it can no longer be cancelled
        broken = await phone.post(
            "/antrean",
            content=b'{"nomorkartu": "00012',
            headers={**headers, "content-type": "application/json"},
        )
        assert code_of(broken) == 201 and message_of(broken) == "Format JSON tidak valid."


PHONES = 30
QUOTA = 20


def _card(i: int) -> str:
    return f"0009000000{i:03d}"


def _letters(i: int) -> str:
    return "".join("ABCDEFGHIJ"[int(digit)] for digit in str(i))


def _nik(i: int) -> str:
    return f"327301010190{i:04d}"  # men born 01-01-1990, serials 1..30


async def test_many_phones_book_the_same_poli_at_once(
    live_server: LiveServer, services: Services
) -> None:
    set_quota(services, "001", 101, QUOTA)
    clients = [httpx.AsyncClient(base_url=live_server.url, timeout=60) for _ in range(PHONES)]
    try:
        tokens = await asyncio.gather(*(token_headers(c) for c in clients))

        async def register(i: int) -> httpx.Response:
            body = patient(
                nomorkartu=_card(i),
                nik=_nik(i),
                nama=f"Pasien Uji {_letters(i)}",  # a name holds letters, not digits
                jeniskelamin="L",
                tanggallahir="1990-01-01",
            )
            return await clients[i - 1].post("/peserta", json=body, headers=tokens[i - 1])

        registered = await asyncio.gather(*(register(i) for i in range(1, PHONES + 1)))
        norms = [r.json()["response"]["norm"] for r in registered]
        assert len(set(norms)) == PHONES  # 30 registrations at once, 30 distinct numbers

        async def book(i: int) -> httpx.Response:
            body = booking(nomorkartu=_card(i), nik=_nik(i), norm=norms[i - 1])
            return await clients[i - 1].post("/antrean", json=body, headers=tokens[i - 1])

        answers = await asyncio.gather(*(book(i) for i in range(1, PHONES + 1)))
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))

    codes = [code_of(a) for a in answers]
    assert codes.count(200) == QUOTA
    assert codes.count(201) == PHONES - QUOTA
    numbers = sorted(a.json()["response"]["nomorantrean"] for a in answers if code_of(a) == 200)
    assert numbers == [f"A-{n:03d}" for n in range(1, QUOTA + 1)]  # no duplicate, no gap
    full = {message_of(a) for a in answers if code_of(a) == 201}
    assert full == {"Kuota jam praktik ini sudah penuh. Pilih jam atau hari lain."}
    with services.store.read() as session:
        held = session.scalar(
            select(func.count())
            .select_from(TicketRow)
            .where(TicketRow.poli_code == "001", TicketRow.status == TicketStatus.BOOKED)
        )
        counter = session.get(TicketCounterRow, ("001", TODAY))
        unverified = session.scalar(
            select(func.count()).select_from(ParticipantRow).where(~ParticipantRow.verified)
        )
    assert held == QUOTA
    assert counter is not None and counter.last_seq == QUOTA  # refusals gave their number back
    assert unverified == PHONES


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_kiosk_serve_answers_on_its_port_and_logs_no_card_number(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {"KIOSK_DATA_DIR": str(tmp_path), "KIOSK_CONFIG_FILE": str(tmp_path / "none.toml")}
    server = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl+C reaches it as in a terminal (a background child would ignore SIGINT).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.default_int_handler),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                document = httpx.get(f"{base}/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.communicate()
                assert time.monotonic() < deadline, "kiosk serve did not answer"
                time.sleep(0.1)
        assert document.json()["info"]["version"] == "2"
        auth = httpx.get(f"{base}/auth", headers={"x-username": USERNAME, "x-password": PASSWORD})
        headers = {"x-token": auth.json()["response"]["token"], "x-username": USERNAME}
        today = time.strftime("%Y-%m-%d")  # close enough: only the card number matters below
        answer = httpx.get(f"{base}/antrean/sisapeserta/{SITI_CARD}/001/{today}", headers=headers)
        assert code_of(answer) == 201  # Siti holds no number
    finally:
        server.send_signal(signal.SIGINT)  # the operator's Ctrl+C
        out, err = server.communicate(timeout=15)
    assert server.returncode == 0, err
    assert err == ""
    assert f"http://127.0.0.1:{port}" in out
    assert "Traceback" not in err
    log = (tmp_path / "logs" / "serve.log").read_text(encoding="utf-8")
    assert "/antrean/sisapeserta/" in log  # the access log is there...
    assert SITI_CARD not in log  # ...with the card number masked


def test_kiosk_serve_will_not_expose_the_demo_password(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {"KIOSK_DATA_DIR": str(tmp_path), "KIOSK_CONFIG_FILE": str(tmp_path / "none.toml")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "serve", "--demo", "--host", "0.0.0.0", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "kiosk: set KIOSK_WS_PASSWORD before serving beyond this machine (--host 0.0.0.0); "
        "the demo password is published"
    ]


def test_kiosk_serve_wants_demo_mode_for_the_demo_password(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {"KIOSK_DATA_DIR": str(tmp_path), "KIOSK_CONFIG_FILE": str(tmp_path / "none.toml")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "serve", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "kiosk: set KIOSK_WS_PASSWORD (the demo password is published), "
        "or try the demo on this machine with `kiosk serve --demo`"
    ]
    assert not (tmp_path / "kiosk.db").exists()  # refused before the store is touched


RIGHT = {"x-username": USERNAME, "x-password": PASSWORD}


async def _guess(client: httpx.AsyncClient, times: int, **headers: str) -> None:
    for guess in range(times):
        wrong = await client.get(
            "/auth", headers={"x-username": USERNAME, "x-password": f"tebakan-{guess}", **headers}
        )
        assert code_of(wrong) == 201 and "tidak sesuai" in message_of(wrong)


async def test_password_guessing_is_slowed_not_refused(
    live_server: LiveServer, quick_sleep: QuickSleep, caplog: pytest.LogCaptureFixture
) -> None:
    """Over a real socket: ten wrong passwords a minute are free, then each attempt waits
    longer (up to the cap); the right password still gets its token after its wait."""
    caplog.set_level(logging.WARNING, logger="kiosk.web.auth")
    async with httpx.AsyncClient(base_url=live_server.url, timeout=10) as guesser:
        await _guess(guesser, 10)
        assert quick_sleep.waits == []
        await _guess(guesser, 6)
        assert quick_sleep.waits == [0.5, 1.0, 2.0, 4.0, 8.0, MAX_DELAY]
        right = await guesser.get("/auth", headers=RIGHT)
        assert code_of(right) == 200 and right.json()["response"]["token"]
        assert quick_sleep.waits[-1] == MAX_DELAY  # the global cap: never longer
    failures = [r.getMessage() for r in caplog.records if "GET /auth failed" in r.getMessage()]
    assert len(failures) == 16  # every failure, the first ten too
    assert failures[0].startswith("GET /auth failed: username mo******* from 127.0.0.1;")
    assert all(USERNAME not in line for line in failures)


async def test_a_spoofed_forwarded_address_gets_no_fresh_tries(
    app: FastAPI, quick_sleep: QuickSleep, caplog: pytest.LogCaptureFixture
) -> None:
    """Through the real uvicorn with `kiosk serve`'s options and no trusted proxy: each guess
    names another address in X-Forwarded-For, and all of them count against the socket's."""
    caplog.set_level(logging.WARNING, logger="kiosk.web.auth")
    server = LiveServer(app, trusted_proxies=[])
    server.start()
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as guesser:
            for n in range(12):
                await _guess(guesser, 1, **{"x-forwarded-for": f"203.0.113.{n}"})
    finally:
        server.stop()
    assert quick_sleep.waits == [0.5, 1.0]  # the 11th and 12th waited: one client, not twelve
    assert all("from 127.0.0.1;" in r.getMessage() for r in caplog.records)


async def test_behind_a_trusted_proxy_each_phone_counts_alone(
    app: FastAPI, quick_sleep: QuickSleep, caplog: pytest.LogCaptureFixture
) -> None:
    """With the proxy on loopback configured, its X-Forwarded-For is believed: a guesser behind
    it is slowed, and the phone behind the same proxy is not (until the username's own limit)."""
    caplog.set_level(logging.WARNING, logger="kiosk.web.auth")
    server = LiveServer(app, trusted_proxies=["127.0.0.1"])
    server.start()
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as proxy:
            guesser = {"x-forwarded-for": "203.0.113.7"}
            await _guess(proxy, 5, **guesser)
            await _guess(proxy, 5, **{"x-forwarded-for": "203.0.113.8"})
            await _guess(proxy, 1, **guesser)  # the username's eleventh failure this minute
            phone = await proxy.get("/auth", headers={**RIGHT, "x-forwarded-for": "198.51.100.2"})
            assert code_of(phone) == 200
    finally:
        server.stop()
    assert quick_sleep.waits == [0.5, 1.0]  # the username slows everyone a little, capped
    addresses = {r.getMessage().split(" from ")[1].split(";")[0] for r in caplog.records}
    assert addresses == {"203.0.113.7", "203.0.113.8"}


async def test_one_guessing_address_does_not_slow_the_others(
    app: FastAPI, quick_sleep: QuickSleep
) -> None:
    def client_at(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        return httpx.AsyncClient(transport=transport, base_url="http://puskesmas")

    async with client_at("10.0.0.9") as guesser, client_at("10.0.0.8") as phone:
        for guess in range(10):  # other usernames: only the address's count grows
            await guesser.get("/auth", headers={"x-username": f"u{guess}", "x-password": "x"})
        assert code_of(await guesser.get("/auth", headers=RIGHT)) == 200
        assert quick_sleep.waits == [0.5]
        assert code_of(await phone.get("/auth", headers=RIGHT)) == 200
        assert quick_sleep.waits == [0.5]  # the phone did not wait


async def test_everyone_together_is_slowed_past_the_global_allowance(
    app: FastAPI, quick_sleep: QuickSleep
) -> None:
    """A guesser spread over many addresses and usernames: past ten times the per-client
    allowance a minute, every attempt waits; a minute later the window has moved on."""
    for n in range(100):
        transport = httpx.ASGITransport(app=app, client=(f"10.1.{n // 250}.{n % 250}", 1))
        async with httpx.AsyncClient(transport=transport, base_url="http://p") as one:
            await one.get("/auth", headers={"x-username": f"user{n}", "x-password": "x"})
    assert quick_sleep.waits == []
    transport = httpx.ASGITransport(app=app, client=("10.9.9.9", 1))
    async with httpx.AsyncClient(transport=transport, base_url="http://p") as phone:
        assert code_of(await phone.get("/auth", headers=RIGHT)) == 200
        assert quick_sleep.waits == [0.5]
        quick_sleep.instant += 61
        assert code_of(await phone.get("/auth", headers=RIGHT)) == 200
        assert quick_sleep.waits == [0.5]
