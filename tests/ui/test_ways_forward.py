"""No dead ends: each refusal offers the next step, and a walk-in takes at most five screens.

The counts of screens and keys are the README's ("Using the kiosk"); change both together.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from textual.pilot import Pilot

from kiosk.app import KioskApp
from kiosk.domain.models import TicketStatus
from kiosk.services import Services
from kiosk.store.models import TicketRow
from tests.ui.helpers import (
    AGUS_NIK,
    BUDI_CARD,
    DEWI_NIK,
    RUDI_NIK,
    SITI_NIK,
    identify,
    screen_name,
    screen_text,
    settle,
    text_of,
)

MAX_SCREENS = 5


class Counter:
    """Presses keys as a patient would and notes every screen seen on the way."""

    def __init__(self, pilot: Pilot[None]) -> None:
        self.pilot = pilot
        self.keys = 0
        self.screens = [screen_name(pilot.app)]  # type: ignore[arg-type]

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)
            self.keys += 1
            await settle(self.pilot)
            current = screen_name(self.pilot.app)  # type: ignore[arg-type]
            if current != self.screens[-1]:
                self.screens.append(current)


async def walk(services: Services, *keys: str) -> Counter:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        counter = Counter(pilot)
        await counter.press(*keys)
        assert screen_name(app) == "TicketScreen", counter.screens
    return counter


async def test_siti_walks_in_with_the_defaults_in_five_screens(services: Services) -> None:
    counter = await walk(services, "1", *SITI_NIK, "enter", "1", "enter")
    assert counter.screens == [
        "WelcomeScreen",
        "IdentifyScreen",
        "PoliScreen",
        "ConfirmScreen",
        "TicketScreen",
    ]
    assert len(counter.screens) <= MAX_SCREENS
    assert counter.keys == 20  # 1, sixteen digits, Enter, 1, Enter


async def test_a_card_number_and_a_general_patient_also_take_five_or_fewer(
    services: Services,
) -> None:
    budi = await walk(services, "1", *BUDI_CARD, "enter", "1", "enter")
    assert len(budi.screens) <= MAX_SCREENS and budi.keys == 17
    general = await walk(services, "4", "1", "enter")
    assert general.screens == ["WelcomeScreen", "PoliScreen", "ConfirmScreen", "TicketScreen"]


async def test_a_complaint_and_another_doctor_stay_on_the_same_screens(
    services: Services,
) -> None:
    counter = await walk(services, "1", *SITI_NIK, "enter", "1", "2", "2", "5", "3", "enter")
    assert "DoctorScreen" in counter.screens  # a real choice: three shifts today
    with services.store.read() as session:
        row = session.scalars(select(TicketRow).where(TicketRow.number == "A-001")).one()
        assert row.complaint == "Demam" and row.doctor_code == 102


async def test_arrears_go_on_as_a_general_patient(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, DEWI_NIK)
        text = screen_text(app)
        assert "TIDAK AKTIF" in text and "Rp450.000" in text
        assert "Kepesertaan  AKTIF" not in text  # arrears are never shown as active
        await pilot.press("1")  # Lanjut sebagai pasien umum
        await settle(pilot)
        assert "Pasien umum (non-JKN)" in screen_text(app)
        await pilot.press("1", "enter")
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
        assert "Pasien umum" in screen_text(app)
    with services.store.read() as session:
        row = session.scalars(select(TicketRow).where(TicketRow.number == "A-001")).one()
        assert row.non_jkn and row.participant_id is None and row.status == TicketStatus.WAITING


async def test_other_fktp_is_sent_to_the_desk_when_asked(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, AGUS_NIK)
        assert "Puskesmas Cibeunying" in screen_text(app)
        await pilot.press("2")  # Ke loket pendaftaran
        await settle(pilot)
        assert "Silakan ke loket pendaftaran" in text_of(app, "#notice")
        await pilot.press("3")  # Kembali
        await settle(pilot)
        assert screen_name(app) == "IdentifyScreen"


async def test_inactive_goes_back_with_escape_too(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, RUDI_NIK)
        assert "TIDAK AKTIF" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "IdentifyScreen"


async def test_a_refused_option_says_why_when_pressed(
    make_settings: Any, clock_source: Any
) -> None:
    from kiosk.domain.clock import FacilityClock
    from kiosk.services.setup import open_clinic
    from tests.conftest import WIB

    services = open_clinic(
        make_settings(refused_as_general=False), clock=FacilityClock(WIB, clock_source)
    )
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, RUDI_NIK)
        await pilot.press("1")  # general patient: not at this clinic's kiosk
        await settle(pilot)
        assert screen_name(app) == "PoliScreen"
        assert "pasien umum mendaftar di loket" in text_of(app, "#error")
        assert not app.screen.query_one("#choose-poli").display
    services.store.dispose()
