"""`kiosk settings --init` and `kiosk check` as the clinic's IT person runs them, against the real
reference central on loopback, a real PNG folder, a fake ESC/POS printer on a socket and the real
espeak-ng."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kiosk.cli import cli
from kiosk.config import Settings, load_settings
from tests.central_server import CentralServer, free_port
from tests.fake_printer import FakeNetworkPrinter
from tests.golive.test_clinic_load import CLINIC

pytestmark = pytest.mark.slow

CODE = "P3204010"


def run(*args: str, answer: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=answer)


def needs_espeak() -> None:
    if shutil.which("espeak-ng") is None:
        message = "espeak-ng is not installed (Debian: apt-get install espeak-ng)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the voice check: {message}")
        pytest.skip(message)


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clinic going live: its own code, PIN and password, its three polis loaded."""
    data = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    monkeypatch.setenv("KIOSK_FACILITY_CODE", CODE)
    monkeypatch.setenv("KIOSK_STAFF_PIN", "975310")
    monkeypatch.setenv("KIOSK_WS_PASSWORD", "a-long-clinic-password")
    file = tmp_path / "klinik.toml"
    file.write_text(CLINIC.replace("P3273010", CODE), encoding="utf-8")
    loaded = run("clinic", "load", str(file), "--yes")
    assert loaded.exit_code == 0, loaded.output
    return data


def point_at(monkeypatch: pytest.MonkeyPatch, server: CentralServer) -> None:
    for name, value in server.clinic_settings().items():
        monkeypatch.setenv(f"KIOSK_{name.upper()}", value)


def marks(output: str) -> dict[str, str]:
    """Each finding's first words -> ✓ or ✗."""
    return {line[2:40]: line[0] for line in output.splitlines() if line[:1] in "✓✗"}


def test_settings_init_writes_every_setting_with_its_default_and_purpose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "etc" / "kiosk.toml"
    monkeypatch.setenv("KIOSK_CONFIG_FILE", str(path))
    result = run("settings", "--init")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"{name} = " in text, name
    assert "# Bawaan: 58\npaper_mm = 58" in text
    assert "# Detik tanpa sentuhan" in text and "# idle_seconds = 60" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it holds the PIN and the secrets
    written = tomllib.loads(text)
    settings = load_settings()  # the file as the kiosk reads it
    assert settings.staff_pin == written["staff_pin"] != "2468"
    assert settings.ws_password != Settings.model_fields["ws_password"].default

    refused = run("settings", "--init", answer="n\n")
    assert refused.exit_code == 1 and "tidak diubah" in refused.output
    assert path.read_text(encoding="utf-8") == text
    assert run("settings", "--init", "--lang", "en", answer="y\n").exit_code == 0
    assert (tmp_path / "etc" / "kiosk.toml.bak").read_text(encoding="utf-8") == text
    assert "# Antrean Kiosk settings. Lines starting with # hold the default" in path.read_text(
        encoding="utf-8"
    )


def test_check_passes_every_item_against_the_central_and_a_png_printer(
    clinic: Path, central_server: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    needs_espeak()
    point_at(monkeypatch, central_server)
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "✗" not in result.output
    assert "✓ Antrean FKTP menjawab dan menerima kredensial" in result.output
    assert "✓ PCare menjawab dan menerima kredensial" in result.output
    assert f"✓ Faskes {CODE} Puskesmas Sukamaju: 3 poli" in result.output
    assert "✓ Jam PC sesuai dengan jam pusat" in result.output
    assert "✓ espeak-ng berbicara" in result.output
    assert "Semua 11 pemeriksaan lulus" in result.output
    english = run("check", "--lang", "en")
    assert english.exit_code == 0 and "All 11 checks passed" in english.output


def test_check_says_what_is_wrong_on_a_fresh_demo_pc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert run("demo", "--reset").exit_code == 0
    result = run("check", "--lang", "en")
    assert result.exit_code == 1
    lines = result.output
    assert "✗ The facility code is still the demo's (P3273010)" in lines
    assert "✗ The staff PIN is still the demo's" in lines
    assert "✗ The web-service (Mobile JKN) password is still the demo's" in lines
    assert "✗ No central (BPJS) address is set" in lines
    assert "Fix: " in lines and "Traceback" not in lines


def test_check_with_the_central_down_names_it_and_the_fix(
    clinic: Path, central_server: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, central_server)
    central_server.stop()
    result = run("check")
    assert result.exit_code == 1
    assert "✗ Antrean FKTP tidak menjawab" in result.output
    assert "✗ PCare tidak menjawab" in result.output
    assert "kiosk tetap melayani dan mengirim nanti" in result.output
    assert "✗ Jam PC tidak dapat dibandingkan" in result.output
    assert "Traceback" not in result.output


def test_check_with_wrong_credentials_says_the_central_refuses_them(
    clinic: Path, central_server: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, central_server)
    monkeypatch.setenv("KIOSK_CENTRAL_SECRET", "not-the-secret")
    result = run("check", "--lang", "en")
    assert result.exit_code == 1
    assert "✗ Antrean FKTP refuses the credentials" in result.output
    assert "check central_cons_id, central_secret and central_user_key" in result.output


def test_check_with_the_printer_unplugged_or_out_of_paper(
    clinic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_PRINTER", f"escpos-net:127.0.0.1:{free_port()}")
    unplugged = run("check")
    assert unplugged.exit_code == 1
    assert "✗ Tidak ada printer yang menjawab di 127.0.0.1" in unplugged.output
    assert "nyalakan printer" in unplugged.output
    with FakeNetworkPrinter("no-paper") as printer:
        monkeypatch.setenv("KIOSK_PRINTER", printer.spec)
        empty = run("check")
    assert f"✗ Kertas printer 127.0.0.1:{printer.port} habis" in empty.output
    with FakeNetworkPrinter("ok") as printer:
        monkeypatch.setenv("KIOSK_PRINTER", printer.spec)
        fine = run("check")
    assert f"✓ Printer 127.0.0.1:{printer.port} menjawab: kertas cukup" in fine.output
    assert printer.jobs == []  # asked, never printed


def _read_only_mount(source: Path, target: Path) -> bool:
    """A real read-only file system over ``source`` (root only; False where mounts are barred)."""
    target.mkdir()
    done = subprocess.run(
        ["mount", "-o", "bind,ro", str(source), str(target)], capture_output=True, check=False
    )
    return done.returncode == 0


def test_check_with_a_read_only_data_folder(
    clinic: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    mounted = tmp_path / "read-only"
    if os.geteuid() == 0 and shutil.which("mount") and _read_only_mount(clinic, mounted):
        monkeypatch.setenv("KIOSK_DATA_DIR", str(mounted))
        try:
            result = run("check")
        finally:
            subprocess.run(["umount", str(mounted)], check=False)
        assert "✗ Folder data" in result.output and "Read-only file system" in result.output
        assert "hanya-baca" in result.output and "fsck" in result.output
        assert "✗ Basis data tidak dapat dibuka" in result.output
    else:
        clinic.chmod(0o500)  # not root: permissions bar the writes
        try:
            result = run("check")
        finally:
            clinic.chmod(0o700)
        assert "✗ Folder data" in result.output and "sudo chown" in result.output
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "✓ PIN petugas" in result.output  # the rest of the list is still gone through


def test_check_with_a_broken_settings_file_says_which_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('staff_pin = "12"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG_FILE", str(path))
    result = run("check")
    assert result.exit_code == 2
    assert "KIOSK_STAFF_PIN" in result.output and "kiosk settings --init" in result.output
    assert "Traceback" not in result.output
