"""Alembic, driven from code: the kiosk applies its migrations at every start.

Below the sessions (db.py calls :func:`upgrade`); it imports nothing of them.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from kiosk.store.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the store up to this kiosk's schema; refuse one written by a newer kiosk."""
    config = alembic_config()
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    with engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
        unknown = [rev for rev in current if rev not in known]
        if unknown:
            # Downgrading someone else's data is not ours to do: stop, touch nothing.
            raise StoreError(
                f"the database is from a newer kiosk version (schema {unknown[0]}); "
                "install that version or newer"
            )
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
