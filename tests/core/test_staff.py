"""Staff accounts: slow salted PIN hashes, sign-in, lockout after wrong PINs, disable."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.services.errors import Refused
from kiosk.services.staff import LOCK_MINUTES, MAX_ATTEMPTS, StaffService, hash_pin, pin_matches
from kiosk.store.models import StaffRow


@pytest.fixture
def staff(clinic: Any) -> StaffService:
    return StaffService(clinic.store, clinic.services.clock)


def refusal(call: Any) -> str:
    with pytest.raises(Refused) as refused:
        call()
    return refused.value.key


def test_pins_are_salted_slow_hashes() -> None:
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second and "1234" not in first
    assert first.startswith("pbkdf2_sha256$200000$")
    assert pin_matches("1234", first) and not pin_matches("1235", first)
    assert not pin_matches("1234", "garbage")


def test_add_sign_in_list_and_disable(staff: StaffService, clinic: Any) -> None:
    staff.add("sari", "4321", "desk")
    assert staff.sign_in("sari", "4321").role == "desk"
    assert refusal(lambda: staff.add("sari", "1111")) == "staff.exists"
    assert refusal(lambda: staff.add("x", "1111")) == "staff.bad_name"
    assert refusal(lambda: staff.add("budi", "12")) == "staff.bad_pin"
    assert refusal(lambda: staff.add("budi", "1234", "boss")) == "staff.bad_role"
    assert [m.name for m in staff.list()] == ["sari"]
    staff.disable("sari")
    assert refusal(lambda: staff.sign_in("sari", "4321")) == "staff.disabled"
    with clinic.store.read() as session:
        stored = session.scalars(select(StaffRow.pin_hash)).one()
    assert "4321" not in stored


def test_wrong_pins_lock_the_user_for_a_while(staff: StaffService, clinic: Any) -> None:
    staff.add("sari", "4321")
    for _ in range(MAX_ATTEMPTS - 1):
        assert refusal(lambda: staff.sign_in("sari", "0000")) == "staff.wrong"
    assert refusal(lambda: staff.sign_in("sari", "0000")) == "staff.locked"
    assert refusal(lambda: staff.sign_in("sari", "4321")) == "staff.locked"  # even the right PIN
    clinic.clock.instant += timedelta(minutes=LOCK_MINUTES + 1)
    assert staff.sign_in("sari", "4321").name == "sari"


def test_unknown_user_and_wrong_pin_look_the_same(staff: StaffService) -> None:
    staff.add("sari", "4321")
    assert refusal(lambda: staff.sign_in("nobody", "4321")) == refusal(
        lambda: staff.sign_in("sari", "9999")
    )
