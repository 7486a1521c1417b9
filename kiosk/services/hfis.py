"""BPJS's HFIS schedule for today and tomorrow against the clinic's own: compared, adopted.

The pull and the kept copy are the sync layer's (:mod:`kiosk.sync.hfis`). Adopting goes through
the same plan as ``kiosk clinic load``: a shift holding live tickets is never removed. Each
adoption appends one line (who, when, what) to an audit file in the data folder.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from kiosk.domain.clinic_file import ClinicSetup, DoctorSpec, ShiftSpec
from kiosk.services.clinic_setup import ClinicPlan, apply_plan, current_setup, plan_load
from kiosk.store import Store
from kiosk.sync.hfis import (
    SCHEDULE_FILE,
    DailyPull,
    HfisSchedule,
    HfisShift,
    PullFailed,
    hours_text,
    load,
    pull,
    save,
)

__all__ = ["SCHEDULE_FILE", "DailyPull", "PullFailed", "load", "pull", "save"]

AUDIT_FILE = "hfis-audit.jsonl"


@dataclass(frozen=True)
class Difference:
    """One way the clinic's schedule and BPJS's differ on a day.

    kind: ``missing_at_bpjs`` (a local shift BPJS lacks), ``missing_here`` (a BPJS shift the
    clinic lacks), ``hours`` (same doctor, other hours), ``capacity`` (quota vs kapasitas).
    """

    kind: str
    day: date
    poli: str
    doctor: int
    doctor_name: str
    local: str = ""
    bpjs: str = ""
    quota: int = 0  # the clinic's, for ``capacity``


# -- diff --------------------------------------------------------------------------------------


def differences(store: Store, schedule: HfisSchedule) -> list[Difference]:
    """Each pulled day against the clinic's weekly shifts for that weekday."""
    setup = current_setup(store)
    names = {d.code: d.name for d in setup.doctors}
    found: list[Difference] = []
    for day in schedule.days:
        local = [s for s in setup.shifts if s.weekday == day.weekday()]
        bpjs = [s for s in schedule.shifts if s.day == day]
        pairs = {(s.poli, s.doctor) for s in local} | {(s.poli, s.doctor) for s in bpjs}
        for poli, doctor in sorted(pairs):
            mine = sorted((s for s in local if (s.poli, s.doctor) == (poli, doctor)), key=_start)
            theirs = sorted((s for s in bpjs if (s.poli, s.doctor) == (poli, doctor)), key=_start)
            name = names.get(doctor) or next((s.doctor_name for s in theirs), str(doctor))
            found += _compare(day, poli, doctor, name, mine, theirs)
    return found


def _start(shift: ShiftSpec | HfisShift) -> time:
    return shift.start


def _compare(
    day: date,
    poli: str,
    doctor: int,
    name: str,
    mine: list[ShiftSpec],
    theirs: list[HfisShift],
) -> list[Difference]:
    """Same hours pair first; the rest pair in order of start (other hours), leftovers lack."""
    out: list[Difference] = []
    base = Difference("", day, poli, doctor, name)
    rest_mine: list[ShiftSpec] = []
    rest_theirs = list(theirs)
    for shift in mine:
        same = next((h for h in rest_theirs if (h.start, h.end) == (shift.start, shift.end)), None)
        if same is None:
            rest_mine.append(shift)
            continue
        rest_theirs.remove(same)
        if same.kapasitas != shift.quota:
            out.append(
                dataclasses.replace(
                    base,
                    kind="capacity",
                    local=hours_text(shift.start, shift.end),
                    bpjs=str(same.kapasitas),
                    quota=shift.quota,
                )
            )
    for shift, hfis in zip(rest_mine, rest_theirs, strict=False):
        out.append(
            dataclasses.replace(
                base,
                kind="hours",
                local=f"{hours_text(shift.start, shift.end)} ({shift.quota})",
                bpjs=f"{hours_text(hfis.start, hfis.end)} ({hfis.kapasitas})",
            )
        )
    paired = min(len(rest_mine), len(rest_theirs))
    for shift in rest_mine[paired:]:
        out.append(
            dataclasses.replace(
                base, kind="missing_at_bpjs", local=hours_text(shift.start, shift.end)
            )
        )
    for hfis in rest_theirs[paired:]:
        out.append(
            dataclasses.replace(
                base,
                kind="missing_here",
                bpjs=f"{hours_text(hfis.start, hfis.end)} ({hfis.kapasitas})",
            )
        )
    return out


# -- adopt -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Adoption:
    plan: ClinicPlan
    skipped_polis: tuple[str, ...]  # BPJS polis the clinic does not have: left out


def plan_adopt(store: Store, schedule: HfisSchedule, today: date) -> Adoption:
    """The clinic's set-up with the pulled days' weekdays replaced by BPJS's shifts."""
    setup = current_setup(store)
    weekdays = {d.weekday() for d in schedule.days}
    polis = {p.code for p in setup.polis}
    kept = [s for s in setup.shifts if s.weekday not in weekdays]
    taken = {
        ShiftSpec(h.poli, h.doctor, h.day.weekday(), h.start, h.end, h.kapasitas)
        for h in schedule.shifts
        if h.poli in polis
    }
    skipped = tuple(sorted({h.poli for h in schedule.shifts if h.poli not in polis}))
    doctors = list(setup.doctors)
    known = {d.code for d in doctors}
    for h in schedule.shifts:
        if h.poli in polis and h.doctor not in known:
            doctors.append(DoctorSpec(h.doctor, h.doctor_name or str(h.doctor)))
            known.add(h.doctor)
    new = ClinicSetup(
        facility_code=setup.facility_code,
        facility_name=setup.facility_name,
        polis=setup.polis,
        doctors=tuple(doctors),
        shifts=tuple(kept) + tuple(sorted(taken, key=lambda s: (s.poli, s.weekday, s.start))),
    )
    return Adoption(plan_load(store, new, today, keep_demo=True), skipped)


def adopt(
    store: Store, adoption: Adoption, data_dir: Path, who: str, when: datetime, lines: list[str]
) -> None:
    """Write the plan (one transaction), then append the audit line: who, when, what."""
    setup = adoption.plan.setup
    apply_plan(store, adoption.plan, setup.facility_code or "", setup.facility_name or "")
    entry = {"at": when.isoformat(timespec="seconds"), "by": who, "changes": lines}
    with (data_dir / AUDIT_FILE).open("a", encoding="utf-8") as audit:
        audit.write(json.dumps(entry, ensure_ascii=False) + "\n")


class DifferenceCount:
    """How many differences ``kiosk schedule diff`` would list, for the desk's one-line notice.

    The desk refreshes every second; the comparison runs at most once per ``every`` seconds.
    """

    def __init__(self, store: Store, data_dir: Path, every: float = 60.0) -> None:
        self.store, self.data_dir, self.every = store, data_dir, every
        self._at: float | None = None
        self._count = 0

    def __call__(self, now: float) -> int:
        if self._at is None or now - self._at >= self.every:
            self._at = now
            schedule = load(self.data_dir)
            self._count = len(differences(self.store, schedule)) if schedule else 0
        return self._count
