"""Free text from outside (names, complaints, reasons, the central's messages): what may be kept.

Two rules, applied where text comes in (the phone, the central, the kiosk's keyboard):
- A **name** is letters (any script), spaces and ``. ' - ,``. From the phone anything else is
  refused; from the central's registry it is cleaned, since the clinic cannot ask BPJS again.
- **No free text keeps invisible characters**: bidirectional controls (U+202E turns the rest of a
  line around), zero-width characters (U+200B), other format and control characters. They make a
  desk or a slip show something other than what is stored.

Showing text never depends on this: screens treat every value as text (``kiosk/widgets/plain``).
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

NAME_MAX = 80
NAME_PUNCTUATION = frozenset(".'-,")
# Typographic quotes a phone keyboard puts in "Ma'ruf": the same apostrophe to the clinic.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Control (Cc), format: bidi and zero-width (Cf), line/paragraph separators (Zl, Zp), surrogates,
# private use and unassigned code points.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


class NameProblem(StrEnum):
    """Why a name was refused."""

    EMPTY = "empty"
    CHARACTERS = "characters"  # something but letters, spaces and . ' - ,
    TOO_LONG = "too_long"


def is_invisible(char: str) -> bool:
    """A character that hides, reorders or breaks what is shown around it."""
    return unicodedata.category(char) in _INVISIBLE


def has_invisible(text: str) -> bool:
    return any(is_invisible(char) for char in text)


def clean_text(text: str, limit: int | None = None) -> str:
    """Free text without invisible characters: line breaks and tabs become spaces, bidi and
    zero-width characters go; trimmed, and cut to ``limit`` characters."""
    kept = "".join(
        " " if char in "\t\n\r\v\f" else char
        for char in unicodedata.normalize("NFC", text)
        if char in "\t\n\r\v\f" or not is_invisible(char)
    ).strip()
    return kept[:limit].rstrip() if limit is not None else kept


def shown_text(text: str) -> str:
    """What a screen shows of a value: no bidi, zero-width or other format character (a value
    stored before these rules may hold one); line breaks and tabs stay, the layout needs them."""
    return "".join(
        " " if unicodedata.category(char) in ("Zl", "Zp") else char
        for char in text
        if unicodedata.category(char) != "Cf"
    )


def _name_char(char: str) -> bool:
    # Letters of any script, and the combining marks some scripts write them with.
    return char.isalpha() or unicodedata.category(char).startswith("M")


def _normal_name(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    # Any kind of space (no-break, ideographic ...) is a plain one; runs of them are one.
    return " ".join("".join(" " if c.isspace() else c for c in text).split())


def check_name(text: str) -> str | NameProblem:
    """The name as it will be kept (spaces tidied, apostrophes plain), or why it is refused."""
    name = _normal_name(text)
    if not any(_name_char(char) for char in name):
        return NameProblem.EMPTY if not name else NameProblem.CHARACTERS
    if any(not (_name_char(c) or c == " " or c in NAME_PUNCTUATION) for c in name):
        return NameProblem.CHARACTERS
    if len(name) > NAME_MAX:
        return NameProblem.TOO_LONG
    return name


def clean_name(text: str) -> str:
    """A name from a source that cannot be refused (the central's registry): what the name rule
    refuses becomes a space; empty when nothing of a name is left."""
    kept = "".join(
        char if _name_char(char) or char in NAME_PUNCTUATION else " "
        for char in _normal_name(text)
        if not is_invisible(char)
    )
    name = " ".join(kept.split())
    if not any(_name_char(char) for char in name):
        return ""
    return name[:NAME_MAX].rstrip()
