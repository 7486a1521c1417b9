"""The slip a patient takes away: data, bitmap rendering, terminal QR and printers."""

from kiosk.slip.model import SlipData, SlipLabels
from kiosk.slip.printer import (
    PrinterError,
    PrinterSpec,
    PrinterSpecError,
    SlipPrinter,
    escpos_bytes,
    parse_printer_spec,
)
from kiosk.slip.render import PAPER_58MM, PAPER_80MM, render_slip, slip_png_bytes
from kiosk.slip.terminal_qr import qr_rows

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
