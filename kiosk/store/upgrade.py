"""Upgrading the store safely: a backup first, then the migrations, and the backup put back if
they fail, so an upgrade never leaves a clinic with half a schema.

SQLite is copied with the online backup API and restored by replacing the file. PostgreSQL runs
the migrations in one transaction (its DDL is transactional: a failure rolls everything back)
and is backed up with ``pg_dump`` beforehand when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from kiosk.store.backup import backup_sqlite
from kiosk.store.db import Store, StoreError
from kiosk.store.migrate import alembic_config


@dataclass(frozen=True)
class UpgradePlan:
    current: tuple[str, ...]
    target: tuple[str, ...]
    steps: int

    @property
    def up_to_date(self) -> bool:
        return set(self.current) == set(self.target)


@dataclass(frozen=True)
class UpgradeResult:
    plan: UpgradePlan
    backup: Path | None


class UpgradeFailed(Exception):
    """The migrations failed; ``restored`` says whether the store is back as it was."""

    def __init__(self, error: BaseException, backup: Path | None, restored: bool) -> None:
        super().__init__(str(error))
        self.error = error
        self.backup = backup
        self.restored = restored


def upgrade_plan(store: Store) -> UpgradePlan:
    script = ScriptDirectory.from_config(alembic_config())
    with store.engine.connect() as connection:
        current = tuple(sorted(MigrationContext.configure(connection).get_current_heads()))
    target = tuple(sorted(script.get_heads()))
    known = {rev.revision for rev in script.walk_revisions()}
    if any(rev not in known for rev in current):
        raise StoreError(
            f"the database is from a newer kiosk version (schema {current[0]}); "
            "install that version or newer"
        )
    done: set[str] = set()
    for rev in current:
        done.update(r.revision for r in script.iterate_revisions(rev, "base"))
    steps = sum(1 for rev in script.walk_revisions() if rev.revision not in done)
    return UpgradePlan(current, target, steps)


def _sqlite_file(store: Store) -> Path | None:
    database = make_url(store.url).database
    if not store.is_sqlite or not database or database == ":memory:":
        return None
    return Path(database)


def _restore_sqlite(backup: Path, target: Path) -> None:
    """Put the copy back in place of the store (its -wal and -shm belong to the failed one)."""
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    fd, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    shutil.copyfile(backup, partial)
    os.replace(partial, target)


def pg_dump(store: Store, target: Path) -> None:
    tool = shutil.which("pg_dump")
    if tool is None:
        raise StoreError(
            "pg_dump is not installed (Debian: apt-get install postgresql-client); "
            "back the database up by hand first"
        )
    url = make_url(store.url).set(drivername="postgresql")
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [tool, "--format=custom", "--file", str(target), url.render_as_string(hide_password=False)],
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        first = (done.stderr.strip().splitlines() or ["?"])[0]
        raise StoreError(f"pg_dump failed: {first}")


def unused_name(stem: Path, suffix: str) -> Path:
    """A name no earlier backup has (two attempts within a second get -2, -3...)."""
    candidate, n = stem.with_name(stem.name + suffix), 1
    while candidate.exists():
        n += 1
        candidate = stem.with_name(f"{stem.name}-{n}{suffix}")
    return candidate


def upgrade_with_backup(
    store: Store,
    backup_folder: Path,
    now: datetime,
    migrate: Callable[[], None] | None = None,
) -> UpgradeResult:
    """Back up, migrate, and on failure restore. Nothing to do: no backup is taken."""
    plan = upgrade_plan(store)
    if plan.up_to_date:
        return UpgradeResult(plan, None)
    run = migrate or store.migrate
    if not plan.current:  # a new, empty store: nothing to keep
        run()
        return UpgradeResult(plan, None)
    before = "-".join(plan.current) or "empty"
    backup = backup_folder / f"kiosk-{now:%Y%m%d-%H%M%S}-before-{before}"
    file = _sqlite_file(store)
    backup = unused_name(backup, ".db" if file is not None else ".dump")
    if file is not None:
        backup_sqlite(store, backup)
    else:
        pg_dump(store, backup)
    try:
        run()
    except Exception as error:
        store.dispose()
        if file is None:
            # One transaction: PostgreSQL rolled it all back; the dump is there besides.
            raise UpgradeFailed(error, backup, restored=True) from error
        try:
            _restore_sqlite(backup, file)
        except OSError:
            raise UpgradeFailed(error, backup, restored=False) from error
        raise UpgradeFailed(error, backup, restored=True) from error
    return UpgradeResult(plan, backup)
