"""The desk's day report (g), verifying a participant (v) and its undo, the pharmacy desk."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from textual.widgets import DataTable

from kiosk.cli import cli
from kiosk.desk_app import DeskApp
from kiosk.domain.models import TicketStatus
from kiosk.domain.report import report_rows
from kiosk.services import Services
from kiosk.services.desk import DeskService
from kiosk.services.report import ReportService
from kiosk.store.link import record_link_state
from kiosk.store.models import ParticipantRow, TicketRow
from tests.conftest import MovableClock
from tests.demo_ids import BUDI_NIK
from tests.ui.helpers import leaves, screen_name, screen_text, settle, shows
from tests.ui.test_desk import desk_services, key, open_umum, said, sign_in, status, take

__all__ = ["desk_services"]  # the fixture, shared with the desk's other tests


def budi_id(services: Services) -> int:
    from kiosk.domain.identity import parse_identity

    found = services.participants.identify(parse_identity(BUDI_NIK, services.clock.today()))
    assert found is not None
    return found.id


def a_morning(services: Services, clock: MovableClock) -> None:
    """Four walk-ins at Umum and one at Gigi, three called, one served, an hour offline."""
    desk = DeskService(services.store, services.clock, services.slips)
    start = clock.instant
    clock.instant = start - timedelta(hours=1, minutes=30)
    for poli in ("001", "001", "002", "001", "001"):
        take(services, poli=poli)
        clock.instant += timedelta(minutes=12)
    record_link_state(services.store, False, clock.instant - timedelta(minutes=20), "timeout")
    for _ in range(3):
        called = desk.call_next("001", "Loket 1", "sari@Loket 1")
        assert called is not None
        clock.instant += timedelta(minutes=4)
    desk.finish(called.id, "sari@Loket 1")
    record_link_state(services.store, True, clock.instant)
    clock.instant = start


async def open_report(pilot: Pilot[None]) -> None:
    await open_umum(pilot)
    await key(pilot, "g")
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)


async def test_the_report_screen_shows_the_day_and_goes_back(
    desk_services: Services, clock_source: MovableClock
) -> None:
    a_morning(desk_services, clock_source)
    app = DeskApp(desk_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_report(pilot)
        assert screen_name(app) == "ReportScreen"
        text = screen_text(app)
        assert "Laporan harian 23-11-2026" in text
        assert "Umum" in text and "Gigi" in text and "Total" in text
        assert "07:00–08:59: 5 pasien" in text
        umum = next(line for line in text.splitlines() if line.strip().startswith("Umum"))
        assert umum.split()[:7] == ["Umum", "4", "0", "/", "0", "48", "/"]  # waits 60, 52, 32
        assert "08:10–08:42" in text  # offline from 08:10 to 08:42 WIB
        chart = app.screen.query_one("#report-chart")
        assert list(chart.data or []) == [3.0, 2.0]  # type: ignore[attr-defined]
        await key(pilot, "escape")
        assert screen_name(app) == "DeskScreen"


async def test_verify_a_participant_at_the_desk_and_undo_it(desk_services: Services) -> None:
    budi = budi_id(desk_services)
    with desk_services.store.write() as session:
        session.get_one(ParticipantRow, budi).verified = False
    ticket_id = take(desk_services, budi)
    app = DeskApp(desk_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_umum(pilot)
        assert await shows(pilot, "BELUM VERIFIKASI")  # painted late on a loaded machine
        await key(pilot, "v")
        assert "A-001 terverifikasi" in said(app)
        with desk_services.store.read() as session:
            assert session.get_one(TicketRow, ticket_id).verified
            assert session.get_one(ParticipantRow, budi).verified
        assert await leaves(pilot, "BELUM VERIFIKASI")  # the list refreshes every second
        await key(pilot, "u")
        with desk_services.store.read() as session:
            assert not session.get_one(TicketRow, ticket_id).verified
            assert not session.get_one(ParticipantRow, budi).verified


async def test_the_pharmacy_desk_calls_who_was_sent_there(desk_services: Services) -> None:
    first = take(desk_services)
    app = DeskApp(desk_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_umum(pilot)
        await key(pilot, "n")
        await key(pilot, "b")  # sent on while served: a finished patient leaves the list
        await key(pilot, "t")
        text = screen_text(app)
        assert "Farmasi" in text
        await key(pilot, "4")  # Gigi, KIA, Lansia, Farmasi
        assert status(desk_services, first) == TicketStatus.WAITING
    app = DeskApp(desk_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await key(pilot, "5")  # the pharmacy's desk
        assert "Farmasi" in screen_text(app) and "A-001" in screen_text(app)
        await key(pilot, "n")
        assert "Memanggil A-001" in said(app)
        assert status(desk_services, first) == TicketStatus.CALLED


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_report_snapshot(
    desk_services: Services, clock_source: MovableClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    a_morning(desk_services, clock_source)
    assert snap_compare(DeskApp(desk_services), terminal_size=size, run_before=open_report)


async def test_desk_cli_and_csv_agree_and_rows_add_up(
    desk_services: Services, clock_source: MovableClock, tmp_path: Path, monkeypatch: Any
) -> None:
    """A transfer, a cancellation and a skip: the desk's table, `kiosk report` and the CSV say
    the same, cell for cell, and each column of patients adds up to the total."""
    desk = DeskService(desk_services.store, desk_services.clock, desk_services.slips)
    ids = [take(desk_services, poli=poli) for poli in ("001", "001", "001", "001", "003")]
    clock_source.instant += timedelta(minutes=7, seconds=30)
    desk.call_next("001", "Loket Umum", "sari")  # A-001 waited 7.5 minutes: 8 everywhere
    desk.transfer(ids[0], "003", "sari")
    clock_source.instant += timedelta(minutes=3)
    desk.call_next("001", "Loket Umum", "sari")
    desk.skip(ids[1], "sari")
    desk_services.tickets.cancel(ids[2], "pulang", "sari")
    desk.call_next("003", "Loket KIA", "sari")  # C-001 came first
    desk.call_next("003", "Loket KIA", "sari")
    clock_source.instant += timedelta(minutes=4)
    desk.finish(ids[0], "sari")
    report = ReportService(desk_services.store, desk_services.clock).day()
    expected = report_rows(report, "Total")
    assert sum(int(row[1]) for row in expected[:-1]) == int(expected[-1][1]) == 5
    assert [row[:3] for row in expected] == [
        ("Umum", "3", "0 / 1"),
        ("KIA", "2", "1 / 0"),
        ("Total", "5", "1 / 1"),
    ]

    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_report(pilot)
        table = app.screen.query_one("#report-table", DataTable)
        shown = [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
    assert shown == expected

    desk_services.store.dispose()
    monkeypatch.setenv("KIOSK_DATA_DIR", str(desk_services.settings.data_dir))
    csv_file = tmp_path / "hari.csv"
    day = desk_services.clock.today().isoformat()
    result = CliRunner().invoke(
        cli, ["report", "--date", day, "--lang", "en", "--csv", str(csv_file)]
    )
    assert result.exit_code == 0, result.output
    for row in expected:
        line = next(x for x in result.output.splitlines() if x.startswith(row[0]))
        assert line.split() == " ".join(row).split(), line
    with csv_file.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row, written in zip(expected, rows, strict=True):
        moved_in, moved_out = row[2].split(" / ")
        wait = row[3].split(" / ") if row[3] != "-" else ["", ""]
        assert (written["pasien"], written["pindah_masuk"], written["pindah_keluar"]) == (
            row[1],
            moved_in,
            moved_out,
        )
        assert [written["tunggu_rata_menit"], written["tunggu_p90_menit"]] == wait
        assert (written["tidak_hadir"], written["batal"]) == (row[5], row[6])
    assert sum(int(r["pasien"]) for r in rows[:-1]) == int(rows[-1]["pasien"])


async def test_calls_out_of_turn_agree_at_the_desk_in_the_cli_and_in_the_csv(
    desk_services: Services, tmp_path: Path, monkeypatch: Any
) -> None:
    """One count for the desk's `g`, `kiosk report` and the CSV; an undone call is not in it."""
    desk = DeskService(desk_services.store, desk_services.clock, desk_services.slips)
    umum = [take(desk_services, poli="001") for _ in range(3)]
    kia = [take(desk_services, poli="003") for _ in range(2)]
    desk.call_out_of_turn(umum[2], "Ruang 2", "lab_result", "sari")
    desk.call_out_of_turn(umum[1], "Ruang 2", "returned", "sari")
    desk.call_out_of_turn(kia[1], "Ruang KIA", "doctor_asked", "sari")
    desk.call_out_of_turn(kia[0], "Ruang KIA", "doctor_asked", "sari")
    desk.undo("sari")  # the last one did not happen
    report = ReportService(desk_services.store, desk_services.clock).day()
    assert report.out_of_turn == {
        "001": {"lab_result": 1, "returned": 1},
        "003": {"doctor_asked": 1},
    }
    assert desk.out_of_turn_calls() == report.out_of_turn
    lines = [
        "Poli Umum: 2 (Hasil laboratorium 1, Pasien lansia kembali 1)",
        "Poli KIA: 1 (Diminta dokter 1)",
    ]

    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_report(pilot)
        shown = str(app.screen.query_one("#report-out-of-turn").render())
        assert shown.splitlines() == lines
        assert "Dipanggil di luar urutan" in screen_text(app)
        await key(pilot, "f2")
        await app.workers.wait_for_complete()
        await settle(pilot)
        shown = str(app.screen.query_one("#report-out-of-turn").render())
        assert shown.splitlines()[1] == "Poli KIA: 1 (The doctor asked 1)"

    desk_services.store.dispose()
    monkeypatch.setenv("KIOSK_DATA_DIR", str(desk_services.settings.data_dir))
    csv_file = tmp_path / "hari.csv"
    day = desk_services.clock.today().isoformat()
    result = CliRunner().invoke(cli, ["report", "--date", day, "--csv", str(csv_file)])
    assert result.exit_code == 0, result.output
    printed = result.output.splitlines()
    heading = printed.index("Dipanggil di luar urutan")
    assert printed[heading + 1 : heading + 3] == lines
    with csv_file.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["kode_poli"]: row for row in csv.DictReader(handle)}
    columns = (
        "luar_urutan",
        "luar_urutan_lansia_kembali",
        "luar_urutan_hasil_lab",
        "luar_urutan_diminta_dokter",
    )
    assert [rows["001"][c] for c in columns] == ["2", "1", "1", "0"]
    assert [rows["003"][c] for c in columns] == ["1", "0", "0", "1"]
    assert [rows["TOTAL"][c] for c in columns] == ["3", "1", "1", "1"]
