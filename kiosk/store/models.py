"""SQLAlchemy 2 typed models of the clinic's store. Screens never see these: services convert."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    func,
    text,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from kiosk.domain.outbox import OutboxState

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Instants stored as naive UTC (SQLite keeps no zone) and read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class FacilityRow(Base):
    __tablename__ = "facility"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    # Signs slip QR codes; kept in the store so every terminal of the clinic can verify a slip.
    slip_key: Mapped[bytes] = mapped_column(LargeBinary(64))
    # A demo store refreshes its sample booking each day; a real clinic's store never is one.
    demo: Mapped[bool] = mapped_column(Boolean, default=False)


class PoliRow(Base):
    __tablename__ = "poli"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    prefix: Mapped[str] = mapped_column(String(1), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # False for a queue that patients reach only through the desk (the pharmacy): the kiosk and
    # the phone service offer no numbers for it, the desk transfers to it and calls from it.
    bookable: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # PCare's own poli code (kdPoli, e.g. "001" umum, "002" gigi, "003" KIA), not the Antrean
    # kodepoli above; None: PCare does not know this poli and its visits cannot be registered.
    pcare_code: Mapped[str | None] = mapped_column(String(3))
    # Register a JKN visit in PCare as soon as it is called here (no key at the desk).
    pcare_auto_register: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )


class DoctorRow(Base):
    __tablename__ = "doctor"

    code: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(80))


class ScheduleRow(Base):
    """A doctor's practice hours at a poli on one weekday (0 = Monday)."""

    __tablename__ = "practice_schedule"
    __table_args__ = (UniqueConstraint("poli_code", "doctor_code", "weekday", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    poli_code: Mapped[str] = mapped_column(ForeignKey("poli.code"))
    doctor_code: Mapped[int] = mapped_column(ForeignKey("doctor.code"))
    weekday: Mapped[int] = mapped_column(Integer)
    start: Mapped[time] = mapped_column(Time)
    end: Mapped[time] = mapped_column(Time)
    quota: Mapped[int] = mapped_column(Integer)

    doctor: Mapped[DoctorRow] = relationship(lazy="joined")


class ParticipantRow(Base):
    """Registry data about a JKN member as last seen (cache), with the time it was fetched."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    card_number: Mapped[str] = mapped_column(String(13), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(1))
    active: Mapped[bool] = mapped_column(Boolean)
    arrears: Mapped[int] = mapped_column(Integer, default=0)
    fktp_code: Mapped[str] = mapped_column(String(20))
    fktp_name: Mapped[str] = mapped_column(String(120))
    family_card: Mapped[str | None] = mapped_column(String(16), index=True)
    relation: Mapped[str | None] = mapped_column(String(30))
    class_name: Mapped[str | None] = mapped_column(String(30))
    medical_record: Mapped[str | None] = mapped_column(String(20), unique=True)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # False for a patient the clinic knows only from a phone's registration (POST /peserta): the
    # registry data above is assumed (active, paid up, registered here) until the registry says.
    verified: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # The registry's own words on the membership (PCare ketAktif), as last fetched.
    status_note: Mapped[str | None] = mapped_column(String(60))
    # PCare's dental FKTP (kdProviderGigi), when it differs from the registered one.
    dental_fktp_code: Mapped[str | None] = mapped_column(String(20))
    dental_fktp_name: Mapped[str | None] = mapped_column(String(120))
    # PCare jnsPeserta (e.g. "PBI APBN", "PPU"), the card's end of validity (tglAkhirBerlaku), and
    # the chronic-care programmes (pstProl, pstPrb) for the desk.
    kind_code: Mapped[str | None] = mapped_column(String(10))
    kind_name: Mapped[str | None] = mapped_column(String(60))
    valid_until: Mapped[date | None] = mapped_column(Date)
    programmes: Mapped[str | None] = mapped_column(String(60))


class TicketCounterRow(Base):
    """The last number given per poli and day: the one row the allocator locks."""

    __tablename__ = "ticket_counter"

    poli_code: Mapped[str] = mapped_column(ForeignKey("poli.code"), primary_key=True)
    service_date: Mapped[date] = mapped_column(Date, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class TicketRow(Base):
    __tablename__ = "ticket"
    __table_args__ = (
        # The last guard against two terminals handing out the same number.
        UniqueConstraint("poli_code", "service_date", "seq", name="uq_ticket_number"),
        # One live ticket per participant, poli and day (the protocol's natural key).
        Index(
            "uq_ticket_participant_day",
            "participant_id",
            "poli_code",
            "service_date",
            unique=True,
            sqlite_where=text("status <> 'cancelled'"),
            postgresql_where=text("status <> 'cancelled'"),
        ),
        Index("ix_ticket_queue", "poli_code", "service_date", "status", "seq"),
        Index("ix_ticket_desk_queue", "current_poli", "service_date", "status"),
        # The quota count of a shift on a day, from the index alone: without it every take
        # reads the whole table.
        Index("ix_ticket_shift_day", "schedule_id", "service_date", "status"),
        # A participant's tickets, cancelled ones too: the outbox's claim holds an item while
        # an earlier one of the same participant is unanswered (kiosk/sync/outbox.py).
        Index("ix_ticket_participant", "participant_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    poli_code: Mapped[str] = mapped_column(ForeignKey("poli.code"))
    service_date: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(6))
    schedule_id: Mapped[int | None] = mapped_column(ForeignKey("practice_schedule.id"))
    doctor_code: Mapped[int | None] = mapped_column(ForeignKey("doctor.code"))
    shift_start: Mapped[time | None] = mapped_column(Time)
    shift_end: Mapped[time | None] = mapped_column(Time)
    complaint: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id"))
    non_jkn: Mapped[bool] = mapped_column(Boolean, default=False)
    verified: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    served_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The desk's side: where the ticket waits now (a transfer keeps the number and moves it), when
    # it joined that queue, how often it was called, why it may go first, and who called it.
    current_poli: Mapped[str | None] = mapped_column(ForeignKey("poli.code"))
    queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recalls: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    priority_reason: Mapped[str | None] = mapped_column(String(20))
    counter: Mapped[str | None] = mapped_column(String(30))
    # PCare's kunjSakit: a visit for illness (True) or a healthy one (False: immunisation, family
    # planning, a check-up); None for a patient without JKN or one not asked.
    visit_sick: Mapped[bool | None] = mapped_column(Boolean)

    poli: Mapped[PoliRow] = relationship(lazy="joined", foreign_keys=[poli_code])
    doctor: Mapped[DoctorRow | None] = relationship(lazy="joined")
    participant: Mapped[ParticipantRow | None] = relationship(lazy="joined")


# Where a ticket waits and when it joined that queue (kiosk/store/queues.py's two rules): the
# latest joining in a queue, which every walk-in and check-in asks, without a scan.
Index(
    "ix_ticket_waiting",
    func.coalesce(TicketRow.current_poli, TicketRow.poli_code),
    TicketRow.service_date,
    func.coalesce(TicketRow.queued_at, TicketRow.checked_in_at, TicketRow.created_at),
)


class VisitRegistrationRow(Base):
    """A JKN visit's registration in PCare (/pendaftaran): one per ticket, its state in
    ``kiosk.domain.visit.VisitState``. The outbox items that carry it point back by ticket."""

    __tablename__ = "visit_registration"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), unique=True)
    state: Mapped[str] = mapped_column(String(10), index=True)
    # The kdPoli sent (the poli's PCare code when registered; the desk may correct it).
    pcare_poli: Mapped[str] = mapped_column(String(3))
    # The vital signs sent (kiosk.domain.vitals.Vitals as a dict; 0 = not measured).
    vitals: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    visit_sick: Mapped[bool] = mapped_column(Boolean, default=True)
    # PCare's answer: the visit's registration number (noUrut, "A1") ...
    no_urut: Mapped[str | None] = mapped_column(String(10))
    # ... or its refusal's words (masked), or the desk's note.
    message: Mapped[str | None] = mapped_column(Text)
    # The visit's day as PCare knows it (tglDaftar): the ticket's service date.
    visit_date: Mapped[date] = mapped_column(Date)
    registered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(40))
    # The outbox items that carry the POST and the DELETE (None until queued).
    add_item_id: Mapped[int | None] = mapped_column(Integer)
    delete_item_id: Mapped[int | None] = mapped_column(Integer)


class StaffRow(Base):
    """Desk staff: a name and a PIN kept as a slow salted hash; locked for a while after guesses."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Locks since the last good sign-in: each one lasts twice as long as the one before.
    locks: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class StaffEventRow(Base):
    """Append-only audit of staff accounts: each lock, whose name and for how long."""

    __tablename__ = "staff_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")


class BoardTextRow(Base):
    """The board's running text, append-only: the newest row is shown (empty: none). Every row
    says who set or cleared it and when, so the rows are the audit too."""

    __tablename__ = "board_text"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(String(200), default="", server_default="")


class TicketEventRow(Base):
    """Append-only audit: every change to a ticket, who made it and when."""

    __tablename__ = "ticket_event"
    # Wait estimates and the day's report read the calls of a few days by kind and time.
    __table_args__ = (Index("ix_ticket_event_kind_at", "kind", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(30))
    actor: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


def natural_key(payload: dict[str, Any]) -> str | None:
    """``tanggalperiksa:kodepoli:nomorkartu`` of an Antrean payload (None if it has none)."""
    parts = [payload.get(name) for name in ("tanggalperiksa", "kodepoli", "nomorkartu")]
    return ":".join(str(p) for p in parts) if all(parts) else None


def visit_key(payload: dict[str, Any]) -> str | None:
    """``pcare:tglDaftar:kdPoli:noKartu`` of a PCare registration's payload: PCare holds one
    registration per card, poli and day, so a new visit's POST waits for an earlier DELETE."""
    parts = [payload.get(name) for name in ("tglDaftar", "kdPoli", "noKartu")]
    return "pcare:" + ":".join(str(p) for p in parts) if all(parts) else None


def _natural_key_default(context: Any) -> str | None:
    payload = context.get_current_parameters().get("payload")
    if not isinstance(payload, dict):
        return None
    return natural_key(payload) or visit_key(payload)


class OutboxRow(Base):
    """What the central must learn, written in the same transaction as the change itself."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_ticket_order", "ticket_id", "id"),
        Index("ix_outbox_natural_key", "natural_key", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(10), default=OutboxState.PENDING.value, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A pump sending it ("sending"): which one and since when. A pump that died mid-send leaves
    # the claim behind; another takes the item over once the claim is older than its lease.
    claimed_by: Mapped[str | None] = mapped_column(String(60))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The central keeps one entry per card, poli and date: items for the same key go in order
    # even across tickets (a cancelled number, then a new one for the same poli and day).
    natural_key: Mapped[str | None] = mapped_column(String(40), default=_natural_key_default)


class LinkEventRow(Base):
    """When the link to the central went down or came back: written only on a change."""

    __tablename__ = "link_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    online: Mapped[bool] = mapped_column(Boolean)
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")


class CentralLinkRow(Base):
    """One row: whether the central answered lately and when it last did (any process's pump)."""

    __tablename__ = "central_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    reachable: Mapped[bool] = mapped_column(Boolean, default=False)
    last_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    # Unreachable because the central refused the clinic's credentials (HTTP 401), not away.
    denied: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
