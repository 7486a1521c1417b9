"""Plain domain objects that services hand to screens (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from kiosk.domain.privacy import mask_number


class TicketStatus(StrEnum):
    BOOKED = "booked"  # taken from the phone, not yet checked in at the clinic
    WAITING = "waiting"  # in the live queue
    CALLED = "called"
    SERVING = "serving"
    SERVED = "served"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


# A ticket in one of these still holds its place (and its participant's one ticket per poli/day).
HELD_STATUSES = frozenset(
    {TicketStatus.BOOKED, TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING}
)


class TicketSource(StrEnum):
    WALK_IN = "walk_in"
    BOOKING = "booking"


@dataclass(frozen=True)
class Facility:
    code: str
    name: str


@dataclass(frozen=True)
class Participant:
    """A JKN member as the registry (or our cache of it) describes them."""

    id: int
    nik: str | None
    card_number: str
    display_name: str
    birth_date: date | None
    sex: str | None
    active: bool
    arrears: int  # rupiah owed; 0 when paid up
    fktp_code: str
    fktp_name: str
    family_card: str | None = None
    class_name: str | None = None
    relation: str | None = None  # e.g. "Istri", "Anak" on the family card
    # False: the clinic knows this person only from what a phone sent (POST /peserta); active,
    # arrears and FKTP are assumed until the registry confirms them.
    verified: bool = True
    medical_record: str | None = None  # the clinic's own number (norm); None: new patient
    # PCare's further fields (None: not known, e.g. cached before they were kept).
    dental_fktp_code: str | None = None  # kdProviderGigi: Poli Gigi's FKTP when it differs
    dental_fktp_name: str | None = None
    kind_name: str | None = None  # jnsPeserta, e.g. "PBI (APBN)", "PPU"
    valid_until: date | None = None  # tglAkhirBerlaku
    status_note: str | None = None  # ketAktif
    programmes: str | None = None  # pstProl / pstPrb: "PROLANIS DM", "PRB" (desk only)

    @property
    def masked_card(self) -> str:
        return mask_number(self.card_number)

    @property
    def masked_nik(self) -> str:
        return mask_number(self.nik)


@dataclass(frozen=True)
class Poli:
    code: str
    name: str
    prefix: str


@dataclass(frozen=True)
class Slot:
    """One doctor's shift at a poli on one date, with how many numbers it still has."""

    schedule_id: int
    poli_code: str
    doctor_code: int
    doctor_name: str
    service_date: date
    start: time
    end: time
    quota: int
    taken: int

    @property
    def remaining(self) -> int:
        return max(self.quota - self.taken, 0)

    @property
    def jampraktek(self) -> str:
        return format_shift(self.start, self.end)


class PoliState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"  # no schedule that day, or every shift over
    FULL = "full"  # every open shift has used its quota


@dataclass(frozen=True)
class PoliDay:
    poli: Poli
    service_date: date
    state: PoliState
    slots: tuple[Slot, ...] = field(default=())


@dataclass(frozen=True)
class Ticket:
    id: int
    number: str
    seq: int
    poli_code: str
    poli_name: str
    service_date: date
    doctor_code: int | None
    doctor_name: str | None
    shift_start: time | None
    shift_end: time | None
    complaint: str | None
    source: TicketSource
    status: TicketStatus
    participant_id: int | None
    masked_card: str | None
    holder_name: str | None
    non_jkn: bool
    verified: bool
    created_at: datetime
    checked_in_at: datetime | None
    # PCare's kunjSakit: True a visit for illness, False a healthy one, None not asked (non-JKN).
    visit_sick: bool | None = None

    @property
    def jampraktek(self) -> str:
        if self.shift_start is None or self.shift_end is None:
            return ""
        return format_shift(self.shift_start, self.shift_end)


@dataclass(frozen=True)
class QueuePosition:
    """Where a ticket stands: who is being served and how many wait before it."""

    ticket: Ticket
    people_ahead: int
    now_serving: str | None
    estimate_from: datetime | None
    estimate_to: datetime | None


def format_shift(start: time, end: time) -> str:
    return f"{start:%H:%M}-{end:%H:%M}"
