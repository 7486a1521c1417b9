"""Engines and sessions for SQLite (one terminal) and PostgreSQL (a clinic's LAN).

Writes on SQLite start with ``BEGIN IMMEDIATE`` under WAL, so two kiosks on one file queue for the
write lock instead of failing half-way with "database is locked"; reads stay concurrent. Within
one process, writers on SQLite also take turns on a lock of the store's own: threads that met at
SQLite's lock would each sleep in its busy handler (1, 2, 5 ... 100 ms steps) while the file was
already free, which is what made ``kiosk serve``'s slowest answers slow under a few clients.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session, sessionmaker

# The store's error, raised by the migrations too; importers name it from here or from errors.py.
from kiosk.store.errors import StoreError as StoreError

_WRITE = "kiosk_write"
# 4 MB of WAL (SQLite's pages are 4 KB): the background checkpoint lets the next write start the
# WAL over once it is this long.
RESTART_FRAMES = 1000
# How long that restart, holding the writers' turn, waits for a reader still in the WAL (a long
# report in another process) before it leaves the restart to the next round.
RESTART_WAIT_MS = 20
BUSY_TIMEOUT_MS = 30_000

log = logging.getLogger(__name__)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # hide_parameters: an error in the log must never carry a NIK or card number.
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _no_autocheckpoint(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


class Store:
    """The clinic's database: read sessions, short write transactions, and migrations."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._scoped: ContextVar[Session | None] = ContextVar(
            f"store-scope-{id(self)}", default=None
        )
        self._writer = self.engine.execution_options(**{_WRITE: True})
        self._write = sessionmaker(self._writer, expire_on_commit=False)
        # SQLite has one writer at a time anyway: this process's writers queue here, in order,
        # and wake the moment the previous one commits. Re-entrant, so a write opened inside
        # another on the same thread meets SQLite's own lock as before. PostgreSQL locks rows,
        # so its writers need no turn.
        self._turn: AbstractContextManager[object] = (
            threading.RLock() if self.is_sqlite else nullcontext()
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        scoped = self._scoped.get()
        if scoped is not None:
            yield scoped
            return
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction: committed on success, rolled back on any error."""
        self._end_scoped_reads()
        with self._turn, self._write.begin() as session:
            yield session

    @contextmanager
    def scope(self) -> Iterator[None]:
        """One read session for every read on this thread (or task) inside: one connection and
        one transaction, where each read would otherwise open its own. A write inside still
        runs in its own short write transaction (``write``), and the reads after it begin
        afresh, so they see it. For a web request's handful of reads around one write."""
        if self._scoped.get() is not None:
            yield
            return
        with self._read() as session:
            token = self._scoped.set(session)
            try:
                yield
            finally:
                self._scoped.reset(token)

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """As :meth:`write`, for Core statements only: no ORM session to set up and close (the
        outbox pump marks every answer in one, where the session cost as much as the UPDATE;
        the take, where it cost a fifth of the whole)."""
        self._end_scoped_reads()
        with self._turn, self._writer.begin() as connection:
            yield connection

    def _end_scoped_reads(self) -> None:
        """A write inside :meth:`scope` ends the scope's reads so far: reads after the write see
        it, and none of the rows they loaded is served stale from the session's identity map."""
        scoped = self._scoped.get()
        if scoped is not None:
            scoped.rollback()
            scoped.expunge_all()

    def checkpoint_in_background(
        self, seconds: float = 1.0, restart_frames: int = RESTART_FRAMES
    ) -> Callable[[], None]:
        """SQLite: this process's commits stop checkpointing the WAL themselves, and a thread of
        its own does it every ``seconds``; returns what stops that thread. PostgreSQL: nothing.

        For ``kiosk serve``: the commit that took the WAL past SQLite's 1,000 pages copied them
        into the file and synced it, still holding the writers' turn, so every request queued
        behind it waited as well (about one request in a hundred, the p99 of bench figure 5).
        Call it before the first request: open connections are closed so every new one is set.
        Other processes on the file keep checkpointing as before."""
        if not self.is_sqlite:
            return lambda: None
        event.listen(self.engine, "connect", _no_autocheckpoint)
        self.engine.dispose()
        stop = threading.Event()

        def checkpoint() -> None:
            while not stop.wait(seconds):
                try:
                    self.checkpoint(restart_frames)
                except Exception:  # the next round tries again; a commit never waits on it
                    log.warning("WAL checkpoint failed", exc_info=True)

        thread = threading.Thread(target=checkpoint, name="store-checkpoint", daemon=True)
        thread.start()

        def stopped() -> None:
            stop.set()
            thread.join()

        return stopped

    def checkpoint(self, restart_frames: int = RESTART_FRAMES) -> int:
        """Copy the WAL into the file while writers go on; returns the WAL's frames then.

        SQLite starts its WAL over only when a write begins with every frame copied and no
        reader still in the WAL. Under steady load that never happens: writes land while the
        copy runs, so the WAL grows for as long as the load lasts (160 MB in 10 s of bench
        figure 5, every write slower for it). So once the WAL holds ``restart_frames``, the
        frames written meanwhile are copied in the writers' turn, and SQLite's RESTART waits
        there for the readers still in the WAL (each a few milliseconds at most): the next write
        starts the WAL from its beginning."""
        frames = self._checkpoint("PASSIVE")
        if frames >= restart_frames:
            with self._turn:
                self._checkpoint("RESTART", wait_ms=RESTART_WAIT_MS)
        return frames

    def _checkpoint(self, mode: str, wait_ms: int | None = None) -> int:
        connection = self.engine.raw_connection()
        try:
            driver = connection.driver_connection
            assert driver is not None
            if wait_ms is not None:
                driver.execute(f"PRAGMA busy_timeout={wait_ms}")
            try:
                row = driver.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
            finally:
                if wait_ms is not None:
                    driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            connection.close()
        return int(row[1]) if row else 0

    def migrate(self) -> None:
        from kiosk.store.migrate import upgrade

        upgrade(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()
