"""Races between OS processes on one store, on both engines: desks calling next at once, and
phone bookings through `kiosk serve` racing kiosk walk-ins for the last places of a shift."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from _race_workers import call_until_empty, run_all, take_until_full
from sqlalchemy import func, select

from kiosk.domain.models import TicketStatus
from kiosk.store.models import ScheduleRow, TicketCounterRow, TicketEventRow, TicketRow
from kiosk.web import create_app
from tests.web.phone import LiveServer, booking, code_of, message_of, patient, token_headers

pytestmark = pytest.mark.slow

POLI = "001"


def _desks(url: str) -> int:
    return 8 if url.startswith("postgresql") else 4


def test_desks_in_separate_processes_never_call_the_same_patient(
    clinic: Any, tmp_path: Path
) -> None:
    today = clinic.services.clock.today()
    with clinic.store.write() as session:
        session.get_one(ScheduleRow, clinic.schedule_id(POLI, today, "00:00")).quota = 500
    waiting = [clinic.take(POLI).ticket.id for _ in range(60)]
    url = clinic.services.settings.database_url
    clinic.store.dispose()

    reports = run_all(
        call_until_empty,
        [(url, str(tmp_path), POLI, f"L{n}") for n in range(1, _desks(url) + 1)],
    )

    called = [ticket_id for report in reports for ticket_id in report[2]]
    assert Counter(called).most_common(1)[0][1] == 1  # nobody called by two desks
    assert sorted(called) == sorted(waiting)  # and everybody called
    with clinic.store.read() as session:
        ours = TicketRow.id.in_(waiting)
        statuses = set(session.scalars(select(TicketRow.status).where(ours)).all())
        calls = session.scalar(
            select(func.count()).select_from(TicketEventRow).where(TicketEventRow.kind == "called")
        )
        counters = session.execute(select(TicketRow.id, TicketRow.counter).where(ours)).all()
    assert statuses == {TicketStatus.CALLED.value}
    assert calls == len(waiting)
    by_desk = {ticket_id: report[1] for report in reports for ticket_id in report[2]}
    assert all(by_desk[ticket_id] == counter for ticket_id, counter in counters)


PHONES = 20
QUOTA = 30


async def test_phone_bookings_race_kiosk_walk_ins_for_the_last_places(
    clinic: Any, tmp_path: Path
) -> None:
    services = clinic.services
    today = services.clock.today()
    schedule_id = clinic.schedule_id(POLI, today, "00:00")
    with clinic.store.write() as session:
        session.get_one(ScheduleRow, schedule_id).quota = QUOTA
    server = LiveServer(create_app(services))
    server.start()
    url = services.settings.database_url
    kiosks = 4 if url.startswith("postgresql") else 2
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=60) as phone:
            headers = await token_headers(phone)
            norms = []
            for i in range(1, PHONES + 1):
                registered = await phone.post(
                    "/peserta",
                    json=patient(
                        nomorkartu=f"0009100000{i:03d}",
                        nik=f"327301010190{i:04d}",
                        nama=f"Pasien Balapan {chr(ord('A') + i - 1)}",  # names are letters only
                        jeniskelamin="L",
                        tanggallahir="1990-01-01",
                    ),
                    headers=headers,
                )
                norms.append(registered.json()["response"]["norm"])

            async def book(i: int) -> httpx.Response:
                body = booking(
                    nomorkartu=f"0009100000{i:03d}",
                    nik=f"327301010190{i:04d}",
                    norm=norms[i - 1],
                )
                return await phone.post("/antrean", json=body, headers=headers)

            # The kiosks start at a barrier of their own; the phones go at the same moment.
            kiosk_args = [(url, str(tmp_path), POLI, today, schedule_id, 15)] * kiosks
            answers, reports = await asyncio.gather(
                asyncio.gather(*(book(i) for i in range(1, PHONES + 1))),
                asyncio.to_thread(run_all, take_until_full, kiosk_args),
            )
    finally:
        server.stop()

    phone_numbers = [a.json()["response"]["nomorantrean"] for a in answers if code_of(a) == 200]
    phone_refusals = {message_of(a) for a in answers if code_of(a) != 200}
    kiosk_numbers = [number for report in reports for number in report[2]]
    kiosk_refusals = {key for report in reports for key in report[3]}
    taken = phone_numbers + kiosk_numbers
    assert sorted(taken) == [f"A-{n:03d}" for n in range(1, QUOTA + 1)]  # no duplicate, no gap
    assert phone_refusals <= {"Kuota jam praktik ini sudah penuh. Pilih jam atau hari lain."}
    assert kiosk_refusals <= {"take.full"}
    assert len(phone_refusals) + len(kiosk_refusals) >= 1  # demand was above the quota
    with clinic.store.read() as session:
        held = session.scalar(
            select(func.count())
            .select_from(TicketRow)
            .where(TicketRow.schedule_id == schedule_id, TicketRow.service_date == today)
        )
        counter = session.get(TicketCounterRow, (POLI, today))
    assert held == QUOTA
    assert counter is not None and counter.last_seq == QUOTA
