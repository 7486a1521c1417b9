"""The store's one error, apart from the sessions (db.py) and the migrations (migrate.py) that
both raise it, so neither imports the other for it."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or migrated; the message is one line for the operator."""
