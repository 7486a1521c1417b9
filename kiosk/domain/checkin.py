"""When a phone booking may be checked in at the kiosk."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from kiosk.domain.lifecycle import Action, step
from kiosk.domain.models import Ticket, TicketStatus


class CheckInProblem(StrEnum):
    OTHER_DAY = "checkin.other_day"
    LATE = "checkin.late"  # the shift is over: the desk decides
    CANCELLED = "checkin.cancelled"
    DONE = "checkin.done"  # already served or skipped


def check_in_problem(ticket: Ticket, now: datetime) -> CheckInProblem | None:
    if step(Action.CHECK_IN, ticket.status) is None:
        # Cancelled, or past the queue (served, skipped): the life-cycle table refuses it.
        if ticket.status == TicketStatus.CANCELLED:
            return CheckInProblem.CANCELLED
        return CheckInProblem.DONE
    if ticket.service_date != now.date():
        return CheckInProblem.OTHER_DAY
    if (
        ticket.status == TicketStatus.BOOKED
        and ticket.shift_end is not None
        and now.time().replace(tzinfo=None) >= ticket.shift_end
    ):
        return CheckInProblem.LATE
    return None
