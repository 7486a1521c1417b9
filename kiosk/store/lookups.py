"""A participant by id, NIK or card number, read in SQLAlchemy Core: the busiest lookups (every
take of a JKN patient, every phone call) cost one statement built once, not the ORM's load."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import Connection, Select, Table, bindparam, select

from kiosk.domain.models import Participant
from kiosk.store.convert import to_participant
from kiosk.store.models import ParticipantRow

Key = Literal["id", "nik", "card_number"]

_participant: Table = ParticipantRow.__table__  # type: ignore[assignment]
_BY: dict[str, Select[Any]] = {
    key: select(_participant).where(_participant.c[key] == bindparam("value"))
    for key in ("id", "nik", "card_number")
}


def participant_by(connection: Connection, key: Key, value: object) -> Participant | None:
    row = connection.execute(_BY[key], {"value": value}).first()
    return to_participant(row) if row is not None else None
