"""Registering a JKN visit in PCare (``/pendaftaran``, issue 13): the desk's use cases.

Screens call only this. Every change is one short write transaction that writes the visit's
registration record, the outbox item PCare must receive and a ticket event together, so the three
never disagree, online or not. The pump (``kiosk.sync.pcare``) sends the item after the ticket's
``antrean/add``, stores PCare's ``noUrut`` or its refusal on the record.

States: ``kiosk.domain.visit.VisitState``. Refusals: :class:`Refused` with a key in the
``pcare.*`` block of ``kiosk/i18n.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.contract import pcare
from kiosk.contract.fields import POLI
from kiosk.contract.logmask import mask_digits
from kiosk.domain.clock import FacilityClock
from kiosk.domain.models import TicketStatus
from kiosk.domain.text import clean_text
from kiosk.domain.visit import REGISTRABLE_AFTER, VisitState
from kiosk.domain.vitals import FIELD_KEYS, NOT_MEASURED, Vitals, VitalsError
from kiosk.i18n import t
from kiosk.services.errors import Refused
from kiosk.services.journal import queue_for_central, record_event
from kiosk.store import Store
from kiosk.store.models import OutboxRow, PoliRow, TicketRow, VisitRegistrationRow

# A visit is registered once the patient is at the counter: called, being served, or served.
REGISTRABLE_STATUSES = (TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.SERVED)
# An outbox item nobody will send: withdrawn before it went out (the desk's undo uses it too).
VOID = "void"
_NO_URUT_MAX = 10


@dataclass(frozen=True)
class VisitRegistration:
    """What the desk shows on a patient's row (no card number: the row already masks it)."""

    ticket_id: int
    state: VisitState
    pcare_poli: str
    vitals: Vitals
    visit_sick: bool
    no_urut: str | None
    message: str | None  # PCare's refusal (masked), or the desk's note
    visit_date: date
    registered_at: datetime | None
    actor: str
    # Queued, but the POST cannot go before the ticket's antrean/add has: still waiting for it.
    waiting_for_add: bool = False


@dataclass(frozen=True)
class PoliPcare:
    code: str | None  # PCare's kdPoli; None: PCare does not know this poli
    auto: bool  # registers a JKN visit when it is called


class RegistrationService:
    def __init__(self, store: Store, clock: FacilityClock) -> None:
        self.store = store
        self.clock = clock

    # -- registering ----------------------------------------------------------------------------
    def register(self, ticket_id: int, vitals: Vitals | None, actor: str) -> VisitRegistration:
        """Register a called JKN visit in PCare: queued now, sent by the pump."""
        try:
            with self.store.write() as session:
                row = _ticket(session, ticket_id, lock=True)
                record = register_in(session, row, vitals, actor, self.clock.utcnow())
                return _view(session, record)
        except IntegrityError:
            # Another desk registered it in the same instant: the unique record won there.
            raise Refused("pcare.already", number=self._number(ticket_id), no_urut="-") from None

    def resend(
        self, ticket_id: int, pcare_poli: str | None, vitals: Vitals | None, actor: str
    ) -> VisitRegistration:
        """PCare refused: send again, with the poli code or vitals corrected (None: as before)."""
        if pcare_poli is not None:
            pcare_poli = pcare_poli.strip().upper()
            if not _is_poli_code(pcare_poli):
                raise Refused("pcare.bad_poli_code", code=pcare_poli[:6])
        now = self.clock.utcnow()
        with self.store.write() as session:
            row = _ticket(session, ticket_id, lock=True)
            record = _record(session, ticket_id)
            if record is None or record.state != VisitState.REFUSED:
                raise Refused("pcare.not_refused", number=row.number)
            item = session.get(OutboxRow, record.add_item_id) if record.add_item_id else None
            if item is not None and item.state not in ("parked", VOID):
                raise Refused("pcare.being_sent", number=row.number)
            if item is not None:
                item.state, item.last_error = VOID, "replaced by a corrected registration"
            if pcare_poli is not None:
                record.pcare_poli = pcare_poli
            if vitals is not None:
                record.vitals = vitals.as_dict()
            before = {"message": record.message}
            record.state, record.message, record.updated_at = VisitState.QUEUED, None, now
            record.actor = actor
            record.add_item_id = _queue_post(session, row, record, now).id
            record_event(
                session,
                row,
                "registration_resent",
                actor,
                now,
                {"pcare_poli": record.pcare_poli, "before": before},
            )
            return _view(session, record)

    def mark_by_hand(self, ticket_id: int, no_urut: str | None, actor: str) -> VisitRegistration:
        """Staff registered the visit in PCare's own page: record it, send nothing."""
        if no_urut is not None:
            no_urut = no_urut.strip().upper() or None
            if no_urut is not None and not (
                no_urut.isalnum() and len(no_urut) <= _NO_URUT_MAX and no_urut.isascii()
            ):
                raise Refused("pcare.bad_no_urut", value=no_urut[:12])
        now = self.clock.utcnow()
        with self.store.write() as session:
            row = _ticket(session, ticket_id, lock=True)
            _check_jkn(row)
            record = _record(session, ticket_id)
            if record is not None and record.state not in (
                VisitState.REFUSED,
                *(s for s in REGISTRABLE_AFTER if s is not None),
            ):
                if record.state == VisitState.QUEUED:
                    raise Refused("pcare.being_sent", number=row.number)
                raise Refused("pcare.already", number=row.number, no_urut=record.no_urut or "-")
            if record is not None and record.add_item_id:
                item = session.get(OutboxRow, record.add_item_id)
                if item is not None and item.state == "parked":
                    item.state, item.last_error = VOID, "registered by hand in PCare"
            if record is None:
                record = _new_record(row, _pcare_code(session, row) or "", None, actor, now)
                session.add(record)
            record.state, record.no_urut, record.message = VisitState.BY_HAND, no_urut, None
            record.registered_at, record.updated_at, record.actor = now, now, actor
            session.flush()
            record_event(session, row, "registered_by_hand", actor, now, {"no_urut": no_urut})
            return _view(session, record)

    def undo(self, ticket_id: int, actor: str) -> VisitRegistration:
        """Take the registration back: withdrawn if PCare never heard of it, else DELETE."""
        now = self.clock.utcnow()
        with self.store.write() as session:
            row = _ticket(session, ticket_id, lock=True)
            record = _record(session, ticket_id)
            if record is None or not VisitState(record.state).live:
                raise Refused("pcare.nothing_to_undo", number=row.number)
            if record.state == VisitState.DELETING:
                raise Refused("pcare.already_deleting", number=row.number)
            take_back(session, row.id, actor, now)
            return _view(session, record)

    # -- reading --------------------------------------------------------------------------------
    def get(self, ticket_id: int) -> VisitRegistration | None:
        return self.for_tickets([ticket_id]).get(ticket_id)

    def for_tickets(self, ticket_ids: list[int]) -> dict[int, VisitRegistration]:
        """The registrations of these tickets (those without one are not in the answer)."""
        if not ticket_ids:
            return {}
        with self.store.read() as session:
            records = session.scalars(
                select(VisitRegistrationRow).where(VisitRegistrationRow.ticket_id.in_(ticket_ids))
            ).all()
            return {record.ticket_id: _view(session, record) for record in records}

    def pcare_codes(self) -> dict[str, str | None]:
        """Each poli's PCare code (None: PCare does not know it, its visits cannot register)."""
        with self.store.read() as session:
            return dict(session.execute(select(PoliRow.code, PoliRow.pcare_code)).all())

    # -- for the desk's screen (branch pcaredesk) ---------------------------------------------
    def check(self, ticket_id: int) -> None:
        """Raise what ``register`` would refuse for the visit itself (not JKN, not called, a poli
        PCare does not know), writing nothing: the desk says why before the vitals are typed."""
        with self.store.read() as session:
            _registrable(session, _ticket(session, ticket_id))

    def poli_pcare(self, poli_code: str) -> PoliPcare:
        """A desk's poli as PCare sees it: its code (None: unknown to PCare) and whether it
        registers JKN visits when they are called."""
        with self.store.read() as session:
            poli = session.get(PoliRow, poli_code)
            if poli is None:
                return PoliPcare(None, False)
            return PoliPcare(poli.pcare_code, poli.pcare_auto_register)

    def _number(self, ticket_id: int) -> str:
        with self.store.read() as session:
            row = session.get(TicketRow, ticket_id)
            return row.number if row is not None else "?"


def vitals_message(error: VitalsError, lang: str = "id") -> str:
    """The desk's words for a value it cannot send, the field named in the desk's language."""
    key = FIELD_KEYS.get(error.field)
    field = t(key, lang) if key else error.field
    return t(error.key, lang, **{**error.params, "field": field})


def state_words(registration: VisitRegistration, lang: str = "id") -> str:
    """A row's short word for the registration: "terdaftar A1", "ditolak PCare", ..."""
    words = t(f"pcare.state.{registration.state.value}", lang)
    return f"{words} {registration.no_urut}" if registration.no_urut else words


# -- in a caller's transaction (the desk's call, a cancellation) --------------------------------


def register_in(
    session: Session, row: TicketRow, vitals: Vitals | None, actor: str, now: datetime
) -> VisitRegistrationRow:
    """Register ``row``'s visit in the caller's transaction (raises :class:`Refused`)."""
    code = _registrable(session, row)
    record = _record(session, row.id)
    if record is not None and record.state not in REGISTRABLE_AFTER:
        if record.state == VisitState.REFUSED:
            raise Refused("pcare.refused_before", number=row.number)
        raise Refused("pcare.already", number=row.number, no_urut=record.no_urut or "-")
    if record is None:
        record = _new_record(row, code, vitals, actor, now)
        session.add(record)
    else:  # taken back earlier (withdrawn or deleted): the same record, registered anew
        record.pcare_poli, record.vitals = code, (vitals or NOT_MEASURED).as_dict()
        record.visit_sick = row.visit_sick is not False
        record.no_urut = record.message = record.registered_at = None
        record.delete_item_id = None
        record.state, record.updated_at, record.actor = VisitState.QUEUED, now, actor
    session.flush()
    record.add_item_id = _queue_post(session, row, record, now).id
    record_event(
        session,
        row,
        "registered",
        actor,
        now,
        {
            "pcare_poli": code,
            "sick": record.visit_sick,
            "vitals": (vitals or NOT_MEASURED).measured,
            "outbox": record.add_item_id,
        },
    )
    return record


def auto_register(session: Session, row: TicketRow, actor: str, now: datetime) -> bool:
    """Called at a poli that registers on call: register the visit quietly if it can be (a JKN
    visit, a poli PCare knows, none yet). True when it queued one."""
    here = session.get(PoliRow, row.current_poli or row.poli_code)
    if here is None or not here.pcare_auto_register or row.participant is None:
        return False
    try:
        register_in(session, row, None, actor, now)
    except Refused:
        return False  # no code, already registered...: the desk's key still says why
    return True


def take_back(session: Session, ticket_id: int, actor: str, now: datetime) -> str | None:
    """The visit is cancelled or its registration undone: withdraw a registration PCare has not
    heard of, or queue its DELETE (which waits for the noUrut when PCare has not answered yet).
    Returns the new state, or None when there was nothing to take back."""
    record = _record(session, ticket_id)
    if record is None or not VisitState(record.state).live:
        return None
    if record.state == VisitState.DELETING:
        return None
    # Loaded only now: most tickets (every cancelled booking) have no registration to take back.
    row = session.get_one(TicketRow, ticket_id)
    state: VisitState
    if record.state == VisitState.BY_HAND:
        # Nothing of ours went to PCare: only the mark goes (staff delete it in PCare's page).
        state = VisitState.WITHDRAWN
    elif _withdraw_post(session, record.add_item_id) or record.state == VisitState.REFUSED:
        state = VisitState.WITHDRAWN
    else:  # registered, or being sent right now: PCare has (or may have) it
        delete = queue_for_central(
            session,
            row,
            pcare.UNREGISTER,
            pcare.unregister_payload(
                card=_card(row), day=record.visit_date, pcare_poli=record.pcare_poli
            ),
            now,
        )
        session.flush()
        record.delete_item_id = delete.id
        state = VisitState.DELETING
    before = record.state
    record.state, record.updated_at, record.actor = state, now, actor
    record_event(
        session,
        row,
        "registration_withdrawn" if state == VisitState.WITHDRAWN else "unregistering",
        actor,
        now,
        {"before": before, "no_urut": record.no_urut, "outbox": record.delete_item_id},
    )
    return state.value


# -- helpers ----------------------------------------------------------------------------------


def _withdraw_post(session: Session, item_id: int | None) -> bool:
    """Void the POST if no pump holds it (a compare-and-set: a pump claiming it at this instant
    wins, and the visit is then deleted after PCare answers). True when it was withdrawn."""
    if item_id is None:
        return False
    withdrawn = session.execute(
        update(OutboxRow)
        .where(OutboxRow.id == item_id, OutboxRow.state.in_(("pending", "parked")))
        .values(state=VOID, last_error="withdrawn before it was sent")
    )
    return int(withdrawn.rowcount) == 1  # type: ignore[attr-defined]


def _ticket(session: Session, ticket_id: int, *, lock: bool = False) -> TicketRow:
    if lock:  # two desks pressing the key at once: the second waits, then sees the first's
        session.execute(select(TicketRow.id).where(TicketRow.id == ticket_id).with_for_update())
    row = session.get(TicketRow, ticket_id)
    if row is None:
        raise Refused("pcare.no_ticket")
    return row


def _check_jkn(row: TicketRow) -> None:
    if row.participant is None or row.non_jkn:
        raise Refused("pcare.not_jkn", number=row.number)


def _registrable(session: Session, row: TicketRow) -> str:
    """The PCare poli code to register ``row``'s visit with, or why it cannot be registered."""
    _check_jkn(row)
    if row.status not in REGISTRABLE_STATUSES:
        raise Refused("pcare.not_called", number=row.number, state=row.status)
    code = _pcare_code(session, row)
    if not code:
        raise Refused("pcare.no_poli_code", poli=row.poli.name)
    return code


def _pcare_code(session: Session, row: TicketRow) -> str | None:
    poli = session.get(PoliRow, row.poli_code)
    return poli.pcare_code if poli is not None else None


def has_record(connection: Connection, ticket_id: int) -> bool:
    """Whether the visit has a registration record at all, in Core: most tickets have none
    (every cancelled booking asks), and then ``take_back`` has nothing to do."""
    return connection.execute(_RECORD_ID, {"ticket_id": ticket_id}).first() is not None


def _record(session: Session, ticket_id: int) -> VisitRegistrationRow | None:
    # Its id first, on the connection: most tickets have none (every cancelled booking asks).
    session.flush()  # as the ORM's query would: a record added in this transaction counts
    record_id = session.connection().execute(_RECORD_ID, {"ticket_id": ticket_id}).scalar()
    return session.get(VisitRegistrationRow, record_id) if record_id is not None else None


_RECORD_ID = select(VisitRegistrationRow.id).where(
    VisitRegistrationRow.ticket_id == bindparam("ticket_id")
)


def _card(row: TicketRow) -> str:
    assert row.participant is not None  # checked by the callers: a JKN visit
    return row.participant.card_number


def _new_record(
    row: TicketRow, code: str, vitals: Vitals | None, actor: str, now: datetime
) -> VisitRegistrationRow:
    return VisitRegistrationRow(
        ticket_id=row.id,
        state=VisitState.QUEUED.value,
        pcare_poli=code,
        vitals=(vitals or NOT_MEASURED).as_dict(),
        # Not asked (a walk-in before the kiosk asked): PCare needs one; a visit is for illness
        # unless the patient said it was a healthy one.
        visit_sick=row.visit_sick is not False,
        visit_date=row.service_date,
        created_at=now,
        updated_at=now,
        actor=actor,
    )


def _queue_post(
    session: Session, row: TicketRow, record: VisitRegistrationRow, now: datetime
) -> OutboxRow:
    participant = row.participant
    assert participant is not None
    payload = pcare.register_payload(
        provider=participant.fktp_code,
        day=record.visit_date,
        card=participant.card_number,
        pcare_poli=record.pcare_poli,
        complaint=clean_text(row.complaint or "", 200),
        sick=record.visit_sick,
        vitals=record.vitals,
    )
    item = queue_for_central(session, row, pcare.REGISTER, payload, now)
    session.flush()
    return item


def _is_poli_code(code: str) -> bool:
    return re.fullmatch(POLI, code) is not None


def _view(session: Session, record: VisitRegistrationRow) -> VisitRegistration:
    waiting_for_add = False
    if record.state == VisitState.QUEUED:
        waiting_for_add = (
            session.scalar(
                select(OutboxRow.id)
                .where(
                    OutboxRow.ticket_id == record.ticket_id,
                    OutboxRow.kind == "antrean.add",
                    OutboxRow.state.in_(("pending", "sending", "parked")),
                )
                .limit(1)
            )
            is not None
        )
    return VisitRegistration(
        ticket_id=record.ticket_id,
        state=VisitState(record.state),
        pcare_poli=record.pcare_poli,
        vitals=Vitals.from_dict(record.vitals),
        visit_sick=record.visit_sick,
        no_urut=record.no_urut,
        message=mask_digits(record.message) if record.message else None,
        visit_date=record.visit_date,
        registered_at=record.registered_at,
        actor=record.actor,
        waiting_for_add=waiting_for_add,
    )
