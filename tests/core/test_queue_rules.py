"""The desk's calling order and the board's spoken words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.announce import call_text, number_in_words, spoken_number
from kiosk.domain.fairness import Waiting, is_elderly, next_to_call

START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("seq", "words"),
    [
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (112, "seratus dua belas"),
        (999, "sembilan ratus sembilan puluh sembilan"),
    ],
)
def test_numbers_in_indonesian_words(seq: int, words: str) -> None:
    assert number_in_words(f"A-{seq:03d}") == f"A {words}"


def test_every_number_has_words_without_digits() -> None:
    for seq in range(1, 1000):
        text = number_in_words(f"B-{seq:03d}")
        assert text.startswith("B ") and not any(ch.isdigit() for ch in text)


def test_call_text_and_spoken_letter() -> None:
    assert call_text("A-012", "Umum") == "Nomor antrean A dua belas, silakan menuju Poli Umum"
    assert spoken_number("B-112") == "be, seratus dua belas"


def scripted_day(pattern: str) -> list[Waiting]:
    """``"RRPRP"``: regular and priority arrivals, one minute apart."""
    return [
        Waiting(i + 1, i + 1, kind == "P", START + timedelta(minutes=i))
        for i, kind in enumerate(pattern)
    ]


def call_all(waiting: list[Waiting], ratio: int = 2) -> list[Waiting]:
    calls, since = [], 0
    left = list(waiting)
    while (chosen := next_to_call(left, since, ratio)) is not None:
        calls.append(chosen)
        left.remove(chosen)
        since = 0 if chosen.priority else since + 1
    return calls


def test_one_priority_call_per_two_regular() -> None:
    calls = call_all(scripted_day("RRRRRRPPP"))
    assert "".join("P" if c.priority else "R" for c in calls) == "RRPRRPRRP"


def test_priority_waits_no_longer_than_the_ratio_allows_and_regular_never_starves() -> None:
    calls = call_all(scripted_day("PPPPPPRR"))
    kinds = "".join("P" if c.priority else "R" for c in calls)
    # Priority first (nobody regular had waited), yet the regular patients are not left to last.
    assert kinds.index("R") < len(kinds) - 2


@given(st.text(alphabet="RP", min_size=1, max_size=40), st.integers(min_value=1, max_value=4))
def test_everyone_is_called_once_in_arrival_order_within_a_lane(pattern: str, ratio: int) -> None:
    calls = call_all(scripted_day(pattern), ratio)
    assert sorted(c.ticket_id for c in calls) == list(range(1, len(pattern) + 1))
    for lane in (True, False):
        ids = [c.ticket_id for c in calls if c.priority is lane]
        assert ids == sorted(ids)
    # Between two priority calls, at most `ratio` regular calls while priority patients wait.
    run = 0
    for index, call in enumerate(calls):
        priority_waiting = any(c.priority for c in calls[index:])
        run = 0 if call.priority else run + 1
        if priority_waiting:
            assert run <= ratio


def test_elderly_from_birth_date() -> None:
    assert is_elderly(date(1966, 11, 23), date(2026, 11, 23))
    assert not is_elderly(date(1966, 11, 24), date(2026, 11, 23))
    assert not is_elderly(None, date(2026, 11, 23))
