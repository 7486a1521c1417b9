"""The vitals form's rules (pure): empty is not measured, every field has a plausible range, the
error names the field and a translation key, a decimal comma is read, the pressure is ordered."""

from __future__ import annotations

import pytest

from kiosk.domain.vitals import FIELD_KEYS, FIELDS, RANGES, Vitals, VitalsError, parse_vitals
from kiosk.i18n import TEXT, t


def test_an_empty_form_is_nothing_measured() -> None:
    vitals = parse_vitals({})
    assert vitals == Vitals() and not vitals.measured
    assert parse_vitals({name: "  " for name in FIELDS}) == Vitals()
    assert parse_vitals({name: "0" for name in FIELDS}) == Vitals()


def test_a_full_form_is_read_with_decimal_commas() -> None:
    vitals = parse_vitals(
        {
            "sistole": "120",
            "diastole": " 80 ",
            "weight": "55,5",
            "height": "158.2",
            "waist": "72",
            "breathing_rate": "18",
            "heart_rate": "76",
        }
    )
    assert vitals == Vitals(120, 80, 55.5, 158.2, 72.0, 18, 76)
    assert vitals.measured
    assert Vitals.from_dict(vitals.as_dict()) == vitals


@pytest.mark.parametrize("name", FIELDS)
def test_each_field_accepts_its_bounds_and_refuses_just_outside(name: str) -> None:
    low, high, decimals = RANGES[name]
    # Diastole with a sistole above it: the pair must stay ordered.
    other = {"sistole": "300"} if name == "diastole" else {}
    for inside in (low, high):
        text = f"{inside:g}"
        assert getattr(parse_vitals({name: text, **other}), name) == inside
    step = 0.1 if decimals else 1
    for outside in (low - step, high + step):
        if outside <= 0:
            continue
        with pytest.raises(VitalsError) as caught:
            parse_vitals({name: f"{outside:g}", **other})
        assert caught.value.field == name and caught.value.key == "vitals.err.range"
        assert caught.value.params["low"] and caught.value.params["high"]


@pytest.mark.parametrize("text", ["abc", "12a", "1e400", "nan", "inf", "--5", "1.2.3", "٣"])
def test_text_that_is_no_number_names_the_field(text: str) -> None:
    with pytest.raises(VitalsError) as caught:
        parse_vitals({"heart_rate": text})
    assert caught.value.field == "heart_rate"
    assert caught.value.key in ("vitals.err.number", "vitals.err.range")


@pytest.mark.parametrize("name", [n for n in FIELDS if not RANGES[n][2]])
def test_counts_and_pressures_are_whole_numbers(name: str) -> None:
    with pytest.raises(VitalsError) as caught:
        parse_vitals({name: "60,5"})
    assert caught.value.key == "vitals.err.whole" and caught.value.field == name


def test_negative_values_are_out_of_range() -> None:
    with pytest.raises(VitalsError) as caught:
        parse_vitals({"weight": "-3"})
    assert caught.value.key == "vitals.err.range"


def test_diastole_must_be_below_sistole() -> None:
    with pytest.raises(VitalsError) as caught:
        parse_vitals({"sistole": "90", "diastole": "90"})
    assert caught.value.key == "vitals.err.pressure" and caught.value.field == "diastole"
    assert parse_vitals({"diastole": "90"}).diastole == 90  # alone it is fine


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(VitalsError) as caught:
        parse_vitals({"temperature": "37"})
    assert caught.value.key == "vitals.err.unknown"


def test_the_value_is_checked_when_built_directly_too() -> None:
    with pytest.raises(VitalsError):
        Vitals(sistole=1200)
    with pytest.raises(VitalsError):
        Vitals(heart_rate=True)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_message_and_field_name_is_translated(lang: str) -> None:
    for key in FIELD_KEYS.values():
        assert key in TEXT
    for key in ("number", "whole", "range", "pressure", "unknown"):
        assert f"vitals.err.{key}" in TEXT
    try:
        parse_vitals({"sistole": "1200"})
    except VitalsError as error:
        text = t(error.key, lang, field=t(FIELD_KEYS[error.field], lang), **error.params)
        assert "1200" in text and "40" in text and "300" in text


def test_the_desks_message_names_the_field_in_its_language() -> None:
    from kiosk.services.registration import vitals_message

    try:
        parse_vitals({"heart_rate": "300"})
    except VitalsError as error:
        assert vitals_message(error, "id").startswith("nadi per menit 300 di luar batas wajar")
        assert vitals_message(error, "en").startswith("heart rate per minute 300 is outside")
    try:
        parse_vitals({"temp": "1"})
    except VitalsError as error:
        assert "temp" in vitals_message(error, "en")
