"""The take's statements compiled once and sent with ``exec_driver_sql`` (kiosk/store/prepared.py)
answer and store exactly what SQLAlchemy's own execution of the same Core statements does, and
fail with SQLAlchemy's errors, on both engines."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection, insert, select, text
from sqlalchemy.exc import IntegrityError, StatementError

from kiosk.store import taking
from kiosk.store.models import TicketEventRow, TicketRow
from tests.core.conftest import TODAY, Clinic

# What a ticket row holds apart from what makes it that ticket.
_IDENTITY = {"id", "seq", "number"}


def _ticket_values(connection: Connection, ticket_id: int) -> dict[str, Any]:
    row = connection.execute(select(TicketRow.__table__).where(TicketRow.id == ticket_id)).one()
    return dict(row._mapping)


def _as_kept(connection: Connection, ticket_id: int) -> dict[str, Any]:
    """The row as the database keeps it (a text query: no type converts what it reads)."""
    row = connection.execute(text("SELECT * FROM ticket WHERE id = :id"), {"id": ticket_id})
    return dict(row.one()._mapping)


def test_the_take_read_answers_as_sqlalchemy_does(clinic: Clinic) -> None:
    clinic.take()
    siti = clinic.person("0001234567801")
    clinic.take(participant_id=siti.id)
    params = {
        "schedule_id": clinic.schedule_id("001", TODAY, "00:00"),
        "day": TODAY,
        "poli_code": "001",
    }
    with clinic.store.write_connection() as connection:
        for read in (taking._SHIFT_TAKEN_LATEST, taking._SHIFT_TAKEN):
            ours = read.first(connection, params)
            theirs = connection.execute(read.statement, params).first()
            assert theirs is not None
            assert ours == tuple(theirs)
        latest = taking._SHIFT_TAKEN_LATEST.first(connection, params)
        assert latest is not None and latest[10] == 2  # two live tickets in the shift
        assert latest[11] is not None and latest[11].tzinfo is not None  # aware UTC, as read
        assert taking._SHIFT_TAKEN.first(connection, {**params, "schedule_id": -1}) is None


def test_a_ticket_inserted_prepared_is_the_row_a_core_insert_stores(clinic: Clinic) -> None:
    taken = clinic.take(complaint="batuk").ticket
    with clinic.store.write_connection() as connection:
        values = _ticket_values(connection, taken.id)
        # the columns the take gives; the others are left to their defaults
        left = {"id", "recalls", "called_at", "served_at", "cancelled_at", "current_poli"}
        left |= {"priority_reason", "counter"}
        given = {name: value for name, value in values.items() if name not in left}
        core = connection.execute(
            insert(TicketRow.__table__).values({**given, "seq": 500, "number": "A-500"})
        ).inserted_primary_key
        assert core is not None
        prepared = taking._plain_insert(TicketRow.__table__, tuple(given)).execute(  # type: ignore[arg-type]
            connection, {**given, "seq": 501, "number": "A-501"}
        )
        assert prepared.rowcount == 1
        by_core = _as_kept(connection, core[0])
        last = connection.execute(
            select(TicketRow.id).where(TicketRow.service_date == TODAY, TicketRow.seq == 501)
        ).scalar_one()
        by_prepared = _as_kept(connection, last)
        by_take = _as_kept(connection, taken.id)
        for name in by_core.keys() - _IDENTITY:
            assert by_prepared[name] == by_core[name] == by_take[name], name


def test_a_prepared_statement_fails_with_sqlalchemys_errors(clinic: Clinic) -> None:
    """The take's retry catches SQLAlchemy's IntegrityError; the outage policy its other errors."""
    taken = clinic.take().ticket
    with clinic.store.write_connection() as connection:
        values = _ticket_values(connection, taken.id)
    given = {name: value for name, value in values.items() if name not in {"id", "recalls"}}
    with pytest.raises(IntegrityError), clinic.store.write_connection() as connection:
        taking._plain_insert(TicketRow.__table__, tuple(given)).execute(  # type: ignore[arg-type]
            connection,
            given,  # the same poli, day and number again
        )


def test_a_column_whose_default_is_computed_must_be_given() -> None:
    event = TicketEventRow.__table__
    with pytest.raises(ValueError, match="detail"):
        taking._values(event, ("ticket_id", "at", "kind", "actor"))  # type: ignore[arg-type]


def test_a_value_its_type_refuses_fails_as_in_sqlalchemy(clinic: Clinic) -> None:
    """A naive time is refused before the driver sees it, with SQLAlchemy's StatementError and
    without the values (a NIK must never reach a log through an error)."""
    taken = clinic.take().ticket
    with clinic.store.write_connection() as connection:
        values = _ticket_values(connection, taken.id)
    given = {name: value for name, value in values.items() if name not in {"id", "recalls"}}
    naive = {**given, "seq": 600, "created_at": values["created_at"].replace(tzinfo=None)}
    refused = pytest.raises(StatementError, match="naive")
    with refused as raised, clinic.store.write_connection() as connection:
        taking._plain_insert(TicketRow.__table__, tuple(given)).execute(  # type: ignore[arg-type]
            connection, naive
        )
    assert "600" not in str(raised.value)
