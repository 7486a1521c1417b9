"""HTTP/1.1 for the central's calls: the standard library's ``http.client`` on kept-alive
connections, one small pool per origin.

The outbox pump sends hundreds of small signed calls a second; httpx spent about 1 ms of CPU on
each (building and parsing through httpcore and h11), this about a fifth of that. What the client
needs of HTTP is little: a method, a URL, headers, a JSON body, a timeout per call, the status and
the body of the answer.

- Timeouts: each call's, on the connect and on every read and write (as httpx's timeout).
- https: verified against the system's certificate store (``SSL_CERT_FILE`` honoured) and, when
  installed, certifi's bundle (the one httpx trusted), host names checked.
- A kept-alive connection the server closed (uvicorn drops idle ones after 5 s) is noticed before
  it is used; one that breaks on the call without an answer is replaced once by a fresh
  connection, as a server that closed an idle connection never read the request.
- Thread-safe: a connection serves one call at a time; the pool holds at most ``keep`` idle ones
  per origin, and as many calls as there are threads can be out at once.
- A proxy named by the environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, not bypassed
  by ``NO_PROXY``) is honoured as before: such an origin's calls go through httpx, which speaks to
  proxies (and their credentials); this module does not.
- Failures raise :class:`Unreachable` naming only the kind of failure: an exception's text can
  carry the URL, and a URL can carry a card number or NIK. Nothing here logs.
"""

from __future__ import annotations

import http.client
import json
import select
import ssl
import threading
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    import httpx

# The characters a path keeps as they are; anything else is percent-encoded (as httpx did).
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
# A reused connection that fails with one of these before any answer arrived was closed by the
# server while it sat idle: the request never reached the application.
_CLOSED_WHILE_IDLE = (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)


class Unreachable(Exception):
    """No answer: ``kind`` names the failure (``TimeoutError``, ``ConnectionRefusedError``...)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class Reply:
    status: int
    content: bytes


class Transport(Protocol):
    def request(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: Any,
        timeout: float,
    ) -> Reply: ...

    def close(self) -> None: ...


def json_body(body: Any) -> bytes | None:
    """A call's JSON body as sent: compact UTF-8, no NaN (as httpx's ``json=``)."""
    if body is None:
        return None
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode()


def _tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()  # verification and host names on
    try:
        import certifi
    except ImportError:  # pragma: no cover - certifi comes with httpx
        return context
    context.load_verify_locations(certifi.where())
    return context


def proxied(url: str) -> bool:
    """Whether the environment sends calls to ``url`` through a proxy (as httpx reads it)."""
    proxies = urllib.request.getproxies_environment()
    parts = urlsplit(url)
    if not (proxies.get(parts.scheme) or proxies.get("all")):
        return False
    # NO_PROXY, read as urllib reads it (not in typeshed, there since Python 3.0).
    bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]
    return not bypass(parts.hostname or "", proxies)


class _Origin:
    """Idle kept-alive connections to one scheme, host and port."""

    def __init__(self, scheme: str, host: str, port: int | None, tls: ssl.SSLContext | None):
        self.scheme, self.host, self.port, self.tls = scheme, host, port, tls
        self.idle: list[http.client.HTTPConnection] = []

    def connection(self, timeout: float) -> http.client.HTTPConnection:
        if self.scheme == "https":
            assert self.tls is not None
            return http.client.HTTPSConnection(
                self.host, self.port, timeout=timeout, context=self.tls
            )
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)


def _closed_by_peer(connection: http.client.HTTPConnection) -> bool:
    """An idle connection with something to read has been closed by the server (or is broken)."""
    sock = connection.sock
    if sock is None:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


class KeepAlive:
    """Calls over ``http.client`` with up to ``keep`` idle connections kept per origin."""

    def __init__(self, keep: int = 4, headers: dict[str, str] | None = None) -> None:
        self.keep = keep
        self.headers = dict(headers or {})
        self._lock = threading.Lock()
        self._origins: dict[tuple[str, str, int | None], _Origin] = {}
        self._tls: ssl.SSLContext | None = None
        self._closed = False

    def request(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: Any,
        timeout: float,
    ) -> Reply:
        origin, target = self._origin(url)
        payload = json_body(body)
        sent = {**self.headers, **headers}
        if payload is not None:
            sent["Content-Type"] = "application/json"
        connection, reused = self._take(origin, timeout)
        try:
            return self._exchange(origin, connection, method, target, sent, payload)
        except _CLOSED_WHILE_IDLE as error:
            if not reused:
                raise Unreachable(type(error).__name__) from None
        except (OSError, http.client.HTTPException) as error:
            raise Unreachable(type(error).__name__) from None
        # Closed by the server between calls: once more on a fresh connection.
        try:
            fresh = origin.connection(timeout)
            return self._exchange(origin, fresh, method, target, sent, payload)
        except (OSError, http.client.HTTPException) as error:
            raise Unreachable(type(error).__name__) from None

    def _exchange(
        self,
        origin: _Origin,
        connection: http.client.HTTPConnection,
        method: str,
        target: str,
        headers: dict[str, str],
        payload: bytes | None,
    ) -> Reply:
        try:
            # One write for the request line, headers and body (http.client joins a bytes body).
            connection.request(method, target, body=payload, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except BaseException:
            connection.close()
            raise
        if response.will_close:
            connection.close()
        else:
            self._give_back(origin, connection)
        return Reply(response.status, content)

    def _origin(self, url: str) -> tuple[_Origin, str]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise Unreachable("UnsupportedURL")
        try:
            port = parts.port
        except ValueError:
            raise Unreachable("UnsupportedURL") from None
        target = quote(parts.path or "/", safe=_PATH_SAFE)
        if parts.query:
            target += "?" + parts.query
        key = (parts.scheme, parts.hostname, port)
        with self._lock:
            origin = self._origins.get(key)
            if origin is None:
                tls = None
                if parts.scheme == "https":
                    if self._tls is None:
                        self._tls = _tls_context()
                    tls = self._tls
                origin = self._origins[key] = _Origin(parts.scheme, parts.hostname, port, tls)
        return origin, target

    def _take(self, origin: _Origin, timeout: float) -> tuple[http.client.HTTPConnection, bool]:
        """A kept-alive connection still open (newest first), else a new one (connected on
        the call); and whether it was kept."""
        while True:
            with self._lock:
                connection = origin.idle.pop() if origin.idle else None
            if connection is None:
                return origin.connection(timeout), False
            if _closed_by_peer(connection):
                connection.close()
                continue
            connection.timeout = timeout
            if connection.sock is not None:
                connection.sock.settimeout(timeout)
            return connection, True

    def _give_back(self, origin: _Origin, connection: http.client.HTTPConnection) -> None:
        with self._lock:
            if not self._closed and len(origin.idle) < self.keep:
                origin.idle.append(connection)
                return
        connection.close()

    def close(self) -> None:
        """Close the idle connections; one in use is closed when its call ends."""
        with self._lock:
            self._closed = True
            idle = [c for origin in self._origins.values() for c in origin.idle]
            for origin in self._origins.values():
                origin.idle.clear()
        for connection in idle:
            connection.close()


class ThroughProxy:
    """Calls through the proxy the environment names: httpx, which reads it (``trust_env``)."""

    def __init__(self, keep: int = 4, headers: dict[str, str] | None = None) -> None:
        import httpx

        self._client: httpx.Client = httpx.Client(
            limits=httpx.Limits(max_connections=8, max_keepalive_connections=keep),
            headers=headers,
        )

    def request(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: Any,
        timeout: float,
    ) -> Reply:
        import httpx

        try:
            reply = self._client.request(method, url, headers=headers, json=body, timeout=timeout)
        except httpx.HTTPError as error:
            raise Unreachable(type(error).__name__) from None
        return Reply(reply.status_code, reply.content)

    def close(self) -> None:
        self._client.close()
