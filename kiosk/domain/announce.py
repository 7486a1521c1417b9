"""What the waiting room hears when a number is called, in words a speech engine reads well."""

from __future__ import annotations

from num2words import num2words

from kiosk.domain.numbering import parse_number

# Letters spelled as Indonesians say them, so "B" is not read as an English "bee".
_LETTERS = {
    "A": "a",
    "B": "be",
    "C": "ce",
    "D": "de",
    "E": "e",
    "F": "ef",
    "G": "ge",
    "H": "ha",
    "I": "i",
    "J": "je",
    "K": "ka",
    "L": "el",
    "M": "em",
    "N": "en",
    "O": "o",
    "P": "pe",
    "Q": "ki",
    "R": "er",
    "S": "es",
    "T": "te",
    "U": "u",
    "V": "ve",
    "W": "we",
    "X": "eks",
    "Y": "ye",
    "Z": "zet",
}


def number_in_words(number: str) -> str:
    """``"A-012"`` -> ``"A dua belas"`` (the letter as written, the number in Indonesian words)."""
    prefix, seq = parse_number(number)
    return f"{prefix} {num2words(seq, lang='id')}"


def spoken_number(number: str) -> str:
    """For the speech engine: ``"A-012"`` -> ``"a, dua belas"``."""
    prefix, seq = parse_number(number)
    return f"{_LETTERS[prefix]}, {num2words(seq, lang='id')}"


def call_text(number: str, poli_name: str) -> str:
    """The board's line: "Nomor antrean A dua belas, silakan menuju Poli Umum"."""
    return f"Nomor antrean {number_in_words(number)}, silakan menuju Poli {poli_name}"
