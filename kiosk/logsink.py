"""Where log records go: a rotating file in the data folder, and the journal as well when
systemd runs us (``kiosk service install``).

systemd names the journal stream it connected in ``JOURNAL_STREAM`` (device:inode); only when
our stderr is that stream do log records go there too (a terminal's stderr would spill them over
the kiosk's screen). The rotating files in the data folder stay either way.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file(path: Path) -> logging.Handler:
    """A face's log file: rotated at 2 MB, three old ones kept. Raises OSError when it cannot be
    written (the data folder is a file, read-only, on a full disk...)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LINE_FORMAT))
    return handler


def journal_handlers() -> list[logging.Handler]:
    stream = os.environ.get("JOURNAL_STREAM", "")
    try:
        device, inode = (int(part) for part in stream.split(":"))
        stat = os.fstat(sys.stderr.fileno())
    except (ValueError, OSError, AttributeError):
        return []
    if (stat.st_dev, stat.st_ino) != (device, inode):
        return []
    handler = logging.StreamHandler(sys.stderr)
    # The journal stamps each line itself; <N> is the syslog priority it reads.
    handler.setFormatter(_Priority("%(name)s: %(message)s"))
    return [handler]


class _Priority(logging.Formatter):
    _LEVELS = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3}

    def format(self, record: logging.LogRecord) -> str:
        level = self._LEVELS.get(record.levelno, 2)
        return f"<{level}>" + super().format(record)
