"""The slip's QR drawn with text, for the kiosk screen.

Two module rows share one text row using the half-block characters:

* FOREGROUND = DARK module, BACKGROUND = LIGHT module.
* ``"█"`` both halves dark, ``"▀"`` top dark, ``"▄"`` bottom dark, ``" "`` both light.

A widget showing these rows must therefore style them explicitly **black foreground on white
background** (e.g. ``color: black; background: white;``), never with theme colours: on a dark
theme the default light-on-dark would invert the code, and many scanners reject inverted QRs.
"""

from __future__ import annotations

from kiosk.slip._qr import qr_matrix

TERMINAL_QR_BORDER = 2  # modules; less than print's 4 because the white widget frame adds margin

_CELLS = {
    (False, False): " ",
    (True, False): "\u2580",  # ▀ upper half block
    (False, True): "\u2584",  # ▄ lower half block
    (True, True): "\u2588",  # █ full block
}


def qr_rows(payload: str) -> list[str]:
    """Text rows of the QR for ``payload``; foreground is dark, background is light.

    Every row has the same length (the module count including the border). Pure: same payload,
    same rows.
    """
    matrix = qr_matrix(payload, border=TERMINAL_QR_BORDER)
    if len(matrix) % 2:
        # An odd count leaves a last row without a partner; pair it with a light row.
        matrix.append([False] * len(matrix[0]))
    return [
        "".join(
            _CELLS[(top_dark, bottom_dark)]
            for top_dark, bottom_dark in zip(top, bottom, strict=True)
        )
        for top, bottom in zip(matrix[::2], matrix[1::2], strict=True)
    ]
