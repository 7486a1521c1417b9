"""``kiosk settings``: the settings in force and where each comes from; ``--init`` writes a
commented ``kiosk.toml`` with every setting, its default and what it is for, where ``kiosk
settings`` reads it, never over an existing file unasked.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
from pathlib import Path
from typing import Any

import click
from pydantic_core import PydanticUndefined

from kiosk.cli.common import fail, settings_or_exit
from kiosk.config import Settings, config_file
from kiosk.i18n import TEXT, t

# Written active (without #): what every clinic fills in. The rest stay at their default.
FILL_IN = (
    "facility_code",
    "facility_name",
    "timezone",
    "lang",
    "printer",
    "paper_mm",
    "staff_pin",
    "ws_password",
    "central_antrean_url",
    "central_pcare_url",
    "central_cons_id",
    "central_secret",
    "central_user_key",
    "central_antrean_user_key",
    "central_pcare_user_key",
    "central_pcare_username",
    "central_pcare_password",
    "central_pcare_app_code",
)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _default(name: str) -> Any:
    field = Settings.model_fields[name]
    if field.default_factory is not None:
        return field.default_factory()  # type: ignore[call-arg]
    return None if field.default is PydanticUndefined else field.default


def settings_template(lang: str) -> str:
    """The file's text: every setting, in the order Settings declares them."""
    drawn = {
        # Never the published demo values: a fresh clinic starts with its own secrets.
        "staff_pin": f"{secrets.randbelow(10**6):06d}",
        "ws_password": secrets.token_urlsafe(18),
    }
    out = [f"# {line}" for line in t("init.header", lang).splitlines()]
    for name, field in Settings.model_fields.items():
        default = _default(name)
        key = f"init.help.{name}"
        purpose = t(key, lang) if key in TEXT else (field.description or name)
        shown = t("init.empty", lang) if default in (None, "") else _toml(default)
        out += ["", f"# {purpose}", f"# {t('init.default', lang)}: {shown}"]
        value = drawn.get(name, default)
        line = f"{name} = {_toml(value if value is not None else '')}"
        out.append(line if name in FILL_IN else f"# {line}")
    return "\n".join(out) + "\n"


def _write_private(path: Path, text: str) -> None:
    """Readable by the kiosk's user only: the file holds the PIN and the central's secrets."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(partial, path)


def init_settings_file(lang: str) -> None:
    path = config_file()
    backup = path.with_name(path.name + ".bak")
    try:
        if path.exists():
            question = t("init.exists", lang, path=path, backup=backup)
            if not click.confirm(question, default=False):
                click.echo(t("init.kept", lang, path=path))
                sys.exit(1)
            shutil.copy2(path, backup)
        _write_private(path, settings_template(lang))
    except click.Abort:  # no terminal to ask on
        click.echo("\n" + t("init.kept", lang, path=path))
        sys.exit(1)
    except OSError as error:
        fail(t("init.unwritable", lang, path=path, error=error))
    click.echo(t("init.written", lang, path=path))


@click.command()
@click.option(
    "--init", is_flag=True, help="Write a commented kiosk.toml to fill in (asks before replacing)."
)
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", help="With --init.")
def settings(init: bool, lang: str) -> None:
    """Show the settings in force: each KIOSK_* value (secrets masked, empty ones marked) and
    where it comes from: default, environment, or the settings file."""
    from kiosk.config import config_file, describe_settings

    if init:
        init_settings_file(lang)
        return
    current = settings_or_exit()
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
