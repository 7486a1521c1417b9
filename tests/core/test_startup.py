"""Start-up faults: a corrupt or newer database, a missing assets folder. One line, exit non-zero,
nothing overwritten."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import kiosk.assets
from kiosk.assets import AssetsMissing, assets_dir


def run_kiosk(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_DATA_DIR"] = str(data_dir)
    env["KIOSK_CONFIG_FILE"] = str(data_dir / "none.toml")
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_corrupt_database_is_refused_in_one_line_and_left_alone(tmp_path: Path) -> None:
    database = tmp_path / "kiosk.db"
    database.write_bytes(b"this is not a database, it is a shopping list" * 20)
    before = database.read_bytes()
    result = run_kiosk(tmp_path, "kiosk")
    assert result.returncode == 3
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and "not a database" in result.stderr
    assert database.read_bytes() == before


def test_database_from_a_newer_kiosk_is_refused_and_left_alone(tmp_path: Path) -> None:
    assert run_kiosk(tmp_path, "demo").returncode == 0
    database = tmp_path / "kiosk.db"
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    with sqlite3.connect(database) as conn:
        tickets_before = conn.execute("SELECT count(*) FROM ticket").fetchone()
    result = run_kiosk(tmp_path, "kiosk")
    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [
        "kiosk: the database is from a newer kiosk version (schema f00dcafe9999); "
        "install that version or newer"
    ]
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "f00dcafe9999",
        )
        assert conn.execute("SELECT count(*) FROM ticket").fetchone() == tickets_before


def test_missing_assets_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kiosk.assets, "_PACKAGE", tmp_path / "kiosk")
    with pytest.raises(AssetsMissing, match="assets folder is missing"):
        assets_dir()
