"""`kiosk service install/remove`: the units a clinic's PC runs, checked by systemd itself
(`systemd-analyze verify`), the nightly backup's copies, and the logs reaching the journal."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kiosk.cli import cli

pytestmark = pytest.mark.slow

UNITS = Path("etc/systemd/system")


def run(*args: str, answer: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=answer)


def systemd_analyze() -> str:
    """The verifier, or a skip where it cannot run (CI must have it: .ci/run installs it)."""
    tool = shutil.which("systemd-analyze")
    problem = None
    if tool is None:
        problem = "systemd-analyze is not installed (Debian: apt-get install systemd)"
    else:
        try:
            subprocess.run([tool, "--version"], capture_output=True, check=True, timeout=30)
        except (OSError, subprocess.SubprocessError) as error:
            problem = f"systemd-analyze cannot run here: {error}"
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must verify the units: {problem}")
        pytest.skip(problem)
    assert tool is not None
    return tool


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    root = tmp_path / "root"
    result = run("service", "install", "--root", str(root), "--yes", "--user", getpass.getuser())
    assert result.exit_code == 0, result.output
    return root


def test_dry_run_shows_every_file_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    root = tmp_path / "root"
    result = run("service", "install", "--dry-run", "--root", str(root), "--lang", "en")
    assert result.exit_code == 0, result.output
    for name in (
        "antrean-serve.service",
        "antrean-sync.service",
        "antrean-board.service",
        "antrean-backup.timer",
        "antrean-purge.timer",
        "getty@tty1.service.d/antrean-autologin.conf",
    ):
        assert f"--- {root / UNITS / name}" in result.output
    assert f"--- {root / 'etc/profile.d/antrean-kiosk.sh'}" in result.output
    assert "Dry run: the 9 files above are not written" in result.output
    assert not root.exists()


def test_the_units_pass_systemd_analyze_verify(installed: Path) -> None:
    tool = systemd_analyze()
    units = installed / UNITS
    names = sorted(p.name for p in units.glob("antrean-*"))
    assert names == [
        "antrean-backup.service",
        "antrean-backup.timer",
        "antrean-board.service",
        "antrean-purge.service",
        "antrean-purge.timer",
        "antrean-serve.service",
        "antrean-sync.service",
    ]
    for name in ("antrean-serve.service", "antrean-sync.service", "antrean-board.service"):
        assert "\nRestart=on-failure\n" in (units / name).read_text()
    checked = subprocess.run(
        [tool, "verify", *(str(units / n) for n in names)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    # The drop-in, as systemd merges it into the distribution's getty@tty1.service.
    getty = subprocess.run(
        [tool, "verify", "getty@tty1.service"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "SYSTEMD_UNIT_PATH": f"{units}:"},
    )
    assert getty.returncode == 0 and getty.stderr == "", getty.stderr
    drop_in = (units / "getty@tty1.service.d" / "antrean-autologin.conf").read_text()
    assert f"--autologin {getpass.getuser()} --noclear %I $TERM" in drop_in


def test_the_profile_snippet_is_valid_shell_and_stays_off_other_terminals(installed: Path) -> None:
    profile = installed / "etc/profile.d/antrean-kiosk.sh"
    assert subprocess.run(["sh", "-n", str(profile)], check=False).returncode == 0
    # Not on tty1 (here: no terminal at all): sourcing it starts nothing and returns.
    sourced = subprocess.run(
        ["sh", "-c", f". {profile}; echo sourced"],
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert sourced.stdout.strip() == "sourced"


def test_remove_takes_away_ours_and_nothing_else(installed: Path) -> None:
    units = installed / UNITS
    (units / "antrean-custom.service").write_text("[Service]\nExecStart=/bin/true\n")
    (units / "other.service").write_text("[Service]\nExecStart=/bin/true\n")
    listed = run("service", "remove", "--root", str(installed), "--dry-run")
    assert listed.exit_code == 0 and listed.output.count("- ") == 9
    assert run("service", "remove", "--root", str(installed), answer="n\n").exit_code == 1
    assert (units / "antrean-serve.service").exists()
    removed = run("service", "remove", "--root", str(installed), "--yes", "--lang", "en")
    assert removed.exit_code == 0 and "9 service files removed" in removed.output
    left = sorted(str(p.relative_to(installed)) for p in installed.rglob("*") if p.is_file())
    assert left == [str(UNITS / "antrean-custom.service"), str(UNITS / "other.service")]
    assert not (units / "getty@tty1.service.d").exists()
    again = run("service", "remove", "--root", str(installed))
    assert "No kiosk services" in again.output or "Tidak ada layanan" in again.output


def test_nightly_backup_keeps_the_newest_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_BACKUP_COPIES", "2")
    assert run("demo", "--reset").exit_code == 0
    made = []
    for _ in range(3):
        result = run("service", "nightly-backup")
        assert result.exit_code == 0, result.output
        made.append(Path(result.output.split(" (")[0]))
    kept = sorted((tmp_path / "data" / "backups").glob("nightly-*.db"))
    assert sorted(kept) == sorted(made[1:])


def test_logs_reach_the_journal_under_systemd_and_the_data_folder(tmp_path: Path) -> None:
    """systemd hands the journal over as stderr and names it in JOURNAL_STREAM."""
    data = tmp_path / "data"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")},
        "KIOSK_DATA_DIR": str(data),
        "KIOSK_CONFIG_FILE": str(tmp_path / "none.toml"),
    }
    kiosk = [sys.executable, "-m", "kiosk"]
    subprocess.run([*kiosk, "demo", "--reset"], env=env, check=True, capture_output=True)
    journal = tmp_path / "journal"
    with journal.open("w") as stream:
        stat = os.fstat(stream.fileno())
        env["JOURNAL_STREAM"] = f"{stat.st_dev}:{stat.st_ino}"
        subprocess.run([*kiosk, "purge"], env=env, stderr=stream, check=True, timeout=120)
    assert "<6>kiosk.services.retention:" in journal.read_text()
    assert "kiosk.services.retention" in (data / "logs" / "maintenance.log").read_text()
