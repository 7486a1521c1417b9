"""What the web tests share: valid bodies, answer readers, a desk stand-in, a live server."""

from __future__ import annotations

import socket
import threading
import time
from datetime import date
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from sqlalchemy import select, update

from kiosk.domain.models import TicketStatus
from kiosk.services import Services
from kiosk.store.models import ScheduleRow, TicketRow
from kiosk.web.server import HTTP_PARSER, forwarding
from tests.demo_ids import SITI_CARD, SITI_NIK

TODAY = date(2026, 11, 23)  # the shared fixed clock: Monday, 09:00 WIB
USERNAME = "mobilejkn"
PASSWORD = "demo-mobilejkn-2468"


def booking(**changes: Any) -> dict[str, Any]:
    """A valid POST /antrean body: Siti, Poli Umum, today, dr. Andi's morning shift."""
    body: dict[str, Any] = {
        "nomorkartu": SITI_CARD,
        "nik": SITI_NIK,
        "kodepoli": "001",
        "tanggalperiksa": TODAY.isoformat(),
        "keluhan": "Demam sejak kemarin",
        "kodedokter": 101,
        "jampraktek": "00:00-12:00",
        "norm": "",
        "nohp": "081234567890",
    }
    body.update(changes)
    return body


def patient(**changes: Any) -> dict[str, Any]:
    """A valid POST /peserta body for a person the demo clinic does not know."""
    body: dict[str, Any] = {
        "nomorkartu": "0009876543210",
        "nik": "3273015503920007",  # a woman born 15-03-1992
        "nomorkk": "3273010101100099",
        "nama": "Nur Hidayah",
        "jeniskelamin": "P",
        "tanggallahir": "1992-03-15",
        "alamat": "Jl. Melati No. 7",
        "kodeprop": "32",
        "namaprop": "Jawa Barat",
        "kodedati2": "3273",
        "namadati2": "Kota Bandung",
        "kodekec": "327301",
        "namakec": "Sukasari",
        "kodekel": "3273011001",
        "namakel": "Sukarasa",
        "rw": "003",
        "rt": "005",
    }
    body.update(changes)
    return body


def cancellation(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "nomorkartu": SITI_CARD,
        "kodepoli": "001",
        "tanggalperiksa": TODAY.isoformat(),
        "keterangan": "Sudah sembuh",
    }
    body.update(changes)
    return body


def code_of(response: httpx.Response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["metadata"]["code"])


def message_of(response: httpx.Response) -> str:
    return str(response.json()["metadata"]["message"])


def desk_calls(services: Services, number: str, status: TicketStatus = TicketStatus.CALLED) -> None:
    """Stand-in for the desk: the number is called (or served, skipped) now."""
    with services.store.write() as session:
        session.execute(
            update(TicketRow)
            .where(TicketRow.number == number, TicketRow.service_date == TODAY)
            .values(status=status.value, called_at=services.clock.utcnow())
        )


def set_quota(services: Services, poli_code: str, doctor_code: int, quota: int) -> None:
    with services.store.write() as session:
        session.execute(
            update(ScheduleRow)
            .where(ScheduleRow.poli_code == poli_code, ScheduleRow.doctor_code == doctor_code)
            .values(quota=quota)
        )


def ticket_rows(services: Services) -> list[TicketRow]:
    with services.store.read() as session:
        rows = list(session.scalars(select(TicketRow).order_by(TicketRow.id)).all())
        session.expunge_all()
        return rows


async def token_headers(client: httpx.AsyncClient) -> dict[str, str]:
    answer = await client.get("/auth", headers={"x-username": USERNAME, "x-password": PASSWORD})
    assert code_of(answer) == 200, answer.text
    return {"x-token": answer.json()["response"]["token"], "x-username": USERNAME}


class QuickSleep:
    """The /auth throttle's clock and sleep for tests: every wait is recorded and passes at once
    (the clock moves on by it, so the one-minute window still slides)."""

    def __init__(self) -> None:
        self.instant = 1000.0
        self.waits: list[float] = []

    def now(self) -> float:
        return self.instant

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.instant += seconds


class LiveServer:
    """uvicorn serving an app on 127.0.0.1 and a free port, in a thread of this process, with
    the forwarded-header options `kiosk serve` uses for the given trusted proxies."""

    def __init__(self, app: FastAPI, trusted_proxies: list[str] | None = None) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port = int(self._socket.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            limit_concurrency=200,
            http=HTTP_PARSER,  # as `kiosk serve` runs
            **forwarding(trusted_proxies or []),
        )
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=15)
        self._socket.close()
