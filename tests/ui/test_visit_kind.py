"""The visit's kind at the kiosk (issue 13, PCare's kunjSakit): one tap on the confirmation, sick
by default, never asked of a general patient; what is tapped reaches the ticket."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.services import Services
from kiosk.store.models import TicketRow
from tests.ui.helpers import (
    RINA_NIK,
    SITI_NIK,
    identify,
    screen_name,
    screen_text,
    settle,
)

WORDS = {
    "id": ("Kunjungan sakit (berobat)", "Kunjungan sehat (imunisasi, KB, cek kesehatan)"),
    "en": (
        "Visit for illness (treatment)",
        "Healthy visit (immunisation, family planning, check-up)",
    ),
}


def visit_of(services: Services, number: str) -> bool | None:
    with services.store.read() as session:
        row = session.scalars(select(TicketRow).where(TicketRow.number == number)).one()
        return row.visit_sick


async def press(pilot: object, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)  # type: ignore[attr-defined]
        await settle(pilot)  # type: ignore[arg-type]


async def english(pilot: object) -> None:
    await press(pilot, "f2")


def shown(app: KioskApp) -> str:
    return " ".join(screen_text(app).split())


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_jkn_patient_is_sick_by_default_and_enter_takes_it(
    services: Services, lang: str
) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        if lang == "en":
            await english(pilot)
        await identify(pilot, SITI_NIK)
        await press(pilot, "1")  # Umum
        sick, healthy = WORDS[lang]
        text = shown(app)
        assert f"3 (•) {sick}" in text and f"4 ( ) {healthy}" in text
        await press(pilot, "enter")  # the defaults: no extra key for the visit's kind
        assert screen_name(app) == "TicketScreen"
    assert visit_of(services, "A-001") is True


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_one_tap_makes_it_a_healthy_visit_and_another_takes_it_back(
    services: Services, lang: str
) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        if lang == "en":
            await english(pilot)
        await identify(pilot, SITI_NIK)
        await press(pilot, "1", "4")  # Umum, then the healthy visit
        sick, healthy = WORDS[lang]
        assert f"( ) {sick}" in shown(app) and f"(•) {healthy}" in shown(app)
        assert screen_name(app) == "ConfirmScreen"  # the same screen: no extra step
        await press(pilot, "3")
        assert f"(•) {sick}" in shown(app)
        await press(pilot, "4", "enter")  # healthy again; Enter is back on "take the number"
        assert screen_name(app) == "TicketScreen"
    assert visit_of(services, "A-001") is False


async def test_a_tap_on_the_healthy_visit_is_taken_with_a_tap(services: Services) -> None:
    """Taps arrive as clicks on a touch screen."""
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await press(pilot, "1")
        answer = app.screen.query_one("#answer")
        line = answer.region.y + 1 + 3  # the border, then options 1-3 before it
        await pilot.click(offset=(answer.region.x + 10, line))
        await settle(pilot)
        assert "(•) Kunjungan sehat" in shown(app)


async def test_an_immunisation_complaint_makes_it_a_healthy_visit(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await press(pilot, "1", "2", "7")  # Umum, complaint, Imunisasi
        assert "(•) Kunjungan sehat" in shown(app)
        await press(pilot, "2", "2")  # complaint again: Demam, a visit for illness
        assert "(•) Kunjungan sakit" in shown(app)
        await press(pilot, "4", "enter")  # the patient still decides
    assert visit_of(services, "A-001") is False


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_general_patient_is_not_asked(services: Services, lang: str) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        if lang == "en":
            await english(pilot)
        await press(pilot, "4", "1")  # a general patient, Umum
        assert screen_name(app) == "ConfirmScreen"
        sick, healthy = WORDS[lang]
        assert sick not in shown(app) and healthy not in shown(app)
        await press(pilot, "enter")
        assert screen_name(app) == "TicketScreen"
    assert visit_of(services, "A-001") is None


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_check_in_asks_it_too(services: Services, lang: str) -> None:
    """Rina's phone booking (Gigi, today): checked in as a healthy visit (a dental check-up)."""
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        if lang == "en":
            await english(pilot)
        await identify(pilot, RINA_NIK, intent_key="2")
        await press(pilot, "1")
        assert screen_name(app) == "ConfirmScreen"
        sick, healthy = WORDS[lang]
        assert f"2 (•) {sick}" in shown(app) and f"3 ( ) {healthy}" in shown(app)
        await press(pilot, "3", "enter")
        assert screen_name(app) == "TicketScreen"
    with services.store.read() as session:
        row = session.scalars(select(TicketRow).where(TicketRow.poli_code == "002")).one()
        assert row.visit_sick is False and row.checked_in_at is not None
