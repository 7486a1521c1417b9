"""BPJS's HFIS schedule (Antrean FKTP ``ref/poli`` and ``ref/dokter``) for today and tomorrow:
pulled from the central and kept as one JSON file in the data folder, written whole then
renamed, so a pull that fails half-way leaves the last good copy. The pump pulls once a day
while the central answers (:class:`DailyPull`); comparing and adopting are the services' part.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time as monotonic_time
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from kiosk.domain.clock import FacilityClock
from kiosk.sync.client import Answer, CentralClient, Outcome

log = logging.getLogger(__name__)

SCHEDULE_FILE = "hfis-schedule.json"
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


def hours_text(start: time, end: time) -> str:
    return f"{start:%H:%M}-{end:%H:%M}"


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
                "jampraktek": hours_text(s.start, s.end),
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


class DailyPull:
    """The pump's once-a-day pull: after a successful probe, when today's copy is missing.

    A failed pull is logged (one line) and tried again after ``retry_seconds``, not every probe.
    """

    def __init__(
        self,
        client: CentralClient,
        data_dir: Path,
        clock: FacilityClock,
        retry_seconds: float = 3600.0,
    ) -> None:
        self.client, self.data_dir, self.clock = client, data_dir, clock
        self.retry_seconds = retry_seconds
        self._last_try: float | None = None

    def due(self) -> bool:
        kept = load(self.data_dir)
        return kept is None or kept.days[0] != self.clock.today()

    def __call__(self) -> bool:
        """Pull now if due; True when a new copy was kept."""
        now = monotonic_time.monotonic()
        if self._last_try is not None and now - self._last_try < self.retry_seconds:
            return False
        if not self.due():
            return False
        self._last_try = now
        try:
            save(self.data_dir, pull(self.client, self.clock.today(), self.clock.now()))
        except PullFailed as error:
            log.warning("HFIS schedule not pulled: %s %s", error.key, error.detail)
            return False
        except OSError as error:
            log.warning("HFIS schedule not kept: %s", type(error).__name__)
            return False
        self._last_try = None
        log.info("HFIS schedule pulled for %s", self.clock.today().isoformat())
        return True
