"""Alembic, driven from code: the kiosk applies its migrations at every start.

Below the sessions (db.py calls :func:`upgrade`); it imports nothing of them. A store already at
this kiosk's head is told apart without Alembic (its import is most of a second on the kiosk's
two cores, paid before the first screen): the head is read from the migration files' own
``revision`` / ``down_revision`` lines, the store's from ``alembic_version``; anything else
(an older, newer or unreadable store, files we cannot read) goes through Alembic as before.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from kiosk.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"^revision(?:\s*:[^=]*)?\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]*)?\s*=(.*)$", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _head_from_files() -> str | None:
    """This kiosk's one head revision, read from the files; None when unsure."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found = _REVISION.findall(source)
        down = _DOWN.findall(source)
        if len(found) != 1 or len(down) != 1:
            return None
        revisions.add(found[0])
        downs.update(re.findall(r"[\"']([^\"']+)[\"']", down[0]))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    head = _head_from_files()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            current = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:  # no version table yet, or a store Alembic should look at
        return False
    return [row[0] for row in current] == [head]


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the store up to this kiosk's schema; refuse one written by a newer kiosk."""
    if revision == "head" and _at_head(engine):
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

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
