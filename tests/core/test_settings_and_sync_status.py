"""`kiosk settings` says where each value comes from, marks empty ones and warns about demo
values; `kiosk sync --status` never contradicts itself and reads its times in the clinic's zone."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kiosk.store import Store
from kiosk.store.models import CentralLinkRow
from tests.core.test_config import run_kiosk


def lines_of(output: str) -> dict[str, str]:
    return {line.split()[0]: line for line in output.splitlines() if line.startswith("KIOSK_")}


def test_settings_show_source_empty_values_and_demo_warnings(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text('facility_name = "Puskesmas Uji"\n', encoding="utf-8")
    result = run_kiosk(
        tmp_path,
        "settings",
        KIOSK_CONFIG_FILE=str(tmp_path / "kiosk.toml"),
        KIOSK_LANG="en",
    )
    assert result.returncode == 0, result.stderr
    shown = lines_of(result.stdout)
    assert shown["KIOSK_LANG"].endswith("[environment]")
    assert "Puskesmas Uji" in shown["KIOSK_FACILITY_NAME"]
    assert shown["KIOSK_FACILITY_NAME"].endswith("[file]")
    assert shown["KIOSK_PAPER_MM"].endswith("[default]")
    assert "(empty)" in shown["KIOSK_WS_SECRET"] and "(empty)" in shown["KIOSK_CENTRAL_SECRET"]
    assert "****" in shown["KIOSK_STAFF_PIN"] and "2468" not in result.stdout
    assert "KIOSK_STAFF_PIN is the demo value" in result.stderr
    assert "KIOSK_WS_PASSWORD is the demo value" in result.stderr

    own = run_kiosk(
        tmp_path, "settings", KIOSK_STAFF_PIN="97531", KIOSK_WS_PASSWORD="a-long-own-password"
    )
    assert own.returncode == 0, own.stderr
    assert "demo value" not in own.stderr
    assert "97531" not in own.stdout and "a-long-own-password" not in own.stdout


def test_sync_status_offline_only_says_so_once(tmp_path: Path) -> None:
    result = run_kiosk(tmp_path, "sync", "--status")
    assert result.returncode == 0, result.stderr
    central = next(line for line in result.stdout.splitlines() if line.startswith("central:"))
    assert "not configured (offline-only)" in central
    assert "unreachable" not in central and "reachable" not in central
    assert "last contact: never" in result.stdout


def test_sync_status_times_are_the_clinics(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    store = Store(f"sqlite:///{data / 'kiosk.db'}")
    store.migrate()
    with store.write() as session:
        # 23:30 UTC on the 22nd is 06:30 WIB on the 23rd, 08:30 WIT.
        link = session.get(CentralLinkRow, 1) or CentralLinkRow(id=1)
        link.reachable, link.last_error = False, "timeout"
        link.last_contact_at = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
        session.add(link)
    store.dispose()
    central = {
        "KIOSK_CENTRAL_ANTREAN_URL": "http://127.0.0.1:8141",
        "KIOSK_CENTRAL_PCARE_URL": "http://127.0.0.1:8141",
        "KIOSK_CENTRAL_CONS_ID": "1234",
        "KIOSK_CENTRAL_PCARE_USERNAME": "puskesmas",
        "KIOSK_CENTRAL_PCARE_PASSWORD": "pcare-password",
    }
    result = run_kiosk(tmp_path, "sync", "--status", **central)
    assert result.returncode == 0, result.stderr
    assert "last contact: 2026-11-23 06:30:00 Asia/Jakarta" in result.stdout
    assert "configured, unreachable: timeout" in result.stdout
    assert "UTC" not in result.stdout
    wit = run_kiosk(tmp_path, "sync", "--status", KIOSK_TIMEZONE="WIT", **central)
    assert "last contact: 2026-11-23 08:30:00" in wit.stdout
