"""Maintenance commands: ``kiosk purge`` (retention) and ``kiosk backup`` (a copy of the store)."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy.engine import make_url

from kiosk.cli.common import fail, log_to_file, one_line_errors, settings_or_exit


@click.command()
@click.option(
    "--older-than",
    "days",
    type=click.IntRange(1, 36500),
    default=None,
    help="Days to keep (default: KIOSK_RETENTION_DAYS).",
)
@one_line_errors
def purge(days: int | None) -> None:
    """Remove complaints and cached participant details older than the retention period.

    Tickets stay (number, poli, date, status: the counts reports need); each one changed
    gets a "purged" event in the audit.
    """
    from kiosk.services.retention import RetentionService
    from kiosk.services.setup import open_clinic

    settings = settings_or_exit()
    log_to_file(settings, "maintenance")
    services = open_clinic(settings)
    kept = days if days is not None else settings.retention_days
    report = RetentionService(services.store, services.clock).purge(kept)
    click.echo(
        f"Purged before {report.cutoff:%Y-%m-%d} ({kept} days kept): "
        f"{report.complaints} tickets lost their complaint or phone number, "
        f"{report.participants_deleted} participants deleted, "
        f"{report.participants_stripped} reduced to card and medical record number"
    )


@click.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@one_line_errors
def backup(target: Path) -> None:
    """Copy the SQLite store into TARGET while the kiosk keeps running (restore: README)."""
    from kiosk.store import Store
    from kiosk.store.backup import backup_sqlite

    settings = settings_or_exit()
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite":
        safe = url.render_as_string(hide_password=True)
        fail(
            f"the store is PostgreSQL; back it up with pg_dump, e.g. "
            f"pg_dump --format=custom --file {target} '{safe.replace('+psycopg', '')}'"
        )
    store = Store(settings.database_url)
    try:
        size = backup_sqlite(store, target)
    finally:
        store.dispose()
    click.echo(f"Backup of {url.database} written to {target} ({size:,} bytes)")
