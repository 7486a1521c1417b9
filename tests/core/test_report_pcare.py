"""The day's report counts PCare registrations per poli: registered, waiting to be sent, refused,
sick and healthy visits; the CSV has the same columns and a TOTAL."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from sqlalchemy import update

from kiosk.domain.visit import VisitState
from kiosk.services.desk import DeskService
from kiosk.services.registration import RegistrationService
from kiosk.services.report import CSV_HEADER, ReportService, write_csv
from kiosk.store.models import VisitRegistrationRow
from tests.core.conftest import TODAY
from tests.demo_ids import BUDI_NIK, RINA_NIK, SITI_NIK

DESK = "Sari Dewi"


def test_registrations_per_poli_in_the_report_and_its_csv(clinic: Any, tmp_path: Path) -> None:
    desk = DeskService(clinic.store, clinic.services.clock, clinic.services.slips)
    registration = RegistrationService(clinic.store, clinic.services.clock)
    ids = {}
    for nik, poli, sick in (
        (SITI_NIK, "001", True),
        (BUDI_NIK, "001", False),
        (RINA_NIK, "003", None),
    ):
        ticket = clinic.take(poli, clinic.person(nik).id, visit_sick=sick).ticket
        assert desk.call_next(poli, "Loket", DESK) is not None
        registration.register(ticket.id, None, DESK)
        ids[nik] = ticket.id
    with clinic.store.write() as session:  # PCare answered Siti, refused Budi
        for nik, state in ((SITI_NIK, VisitState.REGISTERED), (BUDI_NIK, VisitState.REFUSED)):
            session.execute(
                update(VisitRegistrationRow)
                .where(VisitRegistrationRow.ticket_id == ids[nik])
                .values(state=state)
            )
    report = ReportService(clinic.store, clinic.services.clock).day(TODAY)
    assert report.pcare["001"] == {
        "registered": 1,
        "waiting": 0,
        "refused": 1,
        "sick": 1,
        "healthy": 1,
    }
    # Rina's kind was not asked: registered as sick, and still waiting to be sent.
    assert report.pcare["003"] == {
        "registered": 0,
        "waiting": 1,
        "refused": 0,
        "sick": 1,
        "healthy": 0,
    }
    lines = ReportService(clinic.store, clinic.services.clock).pcare_lines(report, "id")
    assert "Poli Umum: terdaftar 1, menunggu kirim 0, ditolak 1 (sakit 1, sehat 1)" in lines
    english = ReportService(clinic.store, clinic.services.clock).pcare_lines(report, "en")
    assert "Poli KIA: registered 0, waiting to send 1, refused 0 (sick 1, healthy 0)" in english

    registration.undo(ids[RINA_NIK], DESK)  # taken back: counted nowhere
    report = ReportService(clinic.store, clinic.services.clock).day(TODAY)
    assert set(report.pcare["003"].values()) == {0}

    files = write_csv(report, TODAY, tmp_path / "laporan.csv")
    with files.polis.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(CSV_HEADER)
    umum = next(r for r in rows if r["kode_poli"] == "001")
    total = next(r for r in rows if r["kode_poli"] == "TOTAL")
    assert (umum["pcare_terdaftar"], umum["pcare_ditolak"], umum["kunjungan_sehat"]) == (
        "1",
        "1",
        "1",
    )
    assert total["pcare_terdaftar"] == "1" and total["kunjungan_sakit"] == "1"
    assert total["pcare_menunggu_kirim"] == "0"
