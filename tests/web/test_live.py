"""Through a real socket: a phone's whole session, many phones booking at once, `kiosk serve`."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from kiosk.domain.models import TicketStatus
from kiosk.services import Services
from kiosk.store.models import ParticipantRow, TicketCounterRow, TicketRow
from tests.demo_ids import SITI_CARD
from tests.web.phone import (
    PASSWORD,
    TODAY,
    USERNAME,
    LiveServer,
    booking,
    cancellation,
    code_of,
    desk_calls,
    message_of,
    patient,
    set_quota,
    token_headers,
)


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
                nama=f"Pasien Uji {i}",
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


async def test_password_guessing_is_slowed_per_client_address(live_server: LiveServer) -> None:
    """Over a real socket (the client address is the socket's): ten wrong passwords a minute,
    then even the right one waits; the answer stays in the envelope, in Indonesian."""
    async with httpx.AsyncClient(base_url=live_server.url, timeout=10) as guesser:
        for guess in range(10):
            wrong = await guesser.get(
                "/auth", headers={"x-username": USERNAME, "x-password": f"tebakan-{guess}"}
            )
            assert code_of(wrong) == 201 and "tidak sesuai" in message_of(wrong)
        right = {"x-username": USERNAME, "x-password": PASSWORD}
        refused = await guesser.get("/auth", headers=right)
        assert refused.status_code == 200 and code_of(refused) == 201
        assert message_of(refused).startswith("Terlalu banyak percobaan masuk. Coba lagi dalam ")
        assert "response" not in refused.json()


async def test_one_guessing_address_does_not_lock_out_the_others(app: FastAPI) -> None:
    def client_at(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        return httpx.AsyncClient(transport=transport, base_url="http://puskesmas")

    async with client_at("10.0.0.9") as guesser, client_at("10.0.0.8") as phone:
        for guess in range(11):
            await guesser.get("/auth", headers={"x-username": USERNAME, "x-password": str(guess)})
        right = {"x-username": USERNAME, "x-password": PASSWORD}
        assert "Terlalu banyak" in message_of(await guesser.get("/auth", headers=right))
        assert code_of(await phone.get("/auth", headers=right)) == 200
