"""The slip a patient takes away: data, bitmap rendering, terminal QR and printers.

The names below load on first use (PEP 562): ``kiosk.slip.printer`` is read by the settings at
start, and importing this package must not load Pillow and qrcode with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.slip.model import SlipData, SlipLabels
    from kiosk.slip.paper import PAPER_58MM, PAPER_80MM
    from kiosk.slip.printer import (
        PrinterError,
        PrinterSpec,
        PrinterSpecError,
        SlipPrinter,
        escpos_bytes,
        parse_printer_spec,
    )
    from kiosk.slip.render import render_slip, slip_png_bytes
    from kiosk.slip.terminal_qr import qr_rows

_HOME = {
    "PAPER_58MM": "paper",
    "PAPER_80MM": "paper",
    "PrinterError": "printer",
    "PrinterSpec": "printer",
    "PrinterSpecError": "printer",
    "SlipData": "model",
    "SlipLabels": "model",
    "SlipPrinter": "printer",
    "escpos_bytes": "printer",
    "parse_printer_spec": "printer",
    "qr_rows": "terminal_qr",
    "render_slip": "render",
    "slip_png_bytes": "render",
}
__all__ = [
    "PAPER_58MM",
    "PAPER_80MM",
    "PrinterError",
    "PrinterSpec",
    "PrinterSpecError",
    "SlipData",
    "SlipLabels",
    "SlipPrinter",
    "escpos_bytes",
    "parse_printer_spec",
    "qr_rows",
    "render_slip",
    "slip_png_bytes",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"kiosk.slip.{home}"), name)
