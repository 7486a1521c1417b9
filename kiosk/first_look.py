"""What the kiosk's first screen needs of the settings, read before pydantic is loaded.

The welcome screen shows the facility's name in the kiosk's language and theme, and the kiosk logs
to its data folder from the start: this module reads those four from the same places the settings
do (``KIOSK_*`` variables over the settings file over the defaults), with the standard library
only. It does not judge: a value it cannot use is left at its default, and the full settings
(:mod:`kiosk.config`), loaded right after the first screen is up, refuse it in one line.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import platformdirs

APP_NAME = "antrean-kiosk"
ENV_PREFIX = "KIOSK_"

# The settings' defaults for what the first screen shows (kiosk.config uses these).
DEFAULT_LANG: Final = "id"
DEFAULT_FACILITY_NAME = "Puskesmas Sukamaju"
DEFAULT_THEME: Final = "default"
FACILITY_NAME_MAX = 80

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def config_file() -> Path:
    """The TOML file read at start-up: ``KIOSK_CONFIG_FILE``, else the user config folder."""
    explicit = os.environ.get(f"{ENV_PREFIX}CONFIG_FILE")
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "kiosk.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


@dataclass(frozen=True)
class FirstLook:
    data_dir: Path
    lang: Literal["id", "en"]
    facility_name: str
    theme: Literal["default", "high-contrast"]

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"


def first_look() -> FirstLook:
    """The four values, as :class:`kiosk.config.Settings` would read them when they are valid."""
    # pydantic-settings matches the variables' names whatever their case.
    environment = {
        name.lower().removeprefix(ENV_PREFIX.lower()): value
        for name, value in os.environ.items()
        if name.lower().startswith(ENV_PREFIX.lower())
    }
    try:
        in_file = tomllib.loads(config_file().read_text("utf-8"))
    except (OSError, ValueError):  # missing, unreadable or malformed: the settings will say
        in_file = {}

    def value(name: str) -> object:
        return environment[name] if name in environment else in_file.get(name)

    data_dir, name = value("data_dir"), value("facility_name")
    return FirstLook(
        data_dir=Path(data_dir) if isinstance(data_dir, str) and data_dir else default_data_dir(),
        lang="en" if value("lang") == "en" else DEFAULT_LANG,
        facility_name=(
            name
            if isinstance(name, str) and 1 <= len(name) <= FACILITY_NAME_MAX
            else DEFAULT_FACILITY_NAME
        ),
        theme="high-contrast" if value("theme") == "high-contrast" else DEFAULT_THEME,
    )


def keep_private(data_dir: Path, *folders: Path) -> None:
    """Make what is created from here on private (umask), and close the data folder, its logs and
    slips, ``folders`` and the settings file where an older version left them readable."""
    os.umask(0o077)
    for folder in (data_dir, data_dir / "logs", data_dir / "slips", *folders):
        if folder.is_dir() and not folder.is_symlink():
            _tighten(folder, PRIVATE_FOLDER)
            for entry in folder.iterdir():
                if entry.is_file() and not entry.is_symlink():
                    _tighten(entry, PRIVATE_FILE)
    settings_file = config_file()
    if settings_file.is_file():
        _tighten(settings_file, PRIVATE_FILE)


def _tighten(path: Path, mode: int) -> None:
    """Drop group and other bits; a file we do not own (a shared mount) is left as it is."""
    try:
        current = path.stat().st_mode & 0o777
        if current & 0o077:
            path.chmod(current & mode)
    except PermissionError:
        pass
