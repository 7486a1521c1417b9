"""Running the central under uvicorn, with an access log that keeps card numbers and NIKs out."""

from __future__ import annotations

import contextlib
import logging
import socket

import uvicorn
from fastapi import FastAPI

from kiosk.contract.logmask import MASK, MaskNumbers

__all__ = ["MaskNumbers", "PortTaken", "check_port", "serve"]


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
    logging.getLogger("uvicorn.access").addFilter(MASK)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,  # the central's log file, not the console
        access_log=True,
        server_header=False,
        # httptools parses requests in C: a third of h11's CPU per request, and the outbox's drain
        # sends hundreds a second. Named here, not left to uvicorn's choice ("auto").
        http="httptools",
    )
    # Ctrl+C: uvicorn shuts down cleanly, then passes the signal on; that is the end, not an error.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run()
