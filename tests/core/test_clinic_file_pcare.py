"""The clinic file carries each poli's PCare code and its auto-register switch (pure)."""

from __future__ import annotations

import pytest

from kiosk.assets import assets_dir
from kiosk.domain.clinic_file import ClinicFileError, parse_clinic_file, render_clinic_file

POLI = '[[poli]]\ncode = "001"\nname = "Umum"\nprefix = "A"\n'


def test_the_demo_file_names_pcare_codes_and_they_survive_export() -> None:
    setup = parse_clinic_file((assets_dir() / "demo" / "clinic.toml").read_text())
    codes = {p.code: p.pcare_code for p in setup.polis}
    assert codes == {"001": "001", "002": "002", "003": "003", "004": None, "APT": None}
    assert parse_clinic_file(render_clinic_file(setup)).polis == setup.polis


def test_a_code_and_auto_register_are_read_and_written() -> None:
    setup = parse_clinic_file(POLI + 'pcare_code = "abc"\npcare_auto_register = true\n')
    (poli,) = setup.polis
    assert poli.pcare_code == "ABC" and poli.pcare_auto_register
    text = render_clinic_file(setup)
    assert 'pcare_code = "ABC"' in text and "pcare_auto_register = true" in text


@pytest.mark.parametrize(
    ("extra", "key", "field"),
    [
        ('pcare_code = "00"\n', "clinic.err.pcare_code", "pcare_code"),
        ('pcare_code = "0011"\n', "clinic.err.pcare_code", "pcare_code"),
        ("pcare_code = true\n", "clinic.err.pcare_code", "pcare_code"),
        ('pcare_auto_register = "ya"\n', "clinic.err.bool", "pcare_auto_register"),
        ("pcare_auto_register = true\n", "clinic.err.pcare_auto", "pcare_auto_register"),
    ],
)
def test_bad_values_name_the_line_and_field(extra: str, key: str, field: str) -> None:
    with pytest.raises(ClinicFileError) as caught:
        parse_clinic_file(POLI + extra)
    assert caught.value.key == key and caught.value.line == 5 and field in caught.value.where
