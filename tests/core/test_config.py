"""Settings from KIOSK_* variables over a TOML file over defaults; one-line errors; the CLI."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import ZONE_ALIASES, SettingsError, load_settings


def settings_error(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> str:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message
    assert name in message
    return message


@pytest.mark.parametrize("value", ["fr", "ID ", "", "english"])
def test_bad_language(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    message = settings_error(monkeypatch, "KIOSK_LANG", value)
    assert message.startswith("Setting KIOSK_LANG is wrong")


@pytest.mark.parametrize("value", ["UTC", "Europe/Paris", "Mars/Olympus", "GMT+7", ""])
def test_bad_timezone(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    message = settings_error(monkeypatch, "KIOSK_TIMEZONE", value)
    assert "WIB" in message


@pytest.mark.parametrize(
    "value", ["laser", "escpos-net:", "escpos-net:host:99999", "escpos-usb:1", "png:", "none:x"]
)
def test_bad_printer(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    message = settings_error(monkeypatch, "KIOSK_PRINTER", value)
    assert "escpos-net" in message


@pytest.mark.parametrize("value", ["5", "9", "3601", "abc", "-60", "1.5"])
def test_bad_idle_seconds(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    settings_error(monkeypatch, "KIOSK_IDLE_SECONDS", value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("KIOSK_PAPER_MM", "70"),
        ("KIOSK_STAFF_PIN", "12"),
        ("KIOSK_FACILITY_CODE", "P-32"),
        ("KIOSK_MINUTES_PER_PATIENT", "0"),
        ("KIOSK_THEME", "dark"),
        ("KIOSK_WS_SECRET", "a"),
        ("KIOSK_WS_SECRET", "x" * 31),
        ("KIOSK_WS_TRUSTED_PROXIES", "127.0.0.1,proxy.lan"),
    ],
)
def test_other_bad_settings_name_themselves(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    settings_error(monkeypatch, name, value)


def test_the_web_service_secret_and_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_WS_SECRET", "x" * 32)
    monkeypatch.setenv("KIOSK_WS_TRUSTED_PROXIES", " 127.0.0.1 , 10.0.0.0/24,")
    settings = load_settings()
    assert settings.ws_secret == "x" * 32
    assert settings.trusted_proxies == ["127.0.0.1", "10.0.0.0/24"]
    assert load_settings(ws_trusted_proxies="").trusted_proxies == []


def test_a_value_with_a_line_break_still_gives_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    settings_error(monkeypatch, "KIOSK_LANG", "fr\nTraceback (most recent call last):")


def test_bad_override_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(data_dir=tmp_path, lang="fr")
    assert "KIOSK_LANG" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "zone"),
    [
        ("WIB", "Asia/Jakarta"),
        ("WITA", "Asia/Makassar"),
        ("WIT", "Asia/Jayapura"),
        ("wita", "Asia/Makassar"),
        (" WIT ", "Asia/Jayapura"),
        ("Asia/Makassar", "Asia/Makassar"),
    ],
)
def test_zone_aliases(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str, zone: str
) -> None:
    monkeypatch.setenv("KIOSK_TIMEZONE", value)
    settings = load_settings(data_dir=tmp_path)
    assert settings.timezone == zone
    assert settings.zone.key == zone
    assert set(ZONE_ALIASES.values()) == {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"}


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path)
    assert settings.lang == "id"
    assert settings.timezone == "Asia/Jakarta"
    assert settings.idle_seconds == 60
    assert settings.printer == "png"
    assert settings.database_url == f"sqlite:///{tmp_path / 'kiosk.db'}"
    assert settings.log_dir == tmp_path / "logs"
    assert settings.printer_spec.path == tmp_path / "slips"
    assert settings.slip_width_px == 384


def test_database_url_defaults_into_the_data_dir_from_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "kiosk-data"))
    settings = load_settings()
    assert settings.data_dir == tmp_path / "kiosk-data"
    assert settings.database_url == f"sqlite:///{tmp_path / 'kiosk-data' / 'kiosk.db'}"


def test_an_explicit_database_url_is_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", "postgresql://kiosk@db/antrean")
    assert load_settings(data_dir=tmp_path).database_url == "postgresql://kiosk@db/antrean"


def write_toml(monkeypatch: pytest.MonkeyPatch, path: Path, content: str) -> None:
    path.write_text(content, encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG_FILE", str(path))


TOML = """
lang = "en"
facility_name = "Klinik dari TOML"
idle_seconds = 120
timezone = "WITA"
paper_mm = 80
"""


def test_the_toml_file_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    write_toml(monkeypatch, tmp_path / "kiosk.toml", TOML)
    settings = load_settings(data_dir=tmp_path)
    assert settings.lang == "en"
    assert settings.facility_name == "Klinik dari TOML"
    assert settings.idle_seconds == 120
    assert settings.timezone == "Asia/Makassar"
    assert settings.slip_width_px == 576


def test_env_overrides_toml_and_arguments_override_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write_toml(monkeypatch, tmp_path / "kiosk.toml", TOML)
    monkeypatch.setenv("KIOSK_LANG", "id")
    monkeypatch.setenv("KIOSK_IDLE_SECONDS", "300")
    settings = load_settings(data_dir=tmp_path)
    assert (settings.lang, settings.idle_seconds) == ("id", 300)
    assert settings.facility_name == "Klinik dari TOML"  # not overridden: from the file
    assert load_settings(data_dir=tmp_path, idle_seconds=30).idle_seconds == 30


def test_a_bad_value_in_the_toml_file_names_the_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write_toml(monkeypatch, tmp_path / "kiosk.toml", 'lang = "fr"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(data_dir=tmp_path)
    assert "KIOSK_LANG" in str(caught.value)


def test_a_malformed_toml_file_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    write_toml(monkeypatch, path, "lang = \n[[[\n")
    with pytest.raises(SettingsError) as caught:
        load_settings(data_dir=tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message


def test_a_missing_toml_file_is_fine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIOSK_CONFIG_FILE", str(tmp_path / "absent.toml"))
    assert load_settings(data_dir=tmp_path).lang == "id"


# -- the real command line ---------------------------------------------------------------------


def run_kiosk(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    environment["KIOSK_CONFIG_FILE"] = str(tmp_path / "absent.toml")
    environment["KIOSK_DATA_DIR"] = str(tmp_path / "data")
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=60,
    )


def test_cli_bad_setting_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_kiosk(tmp_path, "settings", KIOSK_LANG="fr")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "KIOSK_LANG" in lines[0]
    assert result.stdout == ""


def test_cli_script_bad_setting(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "kiosk"
    if not script.exists():
        pytest.skip("no kiosk script beside the interpreter")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    environment.update(KIOSK_LANG="fr", KIOSK_CONFIG_FILE=str(tmp_path / "absent.toml"))
    result = subprocess.run(
        [str(script), "settings"], capture_output=True, text=True, env=environment, timeout=60
    )
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_cli_settings_hides_the_pin_secrets_and_database_passwords(tmp_path: Path) -> None:
    result = run_kiosk(
        tmp_path,
        "settings",
        KIOSK_STAFF_PIN="97531",
        KIOSK_TIMEZONE="WIT",
        KIOSK_CENTRAL_SECRET="central-secret-86420",
        KIOSK_CENTRAL_USER_KEY="user-key-13579",
        KIOSK_CENTRAL_DATABASE_URL="postgresql+psycopg://bpjs:pw-24680@db.lan/central",
    )
    assert result.returncode == 0, result.stderr
    for secret in ("97531", "central-secret-86420", "user-key-13579", "pw-24680"):
        assert secret not in result.stdout
    assert "postgresql+psycopg://bpjs:***@db.lan/central" in result.stdout
    assert "****" in result.stdout
    assert "Asia/Jayapura" in result.stdout


@pytest.mark.slow  # `kiosk` processes of its own
def test_cli_demo_reset_creates_the_database(tmp_path: Path) -> None:
    result = run_kiosk(tmp_path, "demo", "--reset")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Demo clinic loaded")
    database = tmp_path / "data" / "kiosk.db"
    assert database.is_file()
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM participant").fetchone() == (6,)
        # Umum, Gigi, KIA, Lansia give numbers; the pharmacy is reached by a transfer.
        assert connection.execute("SELECT count(*) FROM poli WHERE bookable").fetchone() == (4,)
        assert connection.execute("SELECT count(*) FROM poli").fetchone() == (5,)
    connection.close()
    again = run_kiosk(tmp_path, "demo")
    assert again.returncode == 0, again.stderr
    assert len(again.stdout.splitlines()) == 1
    assert "--reset" in again.stdout
