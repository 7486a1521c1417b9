"""``kiosk serve``'s store checkpoints SQLite's WAL on a thread of its own, not in a commit."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
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


def _write_events(store: Store, count: int) -> None:
    now = datetime.now(UTC)
    with store.write_connection() as connection:
        connection.execute(
            insert(LinkEventRow), [{"at": now, "online": True, "detail": "x" * 500}] * count
        )


def _wal_frames(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])


@pytest.mark.parametrize("restart_frames", [1, 10**9])
def test_the_wal_starts_over_though_its_copy_met_a_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restart_frames: int
) -> None:
    """Under load some reader is always in the WAL while it is copied, so the copy stops short
    and SQLite never starts the WAL over; the second copy, in the writers' turn, lets it."""
    path = tmp_path / "store.db"
    store = Store(f"sqlite:///{path}")
    store.migrate()
    store.checkpoint_in_background(seconds=3600)()  # this store's commits leave it to us
    try:
        _write_events(store, 200)
        reader = sqlite3.connect(path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM link_event").fetchone()  # in the WAL from here
        _write_events(store, 200)
        copy = store._checkpoint

        def leaving_before_the_second_copy(mode: str, wait_ms: int | None = None) -> int:
            if mode != "PASSIVE":
                reader.execute("COMMIT")
            return copy(mode, wait_ms)

        monkeypatch.setattr(store, "_checkpoint", leaving_before_the_second_copy)
        frames = store.checkpoint(restart_frames)
        if reader.in_transaction:
            reader.execute("COMMIT")
        reader.close()
        _write_events(store, 1)
        if restart_frames == 1:
            assert _wal_frames(path) < 10  # the write started the WAL over
        else:  # the copy alone: the write went on after the frames before it
            assert _wal_frames(path) > frames
    finally:
        store.dispose()


def test_a_reader_that_stays_in_the_wal_holds_the_writers_up_briefly(tmp_path: Path) -> None:
    """A long report in another process keeps the restart from happening: the writers' turn is
    given back after a few milliseconds, not SQLite's 30 s busy timeout."""
    path = tmp_path / "store.db"
    store = Store(f"sqlite:///{path}")
    store.migrate()
    store.checkpoint_in_background(seconds=3600)()
    try:
        _write_events(store, 200)
        reader = sqlite3.connect(path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM link_event").fetchone()
        _write_events(store, 200)
        started = time.monotonic()
        store.checkpoint(restart_frames=1)
        assert time.monotonic() - started < 5
        reader.execute("COMMIT")
        reader.close()
        _write_events(store, 1)  # the turn is free, the store as it was
    finally:
        store.dispose()
