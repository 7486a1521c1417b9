"""What the central does with each call: references, participants, and its mirror of the queue.

Rules answer a code and a translation key; the app turns them into the envelope. Every write is
idempotent where a retry can repeat it (add answers 208, a second batal or panggil changes nothing
harmful), because a clinic's pump resends whatever it is not sure arrived.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kiosk.central.db import (
    CentralDatabase,
    CentralDoctor,
    CentralParticipant,
    CentralPoli,
    CentralSchedule,
    QueueEntry,
    utcnow,
)
from kiosk.contract.antrean import AddRequest, CallRequest, CancelRequest, DoctorRef, PoliRef
from kiosk.contract.pcare import Asuransi, CodeName, Peserta, Provider

# From this age the yearly health-history screening (SRK) is required for antrean/add (2025).
SRK_AGE = 15

# The mirror's states of a queue entry.
STATUS_BOOKED = "booked"
STATUS_CALLED = "called"
STATUS_ABSENT = "absent"
STATUS_CANCELLED = "cancelled"


@dataclass(frozen=True)
class Outcome:
    """A refusal or a done call: the envelope's code and a translation key with its values."""

    code: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)


class Refused(Exception):
    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


DONE = Outcome(200, "central.ok")
DUPLICATE = Outcome(208, "central.duplicate")


def checked_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Refused("central.date.invalid", value=value) from None


class Registry:
    def __init__(self, database: CentralDatabase) -> None:
        self.db = database

    # -- references ---------------------------------------------------------------------------

    def polis(self, day: str) -> list[PoliRef]:
        checked_date(day)  # the demo's shifts hold every day of the week
        with self.db.read() as session:
            rows = session.scalars(
                select(CentralPoli)
                .where(CentralPoli.code.in_(select(CentralSchedule.poli_code)))
                .order_by(CentralPoli.code)
            ).all()
        if not rows:
            raise Refused("central.poli.none", date=day)
        return [
            PoliRef(namapoli=p.name, kodepoli=p.code, nmsubspesialis=p.name, kdsubspesialis=p.code)
            for p in rows
        ]

    def doctors(self, poli: str, day: str) -> list[DoctorRef]:
        checked_date(day)
        with self.db.read() as session:
            if session.get(CentralPoli, poli) is None:
                raise Refused("central.poli.unknown", poli=poli)
            rows = session.execute(
                select(CentralSchedule, CentralDoctor)
                .join(CentralDoctor, CentralDoctor.code == CentralSchedule.doctor_code)
                .where(CentralSchedule.poli_code == poli)
                .order_by(CentralSchedule.start, CentralDoctor.code)
            ).all()
        if not rows:
            raise Refused("central.doctor.none", poli=poli, date=day)
        return [
            DoctorRef(
                namadokter=doctor.name,
                kodedokter=doctor.code,
                jampraktek=f"{shift.start}-{shift.end}",
                kapasitas=shift.quota,
            )
            for shift, doctor in rows
        ]

    # -- participants -------------------------------------------------------------------------

    def participant_by_card(self, card: str) -> Peserta:
        with self.db.read() as session:
            row = session.get(CentralParticipant, card)
        if row is None:
            raise Refused("central.peserta.unknown")
        return _peserta(row)

    def participant_by_nik(self, nik: str) -> Peserta:
        with self.db.read() as session:
            row = session.scalars(
                select(CentralParticipant).where(CentralParticipant.nik == nik)
            ).first()
        if row is None:
            raise Refused("central.peserta.unknown")
        return _peserta(row)

    # -- the queue mirror ---------------------------------------------------------------------

    def add(self, cons_id: str, body: AddRequest) -> Outcome:
        """A number the clinic issued. A repeat of the natural key is 208; after a cancellation
        the same participant may take a new number at that poli and date.

        As the real service, a new number is refused when its doctor or practice hours are not
        in the HFIS schedule (what ``ref/dokter`` answers), when the shift already holds its
        ``kapasitas``, when it knows the participant as not active, or when a participant aged 15
        or more has not filled in this year's health-history screening (SRK)."""
        day = checked_date(body.tanggalperiksa)
        values = body.model_dump()
        try:
            with self.db.write() as session:
                if session.get(CentralPoli, body.kodepoli) is None:
                    raise Refused("central.poli.unknown", poli=body.kodepoli)
                entry = self._entry(
                    session, cons_id, body.tanggalperiksa, body.kodepoli, body.nomorkartu
                )
                if entry is not None and entry.status != STATUS_CANCELLED:
                    return DUPLICATE
                self._check_active(session, body.nomorkartu)
                self._check_hfis(session, cons_id, body)
                self._check_srk(session, body.nomorkartu, day)
                if entry is None:
                    entry = QueueEntry(cons_id=cons_id)
                    session.add(entry)
                for name, value in values.items():
                    setattr(entry, name, value)
                entry.status = STATUS_BOOKED
                entry.added_at = utcnow()
                entry.waktu = entry.called_at = entry.cancelled_at = None
                entry.alasan = None
        except IntegrityError:  # another request with the same key won the race
            return DUPLICATE
        return DONE

    @staticmethod
    def _check_hfis(session: Any, cons_id: str, body: AddRequest) -> None:
        start, _, end = body.jampraktek.partition("-")
        shift = session.scalars(
            select(CentralSchedule).where(
                CentralSchedule.poli_code == body.kodepoli,
                CentralSchedule.doctor_code == body.kodedokter,
            )
        ).all()
        if not shift:
            raise Refused("central.hfis.doctor", doctor=body.kodedokter, poli=body.kodepoli)
        matching = [s for s in shift if (s.start, s.end) == (start, end)]
        if not matching:
            hours = ", ".join(f"{s.start}-{s.end}" for s in shift)
            raise Refused(
                "central.hfis.hours", doctor=body.kodedokter, given=body.jampraktek, hours=hours
            )
        held = session.scalar(
            select(func.count())
            .select_from(QueueEntry)
            .where(
                QueueEntry.cons_id == cons_id,
                QueueEntry.tanggalperiksa == body.tanggalperiksa,
                QueueEntry.kodepoli == body.kodepoli,
                QueueEntry.kodedokter == body.kodedokter,
                QueueEntry.jampraktek == body.jampraktek,
                QueueEntry.status != STATUS_CANCELLED,
            )
        )
        if (held or 0) >= matching[0].quota:
            raise Refused("central.hfis.full", kapasitas=matching[0].quota)

    @staticmethod
    def _check_active(session: Any, card: str) -> None:
        """A participant BPJS knows as not active gets no JKN number (a clinic's cache may say
        otherwise: it learned of them earlier, or took them on trust offline)."""
        person = session.get(CentralParticipant, card)
        if person is not None and not person.active:
            raise Refused("central.peserta.inactive", status=person.status_text or "TIDAK AKTIF")

    @staticmethod
    def _check_srk(session: Any, card: str, day: date) -> None:
        person = session.get(CentralParticipant, card)
        if person is None or person.srk_done:
            return
        born = person.born
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        if age >= SRK_AGE:
            raise Refused("central.srk.missing")

    def call(self, cons_id: str, body: CallRequest) -> Outcome:
        checked_date(body.tanggalperiksa)
        with self.db.write() as session:
            entry = self._known(
                session, cons_id, body.tanggalperiksa, body.kodepoli, body.nomorkartu
            )
            if entry.status == STATUS_CANCELLED:
                raise Refused("central.entry.cancelled")
            # A no-show who comes back is called again: the last call stands.
            entry.status = STATUS_CALLED if body.status == 1 else STATUS_ABSENT
            entry.waktu = body.waktu
            entry.called_at = utcnow()
        return DONE

    def cancel(self, cons_id: str, body: CancelRequest) -> Outcome:
        checked_date(body.tanggalperiksa)
        with self.db.write() as session:
            entry = self._known(
                session, cons_id, body.tanggalperiksa, body.kodepoli, body.nomorkartu
            )
            if entry.status == STATUS_CANCELLED:
                return DONE  # cancelling twice changes nothing
            if entry.status == STATUS_CALLED:
                raise Refused("central.entry.called")
            entry.status = STATUS_CANCELLED
            entry.alasan = body.alasan
            entry.cancelled_at = utcnow()
        return DONE

    def set_srk_done(self, card: str) -> bool:
        """The participant filled in the SRK; False: no such participant."""
        with self.db.write() as session:
            person = session.get(CentralParticipant, card)
            if person is None:
                return False
            person.srk_done = True
            return True

    def set_kapasitas(self, kapasitas: int) -> int:
        with self.db.write() as session:
            shifts = session.scalars(select(CentralSchedule)).all()
            for shift in shifts:
                shift.quota = kapasitas
        return len(shifts)

    def mirror(self, day: str) -> list[dict[str, Any]]:
        """The mirror of every clinic's queue on a date, by poli and number."""
        with self.db.read() as session:
            rows = session.scalars(
                select(QueueEntry)
                .where(QueueEntry.tanggalperiksa == day)
                .order_by(QueueEntry.kodepoli, QueueEntry.angkaantrean, QueueEntry.id)
            ).all()
        return [_mirrored(row) for row in rows]

    @staticmethod
    def _entry(session: Any, cons_id: str, day: str, poli: str, card: str) -> QueueEntry | None:
        entry: QueueEntry | None = session.scalars(
            select(QueueEntry).where(
                QueueEntry.cons_id == cons_id,
                QueueEntry.tanggalperiksa == day,
                QueueEntry.kodepoli == poli,
                QueueEntry.nomorkartu == card,
            )
        ).first()
        return entry

    def _known(self, session: Any, cons_id: str, day: str, poli: str, card: str) -> QueueEntry:
        entry = self._entry(session, cons_id, day, poli, card)
        if entry is None:
            raise Refused("central.entry.unknown", poli=poli, date=day)
        return entry


def _peserta(row: CentralParticipant) -> Peserta:
    """PCare's field set; what the registry does not hold is null, as PCare answers it."""
    dental = (
        Provider(kdProvider=row.dental_code, nmProvider=row.dental_name or row.dental_code)
        if row.dental_code
        else None
    )
    return Peserta(
        noKartu=row.card,
        nama=row.name,
        hubunganKeluarga=row.relation,
        sex=row.sex,
        tglLahir=row.born.strftime("%d-%m-%Y"),
        tglAkhirBerlaku=row.valid_until.strftime("%d-%m-%Y") if row.valid_until else None,
        noKTP=row.nik,
        aktif=row.active,
        ketAktif=row.status_text,
        tunggakan=row.arrears,
        kdProviderPst=Provider(kdProvider=row.provider_code, nmProvider=row.provider_name),
        kdProviderGigi=dental,
        jnsKelas=CodeName(kode=row.class_code, nama=row.class_name),
        jnsPeserta=CodeName(kode=row.kind_code, nama=row.kind_name),
        pstProl=row.prolanis,
        pstPrb=row.prb,
        asuransi=Asuransi(),
    )


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def _mirrored(row: QueueEntry) -> dict[str, Any]:
    return {
        "tanggalperiksa": row.tanggalperiksa,
        "kodepoli": row.kodepoli,
        "nomorantrean": row.nomorantrean,
        "angkaantrean": row.angkaantrean,
        "nomorkartu": row.nomorkartu,
        "kodedokter": row.kodedokter,
        "jampraktek": row.jampraktek,
        "status": row.status,
        "waktu": row.waktu,
        "added_at": _iso(row.added_at),
        "called_at": _iso(row.called_at),
        "cancelled_at": _iso(row.cancelled_at),
        "alasan": row.alasan,
        "cons_id": row.cons_id,
    }
