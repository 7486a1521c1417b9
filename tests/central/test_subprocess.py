"""Through the real `kiosk central` process over loopback: the helper other tests use."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.central.wire import add_body, decrypt_independently
from tests.central_server import CentralServer
from tests.demo_ids import SITI_CARD, SITI_NIK

pytestmark = pytest.mark.slow

DAY = "2026-11-23"


def test_a_clinic_session_over_loopback(central_server: CentralServer) -> None:
    headers = central_server.signed_headers(pcare=True)
    answer = httpx.get(
        f"{central_server.pcare_url}/peserta/{SITI_CARD}", headers=headers, timeout=10
    )
    assert answer.status_code == 200
    plain = decrypt_independently(
        answer.json()["response"],
        central_server.cons_id,
        central_server.secret,
        headers["X-timestamp"],
    )
    assert json.loads(plain)["nama"] == "Siti Aminah"
    added = central_server.request("POST", "/antreanfktp/antrean/add", json=add_body())
    assert added.json()["metadata"]["code"] == 200
    again = central_server.request("POST", "/antreanfktp/antrean/add", json=add_body())
    assert again.json()["metadata"]["code"] == 208
    assert [e["nomorantrean"] for e in central_server.mirror(DAY)] == ["A-001"]
    nik = central_server.request("GET", f"/pcare-rest/peserta/nik/{SITI_NIK}")
    assert nik.json()["metaData"]["code"] == 200
    # The access log names the calls, with card numbers and NIKs masked.
    central_server.stop()
    log = (central_server.data_dir / "logs" / "central.log").read_text(encoding="utf-8")
    assert "/pcare-rest/peserta/•••••••••7801" in log and "nik/••••••••••••0001" in log
    assert SITI_CARD not in log and SITI_NIK not in log


def test_stopped_killed_and_started_again_on_the_same_port_and_database(
    central_server: CentralServer,
) -> None:
    central_server.request("POST", "/antreanfktp/antrean/add", json=add_body())
    port = central_server.port
    central_server.stop()
    assert not central_server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(central_server.url, timeout=2)
    # The mirror still reads while the central is down (through `kiosk central mirror --json`).
    assert [e["status"] for e in central_server.mirror(DAY)] == ["booked"]
    central_server.start()
    central_server.request(
        "POST",
        "/antreanfktp/antrean/batal",
        json={"tanggalperiksa": DAY, "kodepoli": "001", "nomorkartu": SITI_CARD, "alasan": "x"},
    )
    central_server.kill()
    central_server.start()
    assert central_server.port == port
    assert [e["status"] for e in central_server.mirror(DAY)] == ["cancelled"]


def test_faults_changed_while_running(central_server: CentralServer) -> None:
    assert central_server.set_faults(down=True)["down"] is True
    assert central_server.request("GET", f"/antreanfktp/ref/poli/tanggal/{DAY}").status_code == 503
    assert central_server.set_faults(down=False, fail_rate=1.0)["fail_rate"] == 1.0
    assert central_server.request("GET", f"/antreanfktp/ref/poli/tanggal/{DAY}").status_code == 500
    central_server.set_faults(fail_rate=0.0)
    assert central_server.request("GET", f"/antreanfktp/ref/poli/tanggal/{DAY}").status_code == 200


def test_a_start_that_fails_says_why(tmp_path: Path) -> None:
    server = CentralServer(tmp_path / "central", cons_id="", secret="only-a-secret")
    with pytest.raises(RuntimeError, match="KIOSK_CENTRAL_CONS_ID"):
        server.start(timeout=20)
