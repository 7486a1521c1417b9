"""``kiosk staff add | list | pin | disable | enable``: who may sign in at the desk."""

from __future__ import annotations

from typing import Any

import click

from kiosk.cli.common import one_line_errors, refused, settings_or_exit


@click.group()
def staff() -> None:
    """Desk staff accounts: add, list, pin, disable, enable."""


def _staff_service() -> Any:
    from kiosk.services.setup import open_clinic
    from kiosk.services.staff import StaffService

    services = open_clinic(settings_or_exit())
    return StaffService(services.store, services.clock)


def _change(action: str, *args: str) -> Any:
    """The service's ``action``; its refusal is the command's one-line error."""
    from kiosk.services.errors import Refused

    try:
        return getattr(_staff_service(), action)(*args)
    except Refused as error:
        refused(error, "en")


@staff.command("add")
@click.argument("name")
@click.option("--pin", required=True, help="4 to 8 digits.")
@click.option("--role", type=click.Choice(["desk", "admin"]), default="desk", show_default=True)
@one_line_errors
def staff_add(name: str, pin: str, role: str) -> None:
    """Add a staff member who can sign in at the desk."""
    member = _change("add", name, pin, role)
    click.echo(f"Added {member.name} ({member.role})")


@staff.command("list")
@one_line_errors
def staff_list() -> None:
    """List staff members."""
    members = _staff_service().list()
    if not members:
        click.echo('No staff yet. Add one with: kiosk staff add "Budi Santoso" --pin 4826')
    for member in members:
        state = "active" if member.active else "disabled"
        click.echo(f"{member.name:<40} {member.role:<6} {state}")


@staff.command("pin")
@click.argument("name")
@click.option("--pin", required=True, help="The new PIN: 4 to 8 digits.")
@one_line_errors
def staff_pin(name: str, pin: str) -> None:
    """Set a new PIN for a staff member who forgot theirs (it also ends a lock)."""
    member = _change("set_pin", name, pin)
    click.echo(f"New PIN set for {member.name}")


@staff.command("disable")
@click.argument("name")
@one_line_errors
def staff_disable(name: str) -> None:
    """Disable a staff member (they can no longer sign in)."""
    member = _change("disable", name)
    click.echo(f"Disabled {member.name}")


@staff.command("enable")
@click.argument("name")
@one_line_errors
def staff_enable(name: str) -> None:
    """Enable a disabled staff member again."""
    member = _change("enable", name)
    click.echo(f"Enabled {member.name}")
