"""Every user-facing string, in Indonesian (default) and English, and the one lookup ``t()``.

The words live with the face that shows them, one table per file in this package:
``kiosk.py`` (the patient kiosk and its slip), ``desk.py``, ``board.py``, ``web.py`` (``kiosk
serve`` and the phone page), ``central.py`` (``kiosk central``), ``commands.py`` (the
administration commands) and ``common.py`` (words more than one face shows). A new key goes
into the file of the face that shows it; ``tests/core/test_i18n.py`` checks that every key has
both languages, is defined once, and that every key the code names exists.

``t("key", lang, **params)`` formats with ``str.format``. A missing key is a bug caught by the
tests; at run time it falls back to the key itself, never a crash.
"""

from __future__ import annotations

from typing import Literal

from kiosk.i18n import board, central, commands, common, desk, kiosk, web

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

# Each face's table by its file's name, for the tests and for a reader looking for a word.
TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "common": common.TEXT,
    "kiosk": kiosk.TEXT,
    "desk": desk.TEXT,
    "board": board.TEXT,
    "web": web.TEXT,
    "central": central.TEXT,
    "commands": commands.TEXT,
}

TEXT: dict[str, tuple[str, str]] = {
    key: pair for table in TABLES.values() for key, pair in table.items()
}


def t(key: str, lang: str = "id", **params: object) -> str:
    pair = TEXT.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text


def rupiah(amount: int) -> str:
    """``150000`` -> ``Rp150.000`` (Indonesian thousands separator)."""
    return "Rp" + f"{amount:,}".replace(",", ".")


def people_ahead(n: int, lang: str = "id") -> str:
    """How many wait before a ticket, the same words on the screen and on the slip."""
    if n <= 0:
        return t("ticket.ahead_none", lang)
    if n == 1:
        return t("ticket.ahead_one", lang)
    return t("ticket.ahead", lang, n=n)


def term(kind: str, value: str | None, lang: str = "id") -> str:
    """A registry word (``relation``, ``class``) in the kiosk's language; unknown ones as given."""
    if not value:
        return ""
    key = f"{kind}.{value}"
    return t(key, lang) if key in TEXT else value
