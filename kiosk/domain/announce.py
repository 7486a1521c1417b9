"""What the waiting room hears when a number is called, in words a speech engine reads well."""

from __future__ import annotations

import re

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


def call_text(number: str, poli_name: str, counter: str | None = None) -> str:
    """The board's line: "Nomor antrean A dua belas, silakan menuju Poli Umum, Ruang 2"."""
    where = f"Poli {poli_name}" + (f", {counter}" if counter else "")
    return f"Nomor antrean {number_in_words(number)}, silakan menuju {where}"


def _digits_in_words(text: str) -> str:
    return re.sub(r"[0-9]+", lambda m: num2words(int(m.group()), lang="id"), text)


def spoken_call(number: str, poli_name: str, counter: str | None = None) -> str:
    """For the speech engine: every number in words, the letter as Indonesians say it."""
    where = f"Poli {_digits_in_words(poli_name)}"
    if counter:
        where += f", {_digits_in_words(counter).lower()}"
    return f"Nomor antrean {spoken_number(number)}, silakan ke {where}."
