"""Asking the configured printer whether it is there and has paper, without printing.

For ``kiosk check`` before the doors open: a PNG folder must be writable, a capture file
appendable, a network or USB printer must answer and its paper sensor must not say "empty"
(a printer whose sensor keeps quiet passes: many clones never answer it).
"""

from __future__ import annotations

import contextlib
import socket
import tempfile
from typing import Any

from kiosk.slip.printer import (
    NETWORK_TIMEOUT_S,
    STATUS_TIMEOUT_S,
    USB_TIMEOUT_MS,
    PrinterError,
    PrinterSpec,
)


def probe_printer(spec: PrinterSpec, timeout: float = NETWORK_TIMEOUT_S) -> str:
    """What answered (one line), or :class:`PrinterError` saying what did not."""
    if spec.kind == "none":
        raise PrinterError("no printer is set (printer = none)")
    if spec.kind == "png":
        assert spec.path is not None
        try:
            spec.path.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=spec.path):
                pass
        except OSError as exc:
            raise PrinterError(f"the slip folder {spec.path} is not writable") from exc
        return f"PNG slips in {spec.path}"
    if spec.kind == "escpos-file":
        assert spec.path is not None
        try:
            with spec.path.open("ab"):
                pass
        except OSError as exc:
            raise PrinterError(f"cannot write to {spec.path}") from exc
        return f"ESC/POS into {spec.path}"
    if spec.kind == "escpos-net":
        return _probe_network(spec, timeout)
    return _probe_usb(spec)


def _paper(printer: Any) -> str:
    try:
        status = printer.paper_status()
    except Exception:
        return "paper sensor silent"
    if status == 0:
        raise PrinterError("the printer is out of paper")
    return "paper low" if status == 1 else "paper OK"


def _probe_network(spec: PrinterSpec, timeout: float) -> str:
    from escpos.printer import Network

    printer = Network(spec.host, port=spec.port, timeout=timeout)
    try:
        try:
            printer.device = socket.create_connection((spec.host, spec.port), timeout=timeout)
        except OSError as exc:
            raise PrinterError(f"no printer answers at {spec.host}:{spec.port}") from exc
        printer.device.settimeout(STATUS_TIMEOUT_S)
        return f"{spec.host}:{spec.port}, {_paper(printer)}"
    finally:
        with contextlib.suppress(Exception):
            printer.close()


def _probe_usb(spec: PrinterSpec) -> str:
    try:
        from escpos.exceptions import DeviceNotFoundError
        from escpos.printer import Usb
    except ImportError as exc:
        raise PrinterError("USB printing support is not installed (pyusb)") from exc
    if not Usb.is_usable():
        raise PrinterError("USB printing support is not installed (pyusb)")
    printer = Usb(spec.vendor_id, spec.product_id, timeout=USB_TIMEOUT_MS)
    try:
        try:
            printer.open()
        except DeviceNotFoundError as exc:
            raise PrinterError("the USB printer is not found (unplugged or no permission)") from exc
        except Exception as exc:
            raise PrinterError("the USB printer cannot be opened") from exc
        return f"USB {spec}, {_paper(printer)}"
    finally:
        with contextlib.suppress(Exception):
            printer.close()
