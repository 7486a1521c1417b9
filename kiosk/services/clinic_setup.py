"""The clinic's set-up in the store: what a clinic file would change, and changing it.

A poli or doctor the clinic drops may still be named by old tickets (and their audit), so it is
retired, not deleted: a poli becomes inactive, a doctor keeps no shift. A shift that is dropped
loses its link from old tickets (they keep their own copy of the doctor and hours). Nothing that
holds a live ticket today or later is ever removed: the plan lists it as a blocker instead.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from kiosk.domain.clinic_file import ClinicSetup, DoctorSpec, PoliSpec, ShiftSpec
from kiosk.domain.models import HELD_STATUSES
from kiosk.services.demo import _ALL_TABLES
from kiosk.store import Store
from kiosk.store.models import (
    DoctorRow,
    FacilityRow,
    PoliRow,
    ScheduleRow,
    TicketCounterRow,
    TicketRow,
)

# Prefixes given to retired polis so a live poli may take their letter (the column is unique).
_SPARE_PREFIXES = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Blocker:
    """Something the file removes that still holds live tickets."""

    kind: str  # "poli" or "shift"
    what: str  # "code name" of a poli; "poli|doctor|HH:MM" of a shift
    tickets: int
    first_date: date


@dataclass
class ClinicPlan:
    setup: ClinicSetup
    replaces_demo: bool = False
    facility: tuple[str, str] | None = None  # (code, name) when it changes
    polis_added: list[PoliSpec] = field(default_factory=list)
    polis_changed: list[tuple[PoliSpec, PoliSpec]] = field(default_factory=list)
    polis_removed: list[PoliSpec] = field(default_factory=list)
    doctors_added: list[DoctorSpec] = field(default_factory=list)
    doctors_changed: list[tuple[DoctorSpec, DoctorSpec]] = field(default_factory=list)
    doctors_removed: list[DoctorSpec] = field(default_factory=list)
    shifts_added: list[ShiftSpec] = field(default_factory=list)
    shifts_changed: list[tuple[ShiftSpec, ShiftSpec]] = field(default_factory=list)
    shifts_removed: list[ShiftSpec] = field(default_factory=list)
    reordered: bool = False
    facility_new: bool = False
    keep_demo: bool = False  # a schedule adopted into the demo clinic keeps it the demo
    blockers: list[Blocker] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.replaces_demo
            or self.facility
            or self.reordered
            or self.polis_added
            or self.polis_changed
            or self.polis_removed
            or self.doctors_added
            or self.doctors_changed
            or self.doctors_removed
            or self.shifts_added
            or self.shifts_changed
            or self.shifts_removed
        )


def _shift(row: ScheduleRow) -> ShiftSpec:
    return ShiftSpec(row.poli_code, row.doctor_code, row.weekday, row.start, row.end, row.quota)


def _facility(session: Session) -> FacilityRow | None:
    return session.scalars(select(FacilityRow)).first()


def current_setup(store: Store) -> ClinicSetup:
    """What the store holds now, as a clinic file would say it (active polis, doctors on duty)."""
    with store.read() as session:
        facility = _facility(session)
        polis = session.scalars(
            select(PoliRow).where(PoliRow.active.is_(True)).order_by(PoliRow.sort_order)
        ).all()
        rows = session.scalars(
            select(ScheduleRow).order_by(ScheduleRow.poli_code, ScheduleRow.start)
        ).all()
        doctors = session.scalars(select(DoctorRow).order_by(DoctorRow.code)).all()
        on_duty = {row.doctor_code for row in rows}
        named = set(session.scalars(select(TicketRow.doctor_code).distinct()).all())
        return ClinicSetup(
            facility_code=facility.code if facility else None,
            facility_name=facility.name if facility else None,
            polis=tuple(
                PoliSpec(p.code, p.name, p.prefix, p.bookable, p.pcare_code, p.pcare_auto_register)
                for p in polis
            ),
            # A doctor with no shift whom old tickets name was retired by an earlier load.
            doctors=tuple(
                DoctorSpec(d.code, d.name)
                for d in doctors
                if d.code in on_duty or d.code not in named
            ),
            shifts=tuple(_shift(row) for row in rows),
        )


def _live_tickets(session: Session, today: date, *conditions: object) -> tuple[int, date | None]:
    count, first = session.execute(
        select(func.count(), func.min(TicketRow.service_date)).where(
            TicketRow.service_date >= today,
            TicketRow.status.in_([s.value for s in HELD_STATUSES]),
            *conditions,  # type: ignore[arg-type]
        )
    ).one()
    return int(count), first


def plan_load(
    store: Store, setup: ClinicSetup, today: date, *, keep_demo: bool = False
) -> ClinicPlan:
    """What loading ``setup`` would change; blockers listed, nothing written.

    ``keep_demo``: ``setup`` is the store's own set-up changed in place (an adopted schedule),
    so the demo clinic is edited, not replaced."""
    with store.read() as session:
        facility = _facility(session)
        demo = facility is not None and facility.demo and not keep_demo
    plan = ClinicPlan(setup, replaces_demo=demo, facility_new=facility is None, keep_demo=keep_demo)
    if demo:
        # The demo's sample clinic goes as a whole: nothing in it is the clinic's own.
        plan.polis_added = list(setup.polis)
        plan.doctors_added = list(setup.doctors)
        plan.shifts_added = list(setup.shifts)
        plan.facility = (setup.facility_code or "", setup.facility_name or "")
        return plan
    now = current_setup(store)
    if setup.facility_code and (setup.facility_code, setup.facility_name) != (
        now.facility_code,
        now.facility_name,
    ):
        plan.facility = (setup.facility_code, setup.facility_name or "")

    old_polis = {p.code: p for p in now.polis}
    new_polis = {p.code: p for p in setup.polis}
    for poli in setup.polis:
        before = old_polis.get(poli.code)
        if before is None:
            plan.polis_added.append(poli)
        elif before != poli:
            plan.polis_changed.append((before, poli))
    plan.polis_removed = [p for p in now.polis if p.code not in new_polis]
    plan.reordered = [p.code for p in now.polis if p.code in new_polis] != [
        p.code for p in setup.polis if p.code in old_polis
    ]

    with store.read() as session:
        all_doctors = {d.code: d.name for d in session.scalars(select(DoctorRow)).all()}
    kept_doctors = {d.code for d in setup.doctors}
    for doctor in setup.doctors:
        name = all_doctors.get(doctor.code)
        if name is None:
            plan.doctors_added.append(doctor)
        elif name != doctor.name:
            plan.doctors_changed.append((DoctorSpec(doctor.code, name), doctor))
    plan.doctors_removed = [d for d in now.doctors if d.code not in kept_doctors]

    old_shifts = {s.key: s for s in now.shifts}
    new_shifts = {s.key: s for s in setup.shifts}
    for shift in setup.shifts:
        was = old_shifts.get(shift.key)
        if was is None:
            plan.shifts_added.append(shift)
        elif was != shift:
            plan.shifts_changed.append((was, shift))
    plan.shifts_removed = [s for s in now.shifts if s.key not in new_shifts]

    with store.read() as session:
        for poli in plan.polis_removed:
            count, first = _live_tickets(
                session,
                today,
                or_(TicketRow.poli_code == poli.code, TicketRow.current_poli == poli.code),
            )
            if count and first is not None:
                plan.blockers.append(Blocker("poli", f"{poli.code} {poli.name}", count, first))
        for shift in plan.shifts_removed:
            row_id = _shift_id(session, shift)
            count, first = _live_tickets(session, today, TicketRow.schedule_id == row_id)
            if count and first is not None:
                what = f"{shift.poli}|{shift.doctor}|{shift.start:%H:%M}"
                plan.blockers.append(Blocker("shift", what, count, first))
    return plan


def _shift_id(session: Session, shift: ShiftSpec) -> int | None:
    return session.scalars(
        select(ScheduleRow.id).where(
            ScheduleRow.poli_code == shift.poli,
            ScheduleRow.doctor_code == shift.doctor,
            ScheduleRow.weekday == shift.weekday,
            ScheduleRow.start == shift.start,
        )
    ).first()


class LoadBlocked(Exception):
    """The plan removes something with live tickets; nothing was written."""


def apply_plan(store: Store, plan: ClinicPlan, default_code: str, default_name: str) -> None:
    """Write the plan in one transaction (all of it or nothing)."""
    if plan.blockers:
        raise LoadBlocked(plan.blockers)
    setup = plan.setup
    with store.write() as session:
        if plan.replaces_demo:
            for table in _ALL_TABLES:
                session.execute(delete(table))
        facility = _facility(session)
        code = setup.facility_code or default_code
        name = setup.facility_name or default_name
        if facility is None:
            session.add(FacilityRow(code=code, name=name, slip_key=secrets.token_bytes(32)))
        elif facility.code != code:
            # Same clinic under its real code: the slip key stays, so printed slips still verify.
            key = facility.slip_key
            session.delete(facility)
            session.flush()
            session.add(FacilityRow(code=code, name=name, slip_key=key, demo=False))
        else:
            facility.name = name
            facility.demo = facility.demo and plan.keep_demo
        session.flush()
        _write_polis(session, setup)
        _write_doctors(session, setup)
        _write_shifts(session, setup, plan)
        _retire(session, setup)


def _write_polis(session: Session, setup: ClinicSetup) -> None:
    rows = {row.code: row for row in session.scalars(select(PoliRow)).all()}
    # Free every letter first: two polis may swap prefixes, a new poli may take a retired one's.
    taken = {row.prefix for row in rows.values()}
    spare = iter(c for c in _SPARE_PREFIXES if c not in taken)
    wanted = {p.prefix for p in setup.polis}
    for row in rows.values():
        if row.prefix in wanted:
            row.prefix = next(spare)
    session.flush()
    for order, poli in enumerate(setup.polis):
        found = rows.get(poli.code)
        row = found if found is not None else PoliRow(code=poli.code)
        if found is None:
            session.add(row)
        row.name, row.prefix, row.bookable = poli.name, poli.prefix, poli.bookable
        row.pcare_code, row.pcare_auto_register = poli.pcare_code, poli.pcare_auto_register
        row.sort_order, row.active = order, True
    listed = {p.code for p in setup.polis}
    for code, row in rows.items():
        if code not in listed:
            row.active = False
    session.flush()


def _write_doctors(session: Session, setup: ClinicSetup) -> None:
    rows = {row.code: row for row in session.scalars(select(DoctorRow)).all()}
    for doctor in setup.doctors:
        row = rows.get(doctor.code)
        if row is None:
            session.add(DoctorRow(code=doctor.code, name=doctor.name))
        else:
            row.name = doctor.name
    session.flush()


def _write_shifts(session: Session, setup: ClinicSetup, plan: ClinicPlan) -> None:
    for shift in plan.shifts_removed:
        row_id = _shift_id(session, shift)
        # Old tickets keep their own copy of the doctor and hours; only the link goes.
        session.execute(
            update(TicketRow).where(TicketRow.schedule_id == row_id).values(schedule_id=None)
        )
        session.execute(delete(ScheduleRow).where(ScheduleRow.id == row_id))
    session.flush()
    rows = {
        (r.poli_code, r.doctor_code, r.weekday, r.start): r
        for r in session.scalars(select(ScheduleRow)).all()
    }
    for shift in setup.shifts:
        row = rows.get(shift.key)
        if row is None:
            session.add(
                ScheduleRow(
                    poli_code=shift.poli,
                    doctor_code=shift.doctor,
                    weekday=shift.weekday,
                    start=shift.start,
                    end=shift.end,
                    quota=shift.quota,
                )
            )
        else:
            row.end, row.quota = shift.end, shift.quota
    session.flush()


def _retire(session: Session, setup: ClinicSetup) -> None:
    """Delete the polis and doctors nothing names any more; the others stay, retired."""
    listed_polis = [p.code for p in setup.polis]
    for row in session.scalars(select(PoliRow).where(PoliRow.code.not_in(listed_polis))).all():
        named = session.scalar(
            select(
                exists().where(
                    or_(TicketRow.poli_code == row.code, TicketRow.current_poli == row.code)
                )
            )
        ) or session.scalar(select(exists().where(TicketCounterRow.poli_code == row.code)))
        if not named:
            session.delete(row)
    listed_doctors = [d.code for d in setup.doctors]
    for doctor in session.scalars(
        select(DoctorRow).where(DoctorRow.code.not_in(listed_doctors))
    ).all():
        if not session.scalar(select(exists().where(TicketRow.doctor_code == doctor.code))):
            session.delete(doctor)
