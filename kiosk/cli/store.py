"""``kiosk demo`` and ``kiosk migrate``: the store's contents and schema."""

from __future__ import annotations

import click

from kiosk.cli.common import one_line_errors, settings_or_exit


@click.command()
@click.option("--reset", is_flag=True, help="Replace everything in the store with the demo clinic.")
@one_line_errors
def demo(reset: bool) -> None:
    """Load the demo clinic (polis, doctors, shifts, participants, one phone booking)."""
    from kiosk.assets import assets_dir
    from kiosk.services import build_services
    from kiosk.services.demo import has_facility, load_demo

    settings = settings_or_exit()
    assets_dir()  # the demo clinic is an asset: say so before creating a store
    services = build_services(settings)
    services.store.migrate()
    if reset or not has_facility(services.store):
        load_demo(services.store, services.clock, settings.facility_code, settings.facility_name)
        click.echo(f"Demo clinic loaded into {settings.database_url}")
    else:
        click.echo("The store already holds a clinic; use --reset to replace it with the demo.")


@click.command()
@one_line_errors
def migrate() -> None:
    """Create or upgrade the database schema."""
    from kiosk.store import Store

    settings = settings_or_exit()
    Store(settings.database_url).migrate()
    click.echo(f"Store is up to date: {settings.database_url}")
