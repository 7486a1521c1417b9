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

A command's module is imported only when that command runs (:class:`LazyGroup`): ``kiosk`` opens
the patient kiosk without loading the sync pump, the central or the report, and ``kiosk --help``
lists every command from :data:`COMMANDS` without importing any of them.
"""

from __future__ import annotations

import importlib

import click

# name: (module in kiosk.cli, the click command in it, its help's first sentence for --help).
# tests/core/test_cli_lazy.py checks each line against the command it names.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "backup": (
        "maintenance",
        "backup",
        "Copy the SQLite store into TARGET while the kiosk keeps running (restore: README).",
    ),
    "board": (
        "faces",
        "board",
        "Open the waiting-room board: called numbers, last calls, who waits (Ctrl+Q closes it).",
    ),
    "board-text": (
        "board_text",
        "board_text",
        'Set the running text on both boards, e.g. kiosk board-text "Poli Gigi tutup hari ini".',
    ),
    "central": (
        "central",
        "central",
        "Run the reference central (BPJS Antrean FKTP + PCare lookup) on its own database.",
    ),
    "check": (
        "check",
        "check",
        "Check that this PC is ready to open: store, facility, secrets, printer, central, clock, "
        "voice and disk space; each ✗ comes with its fix.",
    ),
    "clinic": (
        "clinic",
        "clinic",
        "The clinic's own polis, doctors and weekly shifts: load from a file, export to one.",
    ),
    "demo": (
        "store",
        "demo",
        "Load the demo clinic (polis, doctors, shifts, participants, one phone booking).",
    ),
    "desk": (
        "faces",
        "desk",
        "Open the front desk: sign in, pick a poli, call and serve its queue.",
    ),
    "kiosk": ("faces", "run_kiosk", "Open the patient kiosk (full screen)."),
    "migrate": ("store", "migrate", "Create or upgrade the database schema."),
    "purge": (
        "maintenance",
        "purge",
        "Remove complaints and cached participant details older than the retention period.",
    ),
    "report": (
        "report",
        "report",
        "The day's report, in the kiosk's language (KIOSK_LANG; --lang en for English): per poli "
        "the patients (counted where they were served last), those moved in / out, wait and "
        "service times (mean / 90th percentile, whole minutes), no-shows and cancellations; "
        "arrivals per hour; offline periods.",
    ),
    "schedule": (
        "schedule",
        "schedule",
        "BPJS's HFIS schedule (ref/poli, ref/dokter) for today and tomorrow: pull, diff, adopt.",
    ),
    "serve": (
        "faces",
        "serve",
        "Serve the clinic's web service for Mobile JKN (Antrean FKTP, faskes side) on the store.",
    ),
    "service": (
        "service",
        "service",
        "Run the clinic every day under systemd: install, remove, the nightly backup.",
    ),
    "settings": (
        "settings",
        "settings",
        "Show the settings in force: each KIOSK_* value (secrets masked, empty ones marked) and "
        "where it comes from: default, environment, or the settings file.",
    ),
    "staff": ("staff", "staff", "Desk staff accounts: add, list, pin, disable, enable."),
    "sync": (
        "sync",
        "sync_command",
        "Tell the central (BPJS) what the clinic recorded: the outbox pump.",
    ),
    "upgrade-check": (
        "upgrade",
        "upgrade_check",
        "Back up the store, bring its schema up to this version, restore the backup on failure.",
    ),
}


def _short_help(text: str, limit: int) -> str:
    """``text`` cut to one line as click cuts a command's help for the list."""
    return click.Command(None, help=text).get_short_help_str(limit)


def load_command(name: str) -> click.Command:
    """The command ``name``, its module imported now."""
    module, attribute, _help = COMMANDS[name]
    command = getattr(importlib.import_module(f"kiosk.cli.{module}"), attribute)
    assert isinstance(command, click.Command)
    return command


class LazyGroup(click.Group):
    """A click group whose commands are imported when they run; ``--help`` reads
    :data:`COMMANDS` instead, so listing them loads nothing."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.add_command(load_command(cmd_name), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [
            (name, _short_help(COMMANDS[name][2], limit))
            if name in COMMANDS
            else (name, self.commands[name].get_short_help_str(limit))
            for name in names
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(package_name="antrean-kiosk")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Antrean Kiosk: the front-door queue kiosk of a puskesmas.

    With no command, opens the patient kiosk.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(load_command("kiosk"))


def main() -> None:
    cli()
