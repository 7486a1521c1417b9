"""What the central does with each call: references, participants, and its mirror of the queue.

Rules answer a code and a translation key; the app turns them into the envelope. Every write is
idempotent where a retry can repeat it (add answers 208, a second batal or panggil changes nothing
harmful), because a clinic's pump resends whatever it is not sure arrived.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, insert, select, update
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


def _held() -> Any:
    """The shift's numbers not cancelled (its kapasitas counts them), from the index alone."""
    return (
        select(func.count())
        .select_from(QueueEntry)
        .where(
            QueueEntry.cons_id == bindparam("cons_id"),
            QueueEntry.tanggalperiksa == bindparam("tanggalperiksa"),
            QueueEntry.kodepoli == bindparam("kodepoli"),
            QueueEntry.kodedokter == bindparam("kodedokter"),
            QueueEntry.jampraktek == bindparam("jampraktek"),
            QueueEntry.status != STATUS_CANCELLED,
        )
    )


class _ADD:
    """antrean/add's statements, built once (the checks are in :meth:`Registry.add`)."""

    _doctor = and_(
        CentralSchedule.poli_code == bindparam("kodepoli"),
        CentralSchedule.doctor_code == bindparam("kodedokter"),
    )
    # Everything the checks read, in one statement (each was one, and SQLAlchemy's cost per
    # statement was most of an add): the poli; the entry this natural key already holds there
    # (none: id is null); the participant (none: person is null); the doctor's shifts at the
    # poli; the quota of the shift of the given hours (none: null); and that shift's count.
    checks = (
        select(
            CentralPoli.code,
            QueueEntry.id,
            QueueEntry.status,
            CentralParticipant.card.label("person"),
            CentralParticipant.active,
            CentralParticipant.status_text,
            CentralParticipant.srk_done,
            CentralParticipant.born,
            select(func.count())
            .select_from(CentralSchedule)
            .where(_doctor)
            .scalar_subquery()
            .label("shifts"),
            select(CentralSchedule.quota)
            .where(
                _doctor,
                CentralSchedule.start == bindparam("start"),
                CentralSchedule.end == bindparam("end"),
            )
            .limit(1)
            .scalar_subquery()
            .label("quota"),
            _held().scalar_subquery().label("held"),
        )
        .select_from(CentralPoli)
        .outerjoin(
            QueueEntry,
            and_(
                QueueEntry.kodepoli == CentralPoli.code,
                QueueEntry.cons_id == bindparam("cons_id"),
                QueueEntry.tanggalperiksa == bindparam("tanggalperiksa"),
                QueueEntry.nomorkartu == bindparam("nomorkartu"),
            ),
        )
        .outerjoin(CentralParticipant, CentralParticipant.card == bindparam("nomorkartu"))
        .where(CentralPoli.code == bindparam("kodepoli"))
    )
    # The doctor's shifts, read again only to word a refusal of the hours.
    shifts = select(CentralSchedule.start, CentralSchedule.end).where(_doctor)
    insert = insert(QueueEntry)
    # A cancelled entry of the same key takes the new number (every column but id and the key).
    retake = update(QueueEntry).where(QueueEntry.id == bindparam("entry_id"))


def _check_active(person: Any) -> None:
    """``person``: the participant's row (its columns in :data:`_ADD.checks`) or None. A
    participant BPJS knows as not active gets no JKN number (a clinic's cache may say otherwise:
    it learned of them earlier, or took them on trust offline)."""
    if person is not None and not person.active:
        raise Refused("central.peserta.inactive", status=person.status_text or "TIDAK AKTIF")


def _check_hfis(connection: Connection, body: AddRequest, found: Any) -> None:
    """``found``: the row of :data:`_ADD.checks` (the doctor's shifts, the quota, the count)."""
    if not found.shifts:
        raise Refused("central.hfis.doctor", doctor=body.kodedokter, poli=body.kodepoli)
    if found.quota is None:
        shifts = connection.execute(
            _ADD.shifts, {"kodepoli": body.kodepoli, "kodedokter": body.kodedokter}
        )
        hours = ", ".join(f"{s.start}-{s.end}" for s in shifts)
        raise Refused(
            "central.hfis.hours", doctor=body.kodedokter, given=body.jampraktek, hours=hours
        )
    if (found.held or 0) >= found.quota:
        raise Refused("central.hfis.full", kapasitas=found.quota)


def _check_srk(person: Any, day: date) -> None:
    if person is None or person.srk_done:
        return
    born = person.born
    age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if age >= SRK_AGE:
        raise Refused("central.srk.missing")


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
        or more has not filled in this year's health-history screening (SRK).

        Core statements built once (:data:`_ADD`), in one write transaction: one read of all the
        checks need (the poli with the entry the natural key already holds, the participant, the
        doctor's shifts, the shift's quota and count), then the insert (or the cancelled entry
        taken again). The ORM's unit of work, then a statement per check, cost several times the
        checks themselves on a call every queue number makes."""
        day = checked_date(body.tanggalperiksa)
        start, _, end = body.jampraktek.partition("-")
        key = {
            "cons_id": cons_id,
            "tanggalperiksa": body.tanggalperiksa,
            "kodepoli": body.kodepoli,
            "nomorkartu": body.nomorkartu,
            "kodedokter": body.kodedokter,
            "jampraktek": body.jampraktek,
            "start": start,
            "end": end,
        }
        try:
            with self.db.write_connection() as connection:
                found = connection.execute(_ADD.checks, key).first()
                if found is None:
                    raise Refused("central.poli.unknown", poli=body.kodepoli)
                entry_id, status = found.id, found.status
                if entry_id is not None and status != STATUS_CANCELLED:
                    return DUPLICATE
                person = found if found.person is not None else None
                _check_active(person)
                _check_hfis(connection, body, found)
                _check_srk(person, day)
                values = {
                    **body.model_dump(),
                    "cons_id": cons_id,
                    "status": STATUS_BOOKED,
                    "added_at": utcnow(),
                    "waktu": None,
                    "called_at": None,
                    "cancelled_at": None,
                    "alasan": None,
                }
                if entry_id is None:
                    connection.execute(_ADD.insert, values)
                else:
                    connection.execute(_ADD.retake, {**values, "entry_id": entry_id})
        except IntegrityError:  # another request with the same key won the race
            return DUPLICATE
        return DONE

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
