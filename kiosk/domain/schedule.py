"""Which polis, doctors and shifts a patient may choose: today or tomorrow, open, not full."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum

from kiosk.domain.models import PoliState, Slot


class DateProblem(StrEnum):
    PAST = "date.past"
    TOO_FAR = "date.too_far"


BOOKING_DAYS_AHEAD = 1  # today and tomorrow, as the patient guides say


def bookable_dates(today: date) -> tuple[date, ...]:
    return tuple(today + timedelta(days=n) for n in range(BOOKING_DAYS_AHEAD + 1))


def check_service_date(service_date: date, today: date) -> DateProblem | None:
    if service_date < today:
        return DateProblem.PAST
    if service_date > today + timedelta(days=BOOKING_DAYS_AHEAD):
        return DateProblem.TOO_FAR
    return None


def slot_is_over(slot: Slot, now: datetime) -> bool:
    """A shift of today that has already ended takes no more patients."""
    return slot.service_date < now.date() or (
        slot.service_date == now.date() and slot.end <= now.time().replace(tzinfo=None)
    )


def open_slots(slots: Iterable[Slot], now: datetime) -> list[Slot]:
    return [s for s in slots if not slot_is_over(s, now)]


def places_left(slots: Iterable[Slot], now: datetime) -> int:
    """Numbers still to be had across the shifts not yet over."""
    return sum(s.remaining for s in open_slots(slots, now))


def poli_state(slots: Sequence[Slot], now: datetime) -> PoliState:
    still_open = open_slots(slots, now)
    if not still_open:
        return PoliState.CLOSED
    if all(s.remaining == 0 for s in still_open):
        return PoliState.FULL
    return PoliState.OPEN


def default_slot(slots: Sequence[Slot], now: datetime) -> Slot | None:
    """The shift under way now if it has room, else the earliest open shift with room."""
    candidates = sorted(
        (s for s in open_slots(slots, now) if s.remaining > 0),
        key=lambda s: (s.start, s.doctor_code),
    )
    current = now.time().replace(tzinfo=None)
    for slot in candidates:
        if slot.service_date == now.date() and slot.start <= current < slot.end:
            return slot
    return candidates[0] if candidates else None
