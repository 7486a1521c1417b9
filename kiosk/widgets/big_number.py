"""A queue number in block letters that grow with the room the widget is given.

Two bitmap fonts (5x7 and 3x5 pixels) are drawn with half-block characters, so one text row
holds two pixel rows and a pixel can be as narrow as one column. The widget picks the font and
scale that fill most of its area: a few rows at 80x24, a dozen on a 160x48 board across the
room. When even the small font does not fit, the number is plain bold text.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

_FONT_5X7 = {
    "0": ".###. #...# #...# #...# #...# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "####. ....# ....# .###. ....# ....# ####.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "-": "..... ..... ..... ##### ..... ..... .....",
}

_FONT_3X5 = {
    "0": "### #.# #.# #.# ###",
    "1": ".#. ##. .#. .#. ###",
    "2": "### ..# ### #.. ###",
    "3": "### ..# .## ..# ###",
    "4": "#.# #.# ### ..# ..#",
    "5": "### #.. ### ..# ###",
    "6": "### #.. ### #.# ###",
    "7": "### ..# ..# ..# ..#",
    "8": "### #.# ### #.# ###",
    "9": "### #.# ### ..# ###",
    "A": ".#. #.# ### #.# #.#",
    "B": "##. #.# ##. #.# ##.",
    "C": ".## #.. #.. #.. .##",
    "D": "##. #.# #.# #.# ##.",
    "E": "### #.. ##. #.. ###",
    "F": "### #.. ##. #.. #..",
    "G": ".## #.. #.# #.# .##",
    "H": "#.# #.# ### #.# #.#",
    "I": "### .#. .#. .#. ###",
    "J": "..# ..# ..# #.# .#.",
    "K": "#.# #.# ##. #.# #.#",
    "L": "#.. #.. #.. #.. ###",
    "M": "#.# ### ### #.# #.#",
    "N": "##. #.# #.# #.# #.#",
    "O": ".#. #.# #.# #.# .#.",
    "P": "##. #.# ##. #.. #..",
    "Q": ".#. #.# #.# ##. .##",
    "R": "##. #.# ##. #.# #.#",
    "S": ".## #.. .#. ..# ##.",
    "T": "### .#. .#. .#. .#.",
    "U": "#.# #.# #.# #.# ###",
    "V": "#.# #.# #.# #.# .#.",
    "W": "#.# #.# ### ### #.#",
    "X": "#.# #.# .#. #.# #.#",
    "Y": "#.# #.# .#. .#. .#.",
    "Z": "### ..# .#. #.. ###",
    "-": "... ... ### ... ...",
}


@dataclass(frozen=True)
class Font:
    name: str
    width: int
    height: int
    glyphs: dict[str, tuple[str, ...]]
    # How much an area drawn in this font is worth: the coarse font must be twice as big as
    # the fine one to be chosen, it is for tight spaces.
    weight: float = 1.0

    @classmethod
    def parse(cls, name: str, table: dict[str, str], weight: float = 1.0) -> Font:
        glyphs = {char: tuple(rows.split()) for char, rows in table.items()}
        width = len(next(iter(glyphs.values()))[0])
        height = len(next(iter(glyphs.values())))
        for char, rows in glyphs.items():
            if len(rows) != height or any(len(row) != width for row in rows):
                raise ValueError(f"glyph {char!r} of {name} is not {width}x{height}")
        return cls(name, width, height, glyphs, weight)

    def glyph(self, char: str) -> tuple[str, ...]:
        return self.glyphs.get(char.upper(), ("." * self.width,) * self.height)


LARGE = Font.parse("5x7", _FONT_5X7)
SMALL = Font.parse("3x5", _FONT_3X5, weight=0.5)
FONTS = (LARGE, SMALL)  # finest first: it wins a tie
# How much taller than wide a pixel may be drawn: beyond this the letters look squeezed.
_MAX_STRETCH = 1.5
_MAX_SCALE = 16


@dataclass(frozen=True)
class Fit:
    """One way to draw a text: a font, pixels ``sx`` columns wide and ``sy`` half-rows tall."""

    font: Font
    sx: int
    sy: int
    columns: int
    rows: int

    @property
    def score(self) -> float:
        return self.columns * self.rows * self.font.weight


def measure(font: Font, length: int, sx: int, sy: int) -> tuple[int, int]:
    """Columns and rows of ``length`` glyphs (one pixel of space between them)."""
    columns = length * font.width * sx + max(length - 1, 0) * sx
    rows = ceil(font.height * sy / 2)
    return columns, rows


def best_fit(length: int, width: int, height: int) -> Fit | None:
    """The largest drawing of ``length`` glyphs inside ``width`` x ``height``, if any fits."""
    best: Fit | None = None
    if length <= 0:
        return None
    for font in FONTS:
        for sx in range(1, _MAX_SCALE + 1):
            if measure(font, length, sx, sx)[0] > width:
                break
            for sy in range(int(sx * _MAX_STRETCH), sx - 1, -1):
                columns, rows = measure(font, length, sx, sy)
                if rows <= height:
                    fit = Fit(font, sx, sy, columns, rows)
                    if best is None or fit.score > best.score:
                        best = fit
                    break
    return best


def draw(text: str, fit: Fit) -> list[str]:
    """The text's lines in block characters (all ``fit.columns`` wide, ``fit.rows`` of them)."""
    font, sx, sy = fit.font, fit.sx, fit.sy
    gap = "." * sx
    pixel_rows: list[str] = []
    for y in range(font.height):
        row = gap.join("".join(bit * sx for bit in font.glyph(char)[y]) for char in text)
        pixel_rows.extend([row] * sy)
    if len(pixel_rows) % 2:
        pixel_rows.append("." * len(pixel_rows[0]))
    blocks = {("#", "#"): "█", ("#", "."): "▀", (".", "#"): "▄", (".", "."): " "}
    return [
        "".join(blocks[pair] for pair in zip(top, bottom, strict=True))
        for top, bottom in zip(pixel_rows[::2], pixel_rows[1::2], strict=True)
    ]


class BigNumber(Widget):
    """A queue number, as large as its area allows, centred."""

    DEFAULT_CSS = """
    BigNumber {
        width: 1fr;
        height: 1fr;
        text-style: bold;
    }
    """

    text: reactive[str] = reactive("")
    """What to show (``"A-012"``); empty shows nothing."""
    plain: reactive[bool] = reactive(False)
    """Plain bold text, whatever the room (a message rather than a number or a room name)."""

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.set_reactive(BigNumber.text, text)

    @property
    def fit(self) -> Fit | None:
        """The drawing the widget uses at its current size (None: plain text)."""
        size = self.content_size
        return best_fit(len(self.text), size.width, size.height)

    def render(self) -> Text:
        size = self.content_size
        if not self.text or not size.width or not size.height:
            return Text("")
        fit = None if self.plain else self.fit
        lines = draw(self.text, fit) if fit else [self.text]
        width = fit.columns if fit else len(self.text)
        left = " " * max((size.width - width) // 2, 0)
        top = max((size.height - len(lines)) // 2, 0)
        return Text("\n" * top + "\n".join(left + line for line in lines), no_wrap=True)
