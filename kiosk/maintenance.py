"""Maintenance commands: ``kiosk purge`` (retention) and ``kiosk backup`` (a copy of the store).

Registered on the CLI group by :func:`add_commands`, which gets the CLI's settings loader and its
one-line error guard, so these commands fail as the others do.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from sqlalchemy.engine import make_url

from kiosk.config import Settings


def add_commands(
    group: click.Group,
    load: Callable[[], Settings],
    guard: Callable[[Callable[..., Any]], Callable[..., Any]],
    logs: Callable[[Settings, str], None],
) -> None:
    @group.command()
    @click.option(
        "--older-than",
        "days",
        type=click.IntRange(1, 36500),
        default=None,
        help="Days to keep (default: KIOSK_RETENTION_DAYS).",
    )
    @guard
    def purge(days: int | None) -> None:
        """Remove complaints and cached participant details older than the retention period.

        Tickets stay (number, poli, date, status: the counts reports need); each one changed
        gets a "purged" event in the audit.
        """
        from kiosk.services.retention import RetentionService
        from kiosk.services.setup import open_clinic

        settings = load()
        logs(settings, "maintenance")
        services = open_clinic(settings)
        kept = days if days is not None else settings.retention_days
        report = RetentionService(services.store, services.clock).purge(kept)
        click.echo(
            f"Purged before {report.cutoff:%Y-%m-%d} ({kept} days kept): "
            f"{report.complaints} tickets lost their complaint or phone number, "
            f"{report.participants_deleted} participants deleted, "
            f"{report.participants_stripped} reduced to card and medical record number"
        )

    @group.command()
    @click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
    @guard
    def backup(target: Path) -> None:
        """Copy the SQLite store into TARGET while the kiosk keeps running (restore: README)."""
        from kiosk.store import Store
        from kiosk.store.backup import backup_sqlite

        settings = load()
        url = make_url(settings.database_url)
        if url.get_backend_name() != "sqlite":
            safe = url.render_as_string(hide_password=True)
            click.echo(
                f"kiosk: the store is PostgreSQL; back it up with pg_dump, e.g. "
                f"pg_dump --format=custom --file {target} '{safe.replace('+psycopg', '')}'",
                err=True,
            )
            sys.exit(2)
        store = Store(settings.database_url)
        try:
            size = backup_sqlite(store, target)
        finally:
            store.dispose()
        click.echo(f"Backup of {url.database} written to {target} ({size:,} bytes)")
