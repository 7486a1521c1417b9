"""Paper widths and the printer's resolution: plain numbers, so the settings can check a printer
and a width without loading Pillow or qrcode (the kiosk's start stays light)."""

from __future__ import annotations

PAPER_58MM = 384
PAPER_80MM = 576
SUPPORTED_WIDTHS = (PAPER_58MM, PAPER_80MM)
PRINTER_DPI = 203


def check_width(width: int) -> None:
    if width not in SUPPORTED_WIDTHS:
        raise ValueError(f"slip width must be {PAPER_58MM} (58 mm) or {PAPER_80MM} (80 mm) px")
