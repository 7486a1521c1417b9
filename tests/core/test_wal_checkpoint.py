"""``kiosk serve``'s store checkpoints SQLite's WAL on a thread of its own, not in a commit."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from kiosk.store import Store
from kiosk.store.models import LinkEventRow


def _autocheckpoint(store: Store) -> int:
    connection = store.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA wal_autocheckpoint")
        return int(cursor.fetchone()[0])
    finally:
        connection.close()


def test_commits_leave_the_wal_to_the_checkpoint_thread(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    store = Store(f"sqlite:///{path}")
    store.migrate()
    assert _autocheckpoint(store) == 1000  # SQLite's own: the commit past 1,000 pages does it
    stop = store.checkpoint_in_background(0.05)
    try:
        assert _autocheckpoint(store) == 0
        time.sleep(0.2)  # the migrations' pages go into the file first
        before = path.stat().st_size
        now = datetime.now(UTC)
        with store.write_connection() as connection:  # about 2 MB: far past 1,000 pages
            connection.execute(
                insert(LinkEventRow),
                [{"at": now, "online": True, "detail": "x" * 1000} for _ in range(2000)],
            )
        # Only the thread moves these pages from the WAL into the file now.
        deadline = time.monotonic() + 10
        while path.stat().st_size <= before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert path.stat().st_size > before + 1_000_000
    finally:
        stop()
        store.dispose()


def test_postgresql_has_nothing_to_checkpoint() -> None:
    store = Store("postgresql+psycopg://nobody@127.0.0.1:1/none")  # never connected
    store.checkpoint_in_background()()
