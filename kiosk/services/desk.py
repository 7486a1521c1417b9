"""The front desk's use cases: the waiting list, call next (fairly), recall, skip, serve, finish,
transfer, return to the queue, find, and undo.

Every action is one short write transaction that checks the ticket is still in the state the
desk saw (so two desks never call the same patient), records an audit event with the state
before and after (which is what undo restores), and queues what the central must learn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kiosk.contract import antrean
from kiosk.domain.clock import FacilityClock
from kiosk.domain.fairness import Waiting, is_elderly, next_to_call
from kiosk.domain.identity import IdentityError, IdentityKind, parse_identity
from kiosk.domain.models import Ticket, TicketStatus
from kiosk.domain.numbering import parse_number
from kiosk.domain.slip_code import SlipCodeError, is_slip_code
from kiosk.services.errors import Refused
from kiosk.services.journal import (
    joined_at,
    not_before_latest,
    queue_for_central,
    record_event,
)
from kiosk.services.registration import auto_register, take_back
from kiosk.services.report import OUT_OF_TURN_REASONS, ReportService
from kiosk.services.slips import SlipService
from kiosk.store import Store
from kiosk.store.convert import to_participant, to_ticket
from kiosk.store.models import OutboxRow, ParticipantRow, PoliRow, TicketEventRow, TicketRow
from kiosk.store.numbers import lock_poli_day

MAX_RECALLS = 3
PRIORITY_REASONS = ("elderly", "pregnant", "disabled", "emergency")
# Why the desk may call a chosen patient before their turn (audited, counted in the report).
_STATE_FIELDS = (
    "status",
    "called_at",
    "served_at",
    "recalls",
    "current_poli",
    "queued_at",
    "counter",
    "priority_reason",
    "verified",
)
# An undone call's panggil item, not yet sent, is withdrawn: the pump sends only "pending" items.
VOID = "void"
# Where a ticket waits: its current poli, or the one that issued it (tickets from before desks).
_waits_at = func.coalesce(TicketRow.current_poli, TicketRow.poli_code)
_joined_at = func.coalesce(TicketRow.queued_at, TicketRow.checked_in_at, TicketRow.created_at)


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
                    _waits_at == poli_code,
                    TicketRow.service_date == day,
                    TicketRow.status.in_(
                        (
                            TicketStatus.WAITING,
                            TicketStatus.CALLED,
                            TicketStatus.SERVING,
                            TicketStatus.SKIPPED,
                        )
                    ),
                )
                .order_by(_joined_at, TicketRow.seq)
            ).all()
            refused = dict(
                session.execute(
                    select(OutboxRow.ticket_id, OutboxRow.last_error).where(
                        OutboxRow.ticket_id.in_([row.id for row in rows]),
                        OutboxRow.kind == antrean.ADD,
                        OutboxRow.state == "parked",
                    )
                ).all()
            )
            entries = []
            for row in rows:
                joined = row.queued_at or row.checked_in_at or row.created_at
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
            row = self._claim(session, candidate, TicketStatus.WAITING)
            if row is None:
                raise Refused("desk.busy")
            before = self._state(row)
            now = self.clock.utcnow()
            called = not_before_latest(session, TicketRow.called_at, poli_code, today, now)
            row.status, row.called_at, row.counter = TicketStatus.CALLED.value, called, counter
            row.recalls = 0
            row.updated_at = now
            extra = {"counter": counter, **self._auto_register(session, row, actor, now)}
            self._changed(session, row, "called", actor, before, extra)
            return to_ticket(row)

    def call_out_of_turn(self, ticket_id: int, counter: str, reason: str, actor: str) -> Ticket:
        """Call this waiting patient now, before their turn, for one of a few reasons."""
        if reason not in OUT_OF_TURN_REASONS:
            raise Refused("desk.unknown_reason")
        with self.store.write() as session:
            row = self._load(session, ticket_id, (TicketStatus.WAITING,))
            poli_code = row.current_poli or row.poli_code
            lock_poli_day(session, poli_code, row.service_date)
            claimed = self._claim(session, ticket_id, TicketStatus.WAITING)
            if claimed is None:
                raise Refused("desk.busy")
            before = self._state(claimed)
            now = self.clock.utcnow()
            called = not_before_latest(
                session, TicketRow.called_at, poli_code, claimed.service_date, now
            )
            claimed.status, claimed.called_at = TicketStatus.CALLED.value, called
            claimed.counter, claimed.recalls, claimed.updated_at = counter, 0, now
            extra = {"counter": counter, "out_of_turn": reason}
            extra.update(self._auto_register(session, claimed, actor, now))
            self._changed(session, claimed, "called", actor, before, extra)
            return to_ticket(claimed)

    def out_of_turn_calls(self, day: date | None = None) -> dict[str, dict[str, int]]:
        """The day's calls out of turn that were not undone: per poli, how many per reason
        (the day's report counts them; this is the same count)."""
        counts = ReportService(self.store, self.clock).day(day).out_of_turn
        return {poli: dict(reasons) for poli, reasons in counts.items()}

    def recall(self, ticket_id: int, actor: str) -> Ticket:
        """Call again; after the third recall the patient counts as a no-show."""
        with self.store.write() as session:
            row = self._load(session, ticket_id, (TicketStatus.CALLED,))
            before = self._state(row)
            now = self.clock.utcnow()
            if row.recalls >= MAX_RECALLS:
                return self._no_show(session, row, actor, before)
            row.recalls += 1
            row.called_at = not_before_latest(
                session,
                TicketRow.called_at,
                row.current_poli or row.poli_code,
                row.service_date,
                now,
            )
            row.updated_at = now
            self._changed(session, row, "recalled", actor, before, {"recalls": row.recalls})
            return to_ticket(row)

    def skip(self, ticket_id: int, actor: str) -> Ticket:
        with self.store.write() as session:
            row = self._load(session, ticket_id, (TicketStatus.CALLED,))
            return self._no_show(session, row, actor, self._state(row))

    def start_service(self, ticket_id: int, actor: str) -> Ticket:
        with self.store.write() as session:
            row = self._load(session, ticket_id, (TicketStatus.CALLED,))
            before = self._state(row)
            row.status = TicketStatus.SERVING.value
            row.updated_at = self.clock.utcnow()
            told = self._tell_central_called(session, row, present=True)
            self._changed(session, row, "serving", actor, before, told)
            return to_ticket(row)

    def finish(self, ticket_id: int, actor: str) -> Ticket:
        with self.store.write() as session:
            row = self._load(session, ticket_id, (TicketStatus.SERVING, TicketStatus.CALLED))
            before = self._state(row)
            now = self.clock.utcnow()
            told = None
            if row.status == TicketStatus.CALLED:
                told = self._tell_central_called(session, row, present=True)
            row.status, row.served_at, row.updated_at = TicketStatus.SERVED.value, now, now
            self._changed(session, row, "served", actor, before, told)
            return to_ticket(row)

    def transfer(self, ticket_id: int, to_poli: str, actor: str) -> Ticket:
        """Send the patient on (to another poli or the pharmacy): same number, new queue."""
        with self.store.write() as session:
            if session.get(PoliRow, to_poli) is None:
                raise Refused("desk.unknown_poli")
            row = self._load(
                session,
                ticket_id,
                (
                    TicketStatus.CALLED,
                    TicketStatus.SERVING,
                    TicketStatus.SERVED,
                    TicketStatus.WAITING,
                ),
            )
            before = self._state(row)
            now = self.clock.utcnow()
            joined = not_before_latest(session, joined_at(), to_poli, row.service_date, now)
            row.status, row.current_poli, row.queued_at = (
                TicketStatus.WAITING.value,
                to_poli,
                joined,
            )
            row.called_at, row.served_at, row.counter, row.recalls = None, None, None, 0
            row.updated_at = now
            self._changed(session, row, "transferred", actor, before, {"to": to_poli})
            return to_ticket(row)

    def return_to_queue(self, ticket_id: int, actor: str) -> Ticket:
        """A patient who missed the call is back: they wait again, from now."""
        with self.store.write() as session:
            row = self._load(session, ticket_id, (TicketStatus.SKIPPED,))
            before = self._state(row)
            now = self.clock.utcnow()
            poli = row.current_poli or row.poli_code
            joined = not_before_latest(session, joined_at(), poli, row.service_date, now)
            row.status, row.queued_at, row.recalls = TicketStatus.WAITING.value, joined, 0
            row.called_at, row.counter, row.updated_at = None, None, now
            self._changed(session, row, "requeued", actor, before)
            return to_ticket(row)

    def set_priority(self, ticket_id: int, reason: str | None, actor: str) -> Ticket:
        if reason is not None and reason not in PRIORITY_REASONS:
            raise Refused("desk.unknown_priority")
        with self.store.write() as session:
            row = self._load(session, ticket_id, tuple(TicketStatus))
            before = self._state(row)
            row.priority_reason = reason
            row.updated_at = self.clock.utcnow()
            self._changed(session, row, "priority", actor, before, {"reason": reason})
            return to_ticket(row)

    def undo(self, actor: str) -> Ticket:
        """Reverse this desk's last action, if nobody changed the ticket since."""
        with self.store.write() as session:
            undone = select(TicketEventRow.detail["undid"].as_integer()).where(
                TicketEventRow.kind == "undo"
            )
            event = session.scalars(
                select(TicketEventRow)
                .where(
                    TicketEventRow.actor == actor,
                    TicketEventRow.kind.in_(_UNDOABLE),
                    TicketEventRow.id.not_in(undone),
                )
                .order_by(TicketEventRow.id.desc())
            ).first()
            if event is None:
                raise Refused("desk.nothing_to_undo")
            row = session.get_one(TicketRow, event.ticket_id)
            # Only the fields the event recorded (events from older versions recorded fewer).
            after = event.detail.get("after") or {}
            if {k: v for k, v in self._state(row).items() if k in after} != after:
                raise Refused("desk.changed_since")
            before = self._state(row)
            self._restore(row, event.detail["before"])
            if event.kind == "verified" and row.participant is not None:
                row.participant.verified = bool(event.detail.get("participant_was", True))
            row.updated_at = self.clock.utcnow()
            extra: dict[str, Any] = {"undid": event.id}
            extra.update(self._withdraw(session, event.detail.get("outbox")))
            if event.detail.get("pcare_auto"):  # the call registered the visit: take it back
                extra["pcare"] = take_back(session, row, actor, self.clock.utcnow())
            self._changed(session, row, "undo", actor, before, extra)
            return to_ticket(row)

    def verify(self, ticket_id: int, actor: str) -> Ticket:
        """Staff saw the card: the ticket and its participant are verified (undo reverses it)."""
        with self.store.write() as session:
            row = self._load(session, ticket_id, tuple(TicketStatus))
            participant = row.participant
            if row.verified and (participant is None or participant.verified):
                raise Refused("desk.already_verified", number=row.number)
            before = self._state(row)
            participant_was = participant.verified if participant is not None else None
            row.verified = True
            if participant is not None:
                participant.verified = True
            row.updated_at = self.clock.utcnow()
            self._changed(
                session, row, "verified", actor, before, {"participant_was": participant_was}
            )
            return to_ticket(row)

    # -- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _auto_register(
        session: Session, row: TicketRow, actor: str, now: datetime
    ) -> dict[str, Any]:
        """A poli that registers visits in PCare on call (issue 13): queue it with the call."""
        session.flush()
        return {"pcare_auto": True} if auto_register(session, row, actor, now) else {}

    @staticmethod
    def _withdraw(session: Session, outbox_id: object) -> dict[str, Any]:
        """Withdraw the panggil item an undone action queued, unless the central already has it:
        then it stays, and the audit says why (the central heard of a call we took back)."""
        if not isinstance(outbox_id, int):
            return {}
        item = session.get(OutboxRow, outbox_id)
        if item is None:
            return {}
        if item.state == "pending":
            item.state, item.last_error = VOID, "undone at the desk before it was sent"
            return {"outbox_withdrawn": outbox_id}
        return {
            "outbox_kept": outbox_id,
            "outbox_kept_why": f"already {item.state} to the central before the undo",
        }

    def _next_candidate(self, session: Session, poli_code: str, day: date) -> int | None:
        rows = session.scalars(
            select(TicketRow).where(
                _waits_at == poli_code,
                TicketRow.service_date == day,
                TicketRow.status == TicketStatus.WAITING,
            )
        ).all()
        waiting = [
            Waiting(
                r.id,
                r.seq,
                self._priority(r, day) is not None,
                r.queued_at or r.checked_in_at or r.created_at,
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
                _waits_at == poli_code,
                TicketRow.service_date == day,
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

    def _claim(self, session: Session, ticket_id: int, expected: TicketStatus) -> TicketRow | None:
        """Take the ticket only if it is still in the state this desk saw (compare-and-set)."""
        claimed = session.execute(
            update(TicketRow)
            .where(TicketRow.id == ticket_id, TicketRow.status == expected)
            .values(updated_at=self.clock.utcnow())
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            return None
        row = session.get_one(TicketRow, ticket_id)
        session.refresh(row)
        return row

    def _load(
        self, session: Session, ticket_id: int, allowed: tuple[TicketStatus, ...]
    ) -> TicketRow:
        row = session.get(TicketRow, ticket_id)
        if row is None:
            raise Refused("desk.no_ticket")
        if row.status not in allowed:
            raise Refused("desk.wrong_state", number=row.number, state=row.status)
        return row

    def _no_show(
        self, session: Session, row: TicketRow, actor: str, before: dict[str, Any]
    ) -> Ticket:
        row.status = TicketStatus.SKIPPED.value
        row.updated_at = self.clock.utcnow()
        told = self._tell_central_called(session, row, present=False)
        self._changed(session, row, "no_show", actor, before, told)
        return to_ticket(row)

    def _tell_central_called(
        self, session: Session, row: TicketRow, present: bool
    ) -> dict[str, Any] | None:
        """Queue the panggil item; the event keeps its id, so an undo can withdraw it."""
        if row.participant is None:
            return None  # general patients are not the central's business
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
        kind: str,
        actor: str,
        before: dict[str, Any],
        extra: dict[str, Any] | None = None,
    ) -> None:
        session.flush()
        detail = {"before": before, "after": self._state(row), **(extra or {})}
        record_event(session, row, kind, actor, self.clock.utcnow(), detail)

    @staticmethod
    def _state(row: TicketRow) -> dict[str, Any]:
        state: dict[str, Any] = {}
        for name in _STATE_FIELDS:
            value = getattr(row, name)
            state[name] = value.isoformat() if isinstance(value, datetime) else value
        return state

    @staticmethod
    def _restore(row: TicketRow, state: dict[str, Any]) -> None:
        for name in _STATE_FIELDS:
            if name not in state:
                continue
            value = state[name]
            if name in ("called_at", "served_at", "queued_at") and value is not None:
                value = datetime.fromisoformat(value)
            setattr(row, name, value)


_UNDOABLE = (
    "called",
    "recalled",
    "no_show",
    "serving",
    "served",
    "transferred",
    "requeued",
    "priority",
    "verified",
)
