"""The client's HTTP transport (kiosk/sync/transport.py) against real sockets on loopback: https
verified, a kept-alive connection the server closed, a server that never answers, many threads,
and a proxy named by the environment (through a real forwarding proxy to the real central)."""

from __future__ import annotations

import datetime as dt
import http.client
import ipaddress
import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk import __version__
from kiosk.sync import transport
from kiosk.sync.client import CentralClient, CentralConfig, Outcome
from kiosk.sync.transport import KeepAlive, ThroughProxy, Unreachable, proxied
from tests.central_server import CentralServer
from tests.demo_ids import SITI_CARD
from tests.sync.test_credentials import _client as credentialed


class _Quiet(BaseHTTPRequestHandler):
    """HTTP/1.1 (kept-alive connections), nothing on the console."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *_: Any) -> None:
        pass


class _Echo(_Quiet):
    """Answers every call with its method, path and body as JSON."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append(self.path)  # type: ignore[attr-defined]
        self.server.agents.append(self.headers.get("User-Agent"))  # type: ignore[attr-defined]
        out = json.dumps({"method": self.command, "path": self.path, "body": body.decode()})
        data = out.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Echo)
        self.seen: list[str] = []
        self.agents: list[str | None] = []
        self.connections = 0
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)

    def get_request(self) -> tuple[Any, Any]:
        self.connections += 1
        return super().get_request()

    @property
    def port(self) -> int:
        return int(self.server_address[1])


def _serving(server: _Server) -> Iterator[_Server]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def echo() -> Iterator[_Server]:
    yield from _serving(_Server())


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for localhost and 127.0.0.1, signed by its own key."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def test_https_is_verified(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cert_file, key_file = _self_signed(tmp_path)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert_file, key_file)
    for server in _serving(_Server(tls)):
        url = f"https://localhost:{server.port}/antreanfktp/ref/poli/tanggal/2026-11-23"
        # A certificate nobody vouches for: refused, and the failure names no URL.
        stranger = KeepAlive()
        with pytest.raises(Unreachable) as refused:
            stranger.request("GET", url, {}, None, 5)
        assert refused.value.kind == "SSLCertVerificationError"
        assert "localhost" not in str(refused.value)
        stranger.close()
        # Trusted by the machine's store (SSL_CERT_FILE): answered, over TLS.
        monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
        trusting = KeepAlive()
        reply = trusting.request("POST", url, {"X-cons-id": "1"}, {"a": "é"}, 5)
        assert reply.status == 200
        assert json.loads(reply.content) == {
            "method": "POST",
            "path": "/antreanfktp/ref/poli/tanggal/2026-11-23",
            "body": '{"a":"é"}',
        }
        assert trusting.request("GET", url, {}, None, 5).status == 200
        assert server.connections == 2  # the stranger's, and one kept alive for both calls
        trusting.close()


def test_a_kept_alive_connection_closed_by_the_server_is_replaced_once(
    echo: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    pool = KeepAlive()
    url = f"http://127.0.0.1:{echo.port}"
    assert pool.request("GET", url + "/one", {}, None, 5).status == 200
    (origin,) = pool._origins.values()
    (kept,) = origin.idle
    first_socket = kept.sock
    # The server drops the idle connection (as uvicorn does after 5 s).
    assert first_socket is not None
    first_socket.shutdown(socket.SHUT_RD)  # our end reads EOF, as after the server's FIN
    assert pool.request("GET", url + "/two", {}, None, 5).status == 200
    assert origin.idle[0].sock is not first_socket  # noticed before use, not reused
    # Not noticed in time (closed just as the call went out): once more on a fresh connection.
    (kept,) = origin.idle
    assert kept.sock is not None
    kept.sock.shutdown(socket.SHUT_RDWR)
    monkeypatch.setattr(transport, "_closed_by_peer", lambda _connection: False)
    assert pool.request("POST", url + "/three", {}, {"n": 3}, 5).status == 200
    assert echo.seen == ["/one", "/two", "/three"]  # each call reached the server once
    pool.close()
    assert origin.idle == []


def test_a_fresh_connection_that_breaks_is_not_tried_again() -> None:
    """A server that reads the request and closes without an answer: no second request."""
    accepted: list[bytes] = []
    listener = socket.create_server(("127.0.0.1", 0))

    def hang_up() -> None:
        peer, _ = listener.accept()
        accepted.append(peer.recv(65536))
        peer.close()

    thread = threading.Thread(target=hang_up, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    with pytest.raises(Unreachable) as broken:
        KeepAlive().request("POST", f"http://127.0.0.1:{port}/antrean/add", {}, {"n": 1}, 5)
    assert broken.value.kind in ("RemoteDisconnected", "ConnectionResetError")
    thread.join(5)
    listener.close()
    assert len(accepted) == 1


def test_a_central_that_never_answers_times_out_naming_no_card() -> None:
    listener = socket.create_server(("127.0.0.1", 0))  # accepts (the kernel does), never answers
    port = listener.getsockname()[1]
    base = f"http://127.0.0.1:{port}/pcare-rest"
    client = CentralClient(
        CentralConfig(base, base, "1", "s", "k", lookup_timeout=0.3, timeout=0.3)
    )
    started = time.monotonic()
    answer = client.peserta_by_card(SITI_CARD)
    assert time.monotonic() - started < 2
    assert answer.outcome == Outcome.RETRY
    assert answer.message == "unreachable: TimeoutError"
    closed = socket.create_server(("127.0.0.1", 0))
    refused_port = closed.getsockname()[1]
    closed.close()
    gone = f"http://127.0.0.1:{refused_port}/antreanfktp"
    nobody = CentralClient(CentralConfig(gone, gone, "1", "s", "k", timeout=1))
    assert nobody.send("antrean.add", {"nomorkartu": SITI_CARD}).message == (
        "unreachable: ConnectionRefusedError"
    )
    weird = CentralClient(CentralConfig("ftp://central", "central", "1", "s", "k", timeout=1))
    assert weird.ref_poli("2026-11-23").message == "unreachable: UnsupportedURL"
    for one in (client, nobody, weird):
        one.close()
    listener.close()


def test_the_client_names_itself_to_the_central(echo: _Server) -> None:
    """A gateway may turn away a call without a User-Agent: ours says what and which version."""
    base = f"http://127.0.0.1:{echo.port}"
    client = CentralClient(CentralConfig(base, base, "1", "s", "k", timeout=2))
    client.ref_poli("2026-11-23")
    client.close()
    assert echo.agents == [f"antrean-kiosk/{__version__}"]


def test_many_threads_share_the_pool(echo: _Server) -> None:
    pool = KeepAlive(keep=4)
    url = f"http://127.0.0.1:{echo.port}"
    answers: list[int] = []

    def calls(worker: int) -> None:
        for i in range(20):
            reply = pool.request("POST", f"{url}/w{worker}/{i}", {}, {"i": i}, 5)
            assert json.loads(reply.content)["path"] == f"/w{worker}/{i}"
            answers.append(reply.status)

    threads = [threading.Thread(target=calls, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert answers == [200] * 160
    assert len(echo.seen) == 160
    (origin,) = pool._origins.values()
    assert 1 <= len(origin.idle) <= 4
    pool.close()


def test_the_environment_decides_the_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    assert not proxied("https://apijkn.bpjs-kesehatan.go.id/antreanfktp")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.dinkes:3128")
    assert proxied("https://apijkn.bpjs-kesehatan.go.id/antreanfktp")
    assert not proxied("http://127.0.0.1:8080/antreanfktp")  # no HTTP_PROXY
    monkeypatch.setenv("ALL_PROXY", "http://proxy.dinkes:3128")
    assert proxied("http://127.0.0.1:8080/antreanfktp")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    assert not proxied("http://127.0.0.1:8080/antreanfktp")
    assert proxied("https://apijkn.bpjs-kesehatan.go.id/antreanfktp")


class _Forward(_Quiet):
    """A forwarding HTTP proxy: absolute-URI requests passed on with http.client."""

    def _forward(self) -> None:
        assert self.path.startswith("http://"), self.path
        self.server.seen.append(self.path)  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        host, _, rest = self.path[len("http://") :].partition("/")
        upstream = http.client.HTTPConnection(host, timeout=10)
        headers = {k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"}
        upstream.request(self.command, "/" + rest, body=body, headers=headers)
        reply = upstream.getresponse()
        data = reply.read()
        upstream.close()
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.getheader("Content-Type") or "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _forward


@pytest.mark.slow
def test_calls_go_through_the_proxy_the_environment_names(
    central_server: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), _Forward)
    proxy.daemon_threads = True
    proxy.seen = []  # type: ignore[attr-defined]
    for name in ("HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "no_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.server_address[1]}")
    monkeypatch.delenv("http_proxy", raising=False)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    client = credentialed(central_server)
    try:
        assert isinstance(client._transport(central_server.antrean_url), ThroughProxy)
        assert client.ref_poli("2026-11-23").outcome == Outcome.DONE
        assert client.peserta_by_card(SITI_CARD).outcome == Outcome.DONE
        seen: list[str] = proxy.seen  # type: ignore[attr-defined]
        assert [path.split("/", 3)[3] for path in seen] == [
            "antreanfktp/ref/poli/tanggal/2026-11-23",
            f"pcare-rest/peserta/{SITI_CARD}",
        ]
    finally:
        client.close()
        proxy.shutdown()
        proxy.server_close()
