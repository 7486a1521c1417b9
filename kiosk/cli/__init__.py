"""The ``kiosk`` command: one module per command group, registered on one click group here.

``kiosk`` with no command opens the patient kiosk. Every command loads its settings, sets up its
log and says an operator's fault in one line through :mod:`kiosk.cli.common`.

- faces.py: ``kiosk`` (the patient kiosk), ``desk``, ``board``, ``serve``
- store.py: ``demo``, ``migrate``; upgrade.py: ``upgrade-check``; maintenance.py: ``purge``,
  ``backup``
- settings.py: ``settings`` (``--init`` writes kiosk.toml); check.py: ``check``
- staff.py: ``staff``; board_text.py: ``board-text``; report.py: ``report``
- clinic.py: ``clinic load|export``; schedule.py: ``schedule pull|diff|adopt``
- service.py: ``service install|remove|nightly-backup``
- sync.py: ``sync`` (the outbox pump); central.py: ``central`` (the reference central)
"""

from __future__ import annotations

import click

from kiosk.cli import (
    board_text,
    central,
    check,
    clinic,
    faces,
    maintenance,
    report,
    schedule,
    service,
    settings,
    staff,
    store,
    sync,
    upgrade,
)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="antrean-kiosk")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Antrean Kiosk: the front-door queue kiosk of a puskesmas.

    With no command, opens the patient kiosk.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(faces.run_kiosk)


for command in (
    faces.run_kiosk,
    faces.desk,
    faces.board,
    faces.serve,
    store.demo,
    store.migrate,
    upgrade.upgrade_check,
    maintenance.purge,
    maintenance.backup,
    settings.settings,
    check.check,
    staff.staff,
    board_text.board_text,
    report.report,
    clinic.clinic,
    schedule.schedule,
    service.service,
    sync.sync_command,
    central.central,
):
    cli.add_command(command)


def main() -> None:
    cli()
