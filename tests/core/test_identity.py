"""Card numbers and NIKs: parsing, each failure's own problem, birth dates, masking."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.identity import (
    Identity,
    IdentityError,
    IdentityKind,
    IdentityProblem,
    clean,
    nik_birth_date,
    nik_is_female,
    parse_card,
    parse_identity,
    parse_nik,
)

TODAY = date(2026, 11, 23)
SITI_NIK = "3273014507900001"  # female: day 45 -> 5 July 1990
BUDI_NIK = "3273011203150002"  # male, 12 March 2015
CARD = "0001234567801"


# -- valid input -------------------------------------------------------------------------------


def test_card_of_13_digits_is_a_card() -> None:
    identity = parse_identity(CARD, TODAY)
    assert identity == Identity(IdentityKind.CARD, CARD)
    assert parse_card(CARD) == CARD


@pytest.mark.parametrize("nik", [SITI_NIK, BUDI_NIK])
def test_demo_niks_are_niks(nik: str) -> None:
    identity = parse_identity(nik, TODAY)
    assert identity.kind == IdentityKind.NIK
    assert identity.digits == nik
    assert parse_nik(nik, TODAY) == nik


def test_female_nik_day_has_forty_added() -> None:
    assert nik_birth_date(SITI_NIK, TODAY) == date(1990, 7, 5)
    assert nik_is_female(SITI_NIK)


def test_male_nik_birth_date() -> None:
    assert nik_birth_date(BUDI_NIK, TODAY) == date(2015, 3, 12)
    assert not nik_is_female(BUDI_NIK)


@pytest.mark.parametrize(
    "typed",
    ["3273 0145-0790 0001", " 3273-0145-0790-0001 ", "3273\t014507900001", "32730145 -- 07900001"],
)
def test_spaces_and_dashes_are_ignored(typed: str) -> None:
    assert clean(typed) == SITI_NIK
    assert parse_identity(typed, TODAY) == Identity(IdentityKind.NIK, SITI_NIK)
    assert parse_nik(typed, TODAY) == SITI_NIK


def test_card_with_separators() -> None:
    assert parse_card("0001-2345-678 01") == CARD
    assert parse_identity("0001 2345 678 01", TODAY).kind == IdentityKind.CARD


# -- each failure maps to its own problem ------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", IdentityProblem.EMPTY),
        ("   ", IdentityProblem.EMPTY),
        (" - - ", IdentityProblem.EMPTY),
        ("32730145O7900001", IdentityProblem.NOT_DIGITS),  # a letter O
        ("abc", IdentityProblem.NOT_DIGITS),
        ("３２７３０１４５０７９００００１", IdentityProblem.NOT_DIGITS),  # full-width digits
        ("1" * 12, IdentityProblem.WRONG_LENGTH),
        ("1", IdentityProblem.WRONG_LENGTH),
        ("1" * 14, IdentityProblem.NIK_LENGTH),
        ("1" * 15, IdentityProblem.NIK_LENGTH),
        ("1" * 17, IdentityProblem.NIK_LENGTH),
        ("9973014507900001", IdentityProblem.NIK_PROVINCE),
        ("0073014507900001", IdentityProblem.NIK_PROVINCE),
        ("2073014507900001", IdentityProblem.NIK_PROVINCE),
        ("3273013207900001", IdentityProblem.NIK_BIRTH_DATE),  # day 32
        ("3273017207900001", IdentityProblem.NIK_BIRTH_DATE),  # day 72 (women: 32)
        ("3273014007900001", IdentityProblem.NIK_BIRTH_DATE),  # day 40
        ("3273010007900001", IdentityProblem.NIK_BIRTH_DATE),  # day 00
        ("3273010513900001", IdentityProblem.NIK_BIRTH_DATE),  # month 13
        ("3273010500900001", IdentityProblem.NIK_BIRTH_DATE),  # month 00
        ("3273013002900001", IdentityProblem.NIK_BIRTH_DATE),  # 30 February
        ("3273012902930001", IdentityProblem.NIK_BIRTH_DATE),  # 29 February 1993/2093
        ("3273014507900000", IdentityProblem.NIK_SERIAL),
    ],
)
def test_each_failure_has_its_problem(typed: str, problem: IdentityProblem) -> None:
    with pytest.raises(IdentityError) as caught:
        parse_identity(typed, TODAY)
    assert caught.value.problem is problem
    assert str(caught.value) == problem.value


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", IdentityProblem.EMPTY),
        ("000123456780x", IdentityProblem.NOT_DIGITS),
        ("1" * 12, IdentityProblem.CARD_LENGTH),
        ("1" * 14, IdentityProblem.CARD_LENGTH),
        (SITI_NIK, IdentityProblem.CARD_LENGTH),
    ],
)
def test_parse_card_failures(typed: str, problem: IdentityProblem) -> None:
    with pytest.raises(IdentityError) as caught:
        parse_card(typed)
    assert caught.value.problem is problem


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", IdentityProblem.EMPTY),
        ("32730145079000a1", IdentityProblem.NOT_DIGITS),
        (CARD, IdentityProblem.NIK_LENGTH),
        ("1" * 15, IdentityProblem.NIK_LENGTH),
        ("1" * 17, IdentityProblem.NIK_LENGTH),
        ("9973014507900001", IdentityProblem.NIK_PROVINCE),
        ("3273013207900001", IdentityProblem.NIK_BIRTH_DATE),
        ("3273014507900000", IdentityProblem.NIK_SERIAL),
    ],
)
def test_parse_nik_failures(typed: str, problem: IdentityProblem) -> None:
    with pytest.raises(IdentityError) as caught:
        parse_nik(typed, TODAY)
    assert caught.value.problem is problem


def test_leap_day_nik_is_valid() -> None:
    assert nik_birth_date("3273012902920001", TODAY) == date(1992, 2, 29)
    assert nik_birth_date("3273016902000001", TODAY) == date(2000, 2, 29)


def test_women_day_71_is_the_31st() -> None:
    assert nik_birth_date("3273017101990001", TODAY) == date(1999, 1, 31)


# -- the century rule --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nik", "today", "born"),
    [
        ("3273011203150002", TODAY, date(2015, 3, 12)),
        ("3273011203300002", TODAY, date(1930, 3, 12)),  # 2030 is still to come
        ("3273012311260002", TODAY, date(2026, 11, 23)),  # born today: this century
        ("3273012411260002", TODAY, date(1926, 11, 24)),  # tomorrow in 2026: so 1926
        ("3273010101000002", TODAY, date(2000, 1, 1)),
        ("3273011203150002", date(2014, 1, 1), date(1915, 3, 12)),
        ("3273011203990002", TODAY, date(1999, 3, 12)),
    ],
)
def test_century_puts_the_birth_date_in_the_past(nik: str, today: date, born: date) -> None:
    assert nik_birth_date(nik, today) == born


# -- privacy -----------------------------------------------------------------------------------


@pytest.mark.parametrize("number", [CARD, SITI_NIK, BUDI_NIK])
def test_identity_text_never_shows_the_full_number(number: str) -> None:
    identity = parse_identity(number, TODAY)
    for shown in (str(identity), repr(identity), f"{identity}", f"{identity!r}", str([identity])):
        assert number not in shown
        assert number[-4:] in shown
        assert number[:9] not in shown


# -- properties --------------------------------------------------------------------------------


@given(st.text())
def test_any_text_is_an_identity_or_an_identity_error(text: str) -> None:
    try:
        result = parse_identity(text, TODAY)
    except IdentityError as error:
        assert isinstance(error.problem, IdentityProblem)
    else:
        assert isinstance(result, Identity)
        assert len(result.digits) in (13, 16)


_noise = st.sampled_from(["", " ", "-", "  ", " - "])


@given(
    st.lists(st.tuples(st.sampled_from("0123456789"), _noise), min_size=16, max_size=16).map(
        lambda pairs: "".join(d + n for d, n in pairs)
    )
)
def test_sixteen_digits_with_noise_are_nik_or_an_identity_error(text: str) -> None:
    try:
        result = parse_identity(text, TODAY)
    except IdentityError as error:
        assert error.problem in {
            IdentityProblem.NIK_PROVINCE,
            IdentityProblem.NIK_BIRTH_DATE,
            IdentityProblem.NIK_SERIAL,
        }
    else:
        assert result.kind == IdentityKind.NIK
        assert result.digits == clean(text)


@given(st.text(alphabet="0123456789", min_size=13, max_size=13))
def test_any_thirteen_digits_are_a_card(digits: str) -> None:
    identity = parse_identity(digits, TODAY)
    assert identity == Identity(IdentityKind.CARD, digits)
    assert digits not in str(identity)
    assert parse_card(digits) == digits


@given(
    st.sampled_from(["32", "11", "96", "31"]),
    st.dates(min_value=date(1927, 1, 1), max_value=TODAY),
    st.booleans(),
    st.integers(min_value=1, max_value=9999),
)
def test_valid_niks_roundtrip_their_birth_date(
    province: str, born: date, female: bool, serial: int
) -> None:
    day = born.day + (40 if female else 0)
    nik = f"{province}7301{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
    assert parse_identity(nik, TODAY).digits == nik
    assert nik_birth_date(nik, TODAY) == born
    assert nik_is_female(nik) is female
