"""The faces: ``kiosk`` (the patient kiosk), ``kiosk desk``, ``kiosk board``, ``kiosk serve``."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, NoReturn

import click

from kiosk.cli.common import fail, log_to_file, one_line, one_line_errors, settings_or_exit

if TYPE_CHECKING:
    from kiosk.services import Services


@click.command("kiosk")
@one_line_errors
def run_kiosk() -> None:
    """Open the patient kiosk (full screen)."""
    from kiosk.app import KioskApp, Opening
    from kiosk.first_look import first_look, keep_private

    # Only what the welcome screen shows is read before it is up (issue 15: the start costs at
    # most twice a bare Textual app's); the settings, the store and the services load behind it.
    look = first_look()
    keep_private(look.data_dir)
    log_to_file(look, "kiosk")
    if _paints_on_a_terminal():
        app = KioskApp(Opening(look, _open_kiosk))
    else:
        # Without a terminal nobody sees a first screen early, and a fault at start must stay
        # the only line on stderr (where Textual would draw): open the clinic first.
        app = KioskApp(_opened_or_exit())
    app.run()
    if app.start_error is not None:
        _say_and_exit(app.start_error)
    # A crash exits non-zero, so the tty1 loop (`kiosk service install`) opens the kiosk again;
    # only the staff exit ends it cleanly.
    sys.exit(app.return_code or 0)


class PublishedExitPin(Exception):
    """The demo's exit PIN in force outside the demo clinic."""


def _open_kiosk() -> Services:
    """The settings in force, checked, then the clinic: run in a thread behind the first screen,
    so it raises (:func:`_say_and_exit` words it) rather than exits."""
    from kiosk.config import keep_private, load_settings
    from kiosk.services.demo import is_demo
    from kiosk.services.setup import open_clinic
    from kiosk.services.staff import DEMO_EXIT_PIN

    settings = load_settings()
    keep_private(settings)
    services = open_clinic(settings)
    if settings.staff_pin == DEMO_EXIT_PIN and not is_demo(services.store):
        # The demo's exit PIN is in the docs: a real clinic's kiosk would open for anyone.
        raise PublishedExitPin(
            "set KIOSK_STAFF_PIN (4-8 digits) before opening the kiosk: the default "
            "exit PIN is published and only the demo clinic may use it"
        )
    return services


def _opened_or_exit() -> Services:
    try:
        return _open_kiosk()
    except Exception as error:
        _say_and_exit(error)


def _say_and_exit(error: Exception) -> NoReturn:
    """The kiosk did not open: one line and the exit code, as every command says it."""
    from kiosk.config import SettingsError

    if isinstance(error, SettingsError | PublishedExitPin):
        fail(str(error))
    one_line(error)
    raise error


def _paints_on_a_terminal() -> bool:
    """Whether Textual draws on a terminal (it draws on stderr)."""
    return sys.__stderr__ is not None and sys.__stderr__.isatty()


@click.command()
@click.option(
    "--voice", default="id", show_default=True, help="espeak-ng voice for the announcements."
)
@click.option("--no-sound", is_flag=True, help="Show calls only; announce nothing.")
@one_line_errors
def board(voice: str, no_sound: bool) -> None:
    """Open the waiting-room board: called numbers, last calls, who waits (Ctrl+Q closes it).

    Calls are announced in Indonesian through espeak-ng when it is installed; without it the
    board is visual only.
    """
    from kiosk.board_app import BoardApp
    from kiosk.services.announcer import Announcer
    from kiosk.services.setup import open_clinic

    settings = settings_or_exit()
    log_to_file(settings, "board")
    services = open_clinic(settings)
    announcer = Announcer(voice=voice, enabled=not no_sound)
    if not no_sound and not announcer.enabled:
        logging.getLogger(__name__).info("espeak-ng not found: the board is visual only")
    BoardApp(services, announcer).run()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="TCP port."
)
@click.option(
    "--demo", is_flag=True, help="Accept the published demo password (this machine only)."
)
@one_line_errors
def serve(host: str, port: int, demo: bool) -> None:
    """Serve the clinic's web service for Mobile JKN (Antrean FKTP, faskes side) on the store."""
    from kiosk.config import Settings
    from kiosk.services.setup import open_clinic
    from kiosk.web.server import serve as run_server

    settings = settings_or_exit()
    demo_password = Settings.model_fields["ws_password"].default
    if settings.ws_password == demo_password:
        # The demo password is in the README: only a deliberate demo on loopback may use it.
        if host not in ("127.0.0.1", "localhost", "::1"):
            fail(
                f"set KIOSK_WS_PASSWORD before serving beyond this machine (--host {host}); "
                "the demo password is published"
            )
        if not demo:
            fail(
                "set KIOSK_WS_PASSWORD (the demo password is published), "
                "or try the demo on this machine with `kiosk serve --demo`"
            )
    log_to_file(settings, "serve")
    services = open_clinic(settings)
    click.echo(
        f"Mobile JKN web service on http://{host}:{port} (contract: /openapi.json); "
        f"log: {settings.log_dir / 'serve.log'}; Ctrl+C stops it"
    )
    run_server(services, host, port)


def _counter_name(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from kiosk.services.counter import COUNTER_MAX, counter_name
    from kiosk.services.errors import Refused

    if value is None:
        return None
    try:
        name = counter_name(value)
    except Refused:
        name = None
    if name is None or not name.isprintable():
        raise click.BadParameter(f'a name of 1 to {COUNTER_MAX} characters, e.g. "Ruang 2"')
    return name


@click.command()
@click.option(
    "--counter",
    callback=_counter_name,
    help='The counter or room this desk calls to, e.g. "Ruang 2" (default: Loket <poli>).',
)
@one_line_errors
def desk(counter: str | None) -> None:
    """Open the front desk: sign in, pick a poli, call and serve its queue."""
    from kiosk.desk_app import DeskApp
    from kiosk.services.setup import open_clinic

    settings = settings_or_exit()
    log_to_file(settings, "desk")
    DeskApp(open_clinic(settings), counter=counter).run()
