"""The client's signature and decryption, against vectors computed here independently.

The expected values come straight from hmac/hashlib, cryptography and lzstring, not from
kiosk.domain.signing, so a mistake shared by both sides of our code would still show.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from lzstring import LZString

from kiosk.sync.client import CentralClient, CentralConfig, Outcome, quiet_http_logs

CONS, SECRET, USER_KEY, TS = "1234", "rahasia-uji", "kunci-pengguna", "1763856000"


def _client() -> CentralClient:
    return CentralClient(
        CentralConfig("http://127.0.0.1:9", "http://127.0.0.1:9", CONS, SECRET, USER_KEY)
    )


def _encrypt(plain: str, timestamp: str = TS) -> str:
    key = hashlib.sha256((CONS + SECRET + timestamp).encode()).digest()
    compressed = LZString().compressToEncodedURIComponent(plain).encode()
    padder = padding.PKCS7(128).padder()
    data = padder.update(compressed) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(enc.update(data) + enc.finalize()).decode()


def _envelope(code: Any, message: str, response: Any, spelling: str = "metadata") -> bytes:
    return json.dumps({spelling: {"code": code, "message": message}, "response": response}).encode()


def test_headers_carry_the_hmac_signature() -> None:
    expected = base64.b64encode(
        hmac.new(SECRET.encode(), f"{CONS}&{TS}".encode(), hashlib.sha256).digest()
    ).decode()
    headers = _client().headers(TS)
    assert headers == {
        "X-cons-id": CONS,
        "X-timestamp": TS,
        "X-signature": expected,
        "user_key": USER_KEY,
    }


def test_an_encrypted_answer_is_read_with_the_request_timestamp() -> None:
    peserta = {"noKartu": "0001234567801", "nama": "Siti Aminah", "aktif": True}
    body = _envelope(200, "OK", _encrypt(json.dumps(peserta)), spelling="metaData")
    answer = _client().read(body, TS)
    assert answer.outcome == Outcome.DONE
    assert answer.response == peserta
    # Another request's timestamp is another key: the answer is useless, so try again later.
    assert _client().read(body, str(int(TS) + 1)).outcome == Outcome.RETRY


@pytest.mark.parametrize(
    ("code", "outcome"),
    [(200, Outcome.DONE), (1, Outcome.DONE), ("200", Outcome.DONE), (208, Outcome.DUPLICATE)],
)
def test_success_codes_and_duplicates(code: Any, outcome: Outcome) -> None:
    rows = [{"kodepoli": "001", "sisaantrean": "3"}, {"kodepoli": "002", "sisaantrean": 4}]
    answer = _client().read(_envelope(code, "Ok", _encrypt(json.dumps(rows))), TS)
    assert answer.outcome == outcome
    assert answer.ok
    assert [int(r["sisaantrean"]) for r in answer.response] == [3, 4]


def test_a_refusal_keeps_the_central_message_masked() -> None:
    answer = _client().read(_envelope(201, "Peserta 0001234567801 tidak aktif", None), TS)
    assert answer.outcome == Outcome.REFUSED
    assert answer.message == "Peserta •••••••••7801 tidak aktif"


@pytest.mark.parametrize(
    "body",
    [b"<html>Bad gateway</html>", b"[1, 2]", b'{"response": 1}', b'{"metadata": {"code": "x"}}'],
)
def test_garbage_is_retried_not_parked(body: bytes) -> None:
    assert _client().read(body, TS).outcome == Outcome.RETRY


def test_a_refused_signature_is_denied_kept_and_not_parked() -> None:
    # Credentials are wrong, not the item: it must wait, not be given up; and it is not "offline".
    answer = _client().read(_envelope(401, "Unauthorized", None), TS, 401)
    assert answer.outcome == Outcome.DENIED
    assert answer.retry and not answer.ok
    # A gateway's own 401 page (not the envelope) says the same.
    assert _client().read(b"<html>401</html>", TS, 401).outcome == Outcome.DENIED


def test_pcare_calls_carry_their_own_key_and_the_pcare_user() -> None:
    config = CentralConfig(
        "http://127.0.0.1:9",
        "http://127.0.0.1:9",
        CONS,
        SECRET,
        USER_KEY,
        pcare_user_key="kunci-pcare",
        pcare_username="pkm",
        pcare_password="rahasia",
    )
    client = CentralClient(config)
    pcare = client.headers(TS, pcare=True)
    assert pcare["user_key"] == "kunci-pcare"
    assert pcare["X-authorization"] == "Basic " + base64.b64encode(b"pkm:rahasia:095").decode()
    antrean = client.headers(TS)
    assert antrean["user_key"] == USER_KEY and "X-authorization" not in antrean
    assert "rahasia" not in repr(config) and "kunci" not in repr(config)
    client.close()


def test_httpx_request_lines_never_reach_the_log_file(tmp_path: Path) -> None:
    log_file = tmp_path / "kiosk.log"
    handler = logging.FileHandler(log_file)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        quiet_http_logs()
        logging.getLogger("httpx").info(
            'HTTP Request: GET http://central/peserta/0001234567801 "HTTP/1.1 200 OK"'
        )
        logging.getLogger("httpx").warning("GET http://central/peserta/nik/3273014507900001 late")
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    text = log_file.read_text()
    assert "0001234567801" not in text and "HTTP Request" not in text
    assert "3273014507900001" not in text and "••••••••••••0001" in text
