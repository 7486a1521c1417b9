"""The central's wire format computed here on its own (hashlib, cryptography, lzstring), never
through kiosk.domain.signing, so a mistake there cannot hide in both places; and request bodies."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from lzstring import LZString

from tests.demo_ids import SITI_CARD, SITI_NIK


def decrypt_independently(cipher_text: str, cons_id: str, secret: str, timestamp: str) -> str:
    key = hashlib.sha256(f"{cons_id}{secret}{timestamp}".encode()).digest()
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    padded = decryptor.update(base64.b64decode(cipher_text)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    compressed = unpadder.update(padded) + unpadder.finalize()
    plain: str = LZString().decompressFromEncodedURIComponent(compressed.decode("ascii"))
    return plain


def add_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "nomorkartu": SITI_CARD,
        "nik": SITI_NIK,
        "nohp": "081234567890",
        "kodepoli": "001",
        "namapoli": "Umum",
        "norm": "000001",
        "tanggalperiksa": "2026-11-23",
        "kodedokter": 101,
        "namadokter": "dr. Andi Wijaya",
        "jampraktek": "00:00-12:00",
        "nomorantrean": "A-001",
        "angkaantrean": 1,
        "keterangan": "",
    }
    body.update(changes)
    return body
