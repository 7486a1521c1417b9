"""ORM rows to plain domain objects: what leaves the store for services and screens."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row

from kiosk.domain.models import (
    Participant,
    Poli,
    Slot,
    Ticket,
    TicketSource,
    TicketStatus,
)
from kiosk.domain.privacy import mask_number
from kiosk.store.models import ParticipantRow, PoliRow, TicketRow


def to_participant(row: ParticipantRow | Row[Any]) -> Participant:
    """From the ORM row, or a Core row of the participant table (the same names)."""
    return Participant(
        id=row.id,
        nik=row.nik,
        card_number=row.card_number,
        display_name=row.display_name,
        birth_date=row.birth_date,
        sex=row.sex,
        active=row.active,
        arrears=row.arrears,
        fktp_code=row.fktp_code,
        fktp_name=row.fktp_name,
        family_card=row.family_card,
        class_name=row.class_name,
        relation=row.relation,
        verified=row.verified,
        medical_record=row.medical_record,
        dental_fktp_code=row.dental_fktp_code,
        dental_fktp_name=row.dental_fktp_name,
        kind_name=row.kind_name,
        valid_until=row.valid_until,
        status_note=row.status_note,
        programmes=row.programmes,
    )


def to_poli(row: PoliRow | Row[Any]) -> Poli:
    return Poli(code=row.code, name=row.name, prefix=row.prefix)


def to_slot(row: Row[Any], service_date: date) -> Slot:
    """From a Core row of the schedule table with its ``doctor_name`` and ``taken`` count."""
    return Slot(
        schedule_id=row.id,
        poli_code=row.poli_code,
        doctor_code=row.doctor_code,
        doctor_name=row.doctor_name or "",
        service_date=service_date,
        start=row.start,
        end=row.end,
        quota=row.quota,
        taken=row.taken,
    )


def to_ticket(row: TicketRow) -> Ticket:
    holder = row.participant
    return ticket_of(
        row,
        row.poli.name,
        row.doctor.name if row.doctor else None,
        holder.card_number if holder else None,
        holder.display_name if holder else None,
    )


def ticket_of(
    row: TicketRow | Row[Any] | SimpleNamespace,
    poli_name: str,
    doctor_name: str | None,
    card_number: str | None,
    holder_name: str | None,
) -> Ticket:
    """From the ORM row, a Core row of the ticket table or the values a take just inserted (the
    same names), with the names of its poli, doctor and holder (``kiosk.store.queues``)."""
    return Ticket(
        id=row.id,
        number=row.number,
        seq=row.seq,
        poli_code=row.poli_code,
        poli_name=poli_name,
        service_date=row.service_date,
        doctor_code=row.doctor_code,
        doctor_name=doctor_name,
        shift_start=row.shift_start,
        shift_end=row.shift_end,
        complaint=row.complaint,
        source=TicketSource(row.source),
        status=TicketStatus(row.status),
        participant_id=row.participant_id,
        masked_card=mask_number(card_number) if card_number is not None else None,
        holder_name=holder_name,
        non_jkn=row.non_jkn,
        verified=row.verified,
        created_at=row.created_at,
        checked_in_at=row.checked_in_at,
        visit_sick=row.visit_sick,
    )
