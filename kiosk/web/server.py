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


# httptools, named (as the central's; the tests' live server and the bench name the same). It
# parses in C: bench figure 5 measured 3.6 ms of server CPU a request against h11's 4.0, in two
# alternating pairs of 10 s loads once the store's calls had one thread. On 24 malformed requests
# neither parser gave a server error; httptools is the stricter (it refuses Content-Length with
# Transfer-Encoding, bare-LF line ends and folded headers, which h11 answered) except that it
# accepts a request with no Host.
HTTP_PARSER = "httptools"


def serve(services: Services, host: str, port: int) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM), on one process: SQLite takes one writer."""
    logging.getLogger("uvicorn.access").addFilter(MASK)
    config = uvicorn.Config(
        create_app(services, desk_process=services.store.is_sqlite),
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
