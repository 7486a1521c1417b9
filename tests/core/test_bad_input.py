"""Bad input drill: arbitrary text into every parser and validator raises only our own error.

Each property runs hypothesis' default 100 examples (more where the space is large); a failure
prints the smallest text that broke it. The identity parsers have their own properties in
test_identity.py; here are the others, and the card/NIK parsers called one by one.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kiosk.config import SECRET_SETTINGS, Settings, SettingsError, load_settings
from kiosk.contract.faskes import BookingRequest, CancelRequest, PatientRequest
from kiosk.contract.faskes import ContractAnswer as _ContractAnswer
from kiosk.domain import slip_code
from kiosk.domain.booking import parse_shift
from kiosk.domain.identity import IdentityError, nik_birth_date, parse_card, parse_nik
from kiosk.domain.numbering import parse_number
from kiosk.domain.registration import Registration, check_registration, parse_norm
from kiosk.domain.slip_code import SlipCode, SlipCodeError, SlipCodeProblem
from kiosk.slip.printer import PrinterSpecError, parse_printer_spec
from kiosk.web.phone import _date

TODAY = date(2026, 11, 23)
KEY = b"a clinic's slip key, 32 bytes.."
MANY = settings(max_examples=400, deadline=None)

# Text a scanner, a keyboard or a forger could produce, weighted towards the shapes we parse.
near_slip = st.builds(
    ":".join,
    st.lists(
        st.one_of(
            st.sampled_from(["AK1", "P3273010", "20261123", "A-001", "7", "", "ak1", "00000000"]),
            st.text(alphabet="AZ09-:az ", max_size=12),
            st.text(max_size=6),
        ),
        min_size=1,
        max_size=8,
    ),
)
any_text = st.one_of(st.text(), near_slip, st.binary().map(lambda b: b.decode("latin-1")))


# -- card, NIK, birth date ---------------------------------------------------------------------


@given(any_text)
def test_parse_card_and_parse_nik_raise_only_identity_errors(text: str) -> None:
    for parse in (parse_card, lambda raw: parse_nik(raw, TODAY)):
        try:
            digits = parse(text)
        except IdentityError:
            continue
        assert digits.isascii() and digits.isdigit()


@given(st.text(alphabet="0123456789", min_size=16, max_size=16), st.dates())
def test_any_sixteen_digits_have_a_birth_date_or_an_identity_error(nik: str, today: date) -> None:
    try:
        born = nik_birth_date(nik, today)
    except IdentityError:
        return
    assert born <= today


# -- slip codes (the QR payload) ---------------------------------------------------------------


@MANY
@given(any_text)
def test_any_scanned_text_is_a_slip_code_or_a_slip_code_error(text: str) -> None:
    try:
        code = slip_code.decode(text, KEY, TODAY)
    except SlipCodeError as error:
        assert isinstance(error.problem, SlipCodeProblem)
    else:  # only a code we signed can pass: the forger would need the key
        assert slip_code.encode(code, KEY).upper() == text.strip().upper()


codes = st.builds(
    SlipCode,
    facility_code=st.from_regex(r"\A[A-Z0-9]{1,20}\Z"),
    service_date=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    number=st.from_regex(r"\A[A-Z]-[0-9]{3}\Z"),
    ticket_id=st.integers(min_value=1, max_value=10**12),
)


@given(codes)
def test_a_signed_code_reads_back_and_a_changed_one_is_refused(code: SlipCode) -> None:
    text = slip_code.encode(code, KEY)
    assert slip_code.decode(text, KEY) == code
    assert slip_code.decode(text.lower(), KEY) == code  # scanners in lower-case mode
    with pytest.raises(SlipCodeError) as forged:
        slip_code.decode(text, b"another clinic's key............")
    assert forged.value.problem == SlipCodeProblem.FORGED
    moved = SlipCode(code.facility_code, code.service_date, code.number, code.ticket_id + 1)
    body, _, signature = text.rpartition(":")
    tampered = slip_code.encode(moved, KEY).rpartition(":")[0] + ":" + signature
    with pytest.raises(SlipCodeError) as changed:
        slip_code.decode(tampered, KEY)
    assert changed.value.problem == SlipCodeProblem.FORGED
    assert body != tampered.rpartition(":")[0]


@given(codes, st.integers(min_value=-3650, max_value=3650).filter(bool))
def test_a_real_slip_of_another_day_is_refused(code: SlipCode, days: int) -> None:
    text = slip_code.encode(code, KEY)
    with pytest.raises(SlipCodeError) as refused:
        slip_code.decode(text, KEY, code.service_date + timedelta(days=days))
    assert refused.value.problem == SlipCodeProblem.OTHER_DAY
    assert slip_code.decode(text, KEY, code.service_date) == code


# -- the phone contract's validators -----------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)


@pytest.mark.parametrize("model", [BookingRequest, CancelRequest, PatientRequest])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_json_body_is_a_request_or_a_validation_error(model: Any, data: st.DataObject) -> None:
    fields = list(model.model_fields)
    body = data.draw(
        st.dictionaries(st.sampled_from([*fields, "extra"]), json_values, max_size=len(fields))
    )
    try:
        model.model_validate(body)
    except ValidationError as error:
        assert error.errors(), "a refusal names at least one field"


@MANY
@given(st.one_of(st.text(), st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")))
def test_any_date_text_is_a_date_or_a_contract_refusal(text: str) -> None:
    try:
        day = _date(text, "tanggalperiksa")
    except _ContractAnswer as answer:
        assert answer.code == 201 and "tanggalperiksa" in answer.message
    else:
        assert isinstance(day, date)


@MANY
@given(st.one_of(st.text(), st.from_regex(r"\A[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}\Z")))
def test_any_jampraktek_is_a_shift_or_a_value_error(text: str) -> None:
    try:
        start, end = parse_shift(text)
    except ValueError:
        return
    assert start < end


@given(any_text)
def test_any_queue_number_text_is_a_number_or_a_value_error(text: str) -> None:
    try:
        prefix, seq = parse_number(text)
    except ValueError:
        return
    assert prefix.isalpha() and 1 <= seq <= 999


# -- registration ------------------------------------------------------------------------------


@given(
    st.text(alphabet="0123456789", min_size=16, max_size=16),
    st.sampled_from(["L", "P", "", "X", "p"]),
    st.dates(),
    st.text(max_size=20),
)
def test_registration_check_is_a_problem_or_none(
    nik: str, sex: str, born: date, norm_text: str
) -> None:
    registration = Registration("0001234567801", nik, nik, "Nama", sex, born)
    # A NIK without a birth date raises IdentityError: the contract refuses it before (parse_nik).
    with contextlib.suppress(IdentityError):
        check_registration(registration, TODAY)
    number = parse_norm(norm_text)
    assert number is None or 0 <= number < 10**6


# -- settings ----------------------------------------------------------------------------------

# Text an environment variable can hold (no NUL, no lone surrogates).
env_text = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"))
SETTING_NAMES = [name for name in Settings.model_fields if name != "data_dir"]


@pytest.mark.parametrize("name", SETTING_NAMES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=env_text)
def test_any_text_in_a_setting_is_a_setting_or_one_line_naming_it(
    name: str, value: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    env_name = f"KIOSK_{name.upper()}"
    before = os.environ.get(env_name)
    os.environ[env_name] = value
    os.environ["KIOSK_DATA_DIR"] = str(tmp_path_factory.getbasetemp() / "settings-data")
    try:
        try:
            load_settings()
        except SettingsError as error:
            message = str(error)
            assert env_name in message
            assert "\n" not in message and "\r" not in message
            if name in SECRET_SETTINGS:
                assert "got" not in message, "a wrong secret is never echoed"
    finally:
        if before is None:
            del os.environ[env_name]
        else:
            os.environ[env_name] = before
        del os.environ["KIOSK_DATA_DIR"]


@pytest.mark.parametrize("name", SETTING_NAMES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans()))
def test_any_value_given_in_code_is_a_setting_or_a_settings_error(
    name: str, value: object, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assume(not (isinstance(value, str) and "\x00" in value and name == "database_url"))
    try:
        load_settings(data_dir=tmp_path_factory.getbasetemp(), **{name: value})
    except SettingsError as error:
        assert f"KIOSK_{name.upper()}" in str(error)


@MANY
@given(any_text)
@example("escpos-net:host:²")  # found by this drill: a superscript digit passed isdigit()
def test_any_printer_text_is_a_spec_or_a_printer_spec_error(text: str) -> None:
    with contextlib.suppress(PrinterSpecError):
        parse_printer_spec(text, Path("slips"))
