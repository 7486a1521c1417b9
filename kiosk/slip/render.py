"""Draw the slip as a bitmap exactly as wide as the thermal paper's print head.

58 mm printers have 384 dots per line and 80 mm printers 576 (both 203 dpi), so the image is
made at that width and never scaled: one image pixel is one printed dot.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from kiosk.slip._qr import qr_matrix
from kiosk.slip._text import fold_ascii
from kiosk.slip.model import SlipData
from kiosk.slip.paper import (  # noqa: F401  (this module's names since before paper.py)
    PAPER_58MM,
    PAPER_80MM,
    PRINTER_DPI,
    SUPPORTED_WIDTHS,
    check_width,
)

QR_QUIET_ZONE = 4  # modules; the QR standard's minimum, scanners misread with less
QR_MIN_MODULE_PX = 4  # below ~0.5 mm per module cheap phone cameras and scanners struggle

WHITE = 255
BLACK = 0

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=64)
def _font(size: int) -> Font:
    # Pillow's bundled scalable font: no font files to ship or find on the kiosk.
    return ImageFont.load_default(size=size)


def _text_width(font: Font, text: str) -> float:
    return font.getlength(text)


def _line_height(font: Font) -> int:
    if isinstance(font, ImageFont.FreeTypeFont):
        ascent, descent = font.getmetrics()
        return ascent + descent
    _, top, _, bottom = font.getbbox("Ag")
    return int(bottom - top)


def _split_word(word: str, font: Font, max_width: float) -> list[str]:
    """Cut a word too long for one line into pieces that fit (at least one character each)."""
    pieces: list[str] = []
    while word:
        cut = len(word)
        while cut > 1 and _text_width(font, word[:cut]) > max_width:
            cut -= 1
        pieces.append(word[:cut])
        word = word[cut:]
    return pieces


def wrap_text(text: str, font: Font, max_width: float) -> list[str]:
    """Greedy word wrap by measured pixel width; overlong words are broken."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for piece in _split_word(word, font, max_width):
            candidate = f"{current} {piece}" if current else piece
            if _text_width(font, candidate) <= max_width:
                current = candidate
            else:
                if current:
                    lines.append(current)
                current = piece
    if current:
        lines.append(current)
    return lines or [""]


def _wrap_shrinking(
    text: str, size: int, min_size: int, max_width: float, max_lines: int
) -> tuple[Font, list[str]]:
    """Wrap at ``size``; if that takes more than ``max_lines``, try smaller sizes first."""
    for candidate in range(size, min_size - 1, -1):
        font = _font(candidate)
        lines = wrap_text(text, font, max_width)
        if len(lines) <= max_lines:
            return font, lines
    font = _font(min_size)
    return font, wrap_text(text, font, max_width)


def _largest_fitting_size(text: str, max_width: float, max_size: int) -> int:
    """Largest font size (binary search) at which ``text`` fits on one line."""
    low, high = 8, max_size
    while low < high:
        mid = (low + high + 1) // 2
        if _text_width(_font(mid), text) <= max_width:
            low = mid
        else:
            high = mid - 1
    return low


def qr_image(payload: str, width: int) -> Image.Image:
    """The slip's QR as a black-on-white "L" image with a 4-module quiet zone.

    Modules are whole pixels (at least 4 px) so the code stays sharp on a 203 dpi print head;
    the code aims at roughly 60 % of the paper width.
    """
    check_width(width)
    matrix = qr_matrix(payload, border=QR_QUIET_ZONE)
    modules = len(matrix)
    module_px = max(QR_MIN_MODULE_PX, int(width * 0.6) // modules)
    if modules * module_px > width:
        raise ValueError("QR payload too long for this paper width")
    pixels = bytes(BLACK if dark else WHITE for row in matrix for dark in row)
    small = Image.frombytes("L", (modules, modules), pixels)
    # NEAREST keeps module edges hard: every module becomes an exact square of pixels.
    return small.resize((modules * module_px, modules * module_px), Image.Resampling.NEAREST)


class _Receipt:
    """A tall white strip drawn top to bottom, cropped to the used height at the end."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.margin = width // 24  # 16 px on 58 mm, 24 px on 80 mm
        self.content_width = width - 2 * self.margin
        self.image = Image.new("L", (width, width * 8), WHITE)
        self.draw = ImageDraw.Draw(self.image)
        self.y = self.margin

    def _ensure_room(self, height: int) -> None:
        needed = self.y + height + self.margin
        if needed > self.image.height:
            taller = Image.new("L", (self.width, needed * 2), WHITE)
            taller.paste(self.image, (0, 0))
            self.image = taller
            self.draw = ImageDraw.Draw(self.image)

    def space(self, px: int) -> None:
        self.y += px

    def lines(
        self,
        lines: Sequence[str],
        font: Font,
        *,
        center: bool = True,
        x: int | None = None,
        bold: bool = False,
    ) -> None:
        height = _line_height(font)
        # Fake bold (the built-in font has one weight). A fractional stroke keeps small text from
        # clogging; the big number gets a heavier one so it reads from across the waiting room.
        stroke = (height / 60 if height < 60 else height / 40) if bold else 0.0
        self._ensure_room(height * len(lines))
        for line in lines:
            if center:
                left = round((self.width - _text_width(font, line)) / 2)
            else:
                left = self.margin if x is None else x
            # Anchor "la": y is the ascender line, so every line has the same height.
            self.draw.text(
                (left, self.y),
                line,
                font=font,
                fill=BLACK,
                anchor="la",
                stroke_width=stroke,
                stroke_fill=BLACK,
            )
            self.y += height

    def text(self, text: str, size: int, *, max_lines: int = 3, bold: bool = False) -> None:
        font, lines = _wrap_shrinking(
            fold_ascii(text), size, max(10, size * 3 // 4), self.content_width, max_lines
        )
        self.lines(lines, font, bold=bold)

    def rows(self, rows: Sequence[tuple[str, str]], size: int) -> None:
        """Label/value pairs in two left-aligned columns, each wrapping inside its column."""
        font = _font(size)
        gap = size
        label_col = min(
            max(_text_width(font, fold_ascii(label)) for label, _ in rows),
            self.content_width * 0.4,
        )
        value_x = self.margin + round(label_col) + gap
        value_width = self.width - self.margin - value_x
        for label, value in rows:
            label_lines = wrap_text(fold_ascii(label), font, label_col)
            value_lines = wrap_text(fold_ascii(value), font, value_width)
            top = self.y
            self.lines(label_lines, font, center=False)
            label_bottom = self.y
            self.y = top
            self.lines(value_lines, font, center=False, x=value_x, bold=True)
            self.y = max(self.y, label_bottom) + size // 4

    def rule(self) -> None:
        """A dashed line across the paper, the classic receipt separator."""
        self._ensure_room(4)
        dash = max(4, self.width // 64)
        for left in range(self.margin, self.width - self.margin, dash * 2):
            right = min(left + dash, self.width - self.margin) - 1
            self.draw.line([(left, self.y), (right, self.y)], fill=BLACK, width=2)
        self.y += 2

    def paste_centered(self, image: Image.Image) -> None:
        self._ensure_room(image.height)
        self.image.paste(image, ((self.width - image.width) // 2, self.y))
        self.y += image.height

    def finish(self) -> Image.Image:
        return self.image.crop((0, 0, self.width, self.y + self.margin))


def render_slip(slip: SlipData, width: int = PAPER_58MM) -> Image.Image:
    """The slip as a white, greyscale ("L") image ``width`` pixels wide (384 or 576)."""
    check_width(width)
    labels = slip.labels
    unit = width / PAPER_58MM  # every size below is tuned for 58 mm and scaled for 80 mm
    body = round(20 * unit)
    receipt = _Receipt(width)

    receipt.text(slip.facility_name, round(26 * unit), max_lines=3, bold=True)
    receipt.space(round(10 * unit))
    receipt.rule()
    receipt.space(round(12 * unit))

    receipt.text(labels.title, round(24 * unit), max_lines=2)
    number = fold_ascii(slip.number)
    # Largest size that fills ~90 % of the width, capped so a short number is not absurdly tall.
    size = _largest_fitting_size(number, receipt.content_width * 0.9, round(width * 0.34))
    receipt.lines([number], _font(size), bold=True)
    receipt.space(round(14 * unit))
    receipt.rule()
    receipt.space(round(12 * unit))

    rows = [(labels.poli, slip.poli_name)]
    if slip.doctor_name:
        rows.append((labels.doctor, slip.doctor_name))
    rows.append((labels.date, f"{slip.service_date:%d-%m-%Y}"))
    if slip.jampraktek:
        rows.append((labels.shift, slip.jampraktek))
    receipt.rows(rows, body)
    receipt.space(round(10 * unit))

    receipt.text(labels.people_ahead(slip.people_ahead), round(24 * unit), bold=True)
    if slip.estimate:
        receipt.text(slip.estimate, body, max_lines=2)
    receipt.space(round(4 * unit))
    if slip.masked_card is None:
        receipt.text(labels.non_jkn, body, max_lines=2)
    else:
        receipt.text(f"{labels.card}: {slip.masked_card}", body, max_lines=2)
    receipt.space(round(6 * unit))
    receipt.paste_centered(qr_image(slip.qr_payload, width))
    if slip.address:
        receipt.text(slip.address, round(16 * unit), max_lines=4)
    receipt.space(round(4 * unit))
    if labels.code:  # the code in letters too, for a desk whose scanner cannot read the QR
        head, _, signature = slip.code.rpartition(":")
        receipt.text(labels.code, round(16 * unit))
        receipt.text(f"{head}:", round(18 * unit), max_lines=2)
        receipt.text(signature, round(18 * unit), max_lines=1, bold=True)
        receipt.space(round(6 * unit))

    receipt.text(labels.footer, round(18 * unit), max_lines=4)
    receipt.space(round(8 * unit))
    receipt.text(f"{labels.issued} {slip.issued_at:%d-%m-%Y %H:%M}", round(16 * unit))
    return receipt.finish()


def slip_png_bytes(slip: SlipData, width: int = PAPER_58MM) -> bytes:
    """The rendered slip as PNG bytes, tagged 203 dpi so it prints at its true size."""
    buffer = io.BytesIO()
    render_slip(slip, width).save(buffer, format="PNG", dpi=(PRINTER_DPI, PRINTER_DPI))
    return buffer.getvalue()
