"""The clinic's store: SQLAlchemy models, sessions, the number allocator, Alembic migrations."""

from kiosk.store.db import Store

__all__ = ["Store"]
