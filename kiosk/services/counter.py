"""The counter or room a desk calls to ("Ruang 2"): its rule, and the one this desk used last.

The last one is remembered per desk terminal (a file in its data folder), since a terminal stays
at its counter whoever signs in there; the sign-in screen offers it, ``--counter`` when none.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from kiosk.domain.text import clean_text
from kiosk.services.errors import Refused

log = logging.getLogger(__name__)

COUNTER_MAX = 30  # the ticket's counter column
FILE_NAME = "desk-counter.txt"


def counter_name(text: str) -> str | None:
    """The name as shown on the boards (spaces tidied, invisible characters gone); None for an
    empty one (the desk then calls to "Loket <poli>"); a refusal when too long."""
    name = " ".join(clean_text(text).split())
    if not name:
        return None
    if len(name) > COUNTER_MAX:
        raise Refused("desk.counter_too_long", limit=COUNTER_MAX)
    return name


def poli_counter(poli_name: str) -> str:
    """Where a desk with no counter named calls to: "Loket <poli>", cut to fit the ticket's
    column (a long poli name would not fit; PostgreSQL refuses what SQLite would keep)."""
    name = " ".join(clean_text(f"Loket {poli_name}").split())
    return name if len(name) <= COUNTER_MAX else name[: COUNTER_MAX - 1].rstrip() + "…"


class CounterMemory:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME

    def last(self) -> str | None:
        """The counter this terminal used last, if it is still a good one."""
        try:
            return counter_name(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, Refused):
            return None

    def remember(self, name: str | None) -> None:
        """Best effort: a desk that cannot write its folder still works, it only forgets."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            spare = self.path.with_suffix(".new")
            fd = os.open(spare, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(name or "")
            os.replace(spare, self.path)
        except OSError:
            log.warning("could not remember the desk's counter in %s", self.path, exc_info=True)
