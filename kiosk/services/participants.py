"""Who is at the kiosk: the participant registry as our store caches it, and their family."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.domain.clock import system_now
from kiosk.domain.identity import Identity, IdentityKind
from kiosk.domain.models import Facility, Participant
from kiosk.domain.privacy import mask_name
from kiosk.domain.registration import NORM_DIGITS, Registration, next_norm, parse_norm
from kiosk.services.errors import Refused
from kiosk.store import Store
from kiosk.store.convert import to_participant
from kiosk.store.lookups import Key, participant_by
from kiosk.store.models import FacilityRow, ParticipantRow
from kiosk.sync.client import CentralClient
from kiosk.sync.link import note_link
from kiosk.sync.registry import Found, look_up, remember

# Registrations take turns: BEGIN IMMEDIATE on SQLite, this transaction-scoped advisory lock on
# PostgreSQL. The unique columns stay the last guard: a loser looks again and takes the next number.
_REGISTER_LOCK = 0x6B696F736B01  # "kiosk" + 1: the clinic's medical record numbers
_REGISTER_ATTEMPTS = 5


@dataclass(frozen=True)
class Identified:
    """Who is at the kiosk, or why nobody: ``problem`` is a translation key."""

    participant: Participant | None
    problem: str | None = None
    offline: bool = False  # the central did not answer: the cache (or trust) spoke instead


class ParticipantService:
    def __init__(
        self,
        store: Store,
        central: CentralClient | None = None,
        clock: Callable[[], datetime] = system_now,
    ) -> None:
        self.store = store
        self.central = central
        self.clock = clock  # aware UTC instants: the link's last contact, the cache's fetched_at

    def check(self, identity: Identity) -> Identified:
        """The kiosk's lookup: the central first (short timeout), then the cache.

        With the central out of reach, a card number the cache does not know still gets a
        number: the person is taken on trust (active, paid up, registered here) and marked not
        verified, for the desk to see and the pump to ask the central about later. A NIK alone
        is not enough for that, since everything the central learns is keyed by the card: the
        patient is asked for the card number instead. With no central configured at all, the
        cache is the registry.
        """
        cached = self.identify(identity)
        if self.central is None:
            return Identified(cached, None if cached else "identify.unknown")
        card = identity.digits if identity.kind == IdentityKind.CARD else None
        found = look_up(self.central, card=card, nik=None if card else identity.digits)
        now = self.clock()
        note_link(
            self.store,
            found.found != Found.UNREACHABLE,
            found.message if found.denied else "participant lookup unreachable",
            now=now,
            denied=found.denied,
        )
        if found.peserta is not None:
            with self.store.write() as session:
                return Identified(to_participant(remember(session, found.peserta, now)))
        if found.found == Found.UNKNOWN:
            return Identified(cached, None if cached else "identify.unknown")
        if cached is not None:
            return Identified(cached, offline=True)
        if card is None:
            return Identified(None, "identify.offline_nik", offline=True)
        return Identified(self._on_trust(card, now), offline=True)

    def _on_trust(self, card: str, now: datetime) -> Participant:
        try:
            with self.store.write() as session:
                facility = session.scalars(select(FacilityRow)).one()
                row = ParticipantRow(
                    card_number=card,
                    display_name="",
                    active=True,
                    arrears=0,
                    fktp_code=facility.code,
                    fktp_name=facility.name,
                    verified=False,
                    fetched_at=now,
                )
                session.add(row)
                session.flush()
                return to_participant(row)
        except IntegrityError:  # another terminal took the same card on trust a moment ago
            with self.store.read() as session:
                existing = session.scalars(
                    select(ParticipantRow).where(ParticipantRow.card_number == card)
                ).one()
                return to_participant(existing)

    def identify(self, identity: Identity) -> Participant | None:
        key: Key = "nik" if identity.kind == IdentityKind.NIK else "card_number"
        with self.store.read() as session:
            return participant_by(session.connection(), key, identity.digits)

    def get(self, participant_id: int) -> Participant:
        with self.store.read() as session:
            row = session.get(ParticipantRow, participant_id)
            if row is None:
                raise LookupError(f"no participant {participant_id}")
            return to_participant(row)

    def family(self, participant: Participant) -> list[Participant]:
        """The participant first, then everyone else on the same family card."""
        if not participant.family_card:
            return [participant]
        with self.store.read() as session:
            rows = session.scalars(
                select(ParticipantRow)
                .where(
                    ParticipantRow.family_card == participant.family_card,
                    ParticipantRow.id != participant.id,
                )
                .order_by(ParticipantRow.birth_date)
            ).all()
            return [participant, *(to_participant(r) for r in rows)]

    def register(
        self, registration: Registration, facility: Facility, now: datetime
    ) -> Participant:
        """Give a patient a medical record number, creating them from the phone's details if the
        store does not know them. Registering again answers the same number.

        A person created here has no registry data (the central lookup comes later): they are
        stored as active, paid up and registered here, with ``verified`` False, which is what
        their tickets carry too, so the desk knows to check the card.
        """
        for _ in range(_REGISTER_ATTEMPTS - 1):
            try:
                return self._register(registration, facility, now)
            except IntegrityError:
                continue  # another registration won a unique value: look again
        return self._register(registration, facility, now)

    def _register(
        self, registration: Registration, facility: Facility, now: datetime
    ) -> Participant:
        with self.store.write() as session:
            if session.get_bind().dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _REGISTER_LOCK})
            row = session.scalars(
                select(ParticipantRow).where(ParticipantRow.card_number == registration.card_number)
            ).first()
            if row is not None and row.nik and row.nik != registration.nik:
                raise Refused("registration.nik_mismatch")
            other = session.scalars(
                select(ParticipantRow.id).where(
                    ParticipantRow.nik == registration.nik,
                    ParticipantRow.card_number != registration.card_number,
                )
            ).first()
            if other is not None:
                raise Refused("registration.nik_taken")
            if row is None:
                row = ParticipantRow(
                    nik=registration.nik,
                    card_number=registration.card_number,
                    display_name=mask_name(registration.name),
                    birth_date=registration.birth_date,
                    sex=registration.sex,
                    active=True,
                    arrears=0,
                    fktp_code=facility.code,
                    fktp_name=facility.name,
                    family_card=registration.family_card,
                    verified=False,
                    fetched_at=now,
                )
                session.add(row)
            else:  # known from the registry: keep its data, fill in only what it lacks
                row.nik = row.nik or registration.nik
                row.birth_date = row.birth_date or registration.birth_date
                row.sex = row.sex or registration.sex
                row.family_card = row.family_card or registration.family_card
            if row.medical_record is None:
                row.medical_record = next_norm(_highest_norm(session))
            session.flush()
            return to_participant(row)


def _highest_norm(session: Session) -> str | None:
    """The highest medical record number given so far (all have the same width: text order)."""
    highest = session.scalar(
        select(func.max(ParticipantRow.medical_record)).where(
            func.length(ParticipantRow.medical_record) == NORM_DIGITS
        )
    )
    if highest is None or parse_norm(highest) is not None:
        return highest
    # Some other six-character record (imported by hand): find the highest of ours the long way.
    records = session.scalars(
        select(ParticipantRow.medical_record).where(
            func.length(ParticipantRow.medical_record) == NORM_DIGITS
        )
    ).all()
    ours = [r for r in records if r is not None and parse_norm(r) is not None]
    return max(ours, default=None)
