"""Start-up faults: broken settings, a corrupt or newer database, a missing assets folder. One line,
exit non-zero, nothing overwritten: for every command that opens the store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import kiosk.assets
from kiosk.assets import AssetsMissing, assets_dir

pytestmark = pytest.mark.slow

# Every command that opens the store; serve on a port nobody uses (it must stop before listening).
COMMANDS = {
    "kiosk": ["kiosk"],
    "desk": ["desk"],
    "board": ["board", "--no-sound"],
    "serve": ["serve", "--demo", "--port", "1"],
    "migrate": ["migrate"],
    "demo": ["demo"],
}
# Run the CLI with the package's assets folder looked for somewhere that does not exist.
WITHOUT_ASSETS = (
    "import sys, pathlib, kiosk.assets; "
    "kiosk.assets._PACKAGE = pathlib.Path(sys.argv.pop(1)) / 'kiosk'; "
    "from kiosk.cli import main; sys.argv[0] = 'kiosk'; main()"
)


def run_kiosk(
    data_dir: Path, *args: str, env_extra: dict[str, str] | None = None, assets_gone: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_DATA_DIR"] = str(data_dir)
    env["KIOSK_CONFIG_FILE"] = str(data_dir / "none.toml")
    env |= env_extra or {}
    runner = ["-c", WITHOUT_ASSETS, str(data_dir / "nowhere")] if assets_gone else ["-m", "kiosk"]
    return subprocess.run(
        [sys.executable, *runner, *args],
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


def _demo_store(data_dir: Path) -> tuple[Path, bytes]:
    assert run_kiosk(data_dir, "demo").returncode == 0
    database = data_dir / "kiosk.db"
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return database, database.read_bytes()


def _one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kiosk: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_broken_setting_before_touching_the_store(
    tmp_path: Path, command: str
) -> None:
    database, before = _demo_store(tmp_path)
    result = run_kiosk(tmp_path, *COMMANDS[command], env_extra={"KIOSK_IDLE_SECONDS": "5"})
    assert "KIOSK_IDLE_SECONDS" in _one_line(result, 2)
    assert database.read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_corrupt_database_and_leaves_it(
    tmp_path: Path, command: str
) -> None:
    database = tmp_path / "kiosk.db"
    database.write_bytes(b"SQLite format 3\x00" + b"half a page of rubbish " * 300)
    before = database.read_bytes()
    line = _one_line(run_kiosk(tmp_path, *COMMANDS[command]), 3)
    assert "database" in line
    assert database.read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_newer_database_and_leaves_it(tmp_path: Path, command: str) -> None:
    database, _ = _demo_store(tmp_path)
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099future'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = database.read_bytes()
    line = _one_line(run_kiosk(tmp_path, *COMMANDS[command]), 3)
    assert "newer kiosk version (schema 0099future)" in line
    assert database.read_bytes() == before


@pytest.mark.parametrize("command", ["kiosk", "desk", "board", "demo"])
def test_a_missing_assets_folder_stops_every_command_that_needs_it(
    tmp_path: Path, command: str
) -> None:
    """The screens need their stylesheet and a fresh store the demo clinic: both are assets.
    (serve and migrate on an existing store need none.)"""
    line = _one_line(run_kiosk(tmp_path, *COMMANDS[command], assets_gone=True), 2)
    assert "assets folder is missing" in line
    assert not (tmp_path / "kiosk.db").exists()  # stopped before creating a store


@pytest.mark.parametrize("face", ["kiosk", "desk"])
def test_a_data_dir_that_is_a_file_is_named_in_one_line(tmp_path: Path, face: str) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    line = _one_line(run_kiosk(not_a_folder, face), 2)
    assert "KIOSK_DATA_DIR" in line and "logs" in line
