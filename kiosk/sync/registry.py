"""The participant registry (PCare ``/peserta``): ask the central, keep what it says in our cache.

The cache is the ``participant`` table with the time each row was fetched. A person the clinic
took on trust (a phone registration, or a card number typed at the kiosk while the central was
out of reach) is ``verified`` False until the central confirms them; then their tickets lose the
mark too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.contract.pcare import Member, read_member
from kiosk.domain.privacy import mask_name
from kiosk.store import Store
from kiosk.store.models import ParticipantRow, TicketRow
from kiosk.sync.client import Answer, CentralClient, Outcome

log = logging.getLogger(__name__)


class Found(StrEnum):
    KNOWN = "known"  # the central answered with the participant
    UNKNOWN = "unknown"  # the central answered: no such participant
    UNREACHABLE = "unreachable"  # no answer in time (or a broken one): use the cache


# The clinic's reading of a PCare record (kiosk/contract/pcare.py).
Peserta = Member


@dataclass(frozen=True)
class Lookup:
    found: Found
    peserta: Peserta | None = None
    # UNREACHABLE because the central refused the clinic's credentials (staff must act).
    denied: bool = False
    message: str = ""


parse_peserta = read_member


def look_up(client: CentralClient, card: str | None = None, nik: str | None = None) -> Lookup:
    """Ask the central (lookup timeout). A broken or late answer counts as unreachable."""
    answer: Answer = client.peserta_by_card(card) if card else client.peserta_by_nik(nik or "")
    if answer.retry:
        denied = answer.outcome == Outcome.DENIED
        return Lookup(Found.UNREACHABLE, denied=denied, message=answer.message)
    if answer.outcome == Outcome.REFUSED:
        return Lookup(Found.UNKNOWN)
    peserta = parse_peserta(answer.response)
    if peserta is None:
        log.warning("the central's participant answer has no usable card number")
        return Lookup(Found.UNREACHABLE)
    return Lookup(Found.KNOWN, peserta)


def remember(session: Session, peserta: Peserta, fetched_at: datetime) -> ParticipantRow:
    """Write the central's answer into the cache; the person and their tickets are verified.

    A card the cache does not hold yet may be looked up at two terminals at once: on PostgreSQL
    both find no row, and the second insert meets the first one's unique card number. That
    insert is a savepoint of its own, so the second terminal then updates the row the first one
    wrote, as if it had come a moment later."""
    row = _cached(session, peserta.card_number)
    if row is None:
        row = ParticipantRow(card_number=peserta.card_number, fetched_at=fetched_at)
        _fill(session, row, peserta, fetched_at)
        try:
            with session.begin_nested():
                session.add(row)
                session.flush()
        except IntegrityError:
            row = _cached(session, peserta.card_number)
            if row is None:
                raise  # not the card: the NIK, taken by another card meanwhile
            _fill(session, row, peserta, fetched_at)
    else:
        _fill(session, row, peserta, fetched_at)
    was_verified = bool(row.verified) and row.id is not None
    row.verified = True
    session.flush()
    if not was_verified:
        session.execute(
            update(TicketRow)
            .where(TicketRow.participant_id == row.id, TicketRow.verified.is_(False))
            .values(verified=True)
        )
    return row


def _cached(session: Session, card: str) -> ParticipantRow | None:
    return session.scalars(select(ParticipantRow).where(ParticipantRow.card_number == card)).first()


def _fill(session: Session, row: ParticipantRow, peserta: Peserta, fetched_at: datetime) -> None:
    # Ask before a new row joins the session: a query would flush it half-filled.
    nik_free = bool(peserta.nik) and (
        session.scalars(
            select(ParticipantRow.id).where(
                ParticipantRow.nik == peserta.nik, ParticipantRow.card_number != peserta.card_number
            )
        ).first()
        is None
    )
    if nik_free:
        row.nik = peserta.nik
    row.display_name = mask_name(peserta.name) or row.display_name or ""
    row.birth_date = peserta.birth_date or row.birth_date
    row.sex = peserta.sex or row.sex
    row.active = peserta.active
    row.status_note = peserta.status_note
    row.arrears = peserta.arrears
    row.fktp_code = peserta.fktp_code or row.fktp_code or ""
    row.fktp_name = peserta.fktp_name or row.fktp_name or ""
    row.class_name = peserta.class_name or row.class_name
    # What PCare says now, including "no dental FKTP" or "no programme" (None).
    row.dental_fktp_code = peserta.dental_fktp_code
    row.dental_fktp_name = peserta.dental_fktp_name
    row.kind_code = peserta.kind_code or row.kind_code
    row.kind_name = peserta.kind_name or row.kind_name
    row.relation = peserta.relation or row.relation
    row.valid_until = peserta.valid_until or row.valid_until
    row.programmes = peserta.programmes
    row.fetched_at = fetched_at


def reverify(store: Store, client: CentralClient, now: datetime, limit: int = 20) -> int:
    """Ask the central again about people taken on trust; answers how many it confirmed.

    Stops at the first unreachable answer (the pump tries again later).
    """
    with store.read() as session:
        cards = session.scalars(
            select(ParticipantRow.card_number)
            .where(ParticipantRow.verified.is_(False))
            .order_by(ParticipantRow.fetched_at)
            .limit(limit)
        ).all()
    confirmed = 0
    for card in cards:
        found = look_up(client, card=card)
        if found.found == Found.UNREACHABLE:
            break
        with store.write() as session:
            if found.peserta is not None:
                remember(session, found.peserta, now)
                confirmed += 1
            else:  # still unknown: asked again later, after the others
                session.execute(
                    update(ParticipantRow)
                    .where(ParticipantRow.card_number == card)
                    .values(fetched_at=now)
                )
    return confirmed
