"""Queue numbers: a poli's prefix letter and a three-digit running number per day (A-001)."""

from __future__ import annotations

import re

MAX_SEQ = 999
_NUMBER = re.compile(r"^([A-Z])-?(\d{1,3})$")


def format_number(prefix: str, seq: int) -> str:
    if not (1 <= seq <= MAX_SEQ):
        raise ValueError(f"queue sequence out of range: {seq}")
    return f"{prefix}-{seq:03d}"


def parse_number(text: str) -> tuple[str, int]:
    """``"a12"``, ``"A-012"`` -> ``("A", 12)``; raises ValueError otherwise."""
    match = _NUMBER.match(text.strip().upper())
    if match is None or int(match.group(2)) == 0:
        raise ValueError(f"not a queue number: {text!r}")
    return match.group(1), int(match.group(2))
