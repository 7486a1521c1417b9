"""Opening the clinic: the store must belong to the facility the settings name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.config import Settings
from kiosk.services.setup import ClinicMismatch, open_clinic


def test_reopening_with_another_facility_code_is_refused(
    make_settings: Callable[..., Settings],
) -> None:
    open_clinic(make_settings()).store.dispose()
    with pytest.raises(ClinicMismatch, match="KIOSK_FACILITY_CODE is X1"):
        open_clinic(make_settings(facility_code="X1"))


def test_a_renamed_clinic_keeps_its_store(make_settings: Callable[..., Settings]) -> None:
    first = open_clinic(make_settings())
    first.store.dispose()
    renamed = open_clinic(make_settings(facility_name="UPTD Puskesmas Sukamaju"))
    assert renamed.clinic.facility().name == "UPTD Puskesmas Sukamaju"
