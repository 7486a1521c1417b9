"""Running the web service under uvicorn, with an access log that keeps personal data out."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

import uvicorn

from kiosk.contract.logmask import MASK
from kiosk.services import Services
from kiosk.web.app import create_app

GRACE_SECONDS = 2


def forwarding(trusted_proxies: list[str]) -> dict[str, Any]:
    """uvicorn's options for forwarded headers: believed only from the configured proxies.

    uvicorn's own default trusts 127.0.0.1, so behind nothing (or a proxy on another address)
    anyone could name their own address in X-Forwarded-For and get fresh tries at /auth."""
    if not trusted_proxies:
        return {"proxy_headers": False, "forwarded_allow_ips": []}
    return {"proxy_headers": True, "forwarded_allow_ips": list(trusted_proxies)}


# h11, named (uvicorn's "auto" would take the central's httptools here too); the tests' live server
# and the bench name the same. httptools, measured for this service: no gain beyond the
# bench's noise, and different answers to malformed requests (e.g. it refuses a request with both
# Content-Length and Transfer-Encoding, which h11 answered), none a server error.
HTTP_PARSER = "h11"


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
        http=HTTP_PARSER,
        # The board's live pages never end their event streams: give them a moment, then go
        # (they reconnect by themselves to the next server).
        timeout_graceful_shutdown=GRACE_SECONDS,
        **forwarding(services.settings.trusted_proxies),
    )
    # Ctrl+C: uvicorn shuts down cleanly, then passes the signal on; that is the end, not an error.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run()
