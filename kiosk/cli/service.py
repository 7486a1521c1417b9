"""``kiosk service install|remove|nightly-backup``: the clinic runs by itself every day.

``install`` shows every file before writing it (``--dry-run`` stops there), asks unless ``--yes``,
then enables the units with systemctl. ``remove`` takes away only the files that carry our mark.
"""

from __future__ import annotations

import getpass
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import click

from kiosk.cli.common import fail, one_line_errors, settings_or_exit
from kiosk.config import APP_NAME, ENV_PREFIX, config_file
from kiosk.i18n import t
from kiosk.service_units import (
    AUTOLOGIN,
    MARK,
    PREFIX,
    PROFILE,
    UNIT_DIR,
    ServiceSpec,
    render_units,
    unit_names,
)

_LANG = click.option("--lang", type=click.Choice(["id", "en"]), default="id", help="Language.")


def _default_user() -> str:
    return os.environ.get("SUDO_USER") or getpass.getuser()


def _config_for(user: str) -> Path:
    """The settings file of the kiosk's user (sudo's HOME is root's, not theirs)."""
    if os.environ.get(f"{ENV_PREFIX}CONFIG_FILE") or user == getpass.getuser():
        return config_file().resolve()
    home = Path(pwd.getpwnam(user).pw_dir)
    return home / ".config" / APP_NAME / "kiosk.toml"


def _kiosk_command() -> Path:
    beside = Path(sys.executable).parent / "kiosk"  # the venv running this very command
    if beside.exists():
        return beside.absolute()
    found = shutil.which("kiosk")
    return Path(found).absolute() if found else beside.absolute()


def _systemctl(args: list[str], lang: str) -> bool:
    click.echo(f"$ systemctl {' '.join(args)}")
    try:
        done = subprocess.run(
            ["systemctl", *args], capture_output=True, text=True, timeout=120, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        click.echo(t("service.systemctl_failed", lang, error=error), err=True)
        return False
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[0]
        click.echo(t("service.systemctl_failed", lang, error=first), err=True)
        return False
    return True


def _ours(root: Path) -> list[Path]:
    """Every file we wrote under ``root`` (by its mark), ours alone."""
    candidates = [root / PROFILE]
    units = root / UNIT_DIR
    if units.is_dir():
        candidates += sorted(units.glob(f"{PREFIX}-*"))
        candidates += sorted(units.glob(f"getty@*.service.d/{AUTOLOGIN.name}"))
    found = []
    for path in candidates:
        try:
            if path.is_file() and path.read_text(encoding="utf-8").startswith(MARK):
                found.append(path)
        except OSError:
            continue
    return found


@click.group("service")
def service() -> None:
    """Run the clinic every day under systemd: install, remove, the nightly backup."""


@service.command("install")
@click.option("--dry-run", is_flag=True, help="Show the files; write nothing.")
@click.option("--yes", "-y", is_flag=True, help="Write without asking.")
@click.option("--user", default=None, help="The kiosk's user (default: who runs sudo).")
@click.option("--serve-host", default="0.0.0.0", show_default=True)
@click.option("--serve-port", default=8080, show_default=True, type=click.IntRange(1, 65535))
@click.option("--board-tty", default="tty2", show_default=True, help="Where the board shows.")
@click.option("--no-board", is_flag=True, help="No waiting-room board on this PC.")
@click.option("--no-kiosk-screen", is_flag=True, help="No patient kiosk on tty1 (a server).")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("/"),
    help="Write under this folder instead of / (no systemctl then).",
)
@_LANG
@one_line_errors
def install(
    dry_run: bool,
    yes: bool,
    user: str | None,
    serve_host: str,
    serve_port: int,
    board_tty: str,
    no_board: bool,
    no_kiosk_screen: bool,
    root: Path,
    lang: str,
) -> None:
    """Write systemd units for kiosk serve, kiosk sync and the board (restarted on failure),
    timers for the nightly backup and purge, and the kiosk on tty1; shown before writing."""
    settings_or_exit()  # a broken settings file is said now, not at 2 a.m. by a timer
    user = user or _default_user()
    try:
        pwd.getpwnam(user)
    except KeyError:
        fail(t("service.no_user", lang, user=user))
    spec = ServiceSpec(
        kiosk=_kiosk_command(),
        user=user,
        config=_config_for(user),
        serve_host=serve_host,
        serve_port=serve_port,
        board_tty=None if no_board else board_tty,
        kiosk_tty=None if no_kiosk_screen else "tty1",
        agetty=shutil.which("agetty") or "/sbin/agetty",
    )
    files = render_units(spec)
    for path, text in files.items():
        click.echo(f"--- {root / path}")
        click.echo(text)
    if dry_run:
        click.echo(t("service.dry_run", lang, n=len(files)))
        return
    live = root == Path("/")
    if live and os.geteuid() != 0:
        fail(t("service.need_root", lang))
    if not yes and not click.confirm(t("service.confirm", lang, n=len(files)), default=False):
        click.echo(t("service.nothing", lang))
        sys.exit(1)
    try:
        for path, text in files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            target.chmod(0o644)
    except OSError as error:
        fail(t("service.unwritable", lang, error=error))
    click.echo(t("service.written", lang, n=len(files), root=root))
    if live:
        _systemctl(["daemon-reload"], lang)
        _systemctl(["enable", "--now", *unit_names(files)], lang)
    click.echo(t("service.logs", lang))


@service.command("remove")
@click.option("--dry-run", is_flag=True, help="Show what would go; remove nothing.")
@click.option("--yes", "-y", is_flag=True, help="Remove without asking.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("/"))
@_LANG
def remove(dry_run: bool, yes: bool, root: Path, lang: str) -> None:
    """Stop and remove everything `kiosk service install` wrote (and nothing else)."""
    found = _ours(root)
    if not found:
        click.echo(t("service.none_installed", lang, root=root))
        return
    for path in found:
        click.echo(f"- {path}")
    if dry_run:
        return
    live = root == Path("/")
    if live and os.geteuid() != 0:
        fail(t("service.need_root", lang))
    if not yes and not click.confirm(t("service.confirm_remove", lang), default=False):
        click.echo(t("service.nothing", lang))
        sys.exit(1)
    units = [p.name for p in found if p.parent == root / UNIT_DIR]
    if live and units:
        _systemctl(["disable", "--now", *units], lang)
    for path in found:
        path.unlink(missing_ok=True)
        if path.parent.name.endswith(".service.d") and not any(path.parent.iterdir()):
            path.parent.rmdir()
    if live:
        _systemctl(["daemon-reload"], lang)
    click.echo(t("service.removed", lang, n=len(found)))


@service.command("nightly-backup")
@one_line_errors
def nightly_backup() -> None:
    """Back the store up into backup_dir and keep the newest backup_copies (the timer's job)."""
    from kiosk.domain.clock import FacilityClock
    from kiosk.store import Store
    from kiosk.store.backup import backup_sqlite
    from kiosk.store.upgrade import pg_dump, unused_name

    settings = settings_or_exit()
    folder = settings.backup_folder
    stamp = FacilityClock(settings.zone).now()
    store = Store(settings.database_url)
    try:
        suffix = ".db" if store.is_sqlite else ".dump"
        target = unused_name(folder / f"nightly-{stamp:%Y-%m-%d-%H%M%S}", suffix)
        if store.is_sqlite:
            backup_sqlite(store, target)
        else:
            pg_dump(store, target)
    finally:
        store.dispose()
    kept = sorted(
        folder.glob(f"nightly-*{suffix}"), key=lambda p: p.stat().st_mtime_ns, reverse=True
    )
    for old in kept[settings.backup_copies :]:
        old.unlink(missing_ok=True)
    click.echo(
        f"{target} ({target.stat().st_size:,} bytes); "
        f"{min(len(kept), settings.backup_copies)} copies kept in {folder}"
    )
