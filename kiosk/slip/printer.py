"""Getting a slip onto paper (or into a PNG) and turning every failure into ``PrinterError``.

python-escpos is imported lazily, inside the functions that need it: importing it calls
``logging.basicConfig()`` and writes a capabilities cache to a fresh temp dir, side effects the
rest of the app should not get just by importing ``kiosk.slip``. The drawing (Pillow, qrcode) is
imported when a slip is first printed too: the settings read a printer spec from here, and the
kiosk's first screen must not wait for them.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import socket
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from kiosk.slip._text import fold_ascii
from kiosk.slip.model import SlipData, has_long_digit_run
from kiosk.slip.paper import PAPER_58MM, PRINTER_DPI, check_width

PrinterKind = Literal["png", "escpos-file", "escpos-net", "escpos-usb", "none"]
PRINTER_KINDS: tuple[str, ...] = get_args(PrinterKind)

DEFAULT_NET_PORT = 9100  # the raw "JetDirect" port every network receipt printer listens on
NETWORK_TIMEOUT_S = 3.0  # a patient is standing at the kiosk: fail fast, show the error
USB_TIMEOUT_MS = 3000  # pyusb counts milliseconds; python-escpos' default 0 means wait forever
# A printer answers its paper sensor query within milliseconds; one that keeps quiet prints anyway.
STATUS_TIMEOUT_S = 0.5

_FONT_A_DOTS = 12  # ESC/POS font A is 12 dots wide: 32 columns on 58 mm, 48 on 80 mm
_ALLOWED_FORMS = "png, png:DIR, escpos-file:PATH, escpos-net:HOST[:PORT], escpos-usb:VID:PID, none"
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$")
_USB_ID = re.compile(r"^(?:0x)?([0-9a-f]{1,4})$", re.IGNORECASE)
_FILE_SAFE = re.compile(r"[^A-Za-z0-9-]")


class PrinterSpecError(ValueError):
    """The printer setting could not be read; the message lists the accepted forms."""


class PrinterError(Exception):
    """Printing failed (offline, paper out, USB unplugged, unwritable folder, timeout...).

    The message is short, English and free of personal data; the library's own exception is
    kept as ``__cause__`` for the log.
    """


@dataclass(frozen=True)
class PrinterSpec:
    """Where slips go. ``path`` is the PNG folder (png) or output file (escpos-file)."""

    kind: PrinterKind
    path: Path | None = None
    host: str | None = None
    port: int = DEFAULT_NET_PORT
    vendor_id: int | None = None
    product_id: int | None = None

    def __post_init__(self) -> None:
        # Built by hand (not parsed) a spec could lack what its kind needs; fail at setup,
        # not when the first patient presses "print".
        needs = {
            "png": self.path is not None,
            "escpos-file": self.path is not None,
            "escpos-net": bool(self.host) and 1 <= self.port <= 65535,
            "escpos-usb": self.vendor_id is not None and self.product_id is not None,
            "none": True,
        }
        if not needs.get(self.kind, False):
            raise PrinterSpecError(f"printer must be one of: {_ALLOWED_FORMS}")

    def __str__(self) -> str:
        # The same text parse_printer_spec accepts, handy for settings screens and logs.
        if self.kind in ("png", "escpos-file"):
            return f"{self.kind}:{self.path}"
        if self.kind == "escpos-net":
            return f"escpos-net:{self.host}:{self.port}"
        if self.kind == "escpos-usb":
            return f"escpos-usb:{self.vendor_id or 0:04x}:{self.product_id or 0:04x}"
        return self.kind


def parse_printer_spec(text: str, default_png_dir: Path) -> PrinterSpec:
    """Read a printer setting such as ``png``, ``escpos-net:192.168.1.50:9100`` or ``none``."""
    kind, sep, rest = text.strip().partition(":")
    kind = kind.lower()
    if kind == "none" and not sep:
        return PrinterSpec("none")
    if kind == "png":
        if not sep:
            return PrinterSpec("png", path=default_png_dir)
        if rest.strip():
            return PrinterSpec("png", path=Path(rest.strip()).expanduser())
    elif kind == "escpos-file" and rest.strip():
        return PrinterSpec("escpos-file", path=Path(rest.strip()).expanduser())
    elif kind == "escpos-net":
        spec = _parse_net(rest)
        if spec is not None:
            return spec
    elif kind == "escpos-usb":
        spec = _parse_usb(rest)
        if spec is not None:
            return spec
    raise PrinterSpecError(f"printer must be one of: {_ALLOWED_FORMS}")


def _parse_net(rest: str) -> PrinterSpec | None:
    host, sep, port_text = rest.strip().partition(":")
    if not _HOST.match(host):
        return None
    if not sep:
        return PrinterSpec("escpos-net", host=host)
    # ASCII only: "²".isdigit() is true, but int() refuses it.
    if not (port_text.isascii() and port_text.isdigit()) or not 1 <= int(port_text) <= 65535:
        return None
    return PrinterSpec("escpos-net", host=host, port=int(port_text))


def _parse_usb(rest: str) -> PrinterSpec | None:
    parts = rest.strip().split(":")
    if len(parts) != 2:
        return None
    vendor, product = (_USB_ID.match(part.strip()) for part in parts)
    if vendor is None or product is None:
        return None
    return PrinterSpec(
        "escpos-usb", vendor_id=int(vendor.group(1), 16), product_id=int(product.group(1), 16)
    )


def _fit_profile(printer: Any, width: int) -> None:
    """Tell the printer profile its paper width, on this printer only.

    The "default" profile leaves the media width "Unknown", which makes ``image()`` print a
    notice to stdout and ignore ``center``. Profile data is a class attribute shared with every
    other printer object, so patch a copy on the instance rather than the shared dict.
    """
    data = copy.deepcopy(printer.profile.profile_data)
    data["media"]["width"]["pixels"] = width
    data["media"]["width"]["mm"] = round(width / PRINTER_DPI * 25.4)
    data["media"]["dpi"] = PRINTER_DPI
    printer.profile.profile_data = data


def _wrapped(printer: Any, text: str, columns: int) -> None:
    # Wrap ourselves: the printer would break mid-word at the column limit.
    for line in textwrap.wrap(fold_ascii(text), columns, break_long_words=True) or [""]:
        printer.textln(line)


def escpos_bytes(slip: SlipData, width: int = PAPER_58MM) -> bytes:
    """The complete ESC/POS job for ``slip``, ready to send to any receipt printer.

    Text is folded to ASCII so no code-page switching is needed; the QR goes as a raster image
    (the same one the PNG uses: error correction M, 4-module quiet zone) because native QR
    commands are missing or buggy on many cheap printers.
    """
    check_width(width)
    from escpos.printer import Dummy

    from kiosk.slip.render import qr_image

    printer = Dummy(profile="default")
    _fit_profile(printer, width)
    columns = width // _FONT_A_DOTS
    labels = slip.labels
    number = fold_ascii(slip.number)
    # Big but within the line: at least double size, up to 8x (the ESC/POS maximum).
    scale = max(2, min(8, columns * 2 // 3 // max(1, len(number))))

    printer.hw("INIT")  # ESC @: clear whatever style the previous job left behind
    printer.set(align="center", bold=True)
    _wrapped(printer, slip.facility_name, columns)
    printer.set(bold=False)
    printer.ln()
    _wrapped(printer, labels.title, columns)
    printer.set(custom_size=True, width=scale, height=scale, bold=True)
    printer.textln(number)
    # Explicit GS ! 1x1: python-escpos' normal_textsize only sends ESC ! 0, which some clones
    # do not treat as resetting a GS ! magnification.
    printer.set(custom_size=True, width=1, height=1, bold=False)
    printer.ln()

    printer.set(align="left")
    _wrapped(printer, f"{labels.poli}: {slip.poli_name}", columns)
    if slip.doctor_name:
        _wrapped(printer, f"{labels.doctor}: {slip.doctor_name}", columns)
    _wrapped(printer, f"{labels.date}: {slip.service_date:%d-%m-%Y}", columns)
    if slip.jampraktek:
        _wrapped(printer, f"{labels.shift}: {slip.jampraktek}", columns)
    printer.ln()

    printer.set(align="center", bold=True)
    _wrapped(printer, labels.people_ahead(slip.people_ahead), columns)
    printer.set(bold=False)
    if slip.estimate:
        _wrapped(printer, slip.estimate, columns)
    if slip.masked_card is None:
        _wrapped(printer, labels.non_jkn, columns)
    else:
        _wrapped(printer, f"{labels.card}: {slip.masked_card}", columns)

    printer.ln()
    printer.image(qr_image(slip.qr_payload, width), center=True)
    if slip.address:
        _wrapped(printer, slip.address, columns)
    printer.ln()
    _wrapped(printer, labels.footer, columns)
    _wrapped(printer, f"{labels.issued} {slip.issued_at:%d-%m-%Y %H:%M}", columns)
    printer.cut()
    output: bytes = printer.output
    return output


def png_file_name(slip: SlipData) -> str:
    """``<YYYY-MM-DD>_<number>_<suffix>.png`` with nothing from the patient's card in it.

    The suffix is the payload's last field (the slip code's signature, unique per ticket), or the
    issue time when that field is unusable.
    """
    number = _FILE_SAFE.sub("", slip.number) or "slip"
    suffix = _FILE_SAFE.sub("", slip.qr_payload.rsplit(":", 1)[-1])[:32]
    if not suffix or has_long_digit_run(suffix):
        suffix = f"{slip.issued_at:%H%M%S}"
    return f"{slip.service_date:%Y-%m-%d}_{number}_{suffix}.png"


class SlipPrinter:
    """Sends slips to the configured destination; every failure surfaces as ``PrinterError``."""

    def __init__(self, spec: PrinterSpec, *, timeout: float = NETWORK_TIMEOUT_S) -> None:
        self.spec = spec
        self.timeout = timeout

    def print_slip(self, slip: SlipData, width: int = PAPER_58MM) -> Path | None:
        """Print one slip; returns the PNG written for the ``png`` kind, otherwise None.

        A width other than 384 or 576 is a programming error and raises ValueError.
        """
        check_width(width)
        kind = self.spec.kind
        if kind == "none":
            return None
        if kind == "png":
            return self._write_png(slip, width)
        try:
            job = escpos_bytes(slip, width)
        except Exception as exc:
            # Anything from the third-party job builder must not take the kiosk down.
            raise PrinterError("could not prepare the print job") from exc
        if kind == "escpos-file":
            self._append_file(job)
        elif kind == "escpos-net":
            self._send_network(job)
        else:
            self._send_usb(job)
        return None

    def _write_png(self, slip: SlipData, width: int) -> Path:
        from kiosk.slip.render import slip_png_bytes

        try:
            data = slip_png_bytes(slip, width)
        except Exception as exc:
            raise PrinterError("could not draw the slip image") from exc
        folder = self.spec.path
        assert folder is not None  # guaranteed by PrinterSpec.__post_init__
        target = folder / png_file_name(slip)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a viewer or print spooler never sees half a PNG.
            fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".slip-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as tmp:
                    tmp.write(data)
                os.replace(tmp_name, target)
            except BaseException:
                Path(tmp_name).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise PrinterError("could not save the slip image (folder not writable?)") from exc
        return target

    def _append_file(self, job: bytes) -> None:
        path = self.spec.path
        assert path is not None  # guaranteed by PrinterSpec.__post_init__
        # Plain append, not escpos.printer.File: that opens with "wb" and would truncate the
        # previous slips in a capture file.
        try:
            with path.open("ab") as device:
                device.write(job)
        except OSError as exc:
            raise PrinterError("could not write to the printer file") from exc

    def _send_network(self, job: bytes) -> None:
        from escpos.printer import Network

        printer = Network(self.spec.host, port=self.spec.port, timeout=self.timeout)
        try:
            try:
                # Connect ourselves instead of Network.open(): that one drops the socket
                # unclosed when the connection is refused and only tries IPv4.
                # create_connection closes its socket on failure and handles IPv6 too.
                printer.device = socket.create_connection(
                    (self.spec.host, self.spec.port), timeout=self.timeout
                )
            except OSError as exc:
                raise PrinterError("printer unreachable (offline or wrong address)") from exc
            printer.device.settimeout(STATUS_TIMEOUT_S)
            _check_paper(printer)
            printer.device.settimeout(self.timeout)
            printer._raw(job)  # the job is prebuilt; _raw is how python-escpos sends bytes
            printer.device.settimeout(STATUS_TIMEOUT_S)
            _confirm_printed(printer)
        except PrinterError:
            raise
        except TimeoutError as exc:
            raise PrinterError("printer did not respond in time") from exc
        except Exception as exc:
            raise PrinterError("printer connection failed while printing") from exc
        finally:
            _close_quietly(printer)

    def _send_usb(self, job: bytes) -> None:
        try:
            from escpos.exceptions import DeviceNotFoundError
            from escpos.printer import Usb
        except ImportError as exc:
            raise PrinterError("USB printing support is not installed (pyusb)") from exc
        # escpos.printer.Usb imports without pyusb and only fails at open() with a RuntimeError.
        if not Usb.is_usable():
            raise PrinterError("USB printing support is not installed (pyusb)")
        printer = Usb(self.spec.vendor_id, self.spec.product_id, timeout=USB_TIMEOUT_MS)
        try:
            try:
                printer.open()
            except DeviceNotFoundError as exc:
                raise PrinterError("USB printer not found (unplugged or no permission)") from exc
            _check_paper(printer)
            printer._raw(job)
        except PrinterError:
            raise
        except Exception as exc:
            # pyusb raises USBError/USBTimeoutError (OSError subclasses) and the odd assert.
            raise PrinterError("USB printer failed while printing") from exc
        finally:
            _close_quietly(printer)


def _check_paper(printer: Any) -> None:
    """Ask the paper sensor (DLE EOT 4) before sending: a job sent to an empty printer is lost
    without a word. No answer (many clones keep quiet) is not a fault: the job goes out."""
    try:
        status = printer.paper_status()
    except Exception:
        return
    if status == 0:
        raise PrinterError("printer is out of paper")


def _confirm_printed(printer: Any) -> None:
    """Ask the sensor again after the job: a printer that lost power or ran dry mid-job closes
    the connection or says so, where the job's bytes alone vanish into the socket buffers."""
    from escpos.constants import RT_MASK_NOPAPER, RT_STATUS_PAPER

    try:
        answer = printer.query_status(RT_STATUS_PAPER)
    except TimeoutError:
        return  # a quiet printer: nothing more to learn
    except OSError as exc:
        raise PrinterError("printer connection lost while printing") from exc
    if not answer:
        raise PrinterError("printer connection lost while printing")
    if answer[0] & RT_MASK_NOPAPER == RT_MASK_NOPAPER:
        raise PrinterError("printer ran out of paper while printing")


def _close_quietly(printer: Any) -> None:
    # Closing a dead connection may fail too; that must not mask the error being reported.
    with contextlib.suppress(Exception):
        printer.close()
