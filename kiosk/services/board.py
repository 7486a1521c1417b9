"""The waiting-room board's read model, one for the terminal board and the web board.

The board polls :meth:`BoardService.change_marker` (the newest audit event's id plus the newest
running-text change's id: two indexed lookups) and reads a whole :class:`BoardState` only when
it moved, so any desk, kiosk or phone booking on the same database, in this process or on
another machine, shows within a poll.

Calls come from the audit (``called`` and ``recalled`` events that were not undone), not from the
ticket's present state: a call stays on the board after the patient was served, transferred or
skipped, until the next call at that poli; nothing a desk does later erases or replays it.
:class:`CallWatch` decides which calls are news: an audit event the board has not seen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select

from kiosk.domain.clock import FacilityClock
from kiosk.domain.lifecycle import EventKind
from kiosk.domain.models import TicketStatus
from kiosk.domain.waiting import CallPace, wait_minutes
from kiosk.services.board_text import current_text
from kiosk.services.pace import paces
from kiosk.services.undo import undone_events
from kiosk.store import Store
from kiosk.store.models import (
    BoardTextRow,
    FacilityRow,
    PoliRow,
    ScheduleRow,
    TicketEventRow,
    TicketRow,
)
from kiosk.store.queues import waits_at_sql

RECENT_CALLS = 12
CALL_KINDS = (EventKind.CALLED, EventKind.RECALLED)
# A poli shows on the board once someone is actually there today (a phone booking that has not
# arrived yet, or a cancelled number, is no reason to light it up), or when it opens today.
_NOT_ACTIVITY = (TicketStatus.BOOKED.value, TicketStatus.CANCELLED.value)


@dataclass(frozen=True)
class Call:
    """One call of a number to a poli (and a counter or room there), at a local time."""

    ticket_id: int
    number: str
    poli_code: str
    poli_name: str
    counter: str | None
    called_at: datetime
    recalls: int
    status: TicketStatus  # the ticket's state now (served, transferred...: the call stays)
    call_id: int = 0  # the audit event of this call: news are events the board has not seen


@dataclass(frozen=True)
class PoliBoard:
    """One poli's panel: the number called there last (if any) and how many wait."""

    code: str
    name: str
    current: Call | None
    waiting: int
    # A newcomer's wait, in minutes (from the poli's pace of calls; see kiosk.domain.waiting).
    wait_low: int = 0
    wait_high: int = 0


@dataclass(frozen=True)
class BoardState:
    """Everything the board shows for a day, read in one transaction."""

    day: date
    facility_name: str
    polis: tuple[PoliBoard, ...]
    recent: tuple[Call, ...]  # newest first
    marker: int  # the change marker this state was read at
    running_text: str = ""  # the line staff set for the waiting room (empty: none)

    def only(self, codes: frozenset[str] | None) -> BoardState:
        """The part a room's screen shows: these polis and their calls (None: everything)."""
        if not codes:
            return self
        return replace(
            self,
            polis=tuple(p for p in self.polis if p.code in codes),
            recent=tuple(c for c in self.recent if c.poli_code in codes),
        )


class BoardService:
    def __init__(
        self,
        store: Store,
        clock: FacilityClock,
        recent: int = RECENT_CALLS,
        minutes_per_patient: float = 10,
    ) -> None:
        self.store = store
        self.clock = clock
        self.recent = recent
        self.minutes_per_patient = minutes_per_patient

    def change_marker(self) -> int:
        """Moves whenever any ticket changes (every change leaves an audit event) or the running
        text does: the sum of two ids that only grow grows whenever either does."""
        with self.store.read() as session:
            return _marker(session)

    def snapshot(self, today: date | None = None) -> BoardState:
        day = today or self.clock.today()
        with self.store.read() as session:
            marker = _marker(session)
            running_text = current_text(session)[1]
            facility = session.scalar(select(FacilityRow.name)) or ""
            polis = session.scalars(
                select(PoliRow).where(PoliRow.active).order_by(PoliRow.sort_order, PoliRow.code)
            )
            names = {row.code: row.name for row in polis}
            # A room's TV shows its polis from the start of the day: every poli that opens today.
            shown = set(
                session.scalars(
                    select(ScheduleRow.poli_code)
                    .distinct()
                    .where(ScheduleRow.weekday == day.weekday())
                )
            )
            counts: dict[str, dict[str, int]] = defaultdict(dict)
            for poli, status, count in session.execute(
                select(waits_at_sql, TicketRow.status, func.count())
                .where(TicketRow.service_date == day)
                .group_by(waits_at_sql, TicketRow.status)
            ):
                counts[poli][status] = count
            # A poli that sent its patients on (a transfer) had its day too: it stays shown.
            shown.update(
                session.scalars(
                    select(TicketRow.poli_code)
                    .distinct()
                    .where(TicketRow.service_date == day, TicketRow.status.not_in(_NOT_ACTIVITY))
                )
            )
            shown.update(
                poli
                for poli, by_status in counts.items()
                if any(status not in _NOT_ACTIVITY for status in by_status)
            )
            calls = self._calls(session, day, names)
            pace = paces(session, self.clock, self.minutes_per_patient, day=day)
        default = CallPace.default(self.minutes_per_patient)
        current: dict[str, Call] = {}
        for call in calls:
            current.setdefault(call.poli_code, call)
        shown.update(current)

        def panel(code: str) -> PoliBoard:
            waiting = counts[code].get(TicketStatus.WAITING.value, 0)
            low, high = wait_minutes(waiting, pace.get(code, default))
            return PoliBoard(
                code=code,
                name=names[code],
                current=current.get(code),
                waiting=waiting,
                wait_low=round(low),
                wait_high=round(high),
            )

        return BoardState(
            day=day,
            facility_name=facility,
            polis=tuple(panel(code) for code in names if code in shown),
            recent=latest_each(sorted(calls, key=lambda c: (c.called_at, c.call_id), reverse=True))[
                : self.recent
            ],
            marker=marker,
            running_text=running_text,
        )

    def _calls(self, session: Any, day: date, names: dict[str, str]) -> list[Call]:
        """The day's calls from the audit, newest first; undone ones did not happen."""
        start = datetime.combine(day, time(0), self.clock.zone)
        undone = undone_events(since=start)
        # Columns only: the board needs no patient, doctor or poli row joined in.
        rows = session.execute(
            select(
                TicketEventRow.id,
                TicketEventRow.at,
                TicketEventRow.detail,
                TicketRow.id.label("ticket_id"),
                TicketRow.number,
                TicketRow.poli_code,
                TicketRow.status,
            )
            .join(TicketRow, TicketRow.id == TicketEventRow.ticket_id)
            .where(
                TicketEventRow.kind.in_(CALL_KINDS),
                TicketEventRow.at >= start,
                TicketRow.service_date == day,
                TicketEventRow.id.not_in(undone),
            )
            .order_by(TicketEventRow.id.desc())
        )
        calls = []
        for row in rows:
            # What the desk recorded at the call: the queue it called from, the counter, the time.
            after = (row.detail or {}).get("after") or {}
            poli = after.get("current_poli") or row.poli_code
            called = after.get("called_at")
            calls.append(
                Call(
                    ticket_id=row.ticket_id,
                    number=row.number,
                    poli_code=poli,
                    poli_name=names.get(poli, poli),
                    counter=after.get("counter"),
                    called_at=self.clock.local(
                        datetime.fromisoformat(called) if called else row.at
                    ),
                    recalls=int(after.get("recalls") or 0),
                    status=TicketStatus(row.status),
                    call_id=row.id,
                )
            )
        return calls


def _marker(session: Any) -> int:
    events = session.scalar(select(func.max(TicketEventRow.id))) or 0
    return int(events + (session.scalar(select(func.max(BoardTextRow.id))) or 0))


def latest_each(calls: list[Call]) -> tuple[Call, ...]:
    """Each number once per poli, at its latest call (a recall moves it to the top)."""
    seen: set[tuple[int, str]] = set()
    kept = []
    for call in calls:
        if (call.ticket_id, call.poli_code) not in seen:
            seen.add((call.ticket_id, call.poli_code))
            kept.append(call)
    return tuple(kept)


class CallWatch:
    """Tells which calls in a new state are news: to flash and to announce.

    A call is news when its audit event is newer than every one the board has seen: a new call
    or a recall. A finish, a transfer or an undo adds no call, so it is never news. The first
    state only sets the baseline: a board that starts, or restarts, mid-morning does not
    announce the morning again.
    """

    def __init__(self) -> None:
        self._last = 0
        self._day: date | None = None

    def news(self, state: BoardState) -> list[Call]:
        """The new calls in ``state``, oldest first (the order to announce them in)."""
        first = self._day is None
        if state.day != self._day:
            self._last = 0
            self._day = state.day
        fresh = [call for call in state.recent if call.call_id > self._last]
        self._last = max([self._last, *(call.call_id for call in state.recent)])
        if first:
            return []
        return sorted(fresh, key=lambda c: c.call_id)
