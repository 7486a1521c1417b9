"""How personal data looks on screens, slips and logs: masked (UU 27/2022)."""

from __future__ import annotations


def mask_number(digits: str | None, visible: int = 4) -> str:
    """Hide all but the last ``visible`` digits: ``••••••••••••0001``."""
    if not digits:
        return ""
    shown = digits[-visible:]
    return "•" * (len(digits) - len(shown)) + shown


def mask_name(full_name: str) -> str:
    """First name in full, the rest as initials: ``Siti Aminah`` -> ``Siti A.``."""
    words = full_name.split()
    if not words:
        return ""
    return " ".join([words[0], *(f"{w[0].upper()}." for w in words[1:] if w[0].isalpha())])
