"""A SQLite store whose write lock another process holds past the busy timeout: the failure is
SQLAlchemy's OperationalError, which the service-call policy takes for a store fault (out of
service, back by itself), never a bare driver error that would read as a bug."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from kiosk.services.health import is_store_fault
from kiosk.store import Store


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Store]:
    store = Store(f"sqlite:///{tmp_path / 'kiosk.db'}")
    store.migrate()
    with store.read() as session:  # the pool's one connection, waiting 50 ms instead of 30 s
        session.execute(text("PRAGMA busy_timeout = 50"))
    other = sqlite3.connect(tmp_path / "kiosk.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another kiosk (or a backup) holds the write lock
    yield store
    other.execute("ROLLBACK")
    other.close()
    store.dispose()


def test_a_write_lock_held_too_long_is_a_store_fault(locked: Store) -> None:
    with pytest.raises(OperationalError) as raised, locked.write_connection():
        pass
    assert "locked" in str(raised.value) and is_store_fault(raised.value)
    with pytest.raises(OperationalError) as raised, locked.write() as session:
        session.execute(text("SELECT 1"))
    assert is_store_fault(raised.value)
