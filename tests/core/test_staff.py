"""Staff accounts: slow salted PIN hashes, sign-in, lockout after wrong PINs, disable."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.services.errors import Refused
from kiosk.services.staff import (
    EXIT_FREE_ATTEMPTS,
    LOCK_MINUTES,
    MAX_ATTEMPTS,
    PIN_ITERATIONS,
    ExitPin,
    StaffService,
    hash_pin,
    lock_minutes,
    pin_matches,
)
from kiosk.store.models import StaffRow
from tests.conftest import KIOSK_EXIT_PIN_ITERATIONS, QUICK_PIN_ITERATIONS


@pytest.fixture
def staff(clinic: Any) -> StaffService:
    return StaffService(clinic.store, clinic.services.clock, QUICK_PIN_ITERATIONS)


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


def test_the_kiosk_keeps_each_pin_at_the_slow_count(clinic: Any) -> None:
    """The tests' own staff use a quick count (tests/conftest.py); the kiosk's never does."""
    StaffService(clinic.store, clinic.services.clock).add("sari", "4321")
    with clinic.store.read() as session:
        stored = session.scalars(select(StaffRow.pin_hash)).one()
    assert PIN_ITERATIONS == 200_000
    assert stored.startswith("pbkdf2_sha256$200000$")


def test_the_kiosk_hashes_its_exit_pin_at_the_real_count() -> None:
    """Tests hash it at the quick count (tests/conftest.py); the kiosk keeps the real one."""
    assert KIOSK_EXIT_PIN_ITERATIONS == PIN_ITERATIONS
    assert ExitPin("97531")._hash.startswith(f"pbkdf2_sha256${QUICK_PIN_ITERATIONS}$")


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


def test_names_with_spaces_are_welcome(staff: StaffService) -> None:
    member = staff.add("  Budi   Santoso ", "4321")
    assert member.name == "Budi Santoso"
    assert staff.sign_in("Budi Santoso", "4321").name == "Budi Santoso"
    assert staff.sign_in(" Budi  Santoso", "4321").name == "Budi Santoso"
    assert refusal(lambda: staff.add("Budi Santoso", "1111")) == "staff.exists"
    assert staff.add("Nur'aini R.", "1111").name == "Nur'aini R."
    for bad in ("Budi [b]", "Budi\u202eX", "1budi", "Budi;drop"):
        assert refusal(lambda bad=bad: staff.add(bad, "1111")) == "staff.bad_name"


def test_disabled_is_said_only_to_whoever_knows_the_pin(staff: StaffService) -> None:
    staff.add("sari", "4321")
    staff.disable("sari")
    assert refusal(lambda: staff.sign_in("sari", "9999")) == "staff.wrong"
    assert refusal(lambda: staff.sign_in("sari", "4321")) == "staff.disabled"


def test_an_admin_sets_a_new_pin_which_ends_the_lock_and_enables_again(
    staff: StaffService, clinic: Any
) -> None:
    staff.add("sari", "4321")
    _lock_out(staff, "sari")
    assert refusal(lambda: staff.sign_in("sari", "4321")) == "staff.locked"
    assert refusal(lambda: staff.set_pin("sari", "12")) == "staff.bad_pin"
    assert refusal(lambda: staff.set_pin("nobody", "5832")) == "staff.unknown"
    assert staff.set_pin(" sari ", "5832").locked_until is None
    assert refusal(lambda: staff.sign_in("sari", "4321")) == "staff.wrong"  # the old PIN is gone
    assert staff.sign_in("sari", "5832").name == "sari"
    assert [kind for _at, _name, kind, _detail in staff.events()] == ["locked", "pin_set"]
    staff.disable("sari")
    assert refusal(lambda: staff.sign_in("sari", "5832")) == "staff.disabled"
    assert staff.enable("sari").active
    assert staff.sign_in("sari", "5832").name == "sari"


def _lock_out(staff: StaffService, name: str) -> None:
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(Refused):
            staff.sign_in(name, "0000")


def test_each_lock_in_a_row_lasts_longer_and_is_audited(staff: StaffService, clinic: Any) -> None:
    staff.add("sari", "4321")
    waited = []
    for _ in range(3):
        _lock_out(staff, "sari")
        with clinic.store.read() as session:
            row = session.scalars(select(StaffRow)).one()
            assert row.locked_until is not None
            waited.append(row.locked_until - clinic.clock.instant)
        # A lock does not start over while it runs: more wrong PINs change nothing.
        assert refusal(lambda: staff.sign_in("sari", "0000")) == "staff.locked"
        clinic.clock.instant += waited[-1] + timedelta(seconds=1)
    assert waited == [timedelta(minutes=m) for m in (10, 20, 40)]
    events = staff.events()
    assert [(name, kind) for _at, name, kind, _detail in events] == [("sari", "locked")] * 3
    assert events[2][3] == "lock 3 in a row after 5 wrong PINs: 40 min"
    # A good sign-in ends the streak: the next lock is short again.
    assert staff.sign_in("sari", "4321").name == "sari"
    _lock_out(staff, "sari")
    assert staff.events()[-1][3].endswith(": 10 min")
    assert lock_minutes(1) == LOCK_MINUTES and lock_minutes(40) == 24 * 60


def test_an_unknown_name_costs_a_pin_hash_like_a_known_one(
    staff: StaffService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Uniform timing, counted rather than timed: every answer hashes the PIN exactly once."""
    import kiosk.services.staff as module

    staff.add("sari", "4321")
    staff.add("dewi", "4321")
    staff.disable("dewi")
    hashed: list[str] = []
    real = module.pin_matches
    monkeypatch.setattr(
        module, "pin_matches", lambda pin, stored: hashed.append(pin) or real(pin, stored)
    )
    for name, pin in (("nobody", "1111"), ("sari", "1111"), ("dewi", "1111"), ("sari", "4321")):
        hashed.clear()
        with contextlib.suppress(Refused):
            staff.sign_in(name, pin)
        assert hashed == [pin], name
    _lock_out(staff, "sari")
    hashed.clear()
    assert refusal(lambda: staff.sign_in("sari", "4321")) == "staff.locked"
    assert len(hashed) == 1


def _kiosk(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {"KIOSK_DATA_DIR": str(tmp_path), "KIOSK_CONFIG_FILE": str(tmp_path / "none.toml")}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "staff", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow  # `kiosk` processes of its own
def test_the_staff_commands_as_an_administrator_types_them(tmp_path: Path) -> None:
    empty = _kiosk(tmp_path, "list")
    assert empty.returncode == 0
    assert empty.stdout.startswith("No staff yet. Add one with: kiosk staff add")
    added = _kiosk(tmp_path, "add", "Budi Santoso", "--pin", "4826")
    assert (added.returncode, added.stdout) == (0, "Added Budi Santoso (desk)\n")
    listed = _kiosk(tmp_path, "list").stdout.split()
    assert listed == ["Budi", "Santoso", "desk", "active"]
    refused = _kiosk(tmp_path, "add", "Budi [b]", "--pin", "4826")
    assert refused.returncode == 2
    assert refused.stderr.startswith("kiosk: Staff name: 2-40 letters, digits, spaces")
    # A forgotten PIN, a name that left and came back: each a command, each one line.
    new_pin = _kiosk(tmp_path, "pin", "Budi  Santoso", "--pin", "5832")
    assert (new_pin.returncode, new_pin.stdout) == (0, "New PIN set for Budi Santoso\n")
    assert _kiosk(tmp_path, "disable", "Budi Santoso").stdout == "Disabled Budi Santoso\n"
    assert _kiosk(tmp_path, "list").stdout.split()[-1] == "disabled"
    assert _kiosk(tmp_path, "enable", "Budi Santoso").stdout == "Enabled Budi Santoso\n"
    unknown = _kiosk(tmp_path, "pin", "Sari", "--pin", "5832")
    assert (unknown.returncode, unknown.stderr) == (2, "kiosk: There is no staff member Sari.\n")


# -- the kiosk's exit PIN ----------------------------------------------------------------------


class Ticking:
    def __init__(self) -> None:
        self.instant = 100.0

    def __call__(self) -> float:
        return self.instant


def test_the_exit_pin_is_hashed_and_backs_off() -> None:
    clock = Ticking()
    guard = ExitPin("97531", now=clock)
    assert "97531" not in repr(vars(guard))
    assert guard.check("97531")
    for _ in range(EXIT_FREE_ATTEMPTS):
        assert not guard.check("11111")
    assert guard.wait_seconds() == 30
    with pytest.raises(Refused) as refused:
        guard.check("97531")  # the right PIN waits too
    assert (refused.value.key, refused.value.params) == ("staff.exit_wait", {"seconds": 30})
    clock.instant += 30
    assert not guard.check("11111")
    assert guard.wait_seconds() == 60  # each further wrong PIN doubles the wait
    clock.instant += 60
    assert guard.check("97531")
    assert not guard.check("11111") and guard.wait_seconds() == 0  # the right PIN starts over


@pytest.mark.slow  # `kiosk` processes of its own
def test_the_kiosk_refuses_the_published_exit_pin_outside_the_demo(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {"KIOSK_DATA_DIR": str(tmp_path), "KIOSK_CONFIG_FILE": str(tmp_path / "none.toml")}
    subprocess.run([sys.executable, "-m", "kiosk", "demo"], env=env, check=True, timeout=60)
    with sqlite3.connect(tmp_path / "kiosk.db") as db:
        db.execute("UPDATE facility SET demo = 0")  # a real clinic's store
    result = subprocess.run(
        [sys.executable, "-m", "kiosk"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "kiosk: set KIOSK_STAFF_PIN (4-8 digits) before opening the kiosk: the default "
        "exit PIN is published and only the demo clinic may use it"
    ]
