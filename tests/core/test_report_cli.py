"""`kiosk report` as an operator runs it: the table, the arrival chart, offline periods, CSV."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.cli import cli
from kiosk.cli.report import arrival_bars
from kiosk.domain.schedule import default_slot
from kiosk.services import Services
from kiosk.services.desk import DeskService
from kiosk.services.tickets import TakeRequest
from kiosk.store.link import record_link_state
from tests.conftest import MovableClock


def test_arrival_bars_scale_to_the_busiest_hour() -> None:
    hours = [0] * 24
    hours[7], hours[8], hours[10] = 8, 2, 1
    assert arrival_bars(tuple(hours), width=8) == [
        "07 ████████ 8",
        "08 ██ 2",
        "09 0",
        "10 █ 1",
    ]
    assert arrival_bars(tuple([0] * 24)) == []


def test_kiosk_report_prints_the_day_and_writes_csv(
    services: Services, clock_source: MovableClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = services.clock.today()
    desk = DeskService(services.store, services.clock, services.slips)
    taken = []
    for _ in range(3):
        slot = default_slot(services.clinic.poli_day("001", today).slots, services.clock.now())
        assert slot is not None
        taken.append(services.tickets.take(TakeRequest("001", today, slot.schedule_id)).ticket)
        clock_source.instant += timedelta(minutes=5)
    desk.call_next("001", "Loket 1", "sari")
    # The lab result of the third is back: called before the second, with the reason audited.
    desk.call_out_of_turn(taken[2].id, "Ruang 2", "lab_result", "sari")
    record_link_state(services.store, False, clock_source.instant)
    services.store.dispose()
    monkeypatch.setenv("KIOSK_DATA_DIR", str(services.settings.data_dir))

    csv_file = tmp_path / "laporan.csv"
    result = CliRunner().invoke(
        cli, ["report", "--date", today.isoformat(), "--csv", str(csv_file)]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Laporan harian 23-11-2026 · Puskesmas Sukamaju"
    umum = next(line for line in lines if line.startswith("Umum"))
    # 3 patients, none moved in or out; 15 and 5 minutes before a call (whole minutes, as the desk)
    assert umum.split()[:7] == ["Umum", "3", "0", "/", "0", "10", "/"]
    assert "09 " + "█" * 40 + " 3" in lines
    # An outage no one saw end: what is known, not "still offline".
    assert "terputus sejak 09:15, belum pernah terhubung" in lines
    assert "Poli Umum: 1 (Hasil laboratorium 1)" in lines
    assert csv_file.exists() and (tmp_path / "laporan-kedatangan.csv").exists()

    english = CliRunner().invoke(cli, ["report", "--date", today.isoformat(), "--lang", "en"])
    assert english.exit_code == 0, english.output
    assert english.output.startswith("Daily report 23-11-2026")
    assert "Patients" in english.output and "offline since 09:15" in english.output
    assert "Pasien" not in english.output and "terputus" not in english.output

    english = CliRunner().invoke(cli, ["report", "--date", "23-11-2026"], env={"KIOSK_LANG": "en"})
    assert english.exit_code == 2
    assert "The date must be YYYY-MM-DD" in english.output
    assert "Traceback" not in english.output
