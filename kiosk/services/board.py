"""The waiting-room board's view of the store: who is called where, who waits, what was called.

The board polls :meth:`BoardService.change_marker` (the newest audit event's id: one indexed
lookup) and reads a whole :class:`BoardState` only when it moved, so any desk, kiosk or phone
booking on the same database, in this process or on another machine, shows within a poll.
:class:`CallWatch` decides which calls are news: a new call, or a recall of the same ticket.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from kiosk.domain.clock import FacilityClock
from kiosk.domain.models import TicketStatus
from kiosk.domain.waiting import CallPace, wait_minutes
from kiosk.services.pace import paces
from kiosk.store import Store
from kiosk.store.models import FacilityRow, PoliRow, TicketEventRow, TicketRow

RECENT_CALLS = 12
# Where a ticket is now: the poli it was transferred to, else the one that issued it.
_at_poli = func.coalesce(TicketRow.current_poli, TicketRow.poli_code)
# A poli shows on the board once someone is actually there today (a phone booking that has not
# arrived yet, or a cancelled number, is no reason to light it up).
_NOT_ACTIVITY = (TicketStatus.BOOKED.value, TicketStatus.CANCELLED.value)
_NOW_CALLED = (TicketStatus.CALLED.value, TicketStatus.SERVING.value)


@dataclass(frozen=True)
class Call:
    """One call of a number to a poli, at a local (facility) time."""

    ticket_id: int
    number: str
    poli_code: str
    poli_name: str
    counter: str | None
    called_at: datetime
    recalls: int
    status: TicketStatus


@dataclass(frozen=True)
class PoliBoard:
    """One poli's panel: the number now called there (if any) and how many wait."""

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
        """Moves whenever any ticket changes (every change leaves an audit event)."""
        with self.store.read() as session:
            return session.scalar(select(func.max(TicketEventRow.id))) or 0

    def snapshot(self, today: date | None = None) -> BoardState:
        day = today or self.clock.today()
        with self.store.read() as session:
            marker = session.scalar(select(func.max(TicketEventRow.id))) or 0
            facility = session.scalar(select(FacilityRow.name)) or ""
            polis = session.scalars(select(PoliRow).order_by(PoliRow.sort_order, PoliRow.code))
            names = {row.code: row.name for row in polis}
            order = list(names)

            counts: dict[str, dict[str, int]] = defaultdict(dict)
            for poli, status, count in session.execute(
                select(_at_poli, TicketRow.status, func.count())
                .where(TicketRow.service_date == day)
                .group_by(_at_poli, TicketRow.status)
            ):
                counts[poli][status] = count
            # A poli that sent its patients on (a transfer) had its day too: it stays shown.
            active = set(
                session.scalars(
                    select(TicketRow.poli_code)
                    .distinct()
                    .where(TicketRow.service_date == day, TicketRow.status.not_in(_NOT_ACTIVITY))
                )
            )

            def call(row: Any) -> Call:  # a Row of the columns below (typed per SA version)
                return Call(
                    ticket_id=row.id,
                    number=row.number,
                    poli_code=row.at_poli,
                    poli_name=names.get(row.at_poli, row.at_poli),
                    counter=row.counter,
                    called_at=self.clock.local(row.called_at),
                    recalls=row.recalls,
                    status=TicketStatus(row.status),
                )

            # Columns only: the board needs no patient, doctor or poli row joined in.
            called_today = (
                select(
                    TicketRow.id,
                    TicketRow.number,
                    _at_poli.label("at_poli"),
                    TicketRow.counter,
                    TicketRow.called_at,
                    TicketRow.recalls,
                    TicketRow.status,
                )
                .where(TicketRow.service_date == day, TicketRow.called_at.is_not(None))
                .order_by(TicketRow.called_at.desc(), TicketRow.id.desc())
            )
            recent = tuple(
                call(row)
                for row in session.execute(
                    called_today.where(TicketRow.status != TicketStatus.CANCELLED.value).limit(
                        self.recent
                    )
                )
            )
            current: dict[str, Call] = {}
            for row in session.execute(called_today.where(TicketRow.status.in_(_NOW_CALLED))):
                current.setdefault(row.at_poli, call(row))
            pace = paces(session, self.clock, self.minutes_per_patient, day=day)
        default = CallPace.default(self.minutes_per_patient)

        def newcomer(code: str) -> tuple[int, int]:
            waiting = counts[code].get(TicketStatus.WAITING.value, 0)
            low, high = wait_minutes(waiting, pace.get(code, default))
            return round(low), round(high)

        active.update(
            poli
            for poli, by_status in counts.items()
            if any(status not in _NOT_ACTIVITY for status in by_status)
        )
        boards = tuple(
            PoliBoard(
                code=code,
                name=names[code],
                current=current.get(code),
                waiting=counts[code].get(TicketStatus.WAITING.value, 0),
                wait_low=newcomer(code)[0],
                wait_high=newcomer(code)[1],
            )
            for code in order
            if code in active or code in current
        )
        return BoardState(
            day=day, facility_name=facility, polis=boards, recent=recent, marker=marker
        )


class CallWatch:
    """Tells which calls in a new state are news: to flash and to announce.

    A ticket is news when the board has not seen it called before, or when its call time moved
    later (a recall). The first state only sets the baseline: a board that starts, or restarts,
    mid-morning does not announce the morning again. Undoing a recall (the time moving back) is
    no news.
    """

    def __init__(self) -> None:
        self._seen: dict[int, datetime] = {}
        self._day: date | None = None

    def news(self, state: BoardState) -> list[Call]:
        """The new calls in ``state``, oldest first (the order to announce them in)."""
        first = self._day is None
        if state.day != self._day:
            self._seen.clear()
            self._day = state.day
        fresh = []
        for call in state.recent:
            seen = self._seen.get(call.ticket_id)
            if seen is None or call.called_at > seen:
                self._seen[call.ticket_id] = call.called_at
                fresh.append(call)
        if first:
            return []
        return sorted(fresh, key=lambda c: (c.called_at, c.ticket_id))
