"""The front desk's use cases: the waiting list, call next (fairly), recall, skip, serve, finish,
transfer, return to the queue, find, and undo.

Every action is one short write transaction that looks its step up in the life-cycle table
(kiosk/domain/lifecycle.py: the states it accepts, the state it leaves, its event, what the
central must learn), checks the ticket is still in the state the desk saw (so two desks never
call the same patient), records an audit event with the state before and after (which is what
undo restores: kiosk/services/undo.py), and queues what the central must learn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.contract import antrean
from kiosk.domain.clock import FacilityClock
from kiosk.domain.fairness import Waiting, is_elderly, next_to_call
from kiosk.domain.identity import IdentityError, IdentityKind, parse_identity
from kiosk.domain.lifecycle import (
    MAX_RECALLS,
    ON_THE_DESK_LIST,
    Action,
    EventKind,
    Step,
    Tell,
    accepts,
    expect,
    recall_or_no_show,
    step,
)
from kiosk.domain.models import Ticket
from kiosk.domain.numbering import parse_number
from kiosk.domain.outbox import OutboxState
from kiosk.domain.slip_code import SlipCodeError, is_slip_code
from kiosk.services.errors import Refused
from kiosk.services.journal import queue_for_central
from kiosk.services.registration import auto_register, take_back
from kiosk.services.report import OUT_OF_TURN_REASONS, ReportService
from kiosk.services.slips import SlipService
from kiosk.services.undo import record_change, snapshot, undo_last
from kiosk.store import Store
from kiosk.store.convert import to_participant, to_ticket
from kiosk.store.models import OutboxRow, ParticipantRow, PoliRow, TicketRow
from kiosk.store.numbers import lock_poli_day
from kiosk.store.queues import (
    in_queue,
    joined_at,
    joined_at_sql,
    not_before_latest,
    queue_order,
    waits_at,
)

# MAX_RECALLS lives in the life-cycle table; named here too for the desk's callers.
__all__ = ["MAX_RECALLS", "PRIORITY_REASONS", "DeskService", "QueueEntry"]
PRIORITY_REASONS = ("elderly", "pregnant", "disabled", "emergency")


@dataclass(frozen=True)
class QueueEntry:
    """One line of the desk's waiting list (masked, as everything on a screen)."""

    ticket: Ticket
    joined_at: datetime
    waiting_minutes: int
    priority: str | None  # elderly, pregnant, disabled, emergency
    counter: str | None
    recalls: int
    # PCare's chronic-care programmes (PROLANIS, PRB): for staff, never on the kiosk.
    programmes: str | None = None
    # The central refused this number's antrean/add (its message): SRK missing, HFIS, quota.
    central_refusal: str | None = None


class DeskService:
    def __init__(
        self, store: Store, clock: FacilityClock, slips: SlipService, regular_per_priority: int = 2
    ) -> None:
        self.store = store
        self.clock = clock
        self.slips = slips
        self.regular_per_priority = regular_per_priority

    # -- reading ---------------------------------------------------------------------------
    def waiting_list(self, poli_code: str, day: date | None = None) -> list[QueueEntry]:
        """Who waits at this poli, called or being served included, in calling order."""
        day = day or self.clock.today()
        now = self.clock.utcnow()
        with self.store.read() as session:
            rows = session.scalars(
                select(TicketRow)
                .where(
                    *in_queue(poli_code, day),
                    TicketRow.status.in_(ON_THE_DESK_LIST),
                )
                .order_by(*queue_order)
            ).all()
            refused = dict(
                session.execute(
                    select(OutboxRow.ticket_id, OutboxRow.last_error).where(
                        OutboxRow.ticket_id.in_([row.id for row in rows]),
                        OutboxRow.kind == antrean.ADD,
                        OutboxRow.state == OutboxState.PARKED,
                    )
                ).all()
            )
            entries = []
            for row in rows:
                joined = joined_at(row)
                entries.append(
                    QueueEntry(
                        ticket=to_ticket(row),
                        joined_at=joined,
                        waiting_minutes=max(int((now - joined).total_seconds() // 60), 0),
                        priority=self._priority(row, day),
                        counter=row.counter,
                        recalls=row.recalls,
                        programmes=row.participant.programmes if row.participant else None,
                        central_refusal=refused.get(row.id),
                    )
                )
            return entries

    def find(self, text: str) -> list[Ticket]:
        """Today's tickets by number (A-012), card or NIK, or a scanned slip code."""
        today = self.clock.today()
        query = select(TicketRow).where(TicketRow.service_date == today)
        cleaned = text.strip()
        if is_slip_code(cleaned):
            try:
                code = self.slips.verify(cleaned, today_only=True)
            except SlipCodeError as error:
                # The clerk's wording, not the patient's ("go to the desk" makes no sense here).
                raise Refused(f"desk.{error.problem.value}") from None
            query = query.where(TicketRow.id == code.ticket_id)
        else:
            try:
                prefix, seq = parse_number(cleaned)
            except ValueError:
                try:
                    identity = parse_identity(cleaned, today)
                except IdentityError as error:
                    raise Refused(error.problem.value) from None
                column = (
                    ParticipantRow.nik
                    if identity.kind == IdentityKind.NIK
                    else ParticipantRow.card_number
                )
                query = query.join(
                    ParticipantRow, TicketRow.participant_id == ParticipantRow.id
                ).where(column == identity.digits)
            else:
                query = query.join(PoliRow, TicketRow.poli_code == PoliRow.code).where(
                    PoliRow.prefix == prefix, TicketRow.seq == seq
                )
        with self.store.read() as session:
            return [to_ticket(r) for r in session.scalars(query.order_by(TicketRow.id)).all()]

    # -- calling ---------------------------------------------------------------------------
    def call_next(self, poli_code: str, counter: str, actor: str) -> Ticket | None:
        """Call the next patient fairly; two desks calling at once never get the same one."""
        today = self.clock.today()
        with self.store.write() as session:
            # Desks on this poli take turns for the few milliseconds of choosing; the
            # compare-and-set in _claim stays as the last guard.
            lock_poli_day(session, poli_code, today)
            candidate = self._next_candidate(session, poli_code, today)
            if candidate is None:
                return None
            claimed = self._claim(session, candidate, Action.CALL)
            if claimed is None:
                raise Refused("desk.busy")
            row, taken = claimed
            before = snapshot(row)
            now = self.clock.utcnow()
            called = not_before_latest(session, TicketRow.called_at, poli_code, today, now)
            row.status, row.called_at, row.counter = taken.leaves.value, called, counter
            row.recalls = 0
            row.updated_at = now
            extra = {"counter": counter, **self._auto_register(session, row, actor, now)}
            self._changed(session, row, taken, actor, before, extra)
            return to_ticket(row)

    def call_out_of_turn(self, ticket_id: int, counter: str, reason: str, actor: str) -> Ticket:
        """Call this waiting patient now, before their turn, for one of a few reasons."""
        if reason not in OUT_OF_TURN_REASONS:
            raise Refused("desk.unknown_reason")
        with self.store.write() as session:
            row, _ = self._load(session, ticket_id, Action.CALL)
            poli_code = waits_at(row)
            lock_poli_day(session, poli_code, row.service_date)
            won = self._claim(session, ticket_id, Action.CALL)
            if won is None:
                raise Refused("desk.busy")
            claimed, taken = won
            before = snapshot(claimed)
            now = self.clock.utcnow()
            called = not_before_latest(
                session, TicketRow.called_at, poli_code, claimed.service_date, now
            )
            claimed.status, claimed.called_at = taken.leaves.value, called
            claimed.counter, claimed.recalls, claimed.updated_at = counter, 0, now
            extra = {"counter": counter, "out_of_turn": reason}
            extra.update(self._auto_register(session, claimed, actor, now))
            self._changed(session, claimed, taken, actor, before, extra)
            return to_ticket(claimed)

    def out_of_turn_calls(self, day: date | None = None) -> dict[str, dict[str, int]]:
        """The day's calls out of turn that were not undone: per poli, how many per reason
        (the day's report counts them; this is the same count)."""
        counts = ReportService(self.store, self.clock).day(day).out_of_turn
        return {poli: dict(reasons) for poli, reasons in counts.items()}

    def recall(self, ticket_id: int, actor: str) -> Ticket:
        """Call again; after the third recall the patient counts as a no-show."""
        with self.store.write() as session:
            row, recalled = self._load(session, ticket_id, Action.RECALL)
            before = snapshot(row)
            now = self.clock.utcnow()
            if recall_or_no_show(row.recalls) == Action.NO_SHOW:
                return self._no_show(session, row, actor, before)
            row.recalls += 1
            row.called_at = not_before_latest(
                session,
                TicketRow.called_at,
                waits_at(row),
                row.service_date,
                now,
            )
            row.status, row.updated_at = recalled.leaves.value, now
            self._changed(session, row, recalled, actor, before, {"recalls": row.recalls})
            return to_ticket(row)

    def skip(self, ticket_id: int, actor: str) -> Ticket:
        with self.store.write() as session:
            row, _ = self._load(session, ticket_id, Action.NO_SHOW)
            return self._no_show(session, row, actor, snapshot(row))

    def start_service(self, ticket_id: int, actor: str) -> Ticket:
        with self.store.write() as session:
            row, serving = self._load(session, ticket_id, Action.START_SERVICE)
            before = snapshot(row)
            row.status = serving.leaves.value
            row.updated_at = self.clock.utcnow()
            told = self._tell_central_called(session, row, serving.tells)
            self._changed(session, row, serving, actor, before, told)
            return to_ticket(row)

    def finish(self, ticket_id: int, actor: str) -> Ticket:
        with self.store.write() as session:
            row, served = self._load(session, ticket_id, Action.FINISH)
            before = snapshot(row)
            now = self.clock.utcnow()
            told = self._tell_central_called(session, row, served.tells)
            row.status, row.served_at, row.updated_at = served.leaves.value, now, now
            self._changed(session, row, served, actor, before, told)
            return to_ticket(row)

    def transfer(self, ticket_id: int, to_poli: str, actor: str) -> Ticket:
        """Send the patient on (to another poli or the pharmacy): same number, new queue."""
        with self.store.write() as session:
            if session.get(PoliRow, to_poli) is None:
                raise Refused("desk.unknown_poli")
            row, sent_on = self._load(session, ticket_id, Action.TRANSFER)
            before = snapshot(row)
            now = self.clock.utcnow()
            joined = not_before_latest(session, joined_at_sql, to_poli, row.service_date, now)
            row.status, row.current_poli, row.queued_at = sent_on.leaves.value, to_poli, joined
            row.called_at, row.served_at, row.counter, row.recalls = None, None, None, 0
            row.updated_at = now
            self._changed(session, row, sent_on, actor, before, {"to": to_poli})
            return to_ticket(row)

    def return_to_queue(self, ticket_id: int, actor: str) -> Ticket:
        """A patient who missed the call is back: they wait again, from now."""
        with self.store.write() as session:
            row, back = self._load(session, ticket_id, Action.RETURN_TO_QUEUE)
            before = snapshot(row)
            now = self.clock.utcnow()
            joined = not_before_latest(session, joined_at_sql, waits_at(row), row.service_date, now)
            row.status, row.queued_at, row.recalls = back.leaves.value, joined, 0
            row.called_at, row.counter, row.updated_at = None, None, now
            self._changed(session, row, back, actor, before)
            return to_ticket(row)

    def set_priority(self, ticket_id: int, reason: str | None, actor: str) -> Ticket:
        if reason is not None and reason not in PRIORITY_REASONS:
            raise Refused("desk.unknown_priority")
        with self.store.write() as session:
            row, marked = self._load(session, ticket_id, Action.SET_PRIORITY)
            before = snapshot(row)
            row.priority_reason = reason
            row.status, row.updated_at = marked.leaves.value, self.clock.utcnow()
            self._changed(session, row, marked, actor, before, {"reason": reason})
            return to_ticket(row)

    def undo(self, actor: str) -> Ticket:
        """Reverse this desk's last action, if nobody changed the ticket since (undo.py)."""
        with self.store.write() as session:
            undone = undo_last(session, actor, self.clock.utcnow())
            row = undone.row
            if undone.event.detail.get("pcare_auto"):  # the call registered the visit: take it back
                undone.extra["pcare"] = take_back(session, row.id, actor, self.clock.utcnow())
            self._changed(session, row, EventKind.UNDO, actor, undone.found, undone.extra)
            return to_ticket(row)

    def verify(self, ticket_id: int, actor: str) -> Ticket:
        """Staff saw the card: the ticket and its participant are verified (undo reverses it)."""
        with self.store.write() as session:
            row, seen = self._load(session, ticket_id, Action.VERIFY)
            participant = row.participant
            if row.verified and (participant is None or participant.verified):
                raise Refused("desk.already_verified", number=row.number)
            before = snapshot(row)
            participant_was = participant.verified if participant is not None else None
            row.verified = True
            if participant is not None:
                participant.verified = True
            row.status, row.updated_at = seen.leaves.value, self.clock.utcnow()
            self._changed(session, row, seen, actor, before, {"participant_was": participant_was})
            return to_ticket(row)

    # -- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _auto_register(
        session: Session, row: TicketRow, actor: str, now: datetime
    ) -> dict[str, Any]:
        """A poli that registers visits in PCare on call (issue 13): queue it with the call."""
        session.flush()
        return {"pcare_auto": True} if auto_register(session, row, actor, now) else {}

    def _next_candidate(self, session: Session, poli_code: str, day: date) -> int | None:
        rows = session.scalars(
            select(TicketRow).where(
                *in_queue(poli_code, day),
                TicketRow.status.in_(accepts(Action.CALL)),
            )
        ).all()
        waiting = [
            Waiting(
                r.id,
                r.seq,
                self._priority(r, day) is not None,
                joined_at(r),
            )
            for r in rows
        ]
        chosen = next_to_call(
            waiting,
            self._regular_since_priority(session, poli_code, day),
            self.regular_per_priority,
        )
        return chosen.ticket_id if chosen else None

    def _regular_since_priority(self, session: Session, poli_code: str, day: date) -> int:
        called = session.scalars(
            select(TicketRow)
            .where(
                *in_queue(poli_code, day),
                TicketRow.called_at.is_not(None),
            )
            .order_by(TicketRow.called_at.desc())
        ).all()
        count = 0
        for row in called:
            if self._priority(row, day) is not None:
                break
            count += 1
        return count

    @staticmethod
    def _priority(row: TicketRow, day: date) -> str | None:
        if row.priority_reason:
            return row.priority_reason
        if row.participant is not None and is_elderly(row.participant.birth_date, day):
            return "elderly"
        return None

    def _claim(
        self, session: Session, ticket_id: int, action: Action
    ) -> tuple[TicketRow, Step] | None:
        """Take the ticket only if it is still in a state the action accepts: the state this
        desk saw (compare-and-set)."""
        claimed = session.execute(
            update(TicketRow)
            .where(TicketRow.id == ticket_id, TicketRow.status.in_(accepts(action)))
            .values(updated_at=self.clock.utcnow())
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            return None
        row = session.get_one(TicketRow, ticket_id)
        session.refresh(row)
        return row, expect(action, row.status)

    def _load(self, session: Session, ticket_id: int, action: Action) -> tuple[TicketRow, Step]:
        """The ticket and what ``action`` does to it, or the refusal (the life-cycle table)."""
        row = session.get(TicketRow, ticket_id)
        if row is None:
            raise Refused("desk.no_ticket")
        found = step(action, row.status)
        if found is None:
            raise Refused("desk.wrong_state", number=row.number, state=row.status)
        return row, found

    def _no_show(
        self, session: Session, row: TicketRow, actor: str, before: dict[str, Any]
    ) -> Ticket:
        skipped = expect(Action.NO_SHOW, row.status)
        row.status = skipped.leaves.value
        row.updated_at = self.clock.utcnow()
        told = self._tell_central_called(session, row, skipped.tells)
        self._changed(session, row, skipped, actor, before, told)
        return to_ticket(row)

    def _tell_central_called(
        self, session: Session, row: TicketRow, tells: Tell | None
    ) -> dict[str, Any] | None:
        """Queue the panggil item the step tells; the event keeps its id, so an undo can
        withdraw it."""
        if tells is None or row.participant is None:
            return None  # general patients are not the central's business
        present = tells == Tell.PRESENT
        item = queue_for_central(
            session,
            row,
            antrean.CALL,
            antrean.call_payload(
                to_ticket(row), to_participant(row.participant), present, self.clock.now()
            ),
            self.clock.utcnow(),
        )
        session.flush()
        return {"outbox": item.id}

    def _changed(
        self,
        session: Session,
        row: TicketRow,
        taken: Step | EventKind,
        actor: str,
        before: dict[str, Any],
        extra: dict[str, Any] | None = None,
    ) -> None:
        kind = taken.event if isinstance(taken, Step) else taken
        assert kind is not None  # steps that change nothing are never recorded
        record_change(session, row, kind, actor, before, self.clock.utcnow(), extra)
