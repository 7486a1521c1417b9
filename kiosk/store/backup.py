"""A consistent copy of a running SQLite store, with SQLite's online backup API.

The copy is taken page by page through the store's own connection (the raw sqlite3 connection
under SQLAlchemy), so kiosks may keep writing meanwhile: SQLite restarts the copy when a writer
changes a page, and the result is the database as of one moment. It is written next to the
target and renamed, so a half-made backup never carries the target's name.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from kiosk.store.db import Store, StoreError

PAGES_PER_STEP = 256  # copy in steps so writers get the lock between them


def backup_sqlite(store: Store, target: Path) -> int:
    """Copy the store into ``target`` (which must not exist); returns its size in bytes."""
    if not store.is_sqlite:
        raise StoreError("only an SQLite store is backed up this way")
    source = make_url(store.url).database
    if not source or source == ":memory:" or not Path(source).exists():
        raise StoreError(f"there is no database file at {source}")
    if target.exists():
        raise StoreError(f"{target} exists already; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    try:
        with store.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            copy = sqlite3.connect(partial)
            try:
                raw.backup(copy, pages=PAGES_PER_STEP)
                # A plain single file: the copy needs no -wal beside it to be whole.
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return target.stat().st_size
