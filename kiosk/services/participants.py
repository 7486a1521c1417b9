"""Who is at the kiosk: the participant registry as our store caches it, and their family."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.domain.identity import Identity, IdentityKind
from kiosk.domain.models import Participant
from kiosk.store import Store
from kiosk.store.convert import to_participant
from kiosk.store.models import ParticipantRow


class ParticipantService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def identify(self, identity: Identity) -> Participant | None:
        column = (
            ParticipantRow.nik if identity.kind == IdentityKind.NIK else ParticipantRow.card_number
        )
        with self.store.read() as session:
            row = session.scalars(select(ParticipantRow).where(column == identity.digits)).first()
            return to_participant(row) if row else None

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
