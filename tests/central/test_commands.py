"""`kiosk central mirror` and `kiosk central load-participants`, and one-line start-up errors."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from kiosk.cli import cli
from kiosk.config import Settings
from tests.central.conftest import signed
from tests.central.wire import add_body, decrypt_independently
from tests.central_server import CONS_ID, SECRET
from tests.demo_ids import BUDI_CARD, RINA_CARD, SITI_CARD

DAY = "2026-11-23"


@pytest.fixture
def runner(central_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(central_settings.data_dir))
    monkeypatch.setenv("KIOSK_CENTRAL_DATABASE_URL", central_settings.central_database_url)
    return CliRunner()


async def test_mirror_after_adds_calls_and_cancels(
    clinic: httpx.AsyncClient, runner: CliRunner
) -> None:
    for card, number, poli in [(SITI_CARD, 1, "001"), (BUDI_CARD, 2, "001"), (RINA_CARD, 1, "002")]:
        prefix = "A" if poli == "001" else "B"
        body = add_body(
            nomorkartu=card, kodepoli=poli, nomorantrean=f"{prefix}-00{number}", angkaantrean=number
        )
        if poli == "002":  # Poli Gigi's doctor in HFIS (the strict central checks it)
            body.update(kodedokter=201, namadokter="drg. Rudi")
        assert (await clinic.post("/antreanfktp/antrean/add", json=body)).status_code == 200
    key = {"tanggalperiksa": DAY, "kodepoli": "001"}
    await clinic.post(
        "/antreanfktp/antrean/panggil",
        json={**key, "nomorkartu": SITI_CARD, "status": 1, "waktu": 1_795_400_000_000},
    )
    await clinic.post(
        "/antreanfktp/antrean/batal", json={**key, "nomorkartu": BUDI_CARD, "alasan": "Pulang"}
    )

    result = runner.invoke(cli, ["central", "mirror", "--date", DAY, "--json"])
    assert result.exit_code == 0, result.output
    mirror = json.loads(result.output)
    assert [(e["kodepoli"], e["nomorantrean"], e["nomorkartu"], e["status"]) for e in mirror] == [
        ("001", "A-001", SITI_CARD, "called"),
        ("001", "A-002", BUDI_CARD, "cancelled"),
        ("002", "B-001", RINA_CARD, "booked"),
    ]
    assert mirror[0]["waktu"] == 1_795_400_000_000 and mirror[1]["alasan"] == "Pulang"

    table = runner.invoke(cli, ["central", "mirror", "--date", DAY])
    assert table.exit_code == 0
    assert SITI_CARD not in table.output and "•••••••••7801" in table.output
    assert "A-002" in table.output and "cancelled" in table.output
    assert "3 antrean tercatat pada 2026-11-23." in table.output

    empty = runner.invoke(cli, ["central", "mirror", "--date", "2026-11-24"])
    assert empty.output.strip() == "Tidak ada antrean tercatat pada 2026-11-24."
    bad = runner.invoke(cli, ["central", "mirror", "--date", "24-11-2026"])
    assert bad.exit_code == 2 and "use YYYY-MM-DD" in bad.output


HEADER = (
    "noKartu,nama,sex,tglLahir,noKTP,aktif,tunggakan,"
    "kdProviderPst.kdProvider,kdProviderPst.nmProvider,jnsKelas.kode,jnsKelas.nama"
)
CSV = f"""{HEADER}
0002000000001,Wati Susanti,P,03-04-1988,3273014304880001,true,0,,,2,KELAS II
0002000000002,Joko Widodo,X,03-04-1988,3273010304880002,true,0,,,,
0002000000003,Ani,P,31-02-1990,3273017102900003,ya,0,,,,
12345,Tono,L,01-01-1990,3273010101900004,1,0,,,,
0002000000005,Dedi Kurnia,L,01-01-1970,3273010101700005,tidak,125000,P3273020,Puskesmas Cibeunying,,
0002000000006,Euis,P,01-01-1990,3273014507900001,true,0,,,,
0002000000001,Wati Lagi,P,03-04-1988,3273014304880009,true,0,,,,
"""


async def test_load_participants_keeps_good_rows_and_names_bad_lines(
    runner: CliRunner, clinic: httpx.AsyncClient, tmp_path: Path
) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(CSV, encoding="utf-8")
    result = runner.invoke(cli, ["central", "load-participants", str(path)])
    assert result.exit_code == 1  # some rows were refused; the good ones are kept
    lines = result.output.splitlines()
    assert lines == [
        "baris 3: sex harus L/P.",
        "baris 4: tglLahir harus dd-mm-yyyy.",
        "baris 5: noKartu harus 13 digit.",
        "baris 7: noKTP sudah terdaftar dengan nomor kartu lain.",
        "baris 8: noKartu sudah ada di baris sebelumnya.",
        "2 peserta dimuat, 5 baris ditolak.",
    ]
    wati = await clinic.get("/pcare-rest/peserta/0002000000001")
    person = json.loads(
        decrypt_independently(wati.json()["response"], CONS_ID, SECRET, signed()["X-timestamp"])
    )
    assert (person["nama"], person["tglLahir"], person["jnsKelas"]) == (
        "Wati Susanti",
        "03-04-1988",
        {"kode": "2", "nama": "KELAS II"},
    )
    assert person["kdProviderPst"]["kdProvider"] == "P3273010"  # this facility by default
    dedi = await clinic.get("/pcare-rest/peserta/nik/3273010101700005")
    person = json.loads(
        decrypt_independently(dedi.json()["response"], CONS_ID, SECRET, signed()["X-timestamp"])
    )
    assert (person["aktif"], person["tunggakan"], person["kdProviderPst"]["nmProvider"]) == (
        False,
        125000,
        "Puskesmas Cibeunying",
    )
    # Loading the same file again replaces, never doubles.
    again = runner.invoke(cli, ["central", "load-participants", str(path)])
    assert "2 peserta dimuat" in again.output


def test_load_participants_file_errors_are_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text("noKartu,nama\n0002000000001,Wati\n", encoding="utf-8")
    result = runner.invoke(cli, ["central", "load-participants", str(path)])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "kiosk central: Kolom wajib tidak ada di baris judul: sex, tglLahir, noKTP, aktif."
    )
    missing = runner.invoke(cli, ["central", "load-participants", str(tmp_path / "none.csv")])
    assert missing.exit_code == 2 and len(missing.output.strip().splitlines()) == 1
    assert "tidak dapat dibaca" in missing.output


def test_a_half_set_consumer_stops_start_up_with_one_line(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_CENTRAL_CONS_ID", "21095")
    result = runner.invoke(cli, ["central", "--port", "18999"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "kiosk central: set KIOSK_CENTRAL_SECRET, KIOSK_CENTRAL_ANTREAN_USER_KEY (or "
        "KIOSK_CENTRAL_USER_KEY), KIOSK_CENTRAL_PCARE_USERNAME and KIOSK_CENTRAL_PCARE_PASSWORD "
        "too, or none of the consumer settings for the demo consumer"
    )


def test_a_taken_port_stops_start_up_with_one_line(runner: CliRunner) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(cli, ["central", "--port", str(port)])
    assert result.exit_code == 2
    assert result.output.startswith(f"kiosk central: cannot listen on 127.0.0.1:{port}")
    assert len(result.output.strip().splitlines()) == 1


def test_rates_outside_0_to_1_are_refused(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["central", "--fail-rate", "1.5"])
    assert result.exit_code == 2 and "use a probability from 0 to 1" in result.output
