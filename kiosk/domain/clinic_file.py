"""The clinic's own set-up as a TOML file (the demo's format): read, check, and write back.

``kiosk clinic load`` reads it with :func:`parse_clinic_file`, which refuses the whole file on
the first problem (:class:`ClinicFileError` names the line and the field), so the store is never
half-loaded. ``kiosk clinic export`` writes the store's set-up with :func:`render_clinic_file`.
Pure: no database, no UI.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time
from typing import Any, NoReturn

# 0 = Monday, as date.weekday(); the file may name days in Indonesian or English.
DAY_NAMES = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
_DAY_ALIASES = {
    **{name: n for n, name in enumerate(DAY_NAMES)},
    **{name: n for n, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{
        name: n
        for n, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
    "jum'at": 4,
    "ahad": 6,
}
ALL_DAYS = tuple(range(7))

# Sections of the demo's file that are sample data, not set-up: read past, never loaded (the
# registry's participants are what the reference central knows, not the clinic).
DEMO_ONLY_SECTIONS = frozenset({"participant", "booking", "registry_participant"})
_KEYS = {
    "facility": ({"code", "name"}, set()),
    "poli": ({"code", "name", "prefix"}, {"bookable", "pcare_code", "pcare_auto_register"}),
    "doctor": ({"code", "name"}, set()),
    "schedule": ({"poli", "doctor", "start", "end", "quota"}, {"days"}),
}
MAX_QUOTA = 999


@dataclass(frozen=True)
class PoliSpec:
    code: str
    name: str
    prefix: str
    bookable: bool = True
    # PCare's kdPoli for visit registrations (None: PCare does not know this poli), and whether
    # a JKN visit is registered there as soon as it is called.
    pcare_code: str | None = None
    pcare_auto_register: bool = False


@dataclass(frozen=True)
class DoctorSpec:
    code: int
    name: str


@dataclass(frozen=True)
class ShiftSpec:
    """One doctor's hours at one poli on one weekday (the store's row)."""

    poli: str
    doctor: int
    weekday: int
    start: time
    end: time
    quota: int

    @property
    def key(self) -> tuple[str, int, int, time]:
        return (self.poli, self.doctor, self.weekday, self.start)


@dataclass(frozen=True)
class ClinicSetup:
    facility_code: str | None
    facility_name: str | None
    polis: tuple[PoliSpec, ...]
    doctors: tuple[DoctorSpec, ...]
    shifts: tuple[ShiftSpec, ...]
    skipped_sections: tuple[str, ...] = field(default=())


class ClinicFileError(Exception):
    """A problem in the file: ``key`` names the message in the translation table."""

    def __init__(self, key: str, line: int | None, where: str, **params: object) -> None:
        super().__init__(f"{key} line {line} {where} {params}")
        self.key = key
        self.line = line
        self.where = where
        self.params = params


class _Lines:
    """Where each table and key sits in the text (tomllib gives values, not positions)."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_-]+)\s*\]\]?")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")

    def __init__(self, text: str) -> None:
        self.tables: dict[tuple[str, int], int] = {}
        self.keys: dict[tuple[str, int, str], int] = {}
        counts: dict[str, int] = {}
        current: tuple[str, int] | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(line)
            if header:
                name = header.group(2)
                index = counts.get(name, 0) if header.group(1) == "[[" else 0
                counts[name] = index + 1
                current = (name, index)
                self.tables[current] = number
                continue
            key = self._KEY.match(line)
            if key and current is not None:
                self.keys.setdefault((*current, key.group(1)), number)

    def of(self, table: str, index: int, key: str | None = None) -> int | None:
        if key is not None and (table, index, key) in self.keys:
            return self.keys[(table, index, key)]
        return self.tables.get((table, index))


def _where(table: str, index: int, key: str | None) -> str:
    entry = f"[{table}]" if table == "facility" else f"[[{table}]] #{index + 1}"
    return f"{entry} {key}" if key else entry


class _Reader:
    def __init__(self, text: str) -> None:
        self.lines = _Lines(text)

    def fail(
        self, message: str, table: str, index: int, key: str | None, **params: object
    ) -> NoReturn:
        raise ClinicFileError(
            message, self.lines.of(table, index, key), _where(table, index, key), **params
        )

    def text(self, entry: dict[str, Any], table: str, index: int, key: str, most: int) -> str:
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            self.fail("clinic.err.text", table, index, key, most=most)
        value = value.strip()
        if len(value) > most:
            self.fail("clinic.err.text", table, index, key, most=most)
        return value

    def integer(self, entry: dict[str, Any], table: str, index: int, key: str) -> int:
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail("clinic.err.integer", table, index, key, value=value)
        return int(value)

    def clock(self, entry: dict[str, Any], table: str, index: int, key: str) -> time:
        value = entry[key]
        if isinstance(value, time) and value.tzinfo is None:
            return value.replace(second=0, microsecond=0)
        if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
            hours, minutes = (int(part) for part in value.strip().split(":"))
            if hours < 24 and minutes < 60:
                return time(hours, minutes)
        self.fail("clinic.err.time", table, index, key, value=value)

    def days(self, entry: dict[str, Any], index: int) -> tuple[int, ...]:
        value = entry.get("days")
        if value is None:
            return ALL_DAYS
        items = value if isinstance(value, list) else [value]
        days: set[int] = set()
        for item in items:
            if isinstance(item, int) and not isinstance(item, bool) and 0 <= item <= 6:
                days.add(item)
            elif isinstance(item, str) and item.strip().lower() in _DAY_ALIASES:
                days.add(_DAY_ALIASES[item.strip().lower()])
            else:
                self.fail("clinic.err.day", "schedule", index, "days", value=item)
        if not days:
            self.fail("clinic.err.day", "schedule", index, "days", value=value)
        return tuple(sorted(days))

    def entries(self, data: dict[str, Any], table: str) -> list[dict[str, Any]]:
        value = data.get(table, [])
        if table == "facility":
            value = [value] if value else []
        if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
            self.fail("clinic.err.table", table, 0, None)
        required, optional = _KEYS[table]
        for index, entry in enumerate(value):
            for key in sorted(entry.keys() - required - optional):
                self.fail("clinic.err.unknown", table, index, key, field=key)
            for key in sorted(required - entry.keys()):
                self.fail("clinic.err.missing", table, index, None, field=key)
        return list(value)


def parse_clinic_file(text: str) -> ClinicSetup:
    """The clinic's set-up from the file's text, or :class:`ClinicFileError` on the first fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        raise ClinicFileError(
            "clinic.err.syntax",
            int(found.group(1)) if found else None,
            "",
            detail=str(error).split(" (at ")[0],
        ) from None
    reader = _Reader(text)
    for section in sorted(data.keys() - _KEYS.keys() - DEMO_ONLY_SECTIONS):
        raise ClinicFileError(
            "clinic.err.section", reader.lines.of(section, 0), f"[{section}]", section=section
        )

    facility_code = facility_name = None
    for entry in reader.entries(data, "facility"):
        facility_code = reader.text(entry, "facility", 0, "code", 20).upper()
        if not re.fullmatch(r"[A-Z0-9]{1,20}", facility_code):
            reader.fail("clinic.err.facility_code", "facility", 0, "code", value=facility_code)
        facility_name = reader.text(entry, "facility", 0, "name", 80)

    polis: list[PoliSpec] = []
    for index, entry in enumerate(reader.entries(data, "poli")):
        code = entry["code"]
        code = str(code) if isinstance(code, int) and not isinstance(code, bool) else code
        if not isinstance(code, str) or not re.fullmatch(r"[A-Za-z0-9]{1,3}", code.strip()):
            reader.fail("clinic.err.poli_code", "poli", index, "code", value=code)
        code = code.strip().upper()
        prefix = entry["prefix"]
        if not isinstance(prefix, str) or not re.fullmatch(r"[A-Za-z]", prefix.strip()):
            reader.fail("clinic.err.prefix", "poli", index, "prefix", value=prefix)
        prefix = prefix.strip().upper()
        bookable = entry.get("bookable", True)
        if not isinstance(bookable, bool):
            reader.fail("clinic.err.bool", "poli", index, "bookable", value=bookable)
        for earlier, other in enumerate(polis):
            if other.code == code:
                reader.fail("clinic.err.dup_poli", "poli", index, "code", code=code, n=earlier + 1)
            if other.prefix == prefix:
                reader.fail(
                    "clinic.err.dup_prefix", "poli", index, "prefix", prefix=prefix, n=earlier + 1
                )
        name = reader.text(entry, "poli", index, "name", 60)
        pcare_code = entry.get("pcare_code")
        pcare_code = (
            str(pcare_code)
            if isinstance(pcare_code, int) and not isinstance(pcare_code, bool)
            else pcare_code
        )
        if pcare_code is not None and (
            not isinstance(pcare_code, str)
            or not re.fullmatch(r"[A-Za-z0-9]{3}", pcare_code.strip())
        ):
            reader.fail("clinic.err.pcare_code", "poli", index, "pcare_code", value=pcare_code)
        auto = entry.get("pcare_auto_register", False)
        if not isinstance(auto, bool):
            reader.fail("clinic.err.bool", "poli", index, "pcare_auto_register", value=auto)
        if auto and pcare_code is None:
            reader.fail("clinic.err.pcare_auto", "poli", index, "pcare_auto_register")
        polis.append(
            PoliSpec(
                code,
                name,
                prefix,
                bookable,
                pcare_code.strip().upper() if isinstance(pcare_code, str) else None,
                auto,
            )
        )
    if not polis:
        raise ClinicFileError("clinic.err.no_poli", None, "[[poli]]")

    doctors: list[DoctorSpec] = []
    for index, entry in enumerate(reader.entries(data, "doctor")):
        code = reader.integer(entry, "doctor", index, "code")
        if code <= 0:
            reader.fail("clinic.err.integer", "doctor", index, "code", value=code)
        if any(other.code == code for other in doctors):
            reader.fail("clinic.err.dup_doctor", "doctor", index, "code", code=code)
        doctors.append(DoctorSpec(code, reader.text(entry, "doctor", index, "name", 80)))

    poli_codes = {p.code for p in polis}
    doctor_codes = {d.code for d in doctors}
    shifts: list[ShiftSpec] = []
    origin: dict[ShiftSpec, int] = {}
    for index, entry in enumerate(reader.entries(data, "schedule")):
        poli = str(entry["poli"]).strip().upper()
        if poli not in poli_codes:
            reader.fail("clinic.err.unknown_poli", "schedule", index, "poli", code=entry["poli"])
        doctor = entry["doctor"]
        if isinstance(doctor, bool) or doctor not in doctor_codes:
            reader.fail("clinic.err.unknown_doctor", "schedule", index, "doctor", code=doctor)
        start = reader.clock(entry, "schedule", index, "start")
        end = reader.clock(entry, "schedule", index, "end")
        if end <= start:
            reader.fail(
                "clinic.err.order",
                "schedule",
                index,
                "end",
                start=f"{start:%H:%M}",
                end=f"{end:%H:%M}",
            )
        quota = reader.integer(entry, "schedule", index, "quota")
        if not 1 <= quota <= MAX_QUOTA:
            reader.fail("clinic.err.quota", "schedule", index, "quota", value=quota, most=MAX_QUOTA)
        for weekday in reader.days(entry, index):
            shift = ShiftSpec(poli, int(doctor), weekday, start, end, quota)
            for taken in shifts:
                if (
                    taken.doctor == shift.doctor
                    and taken.weekday == weekday
                    and taken.start < shift.end
                    and shift.start < taken.end
                ):
                    reader.fail(
                        "clinic.err.overlap",
                        "schedule",
                        index,
                        "start",
                        doctor=doctor,
                        day=DAY_NAMES[weekday],
                        n=origin[taken] + 1,
                    )
            shifts.append(shift)
            origin[shift] = index

    return ClinicSetup(
        facility_code=facility_code,
        facility_name=facility_name,
        polis=tuple(polis),
        doctors=tuple(doctors),
        shifts=tuple(shifts),
        skipped_sections=tuple(sorted(data.keys() & DEMO_ONLY_SECTIONS)),
    )


def group_shifts(
    shifts: Iterable[ShiftSpec],
) -> list[tuple[str, int, time, time, int, tuple[int, ...]]]:
    """Shifts alike but for the weekday, as one line: (poli, doctor, start, end, quota, days)."""
    groups: dict[tuple[str, int, time, time, int], list[int]] = {}
    for shift in shifts:
        groups.setdefault(
            (shift.poli, shift.doctor, shift.start, shift.end, shift.quota), []
        ).append(shift.weekday)
    return [(*key, tuple(sorted(days))) for key, days in groups.items()]


def days_text(days: tuple[int, ...]) -> str:
    return "setiap hari" if days == ALL_DAYS else ", ".join(DAY_NAMES[d] for d in days)


def _string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_clinic_file(setup: ClinicSetup, header: str = "") -> str:
    """The set-up as a file ``parse_clinic_file`` reads back to the same set-up."""
    out = [f"# {line}".rstrip() for line in header.splitlines()]
    if setup.facility_code:
        out += ["", "[facility]", f"code = {_string(setup.facility_code)}"]
        out.append(f"name = {_string(setup.facility_name or '')}")
    for poli in setup.polis:
        out += ["", "[[poli]]", f"code = {_string(poli.code)}", f"name = {_string(poli.name)}"]
        out.append(f"prefix = {_string(poli.prefix)}")
        if not poli.bookable:
            out.append("bookable = false")
        if poli.pcare_code is not None:
            out.append(f"pcare_code = {_string(poli.pcare_code)}")
        if poli.pcare_auto_register:
            out.append("pcare_auto_register = true")
    for doctor in setup.doctors:
        out += ["", "[[doctor]]", f"code = {doctor.code}", f"name = {_string(doctor.name)}"]
    order = {p.code: n for n, p in enumerate(setup.polis)}
    grouped = sorted(group_shifts(setup.shifts), key=lambda g: (order.get(g[0], 0), g[2], g[1]))
    for poli_code, doctor_code, start, end, quota, days in grouped:
        out += ["", "[[schedule]]", f"poli = {_string(poli_code)}", f"doctor = {doctor_code}"]
        out += [f'start = "{start:%H:%M}"', f'end = "{end:%H:%M}"', f"quota = {quota}"]
        if days != ALL_DAYS:
            out.append("days = [" + ", ".join(_string(DAY_NAMES[d]) for d in days) + "]")
    return "\n".join(out).lstrip("\n") + "\n"
