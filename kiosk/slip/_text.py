"""Fold text to the characters every slip output can show.

Pillow's built-in font covers little beyond printable ASCII (an "é" or "•" draws as an empty
box), and thermal printers disagree about code pages. Plain ASCII prints right everywhere.
"""

from __future__ import annotations

import unicodedata

# Characters a caller is likely to send, with the ASCII a receipt would use instead.
_REPLACEMENTS = {
    "\u2022": "*",  # • bullet, used by masked card numbers
    "\u25cf": "*",  # ● black circle
    "\u2219": "*",  # ∙ bullet operator
    "\u00b7": "*",  # · middle dot
    "\u2013": "-",  # – en dash
    "\u2014": "-",  # — em dash
    "\u2212": "-",  # − minus
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u00a0": " ",
}


def fold_ascii(text: str) -> str:
    """Printable ASCII rendition of ``text``: accents dropped, bullets as ``*``, rest ``?``."""
    out: list[str] = []
    for char in text:
        if " " <= char <= "~":
            out.append(char)
        elif char in _REPLACEMENTS:
            out.append(_REPLACEMENTS[char])
        elif char in "\t\r\n":
            out.append(" ")
        else:
            # NFKD splits "é" into "e" + combining accent; keep the ASCII part if there is one.
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if " " <= c <= "~")
            out.append(base or "?")
    return "".join(out)
