"""`kiosk clinic load` / `export` as a clinic's IT person runs them, on a real store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kiosk.cli import cli
from kiosk.config import load_settings
from kiosk.domain.clinic_file import ClinicFileError, parse_clinic_file
from kiosk.domain.models import PoliState
from kiosk.domain.schedule import default_slot
from kiosk.services.clinic_setup import current_setup
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeRequest
from kiosk.store import Store

# Three polis; the doctors' shifts cover the whole day, so a ticket can be taken at any hour.
CLINIC = """\
[facility]
code = "P3273010"
name = "Puskesmas Sukamaju"

[[poli]]
code = "001"
name = "Umum"
prefix = "A"

[[poli]]
code = "002"
name = "Gigi"
prefix = "G"

[[poli]]
code = "003"
name = "KIA"
prefix = "K"

[[doctor]]
code = 11
name = "dr. Sinta"

[[doctor]]
code = 12
name = "drg. Bayu"

[[schedule]]
poli = "001"
doctor = 11
start = "00:00"
end = "23:59"
quota = 40

[[schedule]]
poli = "002"
doctor = 12
start = "00:00"
end = "11:00"
quota = 15
days = ["senin", "rabu", "jumat"]

[[schedule]]
poli = "003"
doctor = 12
start = "12:00"
end = "23:59"
quota = 20
"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    return data


def run(*args: str, answer: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=answer)


def write(tmp_path: Path, text: str, name: str = "klinik.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def stored(data: Path) -> object:
    store = Store(f"sqlite:///{data / 'kiosk.db'}")
    try:
        return current_setup(store)
    finally:
        store.dispose()


def test_load_shows_the_changes_applies_them_and_again_changes_nothing(
    env: Path, tmp_path: Path
) -> None:
    file = write(tmp_path, CLINIC)
    first = run("clinic", "load", str(file), "--yes")
    assert first.exit_code == 0, first.output
    assert "+ poli 002 Gigi (awalan G)" in first.output
    assert "+ jadwal poli 002, dokter 12: senin, rabu, jumat 00:00-11:00, kuota 15" in first.output
    assert "Data klinik dimuat: 3 poli, 2 dokter, 17 jadwal per minggu." in first.output

    again = run("clinic", "load", str(file))  # no question: nothing to ask about
    assert again.exit_code == 0, again.output
    assert "Tidak ada yang berubah" in again.output

    exported = run("clinic", "export")
    assert exported.exit_code == 0
    assert parse_clinic_file(exported.output) == parse_clinic_file(CLINIC)
    round_trip = run("clinic", "load", str(write(tmp_path, exported.output, "ekspor.toml")))
    assert "Tidak ada yang berubah" in round_trip.output

    # The kiosk opens on the clinic's own polis.
    services = open_clinic(load_settings())
    try:
        names = [day.poli.name for day in services.clinic.poli_days(services.clock.today())]
    finally:
        services.store.dispose()
    assert names == ["Umum", "Gigi", "KIA"]


def test_load_asks_first_and_a_no_changes_nothing(env: Path, tmp_path: Path) -> None:
    run("clinic", "load", str(write(tmp_path, CLINIC)), "--yes")
    before = stored(env)
    edited = CLINIC.replace('name = "Gigi"', 'name = "Poli Gigi"').replace(
        "quota = 40", "quota = 50"
    )
    file = write(tmp_path, edited, "baru.toml")

    refused = run("clinic", "load", str(file), "--lang", "en", answer="n\n")
    assert refused.exit_code == 1
    assert "~ poli 002 Gigi (prefix G) -> poli 002 Poli Gigi (prefix G)" in refused.output
    assert "- shift at poli 001, doctor 11: every day 00:00-23:59, quota 40" in refused.output
    assert "+ shift at poli 001, doctor 11: every day 00:00-23:59, quota 50" in refused.output
    assert "Cancelled: the store is untouched" in refused.output
    assert stored(env) == before

    accepted = run("clinic", "load", str(file), answer="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert stored(env) != before


BAD_FILES = [
    # (what the file gets wrong, the edit, the line named, words of the message)
    ("duplicate poli code", ('code = "003"', 'code = "002"'), 16, "kode poli 002 sudah dipakai"),
    ("prefix used twice", ('prefix = "K"', 'prefix = "A"'), 18, "awalan A sudah dipakai"),
    ("a quota of 0", ("quota = 15", "quota = 0"), 40, "kuota 0 tidak sah"),
    ("25:00", ('end = "11:00"', 'end = "25:00"'), 39, "jam '25:00' tidak sah"),
    ("a typo in a field", ("quota = 20", "qouta = 20"), 48, "kolom `qouta` tidak dikenal"),
    (
        "an unknown doctor",
        ('doctor = 12\nstart = "12:00"', 'doctor = 99\nstart = "12:00"'),
        45,
        "dokter 99 tidak ada",
    ),
]


@pytest.mark.parametrize(
    ("fault", "edit", "line", "words"), BAD_FILES, ids=[b[0] for b in BAD_FILES]
)
def test_a_bad_file_is_refused_with_its_line_and_the_store_untouched(
    env: Path, tmp_path: Path, fault: str, edit: tuple[str, str], line: int, words: str
) -> None:
    run("clinic", "load", str(write(tmp_path, CLINIC)), "--yes")
    before = stored(env)
    bad = CLINIC.replace(*edit, 1)
    assert bad != CLINIC
    result = run("clinic", "load", str(write(tmp_path, bad, "salah.toml")), "--yes")
    assert result.exit_code == 2
    assert f"salah.toml baris {line}," in result.output
    assert words in result.output
    assert "Data klinik tidak diubah" in result.output
    assert "Traceback" not in result.output
    assert stored(env) == before


def test_overlapping_shifts_of_one_doctor_are_refused_across_polis() -> None:
    # drg. Bayu at Gigi until 11:00 on Monday, and at KIA from 10:00 every day.
    overlapping = CLINIC.replace('start = "12:00"', 'start = "10:00"')
    with pytest.raises(ClinicFileError) as caught:
        parse_clinic_file(overlapping)
    assert caught.value.key == "clinic.err.overlap"
    assert caught.value.line == 46  # the later shift's start
    assert caught.value.params["n"] == 2


def test_a_toml_syntax_error_names_its_line(env: Path, tmp_path: Path) -> None:
    result = run(
        "clinic", "load", str(write(tmp_path, CLINIC.replace('name = "KIA"', "name = KIA")))
    )
    assert result.exit_code == 2
    assert "baris 17" in result.output and "bukan TOML yang sah" in result.output


def test_the_facility_must_be_the_one_the_settings_name(env: Path, tmp_path: Path) -> None:
    other = CLINIC.replace('code = "P3273010"', 'code = "P3204010"')
    result = run("clinic", "load", str(write(tmp_path, other)), "--yes")
    assert result.exit_code == 2
    assert 'facility_code = "P3204010"' in result.output
    assert not (env / "kiosk.db").exists() or stored(env).facility_code is None  # type: ignore[attr-defined]


def _take_today(poli: str) -> None:
    services = open_clinic(load_settings())
    try:
        today = services.clock.today()
        slot = default_slot(services.clinic.poli_day(poli, today).slots, services.clock.now())
        assert slot is not None
        services.tickets.take(TakeRequest(poli, today, slot.schedule_id))
    finally:
        services.store.dispose()


def test_a_poli_with_live_tickets_today_is_not_removed(env: Path, tmp_path: Path) -> None:
    run("clinic", "load", str(write(tmp_path, CLINIC)), "--yes")
    _take_today("001")
    before = stored(env)
    without_umum = CLINIC.replace('[[poli]]\ncode = "001"\nname = "Umum"\nprefix = "A"\n', "")
    without_umum = (
        without_umum.split("[[schedule]]", 1)[0]
        + "[[schedule]]"
        + (without_umum.split("[[schedule]]", 2)[2])
    )
    result = run("clinic", "load", str(write(tmp_path, without_umum, "tanpa-umum.toml")), "--yes")
    assert result.exit_code == 2, result.output
    assert "- poli 001 Umum" in result.output
    assert "Tidak dapat dihapus: poli 001 Umum masih memegang 1 tiket aktif" in result.output
    assert (
        "Tidak dapat dihapus: jadwal poli 001 dokter 11 jam 00:00 masih memegang" in result.output
    )
    assert f"(mulai {date.today():%Y}" in result.output
    assert stored(env) == before


def test_a_retired_poli_stays_for_its_old_tickets_and_frees_its_letter(
    env: Path, tmp_path: Path
) -> None:
    run("clinic", "load", str(write(tmp_path, CLINIC)), "--yes")
    services = open_clinic(load_settings())
    try:
        today = services.clock.today()
        slot = services.clinic.poli_day("001", today).slots[0]
        taken = services.tickets.take(TakeRequest("001", today, slot.schedule_id))
        services.tickets.cancel(taken.ticket.id, reason="test", actor="test")
    finally:
        services.store.dispose()
    # Umum goes (its only ticket was cancelled); a new poli takes its letter A.
    replaced = CLINIC.replace('code = "001"\nname = "Umum"', 'code = "005"\nname = "Lansia"')
    replaced = replaced.replace('poli = "001"', 'poli = "005"')
    result = run("clinic", "load", str(write(tmp_path, replaced, "lansia.toml")), "--yes")
    assert result.exit_code == 0, result.output
    assert "- poli 001 Umum" in result.output and "+ poli 005 Lansia (awalan A)" in result.output
    services = open_clinic(load_settings())
    try:
        days = services.clinic.poli_days(services.clock.today())
        assert [d.poli.name for d in days] == ["Lansia", "Gigi", "KIA"]
        assert days[0].state != PoliState.CLOSED or days[0].slots
    finally:
        services.store.dispose()
    assert "Tidak ada yang berubah" in run("clinic", "load", str(tmp_path / "lansia.toml")).output


def test_loading_over_the_demo_replaces_it_and_the_kiosk_offers_the_clinics_polis(
    env: Path, tmp_path: Path
) -> None:
    assert run("demo", "--reset").exit_code == 0
    result = run("clinic", "load", str(write(tmp_path, CLINIC)), "--yes", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "The demo clinic is replaced as a whole" in result.output
    services = open_clinic(load_settings())
    try:
        names = [day.poli.name for day in services.clinic.poli_days(services.clock.today())]
        assert names == ["Umum", "Gigi", "KIA"]
        assert services.participants is not None
    finally:
        services.store.dispose()


def test_export_refuses_to_overwrite_and_says_when_there_is_no_clinic(
    env: Path, tmp_path: Path
) -> None:
    empty = run("clinic", "export")
    assert empty.exit_code == 2 and "kiosk clinic load" in empty.output
    run("clinic", "load", str(write(tmp_path, CLINIC)), "--yes")
    target = write(tmp_path, "keep me", "ada.toml")
    refused = run("clinic", "export", str(target))
    assert refused.exit_code == 2 and "--force" in refused.output
    assert target.read_text() == "keep me"
    assert run("clinic", "export", str(target), "--force").exit_code == 0
    assert parse_clinic_file(target.read_text()) == parse_clinic_file(CLINIC)


def test_the_demo_file_itself_loads() -> None:
    from kiosk.assets import assets_dir

    setup = parse_clinic_file((assets_dir() / "demo" / "clinic.toml").read_text())
    assert [p.code for p in setup.polis] == ["001", "002", "003", "004", "APT"]
    assert setup.skipped_sections == ("booking", "participant", "registry_participant")
