"""Fresh SQLite stores for the tests start as a copy of one store migrated once per worker.

Hundreds of tests open a fresh clinic, and migrating each from nothing costs about a second on a
busy two-core machine. The copy has the same schema and Alembic version, and the kiosk's own
migration still runs on it (finding nothing left to do), so every test still goes through
`Store.migrate`. Only a store whose file does not exist yet is copied: a test that builds an
older schema on purpose keeps it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url

from kiosk.store.db import Store


def fresh_file(store: Store) -> Path | None:
    url = make_url(store.url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database)
    return None if path.exists() else path


def starting_from(template: Path) -> Callable[[Store], None]:
    """A `Store.migrate` that lays the migrated template down first where the file is new."""
    migrate = Store.migrate

    def migrate_from_template(store: Store) -> None:
        path = fresh_file(store)
        if path is not None:
            if not template.exists():
                maker = Store(f"sqlite:///{template}")
                migrate(maker)
                maker.dispose()
            shutil.copyfile(template, path)
        migrate(store)

    return migrate_from_template
