"""`kiosk upgrade-check`: a backup first, the migrations, the backup put back when they fail."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import func, select, text

import kiosk.store.migrate as migrate_module
from kiosk.cli import cli
from kiosk.store import Store
from kiosk.store.migrate import upgrade
from kiosk.store.models import PoliRow

OLD = "0003"  # a store from before the report and sync migrations


def release_head() -> str:
    from alembic.script import ScriptDirectory

    (head,) = ScriptDirectory.from_config(migrate_module.alembic_config()).get_heads()
    return str(head)


def steps_after_old() -> int:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate_module.alembic_config())
    return len(list(script.iterate_revisions(release_head(), OLD)))


def heads(url: str) -> set[str]:
    store = Store(url)
    try:
        with store.engine.connect() as connection:
            return set(MigrationContext.configure(connection).get_current_heads())
    finally:
        store.dispose()


def polis(url: str) -> int:
    store = Store(url)
    try:
        with store.read() as session:
            return int(session.scalar(select(func.count()).select_from(PoliRow)) or 0)
    finally:
        store.dispose()


@pytest.fixture
def old_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store as an older kiosk left it: its schema at 0003, five polis in it."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    url = f"sqlite:///{data / 'kiosk.db'}"
    store = Store(url)
    try:
        upgrade(store.engine, OLD)
        with store.engine.begin() as connection:
            for n, name in enumerate(["Umum", "Gigi", "KIA", "Lansia", "Farmasi"]):
                connection.execute(
                    text(
                        "INSERT INTO poli (code, name, prefix, sort_order, active) "
                        "VALUES (:code, :name, :prefix, :n, 1)"
                    ),
                    {"code": f"00{n + 1}", "name": name, "prefix": "ABCDF"[n], "n": n},
                )
    finally:
        store.dispose()
    assert heads(url) == {OLD}
    return url


def test_an_old_store_is_backed_up_then_upgraded(old_store: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["upgrade-check", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (
        f"The store is upgraded ({steps_after_old()} steps, schema {release_head()})"
        in result.output
    )
    (backup,) = (tmp_path / "data" / "backups").glob("kiosk-*-before-0003.db")
    assert str(backup) in result.output
    assert heads(old_store) == {release_head()}
    assert heads(f"sqlite:///{backup}") == {OLD}  # the copy is the store as it was
    assert polis(f"sqlite:///{backup}") == polis(old_store) == 5

    again = CliRunner().invoke(cli, ["upgrade-check"])
    assert again.exit_code == 0 and "sudah mutakhir" in again.output
    assert len(list((tmp_path / "data" / "backups").iterdir())) == 1  # no needless copy


BROKEN = '''"""A migration that fails half-way (a test's)."""
import sqlalchemy as sa
from alembic import op

revision = "0099broken"
down_revision = "HEAD"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("poli", sa.Column("half_done", sa.Integer(), nullable=True))
    op.execute("UPDATE poli SET name = 'RUSAK'")
    op.execute("SELECT * FROM no_such_table")


def downgrade() -> None:
    pass
'''


def test_a_failed_upgrade_puts_the_backup_back_and_says_so(
    old_store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "migrations"
    original = migrate_module.MIGRATIONS
    shutil.copytree(migrate_module.MIGRATIONS, broken)
    broken_script = BROKEN.replace("HEAD", release_head())
    (broken / "versions" / "0099_broken.py").write_text(broken_script, encoding="utf-8")
    monkeypatch.setattr(migrate_module, "MIGRATIONS", broken)

    result = CliRunner().invoke(cli, ["upgrade-check"])
    assert result.exit_code == 3
    assert "pembaruan gagal (OperationalError" in result.output
    assert "dikembalikan seperti semula" in result.output
    assert "Traceback" not in result.output
    assert heads(old_store) == {OLD}
    store = Store(old_store)
    try:
        with store.read() as session:
            names = set(session.scalars(select(PoliRow.name)).all())
    finally:
        store.dispose()
    assert "RUSAK" not in names and "Umum" in names
    # The release's own migrations still go through afterwards.
    monkeypatch.setattr(migrate_module, "MIGRATIONS", original)
    assert CliRunner().invoke(cli, ["upgrade-check"]).exit_code == 0
    assert heads(old_store) == {release_head()}


def revisions_since_old() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate_module.alembic_config())
    chain = [s.revision for s in script.iterate_revisions(release_head(), OLD)]
    return [OLD, *(str(r) for r in reversed(chain) if r != release_head())]


def _filler(column: Any) -> object:
    """A value of the column's type, for a NOT NULL column with no default."""
    from datetime import UTC, date, datetime, time

    python_type = column.type.python_type
    if python_type is bool:
        return False
    if python_type is int:
        return 1
    if python_type is datetime:
        return datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    if python_type is date:
        return date(2026, 11, 23)
    if python_type is time:
        return time(8, 0)
    if python_type is dict:
        return "{}"
    return "A"


@pytest.mark.parametrize("revision", revisions_since_old())
def test_a_used_store_upgrades_with_its_tickets(tmp_path: Path, revision: str) -> None:
    """A clinic upgrades mid-week: its tickets point at its polis and participants, its outbox and
    events at its tickets, so no migration may copy and drop a table they reference (SQLite's
    batch mode does, and the foreign keys refuse)."""
    from sqlalchemy import MetaData, insert

    store = Store(f"sqlite:///{tmp_path / 'kiosk.db'}")
    try:
        upgrade(store.engine, revision)
        tables = MetaData()
        tables.reflect(store.engine)
        keys = {
            "poli": {"code": "001"},
            "participant": {"id": 1, "card_number": "0001234567890", "nik": None},
            "ticket": {"id": 1, "poli_code": "001", "participant_id": 1},
            "outbox": {"ticket_id": 1},
            "ticket_event": {"ticket_id": 1},
        }
        with store.engine.begin() as connection:
            for name, known in keys.items():
                table = tables.tables[name]
                values = {
                    c.name: _filler(c)
                    for c in table.columns
                    if not c.nullable and c.server_default is None and not c.primary_key
                }
                connection.execute(insert(table).values(values | known))
        upgrade(store.engine)
        with store.engine.connect() as connection:
            for name in keys:
                assert connection.scalar(text(f"SELECT count(*) FROM {name}")) == 1, name
        assert heads(store.url) == {release_head()}
    finally:
        store.dispose()
