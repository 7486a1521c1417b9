"""Retention: what the clinic keeps about patients past ``KIOSK_RETENTION_DAYS`` (UU 27/2022,
data minimisation). The queue's history stays countable; what identifies a person goes.

- Tickets of days before the cut keep their number, poli, doctor, date, status and source (the
  anonymous counts reports need), and lose the complaint and the phone number.
- Participants not seen since the cut (no ticket on or after it, registry data fetched before it)
  lose the cached registry details. One without a medical record number is deleted and their old
  tickets no longer point at them; one with it keeps only the card number and that record number,
  the clinic's own link to its medical records.
- Each ticket changed gets a ``purged`` event (who and when), so the audit says what happened.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, exists, select, update

from kiosk.domain.clock import FacilityClock
from kiosk.domain.lifecycle import EventKind
from kiosk.services.journal import record_event
from kiosk.store import Store
from kiosk.store.models import ParticipantRow, TicketRow

log = logging.getLogger(__name__)

ACTOR = "retention"


@dataclass(frozen=True)
class PurgeReport:
    cutoff: date  # days before this one were purged
    complaints: int  # tickets whose complaint or phone number was removed
    participants_deleted: int
    participants_stripped: int


class RetentionService:
    def __init__(self, store: Store, clock: FacilityClock) -> None:
        self.store = store
        self.clock = clock

    def purge(self, older_than_days: int) -> PurgeReport:
        if older_than_days < 1:
            raise ValueError("the retention period is at least one day")
        cutoff = self.clock.today() - timedelta(days=older_than_days)
        now = self.clock.utcnow()
        with self.store.write() as session:
            old = (TicketRow.service_date < cutoff) & (
                TicketRow.complaint.is_not(None) | TicketRow.phone.is_not(None)
            )
            touched = session.scalars(select(TicketRow).where(old)).all()
            for row in touched:
                row.complaint, row.phone = None, None
                record_event(
                    session, row, EventKind.PURGED, ACTOR, now, {"cutoff": cutoff.isoformat()}
                )

            seen_since = exists().where(
                TicketRow.participant_id == ParticipantRow.id, TicketRow.service_date >= cutoff
            )
            stale = select(ParticipantRow.id).where(
                ParticipantRow.fetched_at < self._start_of(cutoff), ~seen_since
            )
            without_record = list(
                session.scalars(stale.where(ParticipantRow.medical_record.is_(None)))
            )
            with_record = list(
                session.scalars(
                    stale.where(
                        ParticipantRow.medical_record.is_not(None),
                        ParticipantRow.nik.is_not(None),
                    )
                )
            )
            if without_record:
                session.execute(
                    update(TicketRow)
                    .where(TicketRow.participant_id.in_(without_record))
                    .values(participant_id=None)
                )
                session.execute(delete(ParticipantRow).where(ParticipantRow.id.in_(without_record)))
            if with_record:
                session.execute(
                    update(ParticipantRow)
                    .where(ParticipantRow.id.in_(with_record))
                    .values(
                        nik=None,
                        display_name="",
                        birth_date=None,
                        sex=None,
                        family_card=None,
                        relation=None,
                        class_name=None,
                    )
                )
        report = PurgeReport(cutoff, len(touched), len(without_record), len(with_record))
        log.info(
            "purge before %s: %d tickets cleared, %d participants deleted, %d stripped",
            cutoff,
            report.complaints,
            report.participants_deleted,
            report.participants_stripped,
        )
        return report

    def _start_of(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.clock.zone)
