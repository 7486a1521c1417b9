"""``kiosk sync``: the outbox pump on its own, a one-shot drain, and what waits or was refused."""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType
from typing import TYPE_CHECKING

import click

from kiosk.cli.common import fail, log_to_file, settings_or_exit
from kiosk.config import Settings
from kiosk.store import Store
from kiosk.store.db import StoreError
from kiosk.sync.outbox import requeue_parked
from kiosk.sync.pump import OutboxPump
from kiosk.sync.status import sync_status

if TYPE_CHECKING:
    from kiosk.services import Services


def _open_services(settings: Settings) -> Services:
    from kiosk.services.setup import open_clinic  # the one factory every face starts from

    try:
        return open_clinic(settings, setup=False)
    except StoreError as error:
        fail(str(error), 3)


@click.command("sync")
@click.option(
    "--once", is_flag=True, help="Send what can be sent now, then exit (1: items remain)."
)
@click.option("--status", "show_status", is_flag=True, help="Show what waits and what was refused.")
@click.option("--retry-parked", is_flag=True, help="Send the items the central refused again.")
def sync_command(once: bool, show_status: bool, retry_parked: bool) -> None:
    """Tell the central (BPJS) what the clinic recorded: the outbox pump.

    Runs until Ctrl+C; --once drains and exits with 0 when nothing waits or is parked.
    """
    settings = settings_or_exit()
    services = _open_services(settings)
    store = services.store
    if retry_parked:
        click.echo(f"{requeue_parked(store)} parked item(s) will be sent again")
        if not once:
            return
    if show_status:
        _print_status(store, settings)
        return
    client = services.sync.central
    if client is None:
        fail(
            "no central configured: set KIOSK_CENTRAL_ANTREAN_URL, "
            "KIOSK_CENTRAL_PCARE_URL and KIOSK_CENTRAL_CONS_ID (the clinic runs offline-only)"
        )
    log_to_file(settings, "sync")
    with client:
        pump = services.sync.pump()
        if once:
            sys.exit(0 if _drain(store, pump) else 1)
        _run(pump, settings)


def _drain(store: Store, pump: OutboxPump) -> bool:
    waiting = sync_status(store, with_parked=False).waiting
    if waiting == 0:
        everything = pump.drain()
    else:
        with click.progressbar(length=waiting, label="Sending to the central") as bar:
            everything = pump.drain(on_sent=bar.update)
    status = sync_status(store, with_parked=False)
    click.echo(
        f"sent {status.sent}, waiting {status.waiting}, parked {status.parked}"
        + (
            ""
            if status.reachable
            else f" (central {'refused the credentials' if status.denied else 'unreachable'}: "
            f"{status.last_error or '?'})"
        )
    )
    return everything


def _run(pump: OutboxPump, settings: Settings) -> None:
    stop = threading.Event()

    def ask_to_stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()  # the item being sent is finished and marked first

    signal.signal(signal.SIGINT, ask_to_stop)
    signal.signal(signal.SIGTERM, ask_to_stop)
    click.echo(
        f"Sending the outbox to {settings.central_antrean_url}; "
        f"log: {settings.log_dir / 'sync.log'}; Ctrl+C stops"
    )
    worker = threading.Thread(target=pump.run, args=(stop,), name="outbox-pump")
    worker.start()
    while worker.is_alive():
        worker.join(0.5)
    click.echo("stopped")


def _print_status(store: Store, settings: Settings) -> None:
    status = sync_status(store)
    # Offline-only has no link to be up or down: say that, not "unreachable" beside it.
    if not settings.central_configured:
        link = "not configured (offline-only): the outbox keeps everything until one is set"
    elif status.reachable:
        link = f"configured, reachable ({settings.central_antrean_url})"
    elif status.denied:  # a setting to fix, not a cable
        link = (
            f"configured, credentials refused ({status.last_error or '401'}): "
            "check the KIOSK_CENTRAL_* settings"
        )
    else:
        reason = f": {status.last_error}" if status.last_error else ""
        link = f"configured, unreachable{reason} ({settings.central_antrean_url})"
    # Every time a person reads is in the clinic's time zone, with the zone named.
    contact = (
        f"{status.last_contact_at.astimezone(settings.zone):%Y-%m-%d %H:%M:%S} {settings.timezone}"
        if status.last_contact_at
        else "never"
    )
    click.echo(f"central:      {link}")
    click.echo(f"last contact: {contact}")
    click.echo(f"waiting:      {status.waiting}")
    click.echo(f"parked:       {status.parked}")
    click.echo(f"sent:         {status.sent}")
    for item in status.parked_items:
        click.echo(
            f"  #{item.id} {item.kind} {item.number or '-'} card {item.masked_card}: {item.message}"
        )
    if status.parked > len(status.parked_items):
        click.echo(f"  ... and {status.parked - len(status.parked_items)} more")
