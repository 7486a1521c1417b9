"""Running the central under uvicorn, with an access log that keeps card numbers and NIKs out."""

from __future__ import annotations

import contextlib
import logging
import re
import socket

import uvicorn
from fastapi import FastAPI

from kiosk.domain.privacy import mask_number

# Card numbers (13) and NIKs (16) travel in paths: /pcare-rest/peserta/{nomorkartu}, .../nik/{nik}.
_LONG_NUMBER = re.compile(r"[0-9]{10,}")


class MaskNumbers(logging.Filter):
    """Masks every long run of digits in a log record's message and arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = _mask(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_mask(a) if isinstance(a, str) else a for a in record.args)
        return True


def _mask(text: str) -> str:
    return _LONG_NUMBER.sub(lambda m: mask_number(m.group()), text)


class PortTaken(OSError):
    """The address is in use or cannot be bound: one line for the operator."""


def check_port(host: str, port: int) -> None:
    """Fail with one line before uvicorn starts (it would only log the error and exit)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise PortTaken(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def serve(app: FastAPI, host: str, port: int) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM)."""
    logging.getLogger("uvicorn.access").addFilter(MaskNumbers())
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,  # the central's log file, not the console
        access_log=True,
        server_header=False,
    )
    # Ctrl+C: uvicorn shuts down cleanly, then passes the signal on; that is the end, not an error.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run()
