"""Phone bookings: the shift a booking names, and the queue figures the phone is told.

A phone names its shift by poli, date, doctor and ``jampraktek`` (``HH:MM-HH:MM``); it books only
if that is exactly one of the clinic's practice shifts.

Figures for a shift (``GET /antrean/status``) count that shift's tickets. Figures for a patient
follow the desk, which calls each poli's queue in order of arrival (``kiosk.domain.fairness``): a
booking joins that queue when it is checked in, so until then everyone already waiting is ahead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from enum import StrEnum

from kiosk.domain.models import Slot, TicketStatus

_SHIFT = re.compile(r"^([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})$")

# Still to be called: a phone booking not yet checked in keeps its place as much as a walk-in.
NOT_YET_CALLED = frozenset({TicketStatus.BOOKED, TicketStatus.WAITING})


class ShiftProblem(StrEnum):
    """Why a booking's shift is not one of the clinic's; each value is a translation key."""

    NO_SCHEDULE = "booking.no_schedule"  # the poli has no practice on that date: closed
    DOCTOR = "booking.doctor"  # the doctor does not practise at this poli on that date
    HOURS = "booking.hours"  # the doctor practises there that day, but at other hours


def parse_shift(text: str) -> tuple[time, time]:
    """``"08:00-12:00"`` -> the two times; ValueError unless both are real and start < end."""
    match = _SHIFT.match(text)
    if match is None:
        raise ValueError(f"not a shift: {text!r}")
    start = time(int(match.group(1)), int(match.group(2)))
    end = time(int(match.group(3)), int(match.group(4)))
    if start >= end:
        raise ValueError(f"shift ends before it starts: {text!r}")
    return start, end


def match_shift(
    slots: Sequence[Slot], doctor_code: int, start: time, end: time
) -> Slot | ShiftProblem:
    """The one shift of these (a poli's, on one date) that the booking names, or why none."""
    if not slots:
        return ShiftProblem.NO_SCHEDULE
    doctors = [s for s in slots if s.doctor_code == doctor_code]
    if not doctors:
        return ShiftProblem.DOCTOR
    for slot in doctors:
        if slot.start == start and slot.end == end:
            return slot
    return ShiftProblem.HOURS


@dataclass(frozen=True)
class QueueEntry:
    """One ticket (not cancelled), reduced to what the queue figures need."""

    seq: int
    number: str
    status: TicketStatus
    called_at: datetime | None
    joined_at: datetime  # when it joined the desk's queue (check-in, transfer, or issue)


def not_yet_called(entries: Iterable[QueueEntry]) -> int:
    """How many tickets of the shift still wait for their call (``sisaantrean`` of a shift)."""
    return sum(1 for e in entries if e.status in NOT_YET_CALLED)


def ahead_of(queue: Iterable[QueueEntry], mine: QueueEntry) -> int:
    """How many the desk will call before this ticket (``sisaantrean`` of a participant), from
    the queue it waits in (its poli, that day).

    Waiting: those waiting who joined earlier. Booked, not yet checked in: everyone waiting now,
    since check-in puts it at the back. Called or done: nobody. A priority patient arriving later
    may still go first; nobody can count those in advance.
    """
    if mine.status == TicketStatus.BOOKED:
        return sum(1 for e in queue if e.status == TicketStatus.WAITING)
    if mine.status != TicketStatus.WAITING:
        return 0
    place = (mine.joined_at, mine.seq)
    return sum(
        1 for e in queue if e.status == TicketStatus.WAITING and (e.joined_at, e.seq) < place
    )


def last_called(entries: Iterable[QueueEntry]) -> str | None:
    """The number the desk called most recently among these (``antreanpanggil``), if any.

    It stays shown after that patient is served or missed, until the desk calls the next one,
    as a waiting-room display does.
    """
    called = [e for e in entries if e.called_at is not None]
    if not called:
        return None
    return max(called, key=lambda e: (e.called_at or datetime.min, e.seq)).number
