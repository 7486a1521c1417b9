"""Taking, checking in, cancelling and locating queue tickets: the kiosk's use cases.

Each change is one short write transaction that also appends its audit event and, for JKN
tickets, the outbox item the central must receive, so the three never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Executable, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.contract import antrean
from kiosk.domain.booking import QueueEntry, ahead_of, last_called
from kiosk.domain.checkin import check_in_problem
from kiosk.domain.clock import FacilityClock
from kiosk.domain.eligibility import check_eligibility, refused_at
from kiosk.domain.lifecycle import Action, Step, Tell, expect, step
from kiosk.domain.models import (
    Participant,
    QueuePosition,
    Slot,
    Ticket,
    TicketSource,
    TicketStatus,
)
from kiosk.domain.numbering import MAX_SEQ, format_number
from kiosk.domain.schedule import check_service_date, slot_is_over
from kiosk.domain.text import clean_text
from kiosk.domain.waiting import estimate_call_window
from kiosk.i18n import rupiah
from kiosk.services.errors import Refused
from kiosk.services.journal import append, issue, queue, record_event, told_present
from kiosk.services.pace import pace_of
from kiosk.services.registration import has_record, take_back
from kiosk.store import Store
from kiosk.store.convert import ticket_of, to_ticket
from kiosk.store.lookups import participant_by
from kiosk.store.models import (
    TicketRow,
)
from kiosk.store.numbers import next_seq
from kiosk.store.queues import (
    after_latest,
    held_ticket,
    in_queue,
    joined_at_sql,
    live_sql,
    not_before_latest,
    queue_order,
    set_ticket,
    ticket_by_id,
    waits_at,
    waits_at_sql,
)
from kiosk.store.taking import Shift, shift_taken


@dataclass(frozen=True)
class TakeRequest:
    poli_code: str
    service_date: date
    schedule_id: int
    participant_id: int | None = None  # None: a general patient without JKN
    complaint: str | None = None
    source: TicketSource = TicketSource.WALK_IN
    phone: str | None = None
    actor: str = "kiosk"
    # PCare's kunjSakit, asked at the kiosk for JKN patients (True sick, False healthy visit).
    # None: not asked; a phone booking then counts as sick (Mobile JKN books treatment, with a
    # complaint), a walk-in stays None until the desk or the kiosk says. Non-JKN: always None.
    visit_sick: bool | None = None


@dataclass(frozen=True)
class TakeOutcome:
    ticket: Ticket
    existing: bool  # the participant already held this poli and day: that ticket, not a second


class TicketService:
    def __init__(
        self,
        store: Store,
        clock: FacilityClock,
        facility_code: str,
        minutes_per_patient: float = 10,
    ) -> None:
        self.store = store
        self.clock = clock
        self.facility_code = facility_code
        self.minutes_per_patient = minutes_per_patient

    # -- taking a number ---------------------------------------------------------------------
    def take(self, request: TakeRequest) -> TakeOutcome:
        try:
            return self._take(request)
        except IntegrityError:
            # Another terminal won the race for this participant's one ticket (PostgreSQL
            # reaches the unique index instead of waiting): show the ticket that won.
            return self._take(request)

    def _take(self, request: TakeRequest) -> TakeOutcome:
        now = self.clock.now()
        problem = check_service_date(request.service_date, now.date())
        if problem:
            raise Refused(problem.value)
        complaint = clean_text(request.complaint or "", 200) or None
        # SQLAlchemy Core on the write transaction's connection, no ORM session: the counter,
        # one read under its lock, the ticket with its event (kiosk/store/taking.py says why).
        with self.store.write_connection() as connection:
            participant = None
            if request.participant_id is not None:
                participant = participant_by(connection, "id", request.participant_id)
                if participant is None:
                    raise LookupError(f"no participant {request.participant_id}")
                existing = held_ticket(
                    connection, participant.id, request.poli_code, request.service_date
                )
                if existing is not None:
                    return TakeOutcome(existing, existing=True)
                refusal = check_eligibility(participant, self.facility_code, request.poli_code)
                if refusal:
                    raise Refused(
                        refusal.value,
                        amount=rupiah(participant.arrears),
                        fktp=refused_at(participant, refusal),
                    )
            # Lock the poli/day counter first: the quota count then sees a settled queue. A
            # refusal rolls the counter back.
            seq = next_seq(connection, request.poli_code, request.service_date)
            # A number for a later day (phone, or the kiosk for tomorrow) waits for check-in on
            # the day of service; only a walk-in for today joins the live queue at once.
            booking = request.source == TicketSource.BOOKING or request.service_date != now.date()
            found = shift_taken(
                connection,
                request.schedule_id,
                request.poli_code,
                request.service_date,
                walk_in=not booking,
            )
            if (
                seq is None  # no such poli, or the pharmacy: reached by a transfer, never taken
                or found is None
                or found[0].poli_code != request.poli_code
                or found[0].weekday != request.service_date.weekday()
            ):
                raise Refused("take.closed")
            shift, taken, latest = found
            if seq > MAX_SEQ:  # A-999 was the day's last number at this poli
                raise Refused("take.numbers_exhausted")
            slot = Slot(
                schedule_id=shift.schedule_id,
                poli_code=shift.poli_code,
                doctor_code=shift.doctor_code,
                doctor_name=shift.doctor_name or "",
                service_date=request.service_date,
                start=shift.start,
                end=shift.end,
                quota=shift.quota,
                taken=taken,
            )
            if slot_is_over(slot, now):
                raise Refused("take.over")
            if slot.remaining <= 0:
                raise Refused("take.full")
            issued = expect(Action.BOOK if booking else Action.TAKE, None)
            # A walk-in joins the queue now: after the last to join, even if the clock went back.
            joined = None if booking else after_latest(latest, now)
            values: dict[str, Any] = {
                "poli_code": request.poli_code,
                "service_date": request.service_date,
                "seq": seq,
                "number": format_number(shift.prefix, seq),
                "schedule_id": shift.schedule_id,
                "doctor_code": shift.doctor_code,
                "shift_start": shift.start,
                "shift_end": shift.end,
                "complaint": complaint,
                "source": request.source.value,
                "status": issued.leaves.value,
                "participant_id": participant.id if participant else None,
                "non_jkn": participant is None,
                # A patient known only from a phone registration is booked, but not verified.
                "verified": participant.verified if participant else True,
                "phone": request.phone,
                "visit_sick": _visit_kind(request, participant is not None),
                "created_at": now,
                "updated_at": now,
                "checked_in_at": None if booking else now,
                "queued_at": joined,
            }
            at = self.clock.utcnow()
            detail = {"number": values["number"], "source": values["source"]}
            ticket_id = issue(connection, values, (self._kind(issued), request.actor, at, detail))
            ticket = _new_ticket(ticket_id, values, shift, participant)
            if participant is not None and issued.tells == Tell.ADD:
                payload = antrean.add_payload(ticket, participant, request.phone)
                queue(connection, ticket.id, (antrean.ADD, payload), at)
            return TakeOutcome(ticket, existing=False)

    # -- check-in ------------------------------------------------------------------------------
    def check_in(
        self, ticket_id: int, actor: str = "kiosk", visit_sick: bool | None = None
    ) -> Ticket:
        """A booking arrives. ``visit_sick``: what the patient tapped at the kiosk (kept for a JKN
        ticket; None leaves what the booking said)."""
        now = self.clock.now()
        with self.store.write() as session:
            row = session.get_one(TicketRow, ticket_id)
            problem = check_in_problem(to_ticket(row), now)
            if problem:
                raise Refused(problem.value, date=f"{row.service_date:%d-%m-%Y}")
            if visit_sick is not None and row.participant_id is not None:
                row.visit_sick = visit_sick
            # check_in_problem refused what the table refuses
            checked_in = expect(Action.CHECK_IN, row.status)
            if checked_in.event is not None:  # not already in the queue
                row.queued_at = not_before_latest(
                    session, joined_at_sql, waits_at(row), row.service_date, now
                )
                row.status = checked_in.leaves.value
                row.checked_in_at = now
                row.updated_at = now
                record_event(session, row, checked_in.event, actor, self.clock.utcnow())
            return to_ticket(row)

    # -- cancel --------------------------------------------------------------------------------
    def cancel(self, ticket_id: int, reason: str, actor: str = "kiosk") -> Ticket:
        """Cancel a ticket; cancelling twice is harmless, a served ticket cannot be cancelled.

        In SQLAlchemy Core, as the take: one read of the ticket, one UPDATE, the journal's rows
        (the ORM's load, identity map and flush cost most of a phone's cancel). The rules stay
        the life cycle table's (``step``) and the journal's (``told_present``, ``append``)."""
        now = self.clock.now()
        reason = clean_text(reason, 200)
        with self.store.write_connection() as connection:
            ticket = ticket_by_id(connection, ticket_id)
            return self._cancel(connection, ticket, None, reason, actor, now)

    def cancel_held(
        self, card: str, poli_code: str, service_date: date, reason: str, actor: str
    ) -> Ticket | None:
        """Cancel the live ticket the card's participant holds for a poli and day (the
        protocol's natural key), found in the same write transaction: the phone's cancel, one
        transaction instead of a read and a write. None when they hold no live ticket there."""
        now = self.clock.now()
        reason = clean_text(reason, 200)
        with self.store.write_connection() as connection:
            holder = participant_by(connection, "card_number", card)
            if holder is None:
                return None
            ticket = held_ticket(connection, holder.id, poli_code, service_date)
            if ticket is None:
                return None
            return self._cancel(connection, ticket, holder, reason, actor, now)

    def _cancel(
        self,
        connection: Connection,
        ticket: Ticket,
        holder: Participant | None,
        reason: str,
        actor: str,
        now: datetime,
    ) -> Ticket:
        """The cancel's step, read under the write lock: ``holder`` is the ticket's participant
        when the caller has read them already."""
        cancelled = step(Action.CANCEL, ticket.status)
        if cancelled is not None and cancelled.event is None:
            return ticket  # cancelled before
        if cancelled is None or told_present(connection, ticket.id):
            raise Refused("cancel.served")
        if not set_ticket(
            connection, ticket, status=cancelled.leaves.value, cancelled_at=now, updated_at=now
        ):  # a desk or another cancel got there first: cancel what it is now, or say why not
            fresh = ticket_by_id(connection, ticket.id)
            return self._cancel(connection, fresh, holder, reason, actor, now)
        ticket = replace(ticket, status=cancelled.leaves)
        at = self.clock.utcnow()
        append(connection, ticket.id, (self._kind(cancelled), actor, at, {"reason": reason}))
        # A visit registered in PCare is taken back there too (or withdrawn if not yet sent),
        # in the ORM, on this transaction: its rows before the cancel's outbox item, as the
        # pump sends them. Most cancelled tickets have no registration: no session then.
        if has_record(connection, ticket.id):
            with Session(connection, expire_on_commit=False) as session:
                take_back(session, ticket.id, actor, at)
                session.flush()
        if ticket.participant_id is not None and cancelled.tells == Tell.CANCEL:
            if holder is None:
                holder = participant_by(connection, "id", ticket.participant_id)
            assert holder is not None  # the ticket's foreign key
            payload = antrean.cancel_payload(ticket, holder, reason)
            queue(connection, ticket.id, (antrean.CANCEL, payload), at)
        return ticket

    # -- reading -------------------------------------------------------------------------------
    def get(self, ticket_id: int) -> Ticket:
        with self.store.read() as session:
            return to_ticket(session.get_one(TicketRow, ticket_id))

    def find(self, ticket_id: int) -> Ticket | None:
        """The ticket, or None when no ticket has that id (an id typed from outside)."""
        with self.store.read() as session:
            row = session.get(TicketRow, ticket_id)
            return to_ticket(row) if row is not None else None

    def tickets_for(
        self, participant_ids: list[int], dates: tuple[date, ...], include_cancelled: bool = False
    ) -> list[Ticket]:
        with self.store.read() as session:
            query = select(TicketRow).where(
                TicketRow.participant_id.in_(participant_ids),
                TicketRow.service_date.in_(dates),
            )
            if not include_cancelled:
                query = query.where(live_sql)  # a literal: see queues.live_sql
            rows = session.scalars(query.order_by(TicketRow.service_date, TicketRow.id)).all()
            return [to_ticket(r) for r in rows]

    def held(self, participant_id: int, poli_code: str, service_date: date) -> Ticket | None:
        """The participant's live (not cancelled) ticket for a poli and day: the natural key."""
        with self.store.read() as session:
            return held_ticket(session.connection(), participant_id, poli_code, service_date)

    def queue_by_shift(self, poli_code: str, service_date: date) -> dict[int, list[QueueEntry]]:
        """Every live ticket a poli issued for a day, by its practice shift (schedule id)."""
        shifts: dict[int, list[QueueEntry]] = {}
        for schedule_id, entry in self._entries(_ISSUED, poli_code, service_date):
            if schedule_id is not None:
                shifts.setdefault(schedule_id, []).append(entry)
        return shifts

    def queue_of(self, ticket_id: int) -> tuple[QueueEntry, list[QueueEntry]]:
        """A ticket's own entry and every live ticket of the queue it waits in: the poli it
        waits at (a transfer moves it), that day. The desk calls that queue."""
        with self.store.read() as session:
            # The columns it needs, not the row with its poli, doctor and holder.
            seq, number, status, called_at, joined, waits, day = (
                session.connection().execute(_QUEUE_ENTRY, {"ticket_id": ticket_id}).one()
            )
            mine = QueueEntry(seq, number, TicketStatus(status), called_at, joined)
        return mine, self.waiting_at(waits, day)

    def waiting_at(self, poli_code: str, day: date) -> list[QueueEntry]:
        """Every live ticket of the queue at a poli that day (those waiting at it), in calling
        order: the queue ``queue_of`` answers, for a ticket not yet in it."""
        return [entry for _, entry in self._entries(_WAITING, poli_code, day)]

    def _entries(
        self, query: Executable, poli_code: str, day: date
    ) -> list[tuple[int | None, QueueEntry]]:
        with self.store.read() as session:
            # Columns only, on the connection: the ORM's statement path is not needed for them.
            params = {"poli_code": poli_code, "day": day}
            rows = session.connection().execute(query, params).all()
        return [
            (
                schedule_id,
                QueueEntry(
                    seq, number, TicketStatus(status), called_at, queued or checked_in or created
                ),
            )
            for schedule_id, seq, number, status, called_at, queued, checked_in, created in rows
        ]

    def position(self, ticket_id: int) -> QueuePosition:
        """How many the desk will call first, who was called last, and a call-time window.

        The same figures as the desk's calling order and the phone's ``sisapeserta``.
        """
        now = self.clock.now()
        mine, queue = self.queue_of(ticket_id)
        ahead = ahead_of(queue, mine)
        serving = last_called(queue)
        ticket = self.get(ticket_id)
        low = high = None
        if ticket.status in (TicketStatus.WAITING, TicketStatus.BOOKED):
            with self.store.read() as session:
                poli = session.scalar(select(waits_at_sql).where(TicketRow.id == ticket_id))
                pace = pace_of(session, self.clock, poli or "", self.minutes_per_patient)
            reference = (
                now
                if ticket.service_date == now.date()
                else now.replace(
                    year=ticket.service_date.year,
                    month=ticket.service_date.month,
                    day=ticket.service_date.day,
                    hour=0,
                    minute=0,
                )
            )
            low, high = estimate_call_window(reference, ticket.shift_start, ahead, pace)
        return QueuePosition(ticket, ahead, serving, low, high)

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _kind(taken: Step) -> str:
        assert taken.event is not None
        return taken.event


_QUEUE_ENTRY = select(
    TicketRow.seq,
    TicketRow.number,
    TicketRow.status,
    TicketRow.called_at,
    joined_at_sql,
    waits_at_sql,
    TicketRow.service_date,
).where(TicketRow.id == bindparam("ticket_id"))


# A queue's live tickets in calling order, built once: those a poli issued that day (the
# phone's figures per shift), or those waiting at a poli that day (where a ticket stands).
_ENTRIES = select(
    TicketRow.schedule_id,
    TicketRow.seq,
    TicketRow.number,
    TicketRow.status,
    TicketRow.called_at,
    TicketRow.queued_at,
    TicketRow.checked_in_at,
    TicketRow.created_at,
).order_by(*queue_order)
_ISSUED = _ENTRIES.where(
    TicketRow.poli_code == bindparam("poli_code"),
    TicketRow.service_date == bindparam("day"),
    live_sql,
)
_WAITING = _ENTRIES.where(*in_queue(bindparam("poli_code"), bindparam("day")), live_sql)


def _new_ticket(
    ticket_id: int, values: dict[str, Any], shift: Shift, holder: Participant | None
) -> Ticket:
    """The ticket just inserted, as ``to_ticket`` would read it back (without reading it)."""
    return ticket_of(
        SimpleNamespace(id=ticket_id, **values),
        shift.poli_name,
        shift.doctor_name,
        holder.card_number if holder else None,
        holder.display_name if holder else None,
    )


def _visit_kind(request: TakeRequest, jkn: bool) -> bool | None:
    """kunjSakit for a new ticket: asked at the kiosk, or a phone booking's (sick) default."""
    if not jkn:
        return None
    if request.visit_sick is not None:
        return request.visit_sick
    return True if request.source == TicketSource.BOOKING else None
