"""kiosk purge (retention) and kiosk backup (a running SQLite store, copied consistently)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.config import load_settings
from kiosk.domain.clock import FacilityClock
from kiosk.services.retention import RetentionService
from kiosk.services.setup import open_clinic
from kiosk.store.models import ParticipantRow, TicketEventRow, TicketRow
from tests.consistency import check_store
from tests.core.conftest import FIXED, WIB, Clinic, SettableClock
from tests.core.test_power_cut import ROOT, WORKER, _prepare
from tests.demo_ids import BUDI_CARD, RINA_CARD, SITI_CARD, SITI_NIK

LONG_AGO = FIXED - timedelta(days=120)


def _old_clinic(tmp_path: Path, database_url: str) -> Clinic:
    """A clinic opened 120 days ago (the demo participants fetched then), clock at today."""
    clock = SettableClock(LONG_AGO)
    settings = load_settings(data_dir=tmp_path, database_url=database_url)
    return Clinic(open_clinic(settings, clock=FacilityClock(WIB, clock)), clock)


def _participant(clinic: Clinic, card: str) -> ParticipantRow | None:
    with clinic.store.read() as session:
        row = session.scalars(select(ParticipantRow).where(ParticipantRow.card_number == card))
        return row.first()


def test_purge_forgets_old_details_and_keeps_the_counts(tmp_path: Path, database_url: str) -> None:
    clinic = _old_clinic(tmp_path, database_url)
    try:
        old_day = clinic.services.clock.today()
        siti, budi = _participant(clinic, SITI_CARD), _participant(clinic, BUDI_CARD)
        assert siti is not None and budi is not None
        for who in (siti.id, budi.id, None):
            clinic.take("001", who, day=old_day, complaint="batuk dan demam", phone="0812345678")
        clinic.clock.instant = FIXED  # 120 days later
        rina = _participant(clinic, RINA_CARD)
        assert rina is not None
        clinic.take("001", rina.id, complaint="sakit kepala")
        with clinic.store.read() as session:
            tickets_before = session.scalar(select(func.count()).select_from(TicketRow))

        report = RetentionService(clinic.store, clinic.services.clock).purge(90)

        assert report.cutoff == FIXED.astimezone(WIB).date() - timedelta(days=90)
        # Ours, and the demo's own phone booking of that day.
        assert report.complaints == 4 and report.participants_deleted >= 1
        with clinic.store.read() as session:
            assert session.scalar(select(func.count()).select_from(TicketRow)) == tickets_before
            old = session.scalars(select(TicketRow).where(TicketRow.service_date == old_day)).all()
            assert {(t.complaint, t.phone) for t in old} == {(None, None)}
            assert {t.number for t in old} >= {"A-001", "A-002", "A-003"}  # counts stay
            recent = TicketRow.service_date > old_day
            today = session.scalars(select(TicketRow.complaint).where(recent)).all()
            assert today == ["sakit kepala"]  # recent: kept
            purged = session.scalar(
                select(func.count())
                .select_from(TicketEventRow)
                .where(TicketEventRow.kind == "purged")
            )
            assert purged == report.complaints  # the audit says what was done
        assert _participant(clinic, BUDI_CARD) is None  # no medical record: gone
        stripped = _participant(clinic, SITI_CARD)
        assert stripped is not None  # the clinic's medical record link stays...
        assert (stripped.nik, stripped.birth_date, stripped.display_name) == (None, None, "")
        assert stripped.medical_record == "000001"
        assert _participant(clinic, RINA_CARD) is not None  # seen today: untouched
        again = RetentionService(clinic.store, clinic.services.clock).purge(90)
        assert (again.complaints, again.participants_deleted, again.participants_stripped) == (
            0,
            0,
            0,
        )
        check_store(clinic.store.url)
    finally:
        clinic.store.dispose()


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {"KIOSK_DATA_DIR": str(data_dir), "KIOSK_CONFIG_FILE": str(data_dir / "none.toml")}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


@pytest.mark.slow  # a `kiosk` process of its own
def test_kiosk_purge_command(tmp_path: Path) -> None:
    assert _cli(tmp_path, "demo").returncode == 0
    result = _cli(tmp_path, "purge", "--older-than", "30")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Purged before ") and "(30 days kept)" in result.stdout
    assert _cli(tmp_path, "purge", "--older-than", "0").returncode == 2  # click's range check


@pytest.mark.slow  # a `kiosk` process of its own
def test_backup_of_a_store_being_written(tmp_path: Path) -> None:
    """A kiosk process keeps taking numbers while `kiosk backup` copies the store three times:
    every copy is whole (integrity check), consistent (tests/consistency.py) and usable."""
    clinic = _old_clinic(tmp_path, f"sqlite:///{tmp_path / 'kiosk.db'}")
    clinic.clock.instant = FIXED
    schedules, people = _prepare(clinic)
    clinic.store.dispose()
    url = clinic.services.settings.database_url
    writer = subprocess.Popen(
        [sys.executable, str(WORKER), url, "7", json.dumps(schedules), json.dumps(people)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    copies = []
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "READY"
        for index in range(3):
            time.sleep(0.5)
            target = tmp_path / "backups" / f"kiosk-{index}.db"
            result = _cli(tmp_path, "backup", str(target))
            assert result.returncode == 0, result.stderr
            assert str(target) in result.stdout
            copies.append(target)
        assert writer.poll() is None, "the writer kept writing throughout"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=30)
    counts = []
    for copy in copies:
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts.append(check_store(f"sqlite:///{copy}").tickets)
    assert counts == sorted(counts) and counts[-1] > counts[0]  # taken while numbers were issued
    # Restore, as the README says: stop the kiosk, copy the file back, start it.
    restored = tmp_path / "restored"
    restored.mkdir()
    (restored / "kiosk.db").write_bytes(copies[-1].read_bytes())
    assert _cli(restored, "migrate").returncode == 0
    with sqlite3.connect(restored / "kiosk.db") as conn:
        nik = conn.execute("SELECT nik FROM participant WHERE nik = ?", (SITI_NIK,)).fetchone()
    assert nik == (SITI_NIK,)
    again = _cli(tmp_path, "backup", str(copies[0]))
    assert again.returncode == 3 and "exists already" in again.stderr  # never overwrites
    assert len(again.stderr.strip().splitlines()) == 1


@pytest.mark.slow  # a `kiosk` process of its own
def test_backup_of_postgresql_points_to_pg_dump(tmp_path: Path) -> None:
    env_url = "postgresql+psycopg://kiosk:rahasia@192.0.2.20/antrean"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {"KIOSK_DATABASE_URL": env_url, "KIOSK_CONFIG_FILE": str(tmp_path / "none.toml")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "backup", str(tmp_path / "x.dump")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pg_dump --format=custom" in lines[0]
    assert "rahasia" not in result.stderr  # the password is not printed
