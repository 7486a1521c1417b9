"""Notices a dead central within a second or two without asking it anything.

The pump probes the central with a signed call only every ``probe_seconds`` (30 s) when it has
nothing to send, so a central that died meanwhile went unnoticed for up to half a minute. The
watch holds one idle TCP connection to the central instead and looks at it locally (``select``,
no bytes sent): a killed server's kernel closes it at once. A server that drops idle connections
(uvicorn after 5 s) closes it too, so a closed connection is followed by one reconnect: accepted,
the central lives; refused or timed out, it is gone. No request, no signature, no database work
at the central: at most one TCP handshake per idle timeout of the server.
"""

from __future__ import annotations

import select
import socket
from urllib.parse import urlsplit


class LinkWatch:
    def __init__(self, url: str, connect_timeout: float = 1.0) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.connect_timeout = connect_timeout
        self._sock: socket.socket | None = None

    def alive(self) -> bool:
        """Whether the central accepts connections now (cheap enough to ask every second)."""
        if self._sock is not None and not self._closed_by_peer(self._sock):
            return True
        self.close()
        try:
            self._sock = socket.create_connection(
                (self.host, self.port), timeout=self.connect_timeout
            )
        except OSError:
            return False
        return True

    @staticmethod
    def _closed_by_peer(sock: socket.socket) -> bool:
        try:
            readable, _, broken = select.select([sock], [], [sock], 0)
            if broken:
                return True
            if not readable:
                return False
            return sock.recv(1, socket.MSG_PEEK) == b""  # readable and empty: the peer closed
        except OSError:
            return True

    def close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None
