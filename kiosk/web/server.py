"""Running the web service under uvicorn, with an access log that keeps personal data out."""

from __future__ import annotations

import contextlib
import logging

import uvicorn

from kiosk.contract.logmask import MASK
from kiosk.services import Services
from kiosk.web.app import create_app


def serve(services: Services, host: str, port: int) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM), on one process: SQLite takes one writer."""
    logging.getLogger("uvicorn.access").addFilter(MASK)
    config = uvicorn.Config(
        create_app(services),
        host=host,
        port=port,
        log_config=None,  # the kiosk's own log file (cli._setup_logging), not the console
        access_log=True,
        server_header=False,
    )
    # Ctrl+C: uvicorn shuts down cleanly, then passes the signal on; that is the end, not an error.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run()
