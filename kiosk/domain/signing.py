"""The central's consumer signature and response encryption (protocol.md, part 2).

Both sides use these: the clinic's sync client signs requests and decrypts answers, the reference
central checks signatures and encrypts answers. Pure functions over bytes and text, no HTTP.

- ``X-signature`` = base64(HMAC-SHA256(key=secret, msg=consid + "&" + timestamp)).
- A body is encrypted with key = SHA-256(consid + secret + timestamp of the request), IV = the first
  16 bytes of that key, AES-256-CBC (PKCS#7 padding) over the JSON compressed with LZString's
  ``compressToEncodedURIComponent``, then base64.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from lzstring import LZString

# How far a request's timestamp may be from the central's clock (ours: 300 s, either way).
MAX_SKEW_SECONDS = 300

_LZ = LZString()


class DecryptError(ValueError):
    """An answer that does not decrypt or decompress with the key of its request."""


def signature(cons_id: str, secret: str, timestamp: str) -> str:
    digest = hmac.new(secret.encode(), f"{cons_id}&{timestamp}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def signature_matches(cons_id: str, secret: str, timestamp: str, given: str) -> bool:
    # As bytes: compare_digest refuses str with non-ASCII characters (a forged header may hold any).
    expected = signature(cons_id, secret, timestamp).encode()
    return hmac.compare_digest(expected, given.strip().encode("utf-8", "replace"))


def fresh(timestamp: str, now_epoch: float, max_skew: int = MAX_SKEW_SECONDS) -> bool:
    """The timestamp is whole epoch seconds within ``max_skew`` of ``now_epoch``."""
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        return False
    return abs(int(timestamp) - now_epoch) <= max_skew


def _key(cons_id: str, secret: str, timestamp: str) -> bytes:
    return hashlib.sha256(f"{cons_id}{secret}{timestamp}".encode()).digest()


def encrypt(plain: str, cons_id: str, secret: str, timestamp: str) -> str:
    key = _key(cons_id, secret, timestamp)
    compressed = _LZ.compressToEncodedURIComponent(plain).encode("ascii")
    padder = padding.PKCS7(128).padder()
    padded = padder.update(compressed) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode("ascii")


def decrypt(cipher_text: str, cons_id: str, secret: str, timestamp: str) -> str:
    key = _key(cons_id, secret, timestamp)
    try:
        raw = base64.b64decode(cipher_text, validate=True)
        decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
        padded = decryptor.update(raw) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        compressed = (unpadder.update(padded) + unpadder.finalize()).decode("ascii")
        plain = _LZ.decompressFromEncodedURIComponent(compressed)
    # LZString's decoder fails on garbage with whatever it trips over first.
    except (ValueError, binascii.Error, UnicodeDecodeError, IndexError, KeyError, TypeError) as exc:
        raise DecryptError(f"cannot decrypt the answer: {exc}") from None
    if not isinstance(plain, str) or (compressed and not plain):
        raise DecryptError("cannot decompress the answer")
    return plain
