"""The store, its WAL, the logs, the slips, the backups and the settings file are the kiosk user's
alone (issue 18): folders 0700, files 0600, through the real commands in fresh processes."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

# Opens the clinic as `kiosk` does, prints a slip, and reports the modes while the store is open
# (the -wal and -shm files exist only then).
PRINT_A_SLIP = """
import json, sys
from kiosk.config import load_settings, keep_private
from kiosk.services.setup import open_clinic
from tests.test_slip import sample_slip

settings = load_settings()
keep_private(settings)
services = open_clinic(settings)
with services.store.write() as session:
    pass
outcome = services.slips.print_slip(sample_slip())
modes = {}
for folder in (settings.data_dir, settings.data_dir / "slips"):
    for path in [folder, *folder.iterdir()]:
        modes[str(path)] = path.stat().st_mode & 0o777
print(json.dumps({"printed": str(outcome.path), "modes": modes}))
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_CONFIG_FILE": str(tmp_path / "kiosk.toml"),
    }
    command = [sys.executable, *args] if args[0] == "-c" else [sys.executable, "-m", "kiosk", *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.slow  # `kiosk` processes of its own
def test_every_file_the_kiosk_writes_is_private(tmp_path: Path) -> None:
    os.umask(0o022)  # what a login shell gives: the kiosk must not rely on a strict one
    settings_file = tmp_path / "kiosk.toml"
    settings_file.write_text('lang = "id"\n')
    settings_file.chmod(0o644)
    data = tmp_path / "data"

    _run(tmp_path, "demo")  # creates the data folder and the store
    _run(tmp_path, "purge")  # writes logs/maintenance.log
    _run(tmp_path, "backup", str(tmp_path / "copies" / "kiosk-backup.db"))
    seen = json.loads(_run(tmp_path, "-c", PRINT_A_SLIP).stdout)

    assert seen["printed"].endswith(".png")
    assert any(name.endswith("kiosk.db-wal") for name in seen["modes"])
    for name, mode in seen["modes"].items():
        wanted = 0o700 if Path(name).is_dir() else 0o600
        assert mode == wanted, f"{name}: {mode:o}"
    assert _mode(data / "logs") == 0o700
    assert _mode(data / "logs" / "maintenance.log") == 0o600
    assert _mode(tmp_path / "copies" / "kiosk-backup.db") == 0o600
    assert _mode(settings_file) == 0o600


@pytest.mark.slow  # `kiosk` processes of its own
def test_an_older_install_is_closed_at_the_next_start(tmp_path: Path) -> None:
    """Folders and files an older version left readable are tightened by the next command."""
    os.umask(0o022)
    _run(tmp_path, "demo")
    data = tmp_path / "data"
    data.chmod(0o755)
    (data / "kiosk.db").chmod(0o644)
    (data / "logs").mkdir(mode=0o755, exist_ok=True)
    (data / "logs").chmod(0o755)
    (data / "logs" / "kiosk.log").write_text("an old line\n")
    (data / "logs" / "kiosk.log").chmod(0o644)

    _run(tmp_path, "migrate")

    assert _mode(data) == 0o700
    assert _mode(data / "kiosk.db") == 0o600
    assert _mode(data / "logs") == 0o700
    assert _mode(data / "logs" / "kiosk.log") == 0o600
