"""Power cut: a process taking numbers, checking in, calling and cancelling through the services
is killed (-9) at random moments, many times over, on the same store. After every restart the
store is consistent (tests/consistency.py: no number twice, no gap, every ticket with its event and
outbox add) and everything the process reported before the kill is still there."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.store.models import ParticipantRow, ScheduleRow, TicketRow, VisitRegistrationRow
from tests.consistency import check_store
from tests.core.conftest import Clinic

pytestmark = pytest.mark.slow

WORKER = Path(__file__).with_name("_powercut.py")
ROOT = Path(__file__).parents[2]
PARTICIPANTS = 200


def _prepare(clinic: Clinic) -> tuple[dict[str, int], list[int]]:
    today = clinic.services.clock.today()
    schedules = {poli: clinic.schedule_id(poli, today, "00:00") for poli in ("001", "002")}
    now = clinic.services.clock.utcnow()
    with clinic.store.write() as session:
        for schedule_id in schedules.values():
            session.get_one(ScheduleRow, schedule_id).quota = 999
        for i in range(PARTICIPANTS):
            session.add(
                ParticipantRow(
                    nik=f"3273010101{90 + i // 100:02d}{i % 100 + 1:04d}",
                    card_number=f"0007{i:09d}",
                    display_name=f"Peserta {i}",
                    active=True,
                    arrears=0,
                    fktp_code="P3273010",
                    fktp_name="Puskesmas Uji",
                    fetched_at=now,
                )
            )
    with clinic.store.read() as session:
        ids = list(
            session.scalars(
                select(ParticipantRow.id).where(ParticipantRow.card_number.like("0007%"))
            )
        )
    return schedules, ids


def _run_and_kill(url: str, seed: int, schedules: dict[str, int], people: list[int]) -> list[str]:
    process = subprocess.Popen(
        [sys.executable, str(WORKER), url, str(seed), json.dumps(schedules), json.dumps(people)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "READY", process.stderr
    time.sleep(random.Random(seed).uniform(0.05, 0.8))  # somewhere in the middle of a change
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, err
    assert "Traceback" not in err, err
    # Only whole lines: one the kill cut short (no newline yet) was never fully reported.
    return [line for line in out.split("\n")[:-1] if line.strip()]


def test_killed_again_and_again_the_store_stays_whole(clinic: Clinic) -> None:
    schedules, people = _prepare(clinic)
    url = clinic.services.settings.database_url
    clinic.store.dispose()
    cycles = 12 if url.startswith("postgresql") else 20
    refusals: dict[str, int] = {}  # the rules said no (a called ticket cannot be cancelled ...)
    reported: dict[int, str] = {}  # ticket id -> number, as the patient saw it
    done: dict[str, set[int]] = {
        "CALLED": set(),
        "CANCELLED": set(),
        "CHECKED_IN": set(),
        "REGISTERED": set(),
        "UNREGISTERED": set(),
    }
    for cycle in range(cycles):
        for line in _run_and_kill(url, 1000 + cycle, schedules, people):
            word, ticket_id, *rest = line.split()
            if word == "REFUSED":
                refusals[rest[0]] = refusals.get(rest[0], 0) + 1
            elif word == "TAKEN":
                reported[int(ticket_id)] = rest[0]
            else:
                done[word].add(int(ticket_id))
        check_store(url)  # the restart's view: consistent after every single kill
    figures = check_store(url)
    with clinic.store.read() as session:
        held = {row.id: row for row in session.scalars(select(TicketRow))}
    assert len(reported) > cycles, "the worker barely ran: the drill proved nothing"
    for ticket_id, number in reported.items():
        assert held[ticket_id].number == number, f"{number} was lost or changed"
    assert all(held[i].status == "cancelled" for i in done["CANCELLED"])
    assert all(held[i].status not in {"waiting", "booked"} for i in done["CALLED"])
    assert all(held[i].status != "booked" for i in done["CHECKED_IN"])
    # Every registration reported is there, once; every one taken back is withdrawn.
    with clinic.store.read() as session:
        states = dict(
            session.execute(
                select(VisitRegistrationRow.ticket_id, VisitRegistrationRow.state)
            ).all()
        )
    assert done["REGISTERED"], (
        f"no visit registered ({refusals}): the drill proved nothing for PCare"
    )
    assert done["REGISTERED"] <= set(states)
    assert all(states[i] == "withdrawn" for i in done["UNREGISTERED"])
    assert figures.registrations >= len(done["REGISTERED"])
    assert figures.tickets >= len(reported)
    print(
        f"power cut drill: {cycles} kills, {len(reported)} numbers reported, "
        f"{figures.tickets} tickets held, {len(done['CALLED'])} calls, "
        f"{len(done['REGISTERED'])} PCare registrations ({len(done['UNREGISTERED'])} undone), "
        "lost 0"
    )
