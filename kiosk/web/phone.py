"""What the phone asks of the clinic, answered from the same services the kiosk uses.

Bookings take their number from the kiosk's allocator (``TicketService.take``) in the same store,
so a phone booking and a walk-in never share a number, and the kiosk's check-in finds the booking.

Figures. ``GET /antrean/status`` answers per doctor and shift, as the contract asks:
- ``totalantrean``: numbers given in the shift, cancelled ones excepted;
- ``sisaantrean``: of those, how many are not yet called (booked or waiting);
- ``antreanpanggil``: the number called last in the shift, ``"-"`` before the first call.
For one participant (``POST /antrean``, ``GET /antrean/sisapeserta``) they follow the desk, which
calls each poli's queue in order of arrival:
- ``sisaantrean``: how many the desk will call first (waiting, joined earlier; for a booking not
  yet checked in, everyone waiting, since check-in puts it at the back); 0 once called;
- ``antreanpanggil``: the number called last at that poli, as the waiting-room board shows it.

New patients: a participant the store does not know, or knows without a medical record number,
gets code 202; ``POST /peserta`` then gives the number (creating the participant from the phone's
details when needed, marked not verified) and the retried booking goes through. A participant the
registry cache knows as inactive, in arrears or registered elsewhere is refused with the reason
before any of that.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, time
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from kiosk.contract.faskes import (
    Booked,
    BookingRequest,
    BookingRequestV1,
    ContractAnswer,
    PatientRequest,
    PoliStatusV1,
    Position,
    ShiftStatus,
    refuse,
)
from kiosk.domain.booking import (
    QueueEntry,
    ShiftProblem,
    ahead_of,
    last_called,
    match_shift,
    not_yet_called,
    parse_shift,
)
from kiosk.domain.eligibility import check_eligibility, refused_at
from kiosk.domain.identity import Identity, IdentityError, IdentityKind, parse_nik
from kiosk.domain.models import (
    Facility,
    Participant,
    Poli,
    Slot,
    Ticket,
    TicketSource,
    TicketStatus,
)
from kiosk.domain.registration import Registration, check_registration
from kiosk.domain.schedule import check_service_date, slot_is_over
from kiosk.i18n import rupiah, t
from kiosk.services import Services
from kiosk.services.errors import Refused
from kiosk.services.tickets import TakeRequest

log = logging.getLogger(__name__)

ACTOR = "mobile-jkn"
NOBODY_CALLED = "-"


def _day(value: date) -> str:
    return f"{value:%d-%m-%Y}"


def _date(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text)  # the pattern already asked for YYYY-MM-DD
    except ValueError:
        raise refuse("ws.contract.date", field=field) from None


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _one_session(
    call: Callable[Concatenate[PhoneDesk, _P], _R],
) -> Callable[Concatenate[PhoneDesk, _P], _R]:
    """One store session for the whole call: its reads share one connection and transaction
    (its write keeps its own), instead of one session per service asked."""

    @wraps(call)
    def in_one_session(desk: PhoneDesk, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with desk.services.one_session():
            return call(desk, *args, **kwargs)

    return in_one_session


class PhoneDesk:
    """The six calls' use cases; each returns the ``response`` part or raises a contract answer."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.clock = services.clock

    @property
    def facility(self) -> Facility:
        settings = self.services.settings
        return Facility(code=settings.facility_code, name=settings.facility_name)

    # -- GET /antrean/status/{kodepoli}/{tanggalperiksa} -----------------------------------------
    @_one_session
    def status(self, poli_code: str, day_text: str) -> list[ShiftStatus]:
        service_date = self._bookable_date(day_text)
        poli = self._poli(poli_code)
        slots = self.services.clinic.slots(poli.code, service_date)
        if not slots:
            raise refuse(ShiftProblem.NO_SCHEDULE.value, poli=poli.name, date=_day(service_date))
        queues = self.services.tickets.queue_by_shift(poli.code, service_date)
        now = self.clock.now()
        answer = []
        for slot in slots:
            entries = queues.get(slot.schedule_id, [])
            if slot_is_over(slot, now):
                note = t("ws.shift.over", "id")
            elif slot.remaining == 0:
                note = t("ws.shift.full", "id")
            else:
                note = t("ws.shift.open", "id", n=slot.remaining)
            answer.append(
                ShiftStatus(
                    namapoli=poli.name,
                    totalantrean=len(entries),
                    sisaantrean=not_yet_called(entries),
                    antreanpanggil=last_called(entries) or NOBODY_CALLED,
                    keterangan=note,
                    kodedokter=slot.doctor_code,
                    namadokter=slot.doctor_name,
                    jampraktek=slot.jampraktek,
                )
            )
        return answer

    # -- POST /antrean ---------------------------------------------------------------------------
    @_one_session
    def book(self, body: BookingRequest) -> Booked:
        today = self.clock.today()
        nik = self._nik(body.nik, today)
        try:
            start, end = parse_shift(body.jampraktek)
        except ValueError:
            raise refuse("ws.contract.shift") from None
        service_date = self._bookable_date(body.tanggalperiksa)
        poli = self._poli(body.kodepoli)
        slot = self._slot(poli, service_date, body.kodedokter, start, end, body.jampraktek)
        participant = self._eligible_participant(body.nomorkartu, nik, poli.code)
        if participant is not None:
            held = self.services.tickets.held(participant.id, poli.code, service_date)
            if held is not None:
                raise self._duplicate(held)
        if slot_is_over(slot, self.clock.now()):
            raise refuse("take.over")
        if slot.remaining == 0:  # checked again, under the allocator's lock, by take()
            raise refuse("take.full")
        if participant is None or participant.medical_record is None:
            # A new patient: the phone registers them (POST /peserta), then books again.
            raise ContractAnswer(202, t("ws.new_patient", "id", facility=self.facility.name))
        # The queue the number will wait in (its poli, that day), read with the reads above,
        # not in a transaction of its own after the take: a booking waits for its check-in, so
        # its figures (everyone waiting, the number called last) are the queue's without it.
        queue = self.services.tickets.waiting_at(poli.code, service_date)
        try:
            outcome = self.services.tickets.take(
                TakeRequest(
                    poli_code=poli.code,
                    service_date=service_date,
                    schedule_id=slot.schedule_id,
                    participant_id=participant.id,
                    complaint=body.keluhan,
                    source=TicketSource.BOOKING,
                    phone=body.nohp or None,
                    actor=ACTOR,
                )
            )
        except Refused as refused:
            raise refuse(refused.key, **refused.params) from None
        ticket = outcome.ticket
        if outcome.existing:  # won by a simultaneous booking; the kiosk would show that ticket
            raise self._duplicate(ticket)
        log.info("booked %s at poli %s for %s", ticket.number, poli.code, participant.masked_card)
        mine = QueueEntry(ticket.seq, ticket.number, ticket.status, None, ticket.created_at)
        if ticket.status != TicketStatus.BOOKED:  # not what a booking leaves: read it all again
            mine, queue = self.services.tickets.queue_of(ticket.id)
        note = t("ws.booked", "id", facility=self.facility.name, hours=ticket.jampraktek)
        return Booked(
            nomorantrean=ticket.number,
            angkaantrean=ticket.seq,
            namapoli=poli.name,
            sisaantrean=ahead_of(queue, mine),
            antreanpanggil=last_called(queue) or NOBODY_CALLED,
            keterangan=self._with_verification(note, ticket),
        )

    # -- GET /antrean/sisapeserta/{nomorkartu}/{kodepoli}/{tanggalperiksa} ------------------------
    @_one_session
    def position(self, card: str, poli_code: str, day_text: str) -> Position:
        service_date = _date(day_text, "tanggalperiksa")
        ticket, cancelled = self._find(card, poli_code, service_date)
        if ticket is None:
            raise refuse("ws.ticket.cancelled" if cancelled else "ws.ticket.unknown")
        mine, queue = self.services.tickets.queue_of(ticket.id)
        note = t(f"ws.position.{ticket.status.value}", "id")
        return Position(
            nomorantrean=ticket.number,
            namapoli=ticket.poli_name,
            sisaantrean=ahead_of(queue, mine),
            antreanpanggil=last_called(queue) or NOBODY_CALLED,
            keterangan=self._with_verification(note, ticket),
        )

    # -- version 1: GET /antrean/status, POST /antrean (the clinic picks the shift) ---------------
    @_one_session
    def poli_status(self, poli_code: str, day_text: str) -> PoliStatusV1:
        """Version 1: the poli's figures over all its shifts, counts as strings."""
        shifts = self.status(poli_code, day_text)
        service_date = _date(day_text, "tanggalperiksa")
        queue = [
            entry
            for entries in self.services.tickets.queue_by_shift(poli_code, service_date).values()
            for entry in entries
        ]
        room = sum(s.remaining for s in self._open_slots(poli_code, service_date))
        note = t("ws.shift.open", "id", n=room) if room else t("ws.shift.full", "id")
        return PoliStatusV1(
            namapoli=shifts[0].namapoli,
            totalantrean=str(sum(s.totalantrean for s in shifts)),
            sisaantrean=str(sum(s.sisaantrean for s in shifts)),
            antreanpanggil=last_called(queue) or NOBODY_CALLED,
            keterangan=note,
        )

    @_one_session
    def book_first_open(self, body: BookingRequestV1) -> Booked:
        """Version 1's five-field booking: the earliest shift still open with room, as if the
        phone had named it; ``keterangan`` says which doctor and hours."""
        service_date = self._bookable_date(body.tanggalperiksa)
        poli = self._poli(body.kodepoli)
        if not self.services.clinic.slots(poli.code, service_date):
            raise refuse(ShiftProblem.NO_SCHEDULE.value, poli=poli.name, date=_day(service_date))
        open_slots = self._open_slots(poli.code, service_date)
        if not open_slots:
            raise refuse("take.full")
        slot = open_slots[0]
        booked = self.book(
            BookingRequest.model_construct(
                nomorkartu=body.nomorkartu,
                nik=body.nik,
                kodepoli=body.kodepoli,
                tanggalperiksa=body.tanggalperiksa,
                keluhan=body.keluhan,
                kodedokter=slot.doctor_code,
                jampraktek=slot.jampraktek,
                norm=body.norm or "",
                nohp=body.nohp or "",
            )
        )
        picked = t("ws.v1.picked", "id", doctor=slot.doctor_name, hours=slot.jampraktek)
        return booked.model_copy(update={"keterangan": f"{picked} {booked.keterangan}"})

    def _open_slots(self, poli_code: str, service_date: date) -> list[Slot]:
        now = self.clock.now()
        slots = self.services.clinic.slots(poli_code, service_date)
        return sorted(
            (s for s in slots if s.remaining > 0 and not slot_is_over(s, now)),
            key=lambda s: (s.start, s.doctor_code),
        )

    # -- PUT /antrean/batal ----------------------------------------------------------------------
    def cancel(self, card: str, poli_code: str, day_text: str, keterangan: str) -> None:
        service_date = _date(day_text, "tanggalperiksa")
        reason = keterangan.strip() or t("ws.cancel.reason", "id")
        try:
            # Found and cancelled in one write transaction: no read of it before.
            ticket = self.services.tickets.cancel_held(
                card, poli_code, service_date, reason, actor=ACTOR
            )
        except Refused as refused:
            raise refuse(refused.key, **refused.params) from None
        if ticket is None:
            if self._cancelled_before(card, poli_code, service_date):
                return  # cancelled before: cancelling again changes nothing
            raise refuse("ws.ticket.unknown")
        log.info("cancelled %s at poli %s", ticket.number, ticket.poli_code)

    # -- POST /peserta ---------------------------------------------------------------------------
    @_one_session
    def register(self, body: PatientRequest) -> str:
        today = self.clock.today()
        nik = self._nik(body.nik, today)
        name = body.nama.strip()
        if not name:
            raise refuse("ws.contract.missing", field="nama")
        registration = Registration(
            card_number=body.nomorkartu,
            nik=nik,
            family_card=body.nomorkk,
            name=name,
            sex=body.jeniskelamin,
            birth_date=_date(body.tanggallahir, "tanggallahir"),
        )
        problem = check_registration(registration, today)
        if problem:
            raise refuse(problem.value)
        try:
            participant = self.services.participants.register(
                registration, self.facility, self.clock.utcnow()
            )
        except Refused as refused:
            raise refuse(refused.key, **refused.params) from None
        assert participant.medical_record is not None
        log.info("medical record given to %s", participant.masked_card)
        return participant.medical_record

    # -- helpers ---------------------------------------------------------------------------------
    def _bookable_date(self, text: str) -> date:
        service_date = _date(text, "tanggalperiksa")
        problem = check_service_date(service_date, self.clock.today())
        if problem:
            raise refuse(problem.value)
        return service_date

    def _poli(self, code: str) -> Poli:
        poli = self.services.clinic.poli(code)
        if poli is None:
            raise refuse("ws.poli.unknown", poli=code)
        return poli

    def _slot(
        self, poli: Poli, service_date: date, doctor: int, start: time, end: time, given: str
    ) -> Slot:
        """The practice shift the booking names, or a 201 saying how it differs."""
        slots = self.services.clinic.slots(poli.code, service_date)
        found = match_shift(slots, doctor, start, end)
        if isinstance(found, Slot):
            return found
        hours = ", ".join(s.jampraktek for s in slots if s.doctor_code == doctor)
        raise refuse(
            found.value,
            poli=poli.name,
            date=_day(service_date),
            doctor=doctor,
            given=given,
            hours=hours,
        )

    def _nik(self, raw: str, today: date) -> str:
        try:
            return parse_nik(raw, today)
        except IdentityError as error:
            raise refuse(error.problem.value) from None

    def _participant(self, card: str) -> Participant | None:
        return self.services.participants.identify(Identity(IdentityKind.CARD, card))

    def _eligible_participant(self, card: str, nik: str, poli_code: str) -> Participant | None:
        """The card's participant if the store knows them (None: a new patient), or a 201 when
        the NIK is someone else's or the registry cache says they cannot book here."""
        participant = self._participant(card)
        if participant is None:
            return None
        if participant.nik and participant.nik != nik:
            raise refuse("ws.nik_mismatch")
        refusal = check_eligibility(participant, self.facility.code, poli_code)
        if refusal:
            raise refuse(
                refusal.value,
                amount=rupiah(participant.arrears),
                fktp=refused_at(participant, refusal),
            )
        return participant

    @staticmethod
    def _duplicate(ticket: Ticket) -> ContractAnswer:
        """One number per participant, poli and day: the phone is told which one they hold."""
        return refuse(
            "ws.duplicate",
            number=ticket.number,
            poli=ticket.poli_name,
            date=_day(ticket.service_date),
        )

    def _find(self, card: str, poli_code: str, service_date: date) -> tuple[Ticket | None, bool]:
        """The participant's live ticket for a poli and day (the natural key), and, when there
        is none, whether a cancelled one is why."""
        participant = self._participant(card)
        if participant is None:
            return None, False
        ticket = self.services.tickets.held(participant.id, poli_code, service_date)
        if ticket is not None:
            return ticket, False
        return None, self._cancelled(participant, poli_code, service_date)

    @_one_session
    def _cancelled_before(self, card: str, poli_code: str, service_date: date) -> bool:
        """No live ticket for the natural key: whether a cancelled one is why."""
        participant = self._participant(card)
        return participant is not None and self._cancelled(participant, poli_code, service_date)

    def _cancelled(self, participant: Participant, poli_code: str, service_date: date) -> bool:
        every = self.services.tickets.tickets_for(
            [participant.id], (service_date,), include_cancelled=True
        )
        return any(other.poli_code == poli_code for other in every)

    @staticmethod
    def _with_verification(note: str, ticket: Ticket) -> str:
        return note if ticket.verified else f"{note} {t('ws.not_verified', 'id')}"
