"""Asking the configured printer whether it is there and has paper, without printing.

For ``kiosk check`` before the doors open: a PNG folder must be writable, a capture file
appendable, a network or USB printer must answer and its paper sensor must not say "empty"
(a printer whose sensor keeps quiet passes: many clones never answer it). Results and faults
carry a key of the translation table and its values, for the operator's language.
"""

from __future__ import annotations

import contextlib
import socket
import tempfile
from dataclasses import dataclass, field
from typing import Any

from kiosk.slip.printer import (
    NETWORK_TIMEOUT_S,
    STATUS_TIMEOUT_S,
    USB_TIMEOUT_MS,
    PrinterError,
    PrinterSpec,
)


@dataclass(frozen=True)
class ProbeResult:
    key: str
    params: dict[str, Any] = field(default_factory=dict)


class ProbeFailed(PrinterError):
    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def probe_printer(spec: PrinterSpec, timeout: float = NETWORK_TIMEOUT_S) -> ProbeResult:
    """What answered, or :class:`ProbeFailed` saying what did not."""
    if spec.kind == "none":
        raise ProbeFailed("printer.none")
    if spec.kind == "png":
        assert spec.path is not None
        try:
            spec.path.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=spec.path):
                pass
        except OSError as exc:
            raise ProbeFailed("printer.png_bad", path=spec.path) from exc
        return ProbeResult("printer.png_ok", {"path": spec.path})
    if spec.kind == "escpos-file":
        assert spec.path is not None
        try:
            with spec.path.open("ab"):
                pass
        except OSError as exc:
            raise ProbeFailed("printer.file_bad", path=spec.path) from exc
        return ProbeResult("printer.file_ok", {"path": spec.path})
    if spec.kind == "escpos-net":
        return _probe_network(spec, timeout)
    return _probe_usb(spec)


def _paper(printer: Any, where: str) -> ProbeResult:
    try:
        status = printer.paper_status()
    except Exception:
        return ProbeResult("printer.answers", {"where": where, "paper": "printer.paper_silent"})
    if status == 0:
        raise ProbeFailed("printer.no_paper", where=where)
    paper = "printer.paper_low" if status == 1 else "printer.paper_ok"
    return ProbeResult("printer.answers", {"where": where, "paper": paper})


def _probe_network(spec: PrinterSpec, timeout: float) -> ProbeResult:
    from escpos.printer import Network

    where = f"{spec.host}:{spec.port}"
    printer = Network(spec.host, port=spec.port, timeout=timeout)
    try:
        try:
            printer.device = socket.create_connection((spec.host, spec.port), timeout=timeout)
        except OSError as exc:
            raise ProbeFailed("printer.unreachable", where=where) from exc
        printer.device.settimeout(STATUS_TIMEOUT_S)
        return _paper(printer, where)
    finally:
        with contextlib.suppress(Exception):
            printer.close()


def _probe_usb(spec: PrinterSpec) -> ProbeResult:
    where = f"USB {spec.vendor_id or 0:04x}:{spec.product_id or 0:04x}"
    try:
        from escpos.exceptions import DeviceNotFoundError
        from escpos.printer import Usb
    except ImportError as exc:
        raise ProbeFailed("printer.usb_missing") from exc
    if not Usb.is_usable():
        raise ProbeFailed("printer.usb_missing")
    printer = Usb(spec.vendor_id, spec.product_id, timeout=USB_TIMEOUT_MS)
    try:
        try:
            printer.open()
        except DeviceNotFoundError as exc:
            raise ProbeFailed("printer.usb_not_found", where=where) from exc
        except Exception as exc:
            raise ProbeFailed("printer.usb_not_found", where=where) from exc
        return _paper(printer, where)
    finally:
        with contextlib.suppress(Exception):
            printer.close()
