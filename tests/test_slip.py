"""The patient's slip: bitmap, QR round trip, ESC/POS job, printer settings and printers."""

from __future__ import annotations

import datetime
import re
import socket
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image, ImageOps

from kiosk.slip import (
    PrinterError,
    PrinterSpec,
    PrinterSpecError,
    SlipData,
    SlipLabels,
    SlipPrinter,
    escpos_bytes,
    parse_printer_spec,
    qr_rows,
    render_slip,
    slip_png_bytes,
)

PAYLOAD = "AK1:P3273010:20261123:A-001:1:WW5KSPG6PHCCLFX5"
FULL_CARD = "0001234567801"
MASKED_CARD = "•••••••••7801"


def indonesian_labels() -> SlipLabels:
    return SlipLabels(
        title="Nomor Antrean",
        poli="Poli",
        doctor="Dokter",
        date="Tanggal",
        shift="Jam praktik",
        ahead="{n} orang di depan Anda",
        card="No. Kartu",
        non_jkn="Pasien umum (non-JKN)",
        footer="Simpan slip ini. Tunjukkan saat dipanggil.",
        issued="Dicetak",
    )


def sample_slip(**changes: Any) -> SlipData:
    slip = SlipData(
        facility_name="Puskesmas Kecamatan Cibeunying Kidul",
        number="A-001",
        poli_name="Poli Umum",
        doctor_name="dr. Siti Rahmawati",
        service_date=datetime.date(2026, 11, 23),
        jampraktek="08:00-12:00",
        people_ahead=3,
        masked_card=MASKED_CARD,
        qr_payload=PAYLOAD,
        issued_at=datetime.datetime(2026, 11, 23, 7, 42),
        labels=indonesian_labels(),
    )
    return replace(slip, **changes)


def decode_qr(path: Path) -> list[str]:
    with Image.open(path) as image:
        return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


def no_card_like_digits(text: str) -> bool:
    return re.search(r"\d{13}|\d{16}", text) is None


# --- bitmap -----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [384, 576])
def test_rendered_slip_qr_decodes_from_saved_png(width: int, tmp_path: Path) -> None:
    image = render_slip(sample_slip(), width)
    assert image.width == width
    assert image.mode in ("L", "1")
    path = tmp_path / f"slip-{width}.png"
    image.save(path)

    assert decode_qr(path) == [PAYLOAD]
    assert no_card_like_digits(PAYLOAD)


@pytest.mark.parametrize("width", [384, 576])
def test_long_texts_stay_on_the_paper(width: int, tmp_path: Path) -> None:
    slip = sample_slip(
        facility_name="UPTD Puskesmas Rawat Inap Kecamatan Sukmajaya Kota Depok Jawa Barat",
        poli_name="Poli Kesehatan Ibu dan Anak serta Keluarga Berencana (KIA-KB)",
        doctor_name="dr. Raden Ayu Kusumawardhani Prawirodirdjo, Sp.A., M.Kes.",
        masked_card=None,
        number="B-12345",
    )
    image = render_slip(slip, width)
    # Nothing drawn in the outermost columns: text was wrapped or shrunk, never clipped.
    edges = image.crop((0, 0, 4, image.height)), image.crop((width - 4, 0, width, image.height))
    for edge in edges:
        assert edge.getextrema() == (255, 255)
    path = tmp_path / "long.png"
    image.save(path)
    assert decode_qr(path) == [PAYLOAD]


def test_png_bytes_are_a_png_of_the_right_width() -> None:
    data = slip_png_bytes(sample_slip(), 576)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("width", [0, 383, 512, 800])
def test_other_widths_are_refused(width: int) -> None:
    with pytest.raises(ValueError):
        render_slip(sample_slip(), width)
    with pytest.raises(ValueError):
        escpos_bytes(sample_slip(), width)


def test_slip_refuses_card_numbers_in_payload_or_masked_field() -> None:
    with pytest.raises(ValueError):
        sample_slip(qr_payload=f"AK1:{FULL_CARD}")
    with pytest.raises(ValueError):
        sample_slip(masked_card=FULL_CARD)


# --- ESC/POS ----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [384, 576])
def test_escpos_job_has_number_and_masked_card_but_never_the_full_card(width: int) -> None:
    job = escpos_bytes(sample_slip(), width)
    assert b"A-001" in job
    # Printed as ASCII: the bullets become "*" so every printer's code page shows them.
    assert b"*********7801" in job
    assert FULL_CARD.encode() not in job
    assert no_card_like_digits(job.decode("latin-1"))
    assert job.startswith(b"\x1b@")  # printer reset first
    assert b"\x1dV" in job  # and a cut at the end


@pytest.mark.parametrize("width", [384, 576])
def test_escpos_qr_raster_decodes(width: int, tmp_path: Path) -> None:
    job = escpos_bytes(sample_slip(), width)
    # GS v 0 m xL xH yL yH data: rows of xL+256*xH bytes, MSB first, 1 = burn a dot.
    start = job.index(b"\x1dv0")
    row_bytes = job[start + 4] + 256 * job[start + 5]
    height = job[start + 6] + 256 * job[start + 7]
    assert row_bytes * 8 == width
    data = job[start + 8 : start + 8 + row_bytes * height]
    # PIL's "1" mode reads a set bit as white, so invert to get black dots on white.
    image = ImageOps.invert(Image.frombytes("1", (width, height), data).convert("L"))
    path = tmp_path / "raster.png"
    image.save(path)
    assert decode_qr(path) == [PAYLOAD]


def test_escpos_job_for_non_jkn_patient() -> None:
    job = escpos_bytes(sample_slip(masked_card=None, doctor_name=None, jampraktek=""))
    assert b"Pasien umum (non-JKN)" in job
    assert b"Dokter" not in job


# --- printer settings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("png", PrinterSpec("png", path=Path("/default"))),
        ("  PNG  ", PrinterSpec("png", path=Path("/default"))),
        ("png:/var/slips", PrinterSpec("png", path=Path("/var/slips"))),
        ("escpos-file:/dev/usb/lp0", PrinterSpec("escpos-file", path=Path("/dev/usb/lp0"))),
        ("escpos-net:192.168.1.50", PrinterSpec("escpos-net", host="192.168.1.50", port=9100)),
        ("escpos-net:printer.lan:9101", PrinterSpec("escpos-net", host="printer.lan", port=9101)),
        ("escpos-usb:04b8:0202", PrinterSpec("escpos-usb", vendor_id=0x04B8, product_id=0x0202)),
        (
            "escpos-usb:0x04B8:0x0202",
            PrinterSpec("escpos-usb", vendor_id=0x04B8, product_id=0x0202),
        ),
        ("none", PrinterSpec("none")),
    ],
)
def test_parse_printer_spec(text: str, expected: PrinterSpec) -> None:
    assert parse_printer_spec(text, Path("/default")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "laser",
        "png:",
        "escpos-file:",
        "escpos-net:",
        "escpos-net:host:0",
        "escpos-net:host:99999",
        "escpos-net:host:http",
        "escpos-net:bad host",
        "escpos-usb:04b8",
        "escpos-usb:04b8:zz",
        "escpos-usb:12345:0202",
        "none:extra",
    ],
)
def test_parse_printer_spec_errors(text: str) -> None:
    with pytest.raises(PrinterSpecError) as info:
        parse_printer_spec(text, Path("/default"))
    message = str(info.value)
    assert "\n" not in message
    assert "escpos-net:HOST[:PORT]" in message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "png"},
        {"kind": "escpos-net"},
        {"kind": "escpos-usb", "vendor_id": 1},
        {"kind": "x"},
    ],
)
def test_incomplete_spec_is_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(PrinterSpecError):
        PrinterSpec(**kwargs)


def test_spec_text_round_trips() -> None:
    for text in ("png:/tmp/x", "escpos-net:10.0.0.9:9100", "escpos-usb:04b8:0202", "none"):
        assert str(parse_printer_spec(text, Path("/default"))) == text


# --- printers ---------------------------------------------------------------------------------


def test_png_printer_writes_a_decodable_file_without_card_digits(tmp_path: Path) -> None:
    folder = tmp_path / "slips" / "nested"
    path = SlipPrinter(PrinterSpec("png", path=folder)).print_slip(sample_slip(), 384)

    assert path is not None and path.parent == folder
    assert path.name == "2026-11-23_A-001_WW5KSPG6PHCCLFX5.png"
    assert "7801" not in path.name
    assert decode_qr(path) == [PAYLOAD]
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temp file left behind


def test_png_printer_into_unwritable_location_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    printer = SlipPrinter(PrinterSpec("png", path=blocker / "slips"))
    with pytest.raises(PrinterError) as info:
        printer.print_slip(sample_slip(), 384)
    assert isinstance(info.value.__cause__, OSError)


def test_escpos_file_printer_appends(tmp_path: Path) -> None:
    target = tmp_path / "capture.bin"
    printer = SlipPrinter(PrinterSpec("escpos-file", path=target))
    job = escpos_bytes(sample_slip(), 576)

    assert printer.print_slip(sample_slip(), 576) is None
    assert target.read_bytes() == job
    printer.print_slip(sample_slip(), 576)
    assert target.read_bytes() == job + job


def test_escpos_file_printer_unwritable_raises(tmp_path: Path) -> None:
    printer = SlipPrinter(PrinterSpec("escpos-file", path=tmp_path / "missing" / "lp0"))
    with pytest.raises(PrinterError):
        printer.print_slip(sample_slip(), 384)


def _free_port() -> int:
    # Bind then close: the port is free and, for a moment, nobody else listens on it.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_network_printer_that_is_not_there_fails_fast() -> None:
    printer = SlipPrinter(PrinterSpec("escpos-net", host="127.0.0.1", port=_free_port()))
    started = time.monotonic()
    with pytest.raises(PrinterError) as info:
        printer.print_slip(sample_slip(), 384)
    assert time.monotonic() - started < 5
    assert "\n" not in str(info.value)
    assert info.value.__cause__ is not None


def test_network_printer_receives_the_job() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(5)
        port = server.getsockname()[1]
        SlipPrinter(PrinterSpec("escpos-net", host="127.0.0.1", port=port)).print_slip(
            sample_slip(), 384
        )
        connection, _ = server.accept()
        with connection:
            connection.settimeout(5)
            received = b""
            while chunk := connection.recv(65536):
                received += chunk
    # The paper sensor is asked before and after (DLE EOT 4); this printer keeps quiet.
    assert received == b"\x10\x04\x04" + escpos_bytes(sample_slip(), 384) + b"\x10\x04\x04"


def test_none_printer_does_nothing() -> None:
    assert SlipPrinter(PrinterSpec("none")).print_slip(sample_slip(), 384) is None


def test_usb_printer_failure_is_a_printer_error() -> None:
    # Either pyusb is missing or no such device is plugged in: both must be PrinterError.
    printer = SlipPrinter(PrinterSpec("escpos-usb", vendor_id=0xFFFE, product_id=0xFFFE))
    with pytest.raises(PrinterError):
        printer.print_slip(sample_slip(), 384)


# --- terminal QR ------------------------------------------------------------------------------


def test_terminal_qr_rows_are_rectangular_and_use_half_blocks() -> None:
    rows = qr_rows(PAYLOAD)
    assert rows
    assert len({len(row) for row in rows}) == 1
    assert set("".join(rows)) <= {"▀", "▄", "█", " "}
    # Border of 2 light modules: first text row is all light on top, so never "▀" or "█".
    assert set(rows[0]) <= {" ", "▄"}
    assert set(rows[0][:2]) == {" "}
    assert qr_rows(PAYLOAD) == rows  # pure


def test_terminal_qr_matches_the_code_scanners_read(tmp_path: Path) -> None:
    # Paint the rows back into pixels (foreground = dark) and scan them.
    rows = qr_rows(PAYLOAD)
    scale = 8
    image = Image.new("L", (len(rows[0]) * scale, len(rows) * 2 * scale), 255)
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            for half, dark in enumerate((cell in "▀█", cell in "▄█")):
                if dark:
                    top = (2 * y + half) * scale
                    image.paste(0, (x * scale, top, (x + 1) * scale, top + scale))
    padded = Image.new("L", (image.width + 64, image.height + 64), 255)
    padded.paste(image, (32, 32))
    path = tmp_path / "terminal.png"
    padded.save(path)
    assert decode_qr(path) == [PAYLOAD]
