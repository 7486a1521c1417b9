"""Entry points. ``kiosk`` with no command opens the patient kiosk."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn, TypeVar

import click

from kiosk.config import Settings, SettingsError, keep_private, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def _settings() -> Settings:
    try:
        settings = load_settings()
    except SettingsError as error:
        click.echo(f"kiosk: {error}", err=True)
        sys.exit(2)
    keep_private(settings)
    return settings


def _setup_logging(settings: Settings, name: str) -> None:
    """Log to a rotating file in the data dir (never to the kiosk screen)."""
    settings.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        settings.log_dir / f"{name}.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    from kiosk.logsink import journal_handlers  # under systemd: the journal too

    logging.basicConfig(level=logging.INFO, handlers=[handler, *journal_handlers()], force=True)


def _one_line_errors(command: F) -> F:
    """An operator sees one clear line for a store problem, not a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        from kiosk.assets import AssetsMissing
        from kiosk.services.setup import ClinicMismatch
        from kiosk.store.db import StoreError

        try:
            return command(*args, **kwargs)
        except (ClinicMismatch, AssetsMissing) as error:
            click.echo(f"kiosk: {error}", err=True)
            sys.exit(2)
        except StoreError as error:
            click.echo(f"kiosk: {error}", err=True)
            sys.exit(3)
        except SQLAlchemyError as error:
            click.echo(
                f"kiosk: the database cannot be used: {error.__class__.__name__}: "
                f"{str(error).splitlines()[0]}",
                err=True,
            )
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="antrean-kiosk")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Antrean Kiosk: the front-door queue kiosk of a puskesmas.

    With no command, opens the patient kiosk.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(run_kiosk)


@cli.command("kiosk")
@_one_line_errors
def run_kiosk() -> None:
    """Open the patient kiosk (full screen)."""
    from kiosk.app import KioskApp
    from kiosk.services.demo import is_demo
    from kiosk.services.setup import open_clinic
    from kiosk.services.staff import DEMO_EXIT_PIN

    settings = _settings()
    _setup_logging(settings, "kiosk")
    services = open_clinic(settings)
    if settings.staff_pin == DEMO_EXIT_PIN and not is_demo(services.store):
        # The demo's exit PIN is in the docs: a real clinic's kiosk would open for anyone.
        click.echo(
            "kiosk: set KIOSK_STAFF_PIN (4-8 digits) before opening the kiosk: the default "
            "exit PIN is published and only the demo clinic may use it",
            err=True,
        )
        sys.exit(2)
    app = KioskApp(services)
    app.run()
    # A crash exits non-zero, so the tty1 loop (`kiosk service install`) opens the kiosk again;
    # only the staff exit ends it cleanly.
    sys.exit(app.return_code or 0)


@cli.command()
@click.option(
    "--voice", default="id", show_default=True, help="espeak-ng voice for the announcements."
)
@click.option("--no-sound", is_flag=True, help="Show calls only; announce nothing.")
@_one_line_errors
def board(voice: str, no_sound: bool) -> None:
    """Open the waiting-room board: called numbers, last calls, who waits (Ctrl+Q closes it).

    Calls are announced in Indonesian through espeak-ng when it is installed; without it the
    board is visual only.
    """
    from kiosk.board_app import BoardApp
    from kiosk.services.announcer import Announcer
    from kiosk.services.setup import open_clinic

    settings = _settings()
    _setup_logging(settings, "board")
    services = open_clinic(settings)
    announcer = Announcer(voice=voice, enabled=not no_sound)
    if not no_sound and not announcer.enabled:
        logging.getLogger(__name__).info("espeak-ng not found: the board is visual only")
    BoardApp(services, announcer).run()


@cli.command()
@click.option("--reset", is_flag=True, help="Replace everything in the store with the demo clinic.")
@_one_line_errors
def demo(reset: bool) -> None:
    """Load the demo clinic (polis, doctors, shifts, participants, one phone booking)."""
    from kiosk.assets import assets_dir
    from kiosk.services import build_services
    from kiosk.services.demo import has_facility, load_demo

    settings = _settings()
    assets_dir()  # the demo clinic is an asset: say so before creating a store
    services = build_services(settings)
    services.store.migrate()
    if reset or not has_facility(services.store):
        load_demo(services.store, services.clock, settings.facility_code, settings.facility_name)
        click.echo(f"Demo clinic loaded into {settings.database_url}")
    else:
        click.echo("The store already holds a clinic; use --reset to replace it with the demo.")


@cli.command()
@_one_line_errors
def migrate() -> None:
    """Create or upgrade the database schema."""
    from kiosk.store import Store

    settings = _settings()
    Store(settings.database_url).migrate()
    click.echo(f"Store is up to date: {settings.database_url}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="TCP port."
)
@click.option(
    "--demo", is_flag=True, help="Accept the published demo password (this machine only)."
)
@_one_line_errors
def serve(host: str, port: int, demo: bool) -> None:
    """Serve the clinic's web service for Mobile JKN (Antrean FKTP, faskes side) on the store."""
    from kiosk.services.setup import open_clinic
    from kiosk.web.server import serve as run_server

    settings = _settings()
    demo_password = Settings.model_fields["ws_password"].default
    if settings.ws_password == demo_password:
        # The demo password is in the README: only a deliberate demo on loopback may use it.
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(
                f"kiosk: set KIOSK_WS_PASSWORD before serving beyond this machine (--host {host}); "
                "the demo password is published",
                err=True,
            )
            sys.exit(2)
        if not demo:
            click.echo(
                "kiosk: set KIOSK_WS_PASSWORD (the demo password is published), "
                "or try the demo on this machine with `kiosk serve --demo`",
                err=True,
            )
            sys.exit(2)
    _setup_logging(settings, "serve")
    services = open_clinic(settings)
    click.echo(
        f"Mobile JKN web service on http://{host}:{port} (contract: /openapi.json); "
        f"log: {settings.log_dir / 'serve.log'}; Ctrl+C stops it"
    )
    run_server(services, host, port)


@cli.command()
@click.option(
    "--init", is_flag=True, help="Write a commented kiosk.toml to fill in (asks before replacing)."
)
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", help="With --init.")
def settings(init: bool, lang: str) -> None:
    """Show the settings in force: each KIOSK_* value (secrets masked, empty ones marked) and
    where it comes from: default, environment, or the settings file."""
    from kiosk.config import config_file, describe_settings

    if init:
        from kiosk.cli_settings import init_settings_file

        init_settings_file(lang)
        return
    current = _settings()
    shown = describe_settings(current)
    click.echo(f"settings file: {config_file()}" + ("" if config_file().exists() else " (none)"))
    width = max(len(s.variable) for s in shown)
    for setting in shown:
        click.echo(f"{setting.variable:<{width}}  {setting.value}  [{setting.source}]")
    for setting in shown:
        if setting.demo:
            click.echo(
                f"WARNING: {setting.variable} is the demo value everyone can read in the README; "
                "set your own before real use.",
                err=True,
            )


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


@cli.command()
@click.option(
    "--counter",
    callback=_counter_name,
    help='The counter or room this desk calls to, e.g. "Ruang 2" (default: Loket <poli>).',
)
@_one_line_errors
def desk(counter: str | None) -> None:
    """Open the front desk: sign in, pick a poli, call and serve its queue."""
    from kiosk.desk_app import DeskApp
    from kiosk.services.setup import open_clinic

    settings = _settings()
    _setup_logging(settings, "desk")
    DeskApp(open_clinic(settings), counter=counter).run()


@cli.command("board-text")
@click.argument("text", required=False)
@click.option("--clear", is_flag=True, help="Take the running text off the boards.")
@_one_line_errors
def board_text(text: str | None, clear: bool) -> None:
    """Set the running text on both boards, e.g. kiosk board-text "Poli Gigi tutup hari ini"."""
    import getpass

    from kiosk.i18n import t
    from kiosk.services.board_text import BoardTextService
    from kiosk.services.errors import Refused
    from kiosk.services.setup import open_clinic

    settings = _settings()
    services = open_clinic(settings)
    lang = settings.lang
    texts = BoardTextService(services.store, services.clock)
    if clear == (text is not None):
        # Neither or both: say what each does, and show what the boards show now.
        click.echo(f"kiosk: {t('board_text.cli_usage', lang)}", err=True)
        click.echo(t("board_text.cli_now", lang, text=texts.current() or "-"), err=True)
        sys.exit(2)
    actor = f"cli:{getpass.getuser()}"
    if clear:
        texts.clear(actor)
        click.echo(t("board_text.cleared", lang))
        return
    try:
        shown = texts.set(text or "", actor)
    except Refused as error:
        click.echo(f"kiosk: {t(error.key, lang, **error.params)}", err=True)
        sys.exit(2)
    click.echo(t("board_text.set", lang, text=shown))


@cli.group()
def staff() -> None:
    """Desk staff accounts: add, list, disable."""


def _staff_service() -> Any:
    from kiosk.services.setup import open_clinic
    from kiosk.services.staff import StaffService

    services = open_clinic(_settings())
    return StaffService(services.store, services.clock)


def _refused_line(error: Exception) -> NoReturn:
    from kiosk.i18n import t
    from kiosk.services.errors import Refused

    assert isinstance(error, Refused)
    click.echo(f"kiosk: {t(error.key, 'en', **error.params)}", err=True)
    sys.exit(2)


@staff.command("add")
@click.argument("name")
@click.option("--pin", required=True, help="4 to 8 digits.")
@click.option("--role", type=click.Choice(["desk", "admin"]), default="desk", show_default=True)
@_one_line_errors
def staff_add(name: str, pin: str, role: str) -> None:
    """Add a staff member who can sign in at the desk."""
    from kiosk.services.errors import Refused

    try:
        member = _staff_service().add(name, pin, role)
    except Refused as error:
        _refused_line(error)
    click.echo(f"Added {member.name} ({member.role})")


@staff.command("list")
@_one_line_errors
def staff_list() -> None:
    """List staff members."""
    members = _staff_service().list()
    if not members:
        click.echo('No staff yet. Add one with: kiosk staff add "Budi Santoso" --pin 4826')
    for member in members:
        state = "active" if member.active else "disabled"
        click.echo(f"{member.name:<40} {member.role:<6} {state}")


@staff.command("disable")
@click.argument("name")
@_one_line_errors
def staff_disable(name: str) -> None:
    """Disable a staff member (they can no longer sign in)."""
    from kiosk.services.errors import Refused

    try:
        _staff_service().disable(name)
    except Refused as error:
        _refused_line(error)
    click.echo(f"Disabled {' '.join(name.split())}")


from kiosk.sync.commands import sync_command  # noqa: E402 (registered with the others)

cli.add_command(sync_command)

from kiosk.central.commands import central  # noqa: E402  (the reference central's group)

cli.add_command(central)

from kiosk.cli_report import report  # noqa: E402 (its own module: `kiosk report`)

cli.add_command(report)

from kiosk.maintenance import add_commands  # noqa: E402  (purge, backup: after the helpers)

add_commands(cli, _settings, _one_line_errors, _setup_logging)

from kiosk.cli_clinic import add_commands as add_clinic  # noqa: E402  (`kiosk clinic`)

add_clinic(cli, _settings, _one_line_errors)

from kiosk.cli_check import check  # noqa: E402  (`kiosk check`)

cli.add_command(check)

from kiosk.cli_upgrade import add_commands as add_upgrade  # noqa: E402  (`kiosk upgrade-check`)

add_upgrade(cli, _settings, _one_line_errors)

from kiosk.cli_service import add_commands as add_service  # noqa: E402  (`kiosk service`)

add_service(cli, _settings, _one_line_errors)

from kiosk.cli_schedule import add_commands as add_schedule  # noqa: E402  (`kiosk schedule`)

add_schedule(cli, _settings, _one_line_errors)


def main() -> None:
    cli()
