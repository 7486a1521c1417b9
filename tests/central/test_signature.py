"""The consumer's signature on every request: refusals are HTTP 401 with code 401 and a message
saying which check failed; the signature is computed in the test (tests/central_server.py)."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from kiosk.domain.signing import MAX_SKEW_SECONDS
from tests.central.conftest import NOW, signed
from tests.central_server import CONS_ID, SECRET, CentralServer, sign
from tests.demo_ids import SITI_CARD

POLI = "/antreanfktp/ref/poli/tanggal/2026-11-23"
PESERTA = f"/pcare-rest/peserta/{SITI_CARD}"

MISSING = "Header X-cons-id, X-timestamp, X-signature dan user_key wajib diisi."
STALE = (
    f"X-timestamp tidak valid atau berselisih lebih dari {MAX_SKEW_SECONDS} detik "
    "dengan jam server."
)


def refusal(answer: httpx.Response) -> tuple[int, int, str]:
    body = answer.json()
    metadata = body.get("metadata") or body["metaData"]
    assert body["response"] is None
    return answer.status_code, metadata["code"], metadata["message"]


@pytest.mark.parametrize("dropped", ["X-cons-id", "X-timestamp", "X-signature", "user_key"])
async def test_a_missing_header_is_refused(clinic: httpx.AsyncClient, dropped: str) -> None:
    headers = signed()
    del headers[dropped]
    clinic.headers.clear()
    answer = await clinic.get(POLI, headers=headers)
    assert refusal(answer) == (401, 401, MISSING)


async def test_an_unknown_consumer_is_refused(clinic: httpx.AsyncClient) -> None:
    headers = signed(cons_id="99999")  # signed correctly with its own secret, but not ours
    assert refusal(await clinic.get(POLI, headers=headers)) == (
        401,
        401,
        "Consumer ID tidak dikenal.",
    )


async def test_a_wrong_signature_is_refused(clinic: httpx.AsyncClient) -> None:
    wrong_secret = signed(secret="not-the-secret")
    assert refusal(await clinic.get(POLI, headers=wrong_secret)) == (
        401,
        401,
        "Signature tidak sesuai.",
    )
    # A signature made for another moment does not sign this one.
    replayed = {**signed(), "X-signature": sign(CONS_ID, SECRET, str(NOW - 1))}
    assert refusal(await clinic.get(PESERTA, headers=replayed))[1:] == (
        401,
        "Signature tidak sesuai.",
    )


@pytest.mark.parametrize("offset", [-MAX_SKEW_SECONDS - 1, MAX_SKEW_SECONDS + 1, -86_400])
async def test_stale_and_future_timestamps_are_refused(
    clinic: httpx.AsyncClient, offset: int
) -> None:
    answer = await clinic.get(POLI, headers=signed(NOW + offset))
    assert refusal(answer) == (401, 401, STALE)


@pytest.mark.parametrize("offset", [-MAX_SKEW_SECONDS, MAX_SKEW_SECONDS, 0])
async def test_timestamps_within_the_skew_are_accepted(
    clinic: httpx.AsyncClient, offset: int
) -> None:
    answer = await clinic.get(POLI, headers=signed(NOW + offset))
    assert answer.status_code == 200 and answer.json()["metadata"]["code"] == 1


async def test_a_timestamp_that_is_not_epoch_seconds_is_refused(clinic: httpx.AsyncClient) -> None:
    for stamp in ("2026-11-23T09:00:00", f"{NOW}.5", f"-{NOW}", f"{NOW}000"):
        headers = {**signed(), "X-timestamp": stamp, "X-signature": sign(CONS_ID, SECRET, stamp)}
        assert refusal(await clinic.get(POLI, headers=headers)) == (401, 401, STALE), stamp


async def test_a_wrong_user_key_is_refused(clinic: httpx.AsyncClient) -> None:
    answer = await clinic.get(PESERTA, headers=signed(user_key="someone-else"))
    assert refusal(answer) == (401, 401, "user_key tidak sesuai.")
    assert "metaData" in answer.json()  # PCare's spelling on PCare's paths


async def test_every_address_needs_the_signature(clinic: httpx.AsyncClient) -> None:
    clinic.headers.clear()
    for method, path in [
        ("GET", "/openapi.json"),
        ("GET", "/no/such/address"),
        ("POST", "/antreanfktp/antrean/add"),
        ("GET", "/admin/faults"),
        ("GET", "/admin/mirror/2026-11-23"),
    ]:
        answer = await clinic.request(method, path)
        assert refusal(answer) == (401, 401, MISSING), path


MALFORMED = (
    "Header X-cons-id, X-timestamp, X-signature dan user_key hanya boleh berisi karakter ASCII "
    "yang terlihat (paling banyak 256). Hitung ulang signature lalu kirim lagi."
)
# Header values a forger or a broken client sends: Latin-1 bytes, UTF-8, a control character,
# a very long value. Each used to reach hmac.compare_digest as non-ASCII text: HTTP 500.
BAD_VALUES = [b"\xe9\xe9abc=", "Tanda\u202etangan".encode(), b"abc\x01def", b"A" * 300]


@pytest.mark.parametrize("header", ["X-signature", "X-cons-id", "X-timestamp", "user_key"])
@pytest.mark.parametrize("value", BAD_VALUES)
async def test_a_malformed_header_is_refused_in_the_envelope(
    clinic: httpx.AsyncClient, header: str, value: bytes
) -> None:
    headers: dict[str, str | bytes] = {**signed(), header: value}
    clinic.headers.clear()
    answer = await clinic.get(PESERTA, headers=headers)
    assert refusal(answer) == (401, 401, MALFORMED)


def test_the_real_server_refuses_a_non_ascii_signature_without_a_traceback(
    central_server: CentralServer,
) -> None:
    """Raw bytes on the socket, as a forger sends them (httpx would not send them as text)."""
    for header in ("X-signature", "X-cons-id", "X-timestamp"):
        headers = {**central_server.signed_headers(), header: "\xe9\xe9abc="}
        request = (
            f"GET /pcare-rest/peserta/{SITI_CARD} HTTP/1.1\r\nHost: central\r\n"
            + "".join(f"{name}: {value}\r\n" for name, value in headers.items())
            + "Connection: close\r\n\r\n"
        ).encode("latin-1")
        with socket.create_connection(("127.0.0.1", central_server.port), timeout=10) as sock:
            sock.sendall(request)
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        status, _, body = reply.partition(b"\r\n\r\n")
        assert status.startswith(b"HTTP/1.1 401"), reply[:200]
        assert json.loads(body)["metaData"] == {"code": 401, "message": MALFORMED}
    log = (central_server.data_dir / "logs" / "central.log").read_text()
    assert "Traceback" not in log and "TypeError" not in log
