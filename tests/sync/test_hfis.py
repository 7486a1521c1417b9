"""`kiosk schedule pull | diff | adopt` against the strict `kiosk central` on loopback.

Differences are planted in the central's own database (its HFIS table ``jadwal``), which the
running central reads on every ref/dokter call. The commands run as an operator runs them: a
subprocess with the clinic's settings in the environment, on the real date.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, time
from pathlib import Path
from time import monotonic, sleep

import pytest
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.domain.clock import FacilityClock
from kiosk.services.setup import Services, open_clinic
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import ScheduleRow
from tests.central_server import CentralServer
from tests.conftest import WIB, MovableClock
from tests.sync.test_drills import clinic_settings, sync_env

# `kiosk schedule` processes against `kiosk central`'s own process: seconds each.
pytestmark = pytest.mark.slow


def _schedule(
    settings: Settings, *args: str, answer: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "schedule", *args],
        env=sync_env(settings),
        input=answer,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _plant(central: CentralServer, sql: str) -> None:
    with sqlite3.connect(central.data_dir / "central.db") as db:
        db.executescript(sql)


def _open(settings: Settings) -> Services:
    return open_clinic(settings, clock=FacilityClock(WIB, MovableClock(datetime.now(UTC))))


def _shifts(services: Services) -> list[tuple[str, int, int, time, time, int]]:
    with services.store.read() as session:
        rows = session.scalars(select(ScheduleRow)).all()
        return sorted(
            (r.poli_code, r.doctor_code, r.weekday, r.start, r.end, r.quota) for r in rows
        )


# Three differences: another capacity, other hours, a shift BPJS lacks (none of them the shift
# of the demo's phone booking for today, which would block the adoption).
PLANTED = (
    "update jadwal set quota = 35 where poli_code = '001' and doctor_code = 101;"
    "update jadwal set start = '08:00', end = '14:00' "
    "where poli_code = '004' and doctor_code = 401 and start = '00:00';"
    "delete from jadwal where poli_code = '003' and start = '12:00';"
)


def test_a_planted_difference_is_listed_and_adopted(
    tmp_path: Path, central_server: CentralServer
) -> None:
    settings = clinic_settings(tmp_path, central_server)
    _open(settings).store.dispose()  # the demo clinic, same schedule as the central's

    pulled = _schedule(settings, "pull")
    assert pulled.returncode == 0, pulled.stderr
    assert "Jadwal HFIS BPJS diambil" in pulled.stdout
    same = _schedule(settings, "diff")
    assert "Jadwal klinik sama dengan jadwal HFIS BPJS." in same.stdout, same.stdout

    _plant(central_server, PLANTED)
    assert _schedule(settings, "pull").returncode == 0
    diff = _schedule(settings, "diff")
    assert diff.returncode == 0, diff.stderr
    lines = [line.strip() for line in diff.stdout.splitlines() if line.startswith("  ")]
    assert len(lines) == 6, diff.stdout  # three differences on each of the two days
    text = diff.stdout
    assert "001: dr. Andi Wijaya (101) 00:00-12:00: kuota klinik 40, kapasitas BPJS 35" in text
    assert "jam lain: klinik 00:00-12:00 (20), BPJS 08:00-14:00 (20)" in text
    assert "(301) 12:00-23:59 tidak ada di HFIS BPJS" in text
    english = _schedule(settings, "diff", "--lang", "en").stdout
    assert "the clinic's quota 40, BPJS's capacity 35" in english
    assert "other hours: clinic 00:00-12:00 (20), BPJS 08:00-14:00 (20)" in english
    assert "is not in BPJS's HFIS" in english

    services = _open(settings)
    before = _shifts(services)
    refused = _schedule(settings, "adopt", answer="n\n")  # asks first; "no" changes nothing
    assert refused.returncode == 1 and "Dibatalkan" in refused.stdout
    assert _shifts(services) == before

    adopted = _schedule(settings, "adopt", "--yes")
    assert adopted.returncode == 0, adopted.stdout + adopted.stderr
    after = _shifts(services)
    services.store.dispose()
    weekdays = {datetime.now(WIB).weekday(), (datetime.now(WIB).weekday() + 1) % 7}
    for day in weekdays:
        assert ("001", 101, day, time(0), time(12), 35) in after  # capacity became the quota
        assert ("004", 401, day, time(8), time(14), 20) in after
        assert not any(s[0] == "003" and s[2] == day and s[3] == time(12) for s in after)
    other = next(d for d in range(7) if d not in weekdays)
    assert [s for s in after if s[2] == other] == [s for s in before if s[2] == other]
    audit = [json.loads(line) for line in (settings.data_dir / "hfis-audit.jsonl").open()]
    assert len(audit) == 1 and audit[0]["by"] and audit[0]["changes"]
    assert "sama" in _schedule(settings, "diff").stdout  # nothing left to differ


def test_a_shift_with_live_tickets_is_not_removed(
    tmp_path: Path, central_server: CentralServer
) -> None:
    settings = clinic_settings(tmp_path, central_server)
    services = _open(settings)
    today = datetime.now(WIB).date()
    with services.store.read() as session:
        shift_id = session.scalars(
            select(ScheduleRow.id).where(
                ScheduleRow.poli_code == "003",
                ScheduleRow.weekday == today.weekday(),
                ScheduleRow.start == time(12),
            )
        ).one()
    services.tickets.take(TakeRequest(poli_code="003", service_date=today, schedule_id=shift_id))
    before = _shifts(services)
    _plant(central_server, PLANTED)
    assert _schedule(settings, "pull").returncode == 0
    blocked = _schedule(settings, "adopt", "--yes")
    assert blocked.returncode == 2
    assert "masih memegang 1 tiket aktif" in blocked.stderr
    assert "Jadwal klinik tidak diubah." in blocked.stderr
    assert "Traceback" not in blocked.stderr
    assert _shifts(services) == before
    services.store.dispose()


def _one_line_failure(result: subprocess.CompletedProcess[str], why: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert why in result.stderr and "Jadwal klinik tidak diubah" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failed_pull_keeps_the_last_schedule_and_says_why(
    tmp_path: Path, central_server: CentralServer
) -> None:
    settings = clinic_settings(tmp_path, central_server)
    _open(settings).store.dispose()
    assert _schedule(settings, "pull").returncode == 0
    kept = (settings.data_dir / "hfis-schedule.json").read_bytes()

    central_server.set_faults(bad_json_rate=1.0)
    _one_line_failure(_schedule(settings, "pull"), "tidak dapat")
    central_server.set_faults(bad_json_rate=0.0)

    wrong = clinic_settings(tmp_path, central_server, central_secret="not-the-secret")
    _one_line_failure(_schedule(wrong, "pull"), "BPJS menolak kredensial klinik")

    central_server.stop()
    down = _schedule(settings, "pull", "--lang", "en")
    assert down.returncode == 1 and "the central cannot be reached" in down.stderr
    assert "Traceback" not in down.stderr
    assert (settings.data_dir / "hfis-schedule.json").read_bytes() == kept
    assert "sama" in _schedule(settings, "diff").stdout


def test_diff_before_any_pull_says_what_to_do(tmp_path: Path) -> None:
    from kiosk.config import load_settings

    settings = load_settings(data_dir=tmp_path, facility_code="P3273010")
    result = _schedule(settings, "diff")
    assert result.returncode == 2
    assert "kiosk schedule pull" in result.stderr and "Traceback" not in result.stderr


def test_the_pump_pulls_once_a_day_while_online(
    tmp_path: Path, central_server: CentralServer
) -> None:
    settings = clinic_settings(tmp_path, central_server)
    services = _open(settings)
    kept = settings.data_dir / "hfis-schedule.json"
    assert not kept.exists()
    stop = threading.Event()
    pump = services.sync.pump(probe_seconds=0.1, idle_seconds=0.05, watch=False)
    runner = threading.Thread(target=pump.run, args=(stop,))
    runner.start()
    try:
        deadline = monotonic() + 20
        while not kept.exists() and monotonic() < deadline:
            sleep(0.1)
        assert kept.exists()
        first = kept.stat().st_mtime_ns
        sleep(0.5)  # several more probes: today's copy is there, no second pull
        assert kept.stat().st_mtime_ns == first
    finally:
        stop.set()
        runner.join(10)
        services.store.dispose()
    assert "sama" in _schedule(settings, "diff").stdout
