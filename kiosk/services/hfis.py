"""BPJS's HFIS schedule for today and tomorrow: pulled from the central, compared, adopted.

The pulled answer is kept as one JSON file in the data folder (written whole, then renamed), so a
pull that fails half-way leaves the last good copy and the clinic's own schedule untouched.
Adopting it goes through the same plan as ``kiosk clinic load``: a shift holding live tickets is
never removed. Each adoption appends one line to an audit file beside it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from kiosk.domain.clinic_file import ClinicSetup, DoctorSpec, ShiftSpec
from kiosk.services.clinic_setup import ClinicPlan, apply_plan, current_setup, plan_load
from kiosk.store import Store
from kiosk.sync.client import Answer, CentralClient, Outcome

SCHEDULE_FILE = "hfis-schedule.json"
AUDIT_FILE = "hfis-audit.jsonl"
_HOURS = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")


class PullFailed(Exception):
    """The central did not give a usable schedule: ``key`` names the reason's message."""

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(f"{key}: {detail}")
        self.key = key
        self.detail = detail


@dataclass(frozen=True)
class HfisShift:
    day: date
    poli: str
    poli_name: str
    doctor: int
    doctor_name: str
    start: time
    end: time
    kapasitas: int


@dataclass(frozen=True)
class HfisSchedule:
    pulled_at: str
    days: tuple[date, ...]
    shifts: tuple[HfisShift, ...]


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


def _hours(start: time, end: time) -> str:
    return f"{start:%H:%M}-{end:%H:%M}"


# -- pull --------------------------------------------------------------------------------------


def _list_of(answer: Answer, what: str) -> list[dict[str, Any]]:
    """The answer's ``list``; a refusal (no poli / no doctor that day) is an empty day."""
    if answer.outcome is Outcome.DENIED:
        raise PullFailed("hfis.fail.denied", answer.message)
    if answer.outcome is Outcome.RETRY:
        raise PullFailed("hfis.fail.unreachable", answer.message)
    if answer.outcome is Outcome.REFUSED:
        return []
    items = answer.response  # a list; some gateways wrap it as {"list": [...]}
    if isinstance(items, dict):
        items = items.get("list")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise PullFailed("hfis.fail.garbage", what)
    return items


def _shift_of(day: date, poli: dict[str, Any], item: dict[str, Any]) -> HfisShift:
    hours = _HOURS.match(str(item.get("jampraktek", "")).strip())
    try:
        doctor = int(item["kodedokter"])
        kapasitas = int(item["kapasitas"])
    except (KeyError, TypeError, ValueError):
        raise PullFailed("hfis.fail.garbage", "ref/dokter") from None
    if hours is None or kapasitas < 0:
        raise PullFailed("hfis.fail.garbage", "ref/dokter jampraktek")
    h1, m1, h2, m2 = (int(g) for g in hours.groups())
    return HfisShift(
        day=day,
        poli=str(poli.get("kodepoli", "")),
        poli_name=str(poli.get("namapoli", "")),
        doctor=doctor,
        doctor_name=str(item.get("namadokter", "")),
        start=time(h1, m1),
        end=time(h2, m2),
        kapasitas=kapasitas,
    )


def pull(client: CentralClient, today: date, now: datetime) -> HfisSchedule:
    """Today's and tomorrow's ref/poli and ref/dokter; :class:`PullFailed` if any call fails."""
    days = (today, today + timedelta(days=1))
    shifts: list[HfisShift] = []
    for day in days:
        for poli in _list_of(client.ref_poli(day.isoformat()), "ref/poli"):
            code = str(poli.get("kodepoli", "")).strip()
            if not code:
                raise PullFailed("hfis.fail.garbage", "ref/poli kodepoli")
            for item in _list_of(client.ref_dokter(code, day.isoformat()), "ref/dokter"):
                shifts.append(_shift_of(day, poli, item))
    return HfisSchedule(now.isoformat(timespec="seconds"), days, tuple(shifts))


def save(data_dir: Path, schedule: HfisSchedule) -> Path:
    data = {
        "pulled_at": schedule.pulled_at,
        "days": [d.isoformat() for d in schedule.days],
        "shifts": [
            {
                "tanggal": s.day.isoformat(),
                "kodepoli": s.poli,
                "namapoli": s.poli_name,
                "kodedokter": s.doctor,
                "namadokter": s.doctor_name,
                "jampraktek": _hours(s.start, s.end),
                "kapasitas": s.kapasitas,
            }
            for s in schedule.shifts
        ],
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / SCHEDULE_FILE
    part = path.with_suffix(".part")
    part.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(part, path)  # whole or not at all
    return path


def load(data_dir: Path) -> HfisSchedule | None:
    """The last pulled schedule, or None when there is none (or it is unreadable)."""
    try:
        data = json.loads((data_dir / SCHEDULE_FILE).read_text(encoding="utf-8"))
        shifts = tuple(
            _shift_of(
                date.fromisoformat(s["tanggal"]),
                {"kodepoli": s["kodepoli"], "namapoli": s.get("namapoli", "")},
                s,
            )
            for s in data["shifts"]
        )
        days = tuple(date.fromisoformat(d) for d in data["days"])
        return HfisSchedule(str(data["pulled_at"]), days, shifts)
    except (OSError, ValueError, KeyError, TypeError, PullFailed):
        return None


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
                    local=_hours(shift.start, shift.end),
                    bpjs=str(same.kapasitas),
                    quota=shift.quota,
                )
            )
    for shift, hfis in zip(rest_mine, rest_theirs, strict=False):
        out.append(
            dataclasses.replace(
                base,
                kind="hours",
                local=f"{_hours(shift.start, shift.end)} ({shift.quota})",
                bpjs=f"{_hours(hfis.start, hfis.end)} ({hfis.kapasitas})",
            )
        )
    paired = min(len(rest_mine), len(rest_theirs))
    for shift in rest_mine[paired:]:
        out.append(
            dataclasses.replace(base, kind="missing_at_bpjs", local=_hours(shift.start, shift.end))
        )
    for hfis in rest_theirs[paired:]:
        out.append(
            dataclasses.replace(
                base,
                kind="missing_here",
                bpjs=f"{_hours(hfis.start, hfis.end)} ({hfis.kapasitas})",
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
