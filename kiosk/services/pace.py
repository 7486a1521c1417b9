"""The pace of each poli's calls, gathered from the audit for the wait estimates.

A call is a ``called`` event (the first call of a patient in a queue; recalls are their own
kind); calls that were undone did not happen. The poli is the queue the ticket waited in when
it was called (a transfer moves it), as the event recorded it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from kiosk.domain.clock import FacilityClock
from kiosk.domain.lifecycle import EventKind
from kiosk.domain.waiting import CallPace, call_pace, gaps_between_calls
from kiosk.services.undo import undone_events
from kiosk.store.models import TicketEventRow, TicketRow

RECENT_DAYS = 7


def _called_at_poli() -> ColumnElement[str]:
    return func.coalesce(
        TicketEventRow.detail[("after", "current_poli")].as_string(), TicketRow.poli_code
    )


def call_times(
    session: Session, clock: FacilityClock, since: date, poli_code: str | None = None
) -> dict[str, dict[date, list[datetime]]]:
    """Every call since the start of ``since`` (local), by poli and local day."""
    start = datetime.combine(since, time(0), clock.zone)
    undone = undone_events(since=start)
    poli = _called_at_poli()
    query = (
        select(poli, TicketEventRow.at)
        .join(TicketRow, TicketRow.id == TicketEventRow.ticket_id)
        .where(
            TicketEventRow.kind == EventKind.CALLED,
            TicketEventRow.at >= start,
            TicketEventRow.id.not_in(undone),
        )
    )
    if poli_code is not None:
        query = query.where(poli == poli_code)
    found: dict[str, dict[date, list[datetime]]] = defaultdict(lambda: defaultdict(list))
    for code, at in session.execute(query):
        local = clock.local(at)
        found[code][local.date()].append(local)
    return found


def paces(
    session: Session,
    clock: FacilityClock,
    default_minutes: float,
    poli_code: str | None = None,
    day: date | None = None,
) -> dict[str, CallPace]:
    """Each poli's pace on ``day`` (today): from that day's calls and the week before it.

    A poli without calls is absent; the caller uses ``CallPace.default``.
    """
    day = day or clock.today()
    result = {}
    for code, by_day in call_times(
        session, clock, day - timedelta(days=RECENT_DAYS), poli_code
    ).items():
        today = gaps_between_calls([by_day.get(day, [])])
        recent = gaps_between_calls(calls for d, calls in by_day.items() if d < day)
        result[code] = call_pace(today, recent, default_minutes)
    return result


def pace_of(
    session: Session, clock: FacilityClock, poli_code: str, default_minutes: float
) -> CallPace:
    found = paces(session, clock, default_minutes, poli_code)
    return found.get(poli_code, CallPace.default(default_minutes))
