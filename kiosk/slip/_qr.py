"""The one place that decides how a slip payload becomes QR modules."""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M


def qr_matrix(payload: str, border: int) -> list[list[bool]]:
    """Rows of modules, True = dark, including ``border`` light modules on every side.

    Error correction M survives a crease or a smudge on thermal paper and keeps the code small.
    """
    code = qrcode.QRCode(version=None, error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(payload)
    code.make(fit=True)
    # get_matrix() repeats one list object for the border rows: copy so callers may mutate.
    return [[bool(module) for module in row] for row in code.get_matrix()]
