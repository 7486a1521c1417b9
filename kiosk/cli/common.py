"""What every ``kiosk`` command does the same way: load the settings, set up its log, and turn an
operator's fault into one line on stderr and an exit code, never a traceback.

Exit codes: 2 for something to fix in a setting, an argument or a file; 3 when the database
cannot be used. Heavy modules (SQLAlchemy, the services) are imported only when a command runs,
so ``kiosk --help`` stays fast.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, TypeVar

import click

if TYPE_CHECKING:
    from kiosk.config import Settings

F = TypeVar("F", bound=Callable[..., Any])
# The faults a command group turns into one line: (exit 2, exit 3), imported when it runs.
Faults = Callable[[], tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]]


def fail(message: str, code: int = 2, prefix: str = "kiosk") -> NoReturn:
    """One line on stderr, then exit with ``code``."""
    click.echo(f"{prefix}: {message}", err=True)
    sys.exit(code)


def refused(error: Exception, lang: str) -> NoReturn:
    """A service's refusal (:class:`kiosk.services.errors.Refused`) in the operator's words."""
    from kiosk.i18n import t
    from kiosk.services.errors import Refused

    assert isinstance(error, Refused)
    fail(t(error.key, lang, **error.params))


def settings_or_exit() -> Settings:
    """The settings in force, with the data folder kept private; a broken file is one line."""
    from kiosk.config import SettingsError, keep_private, load_settings

    try:
        settings = load_settings()
    except SettingsError as error:
        fail(str(error))
    keep_private(settings)
    return settings


class Logged(Protocol):
    """Where a command logs: the settings, or the kiosk's first look at them."""

    @property
    def log_dir(self) -> Path: ...


def log_to_file(
    settings: Logged, name: str, *, journal: bool = True, mask_numbers: bool = False
) -> Path:
    """Log to a rotating file in the data dir (never to a screen); under systemd, the journal
    too. ``mask_numbers`` masks card numbers and NIKs on every record (the central's log)."""
    from kiosk.logsink import journal_handlers, log_file

    path = settings.log_dir / f"{name}.log"
    try:
        handler = log_file(path)
    except OSError as error:  # KIOSK_DATA_DIR is a file, read-only, on a full disk...
        fail(f"cannot write the log {path}: {error.strerror} (check KIOSK_DATA_DIR)", 2)
    if mask_numbers:
        from kiosk.contract.logmask import MaskNumbers

        handler.addFilter(MaskNumbers())
    handlers: list[logging.Handler] = [handler]
    if journal:
        handlers += journal_handlers()
    logging.basicConfig(level=logging.INFO, handlers=handlers, force=True)
    return path


def _clinic_faults() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    from kiosk.assets import AssetsMissing
    from kiosk.services.setup import ClinicMismatch
    from kiosk.store.db import StoreError

    return (ClinicMismatch, AssetsMissing), (StoreError,)


def one_line_errors_of(faults: Faults, prefix: str = "kiosk") -> Callable[[F], F]:
    """A guard for a command group's commands: its ``faults`` and any database error become one
    line under ``prefix``."""

    def guard(command: F) -> F:
        @wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return command(*args, **kwargs)
            except Exception as error:
                one_line(error, faults, prefix)
                raise

        return wrapper  # type: ignore[return-value]

    return guard


def one_line(error: Exception, faults: Faults = _clinic_faults, prefix: str = "kiosk") -> None:
    """Exit with ``error`` in one line when it is one of ``faults`` or the database's; return
    otherwise. The faults' modules are imported only now (the kiosk's first screen goes first)."""
    from sqlalchemy.exc import SQLAlchemyError

    to_fix, database = faults()
    if isinstance(error, to_fix):
        fail(str(error), 2, prefix)
    if isinstance(error, database):
        fail(str(error), 3, prefix)
    if isinstance(error, SQLAlchemyError):
        first = str(error).splitlines()[0]
        fail(f"the database cannot be used: {error.__class__.__name__}: {first}", 3, prefix)


one_line_errors = one_line_errors_of(_clinic_faults)
"""The clinic's commands: a store problem is one line for the operator, not a traceback."""
