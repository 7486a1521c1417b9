"""Names and free text from outside (domain/text.py): what is refused, what is cleaned."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.text import (
    NAME_PUNCTUATION,
    NameProblem,
    check_name,
    clean_name,
    clean_text,
    has_invisible,
    shown_text,
)

# Bidirectional controls, zero-width characters and other invisible ones.
INVISIBLE = (
    "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069"  # bidi overrides, embeddings, isolates
    "\u200e\u200f\u061c"  # direction marks
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width characters, soft hyphen
)


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("Siti Aminah", "Siti Aminah"),
        ("  Nur   Hidayah ", "Nur Hidayah"),
        ("Ma\u2019ruf Amin", "Ma'ruf Amin"),
        ("Dr. H. Abdul Rahman, S.Kep", "Dr. H. Abdul Rahman, S.Kep"),
        ("Jean-Pierre O'Neil", "Jean-Pierre O'Neil"),
        ("Ni Luh Putu Ayu\u00a0Sri", "Ni Luh Putu Ayu Sri"),
        ("José Núñez", "José Núñez"),
        ("Jose\u0301", "José"),  # a combining accent, composed
        ("李小龍", "李小龍"),
    ],
)
def test_names_of_letters_spaces_and_punctuation_are_kept(sent: str, kept: str) -> None:
    assert check_name(sent) == kept


@pytest.mark.parametrize(
    ("sent", "problem"),
    [
        ("[/] Hidayat", NameProblem.CHARACTERS),
        ("[@click=app.quit]Rahmat[/] Hidayat", NameProblem.CHARACTERS),
        ("[link=https://example.com]Budi[/link]", NameProblem.CHARACTERS),
        ("<script>Budi</script>", NameProblem.CHARACTERS),
        ("Budi 2", NameProblem.CHARACTERS),
        ("Siti\u202eAminah", NameProblem.CHARACTERS),
        ("Siti\u200bAminah", NameProblem.CHARACTERS),
        ("...", NameProblem.CHARACTERS),
        ("   ", NameProblem.EMPTY),
        ("", NameProblem.EMPTY),
        ("A" * 81, NameProblem.TOO_LONG),
    ],
)
def test_anything_else_in_a_name_is_refused(sent: str, problem: NameProblem) -> None:
    assert check_name(sent) == problem


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("[/] Hidayat", "Hidayat"),
        ("[@click=app.quit]Rahmat[/] Hidayat", "click app.quit Rahmat Hidayat"),
        ("Siti\u202eAminah\u200b", "SitiAminah"),
        ("[b]", "b"),
        ("[/]", ""),
        ("12345", ""),
    ],
)
def test_a_name_from_the_central_is_cleaned(sent: str, kept: str) -> None:
    assert clean_name(sent) == kept


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_a_cleaned_name_is_a_name_or_nothing(sent: str) -> None:
    cleaned = clean_name(sent)
    assert cleaned == "" or check_name(cleaned) == cleaned


@given(st.text(max_size=120))
@settings(max_examples=300, deadline=None)
def test_an_accepted_name_holds_only_letters_spaces_and_punctuation(sent: str) -> None:
    name = check_name(sent)
    if isinstance(name, NameProblem):
        return
    for char in name:
        category = unicodedata.category(char)
        assert category[0] in "LM" or char == " " or char in NAME_PUNCTUATION, (char, category)


@given(st.text(alphabet=st.characters() | st.sampled_from(INVISIBLE), max_size=300))
@settings(max_examples=300, deadline=None)
def test_free_text_keeps_no_invisible_character(sent: str) -> None:
    cleaned = clean_text(sent, 200)
    assert not has_invisible(cleaned)
    assert len(cleaned) <= 200


def test_free_text_loses_bidi_and_zero_width_but_keeps_the_rest() -> None:
    assert clean_text("Demam\u202e tinggi\n\u200bbatuk [/b]") == "Demam tinggi batuk [/b]"
    assert all(has_invisible(char) for char in INVISIBLE)


def test_a_shown_value_loses_only_its_format_characters() -> None:
    assert shown_text("Siti\u202e Aminah\u200b\n[/b]\t1") == "Siti Aminah\n[/b]\t1"
    assert shown_text("a\u2028b") == "a b"
