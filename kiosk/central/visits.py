"""PCare's ``/pendaftaran`` on the reference central: visits registered, listed and deleted.

POST answers code 201 with ``{"field": "noUrut", "message": "A1"}`` (A1, A2... per clinic and
day, never given twice, a deleted one included). It refuses (code 412, PCare's "precondition
failed", with the reason) a second registration of the same card, poli and day, a kdPoli PCare does
not know, a participant unknown, inactive or registered at another FKTP, and a kdProviderPeserta
that is not the participant's. A GET or DELETE of a registration it does not hold answers 404.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from kiosk.central.db import CentralDatabase, CentralParticipant, PcarePoli, Registration, utcnow
from kiosk.central.registry import Refused
from kiosk.contract.pcare import (
    Pendaftaran,
    PendaftaranCreated,
    PendaftaranList,
    PendaftaranRequest,
    PesertaRef,
    PoliRef,
    ProviderRef,
    pcare_day,
)

REFUSED = 412  # PCare's PRECONDITION_FAILED
NOT_FOUND = 404
CREATED = 201
PREFIX = "A"


class NotFound(Exception):
    """No such registration (GET, DELETE)."""


def parse_day(value: str) -> date:
    try:
        return datetime.strptime(value, "%d-%m-%Y").date()
    except ValueError:
        raise Refused("central.date.invalid", value=value) from None


class Visits:
    def __init__(self, database: CentralDatabase, facility_code: str | None = None) -> None:
        self.db = database
        self.facility_code = facility_code

    def register(self, cons_id: str, body: PendaftaranRequest) -> PendaftaranCreated:
        day = parse_day(body.tglDaftar)
        with self.db.write() as session:
            if session.get(PcarePoli, body.kdPoli) is None:
                raise Refused("central.pendaftaran.poli", poli=body.kdPoli)
            person = session.get(CentralParticipant, body.noKartu)
            if person is None:
                raise Refused("central.peserta.unknown")
            if not person.active:
                raise Refused("central.pendaftaran.inactive", status=person.status_text)
            if self.facility_code and person.provider_code != self.facility_code:
                raise Refused("central.pendaftaran.elsewhere", fktp=person.provider_name)
            if body.kdProviderPeserta != person.provider_code:
                raise Refused("central.pendaftaran.provider", given=body.kdProviderPeserta)
            held = session.scalars(
                select(Registration).where(
                    Registration.cons_id == cons_id,
                    Registration.visit_date == day,
                    Registration.card == body.noKartu,
                    Registration.kd_poli == body.kdPoli,
                    Registration.deleted_at.is_(None),
                )
            ).first()
            if held is not None:
                raise Refused("central.pendaftaran.twice", no_urut=held.no_urut)
            given = session.scalar(
                select(func.count())
                .select_from(Registration)
                .where(Registration.cons_id == cons_id, Registration.visit_date == day)
            )
            no_urut = f"{PREFIX}{(given or 0) + 1}"
            session.add(
                Registration(
                    cons_id=cons_id,
                    visit_date=day,
                    no_urut=no_urut,
                    card=body.noKartu,
                    kd_poli=body.kdPoli,
                    provider=body.kdProviderPeserta,
                    keluhan=body.keluhan,
                    kunj_sakit=body.kunjSakit,
                    sistole=body.sistole,
                    diastole=body.diastole,
                    berat_badan=body.beratBadan,
                    tinggi_badan=body.tinggiBadan,
                    resp_rate=body.respRate,
                    lingkar_perut=body.lingkarPerut,
                    heart_rate=body.heartRate,
                    rujuk_balik=body.rujukBalik,
                    kd_tkp=body.kdTkp,
                    registered_at=utcnow(),
                )
            )
        return PendaftaranCreated(field="noUrut", message=no_urut)

    def get(self, cons_id: str, no_urut: str, tgl: str) -> Pendaftaran:
        with self.db.read() as session:
            return self._shown(session, _held(session, cons_id, tgl, no_urut))

    def day(self, cons_id: str, tgl: str, start: int, limit: int) -> PendaftaranList:
        day = parse_day(tgl)
        live = (
            Registration.cons_id == cons_id,
            Registration.visit_date == day,
            Registration.deleted_at.is_(None),
        )
        with self.db.read() as session:
            total = session.scalar(select(func.count()).select_from(Registration).where(*live))
            rows = session.scalars(
                select(Registration)
                .where(*live)
                .order_by(Registration.id)
                .offset(start)
                .limit(limit)
            ).all()
            return PendaftaranList(
                count=int(total or 0), list=[self._shown(session, row) for row in rows]
            )

    def delete(self, cons_id: str, card: str, tgl: str, no_urut: str, kd_poli: str) -> None:
        with self.db.write() as session:
            row = _held(session, cons_id, tgl, no_urut)
            if (row.card, row.kd_poli) != (card, kd_poli):
                raise NotFound
            row.deleted_at = utcnow()

    def on(self, day: date) -> list[dict[str, Any]]:
        """Every clinic's registrations of a day, deleted ones included (the mirror, drills)."""
        with self.db.read() as session:
            rows = session.scalars(
                select(Registration).where(Registration.visit_date == day).order_by(Registration.id)
            ).all()
            polis = {p.code: p.antrean_code for p in session.scalars(select(PcarePoli)).all()}
        return [
            {
                "noUrut": row.no_urut,
                "tglDaftar": pcare_day(row.visit_date),
                "noKartu": row.card,
                "kdPoli": row.kd_poli,
                "kodepoli": polis.get(row.kd_poli),
                "kunjSakit": row.kunj_sakit,
                "deleted": row.deleted_at is not None,
                "cons_id": row.cons_id,
            }
            for row in rows
        ]

    @staticmethod
    def _shown(session: Any, row: Registration) -> Pendaftaran:
        person = session.get(CentralParticipant, row.card)
        poli = session.get(PcarePoli, row.kd_poli)
        return Pendaftaran(
            noUrut=row.no_urut,
            tglDaftar=pcare_day(row.visit_date),
            providerPelayanan=ProviderRef(
                kdProvider=person.provider_code if person else row.provider,
                nmProvider=person.provider_name if person else row.provider,
            ),
            peserta=PesertaRef(noKartu=row.card, nama=person.name if person else ""),
            poli=PoliRef(kdPoli=row.kd_poli, nmPoli=poli.name if poli else row.kd_poli),
            keluhan=row.keluhan,
            kunjSakit=row.kunj_sakit,
            sistole=row.sistole,
            diastole=row.diastole,
            beratBadan=row.berat_badan,
            tinggiBadan=row.tinggi_badan,
            respRate=row.resp_rate,
            lingkarPerut=row.lingkar_perut,
            heartRate=row.heart_rate,
            rujukBalik=row.rujuk_balik,
            kdTkp=row.kd_tkp,
        )


def _held(session: Any, cons_id: str, tgl: str, no_urut: str) -> Registration:
    """A live registration of a clinic's day by its noUrut, or :class:`NotFound`."""
    row: Registration | None = session.scalars(
        select(Registration).where(
            Registration.cons_id == cons_id,
            Registration.visit_date == parse_day(tgl),
            Registration.no_urut == no_urut,
            Registration.deleted_at.is_(None),
        )
    ).first()
    if row is None:
        raise NotFound
    return row


def beside_the_queue(
    entries: list[dict[str, Any]], visits: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Put each registration beside its queue number (same clinic, card and poli): ``pcare`` the
    live noUrut or None, ``pcare_deleted`` the deleted ones. Returns the registrations that have
    no number in the mirror (a poli PCare maps to no Antrean poli)."""
    unmatched = list(visits)
    for entry in entries:
        entry["pcare"], entry["pcare_deleted"] = None, []
        for visit in visits:
            key = (visit["cons_id"], visit["noKartu"], visit["kodepoli"])
            if key != (entry["cons_id"], entry["nomorkartu"], entry["kodepoli"]):
                continue
            if visit in unmatched:
                unmatched.remove(visit)
            if visit["deleted"]:
                entry["pcare_deleted"].append(visit["noUrut"])
            else:
                entry["pcare"] = visit["noUrut"]
    return unmatched
