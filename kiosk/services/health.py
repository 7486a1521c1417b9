"""Is the store usable? A fault of the database (unreachable, disk full) is told apart from a bug,
so the kiosk can go out of service and come back by itself when the store answers again."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from kiosk.services.errors import StoreUnavailable
from kiosk.store import Store

# Raised by the driver for a server that is gone, a full disk, a lock held too long, or a pool that
# cannot hand out a connection: the store's fault, not the patient's and not ours.
_STORE_FAULTS = (StoreUnavailable, OperationalError, DisconnectionError, PoolTimeout)


def is_store_fault(error: BaseException) -> bool:
    if isinstance(error, _STORE_FAULTS):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


def probe(store: Store) -> None:
    """One write transaction (it takes the write lock on SQLite); raises StoreUnavailable."""
    try:
        with store.write() as session:
            session.execute(text("SELECT 1"))
    except Exception as error:
        if is_store_fault(error):
            raise StoreUnavailable(str(error).splitlines()[0]) from error
        raise
