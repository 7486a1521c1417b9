"""The walk-in path through the Pilot: identify, status beside the poli, confirm, ticket, slip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from kiosk.app import KioskApp
from kiosk.domain import slip_code
from kiosk.services import Services
from kiosk.store.models import ScheduleRow, TicketRow
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
    take_umum_with_defaults,
    text_of,
)


def ticket_count(services: Services) -> int:
    with services.store.read() as session:
        return session.scalar(select(func.count()).select_from(TicketRow)) or 0


async def test_siti_takes_umum_with_defaults_and_gets_a001_and_a_slip(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        assert screen_name(app) == "PoliScreen"
        shown = screen_text(app)
        assert SITI_NIK not in shown and "0001234567801" not in shown
        assert "7801" in shown and "0001" in shown  # last four digits only
        await take_umum_with_defaults(pilot)
        assert screen_name(app) == "TicketScreen"
        assert "A-001" in text_of(app, "#number-text")
        text = screen_text(app)
        assert "Tidak ada yang di depan Anda" in text
        assert "Silakan ambil slip Anda." in text
    slips = list((services.settings.data_dir / "slips").glob("*.png"))
    assert len(slips) == 1
    decoded = zxingcpp.read_barcodes(Image.open(slips[0]))
    assert len(decoded) == 1
    code = slip_code.decode(decoded[0].text, services.clinic.slip_key(), services.clock.today())
    assert code.number == "A-001"
    assert "3273014507900001" not in decoded[0].text and "0001234567801" not in decoded[0].text


async def test_second_patient_sees_people_ahead(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await take_umum_with_defaults(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "WelcomeScreen"
        await identify(pilot, BUDI_CARD)
        await take_umum_with_defaults(pilot)
        assert "A-002" in text_of(app, "#number-text")
        assert "1 orang di depan Anda" in screen_text(app)


async def test_family_member_can_be_chosen(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        assert "Budi S." in screen_text(app)
        await pilot.press("f3")  # Budi
        await settle(pilot)
        assert screen_name(app) == "PoliScreen"
        assert app.patient.patient is not None and app.patient.patient.display_name == "Budi S."
        await pilot.click(".person")  # a tap on Siti's line
        await settle(pilot)
        assert app.patient.patient is not None and app.patient.patient.display_name == "Siti A."


async def test_duplicate_ticket_shows_the_one_already_held(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await take_umum_with_defaults(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await identify(pilot, SITI_NIK)
        assert "nomor Anda A-001" in screen_text(app)  # up front, on the poli list
        await pilot.press("1")
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
        assert "A-001" in text_of(app, "#number-text")
        assert "sudah memiliki nomor antrean" in screen_text(app)
    assert ticket_count(services) == 2  # Siti's one ticket and Rina's demo booking


async def test_bad_input_gets_its_own_message(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, "12345")
        assert "13 angka" in text_of(app, "#error")
        cases = {
            "327301450790000": "NIK harus 16 angka",  # 15 digits
            "9973014507900001": "Kode provinsi",
            "3273013213900001": "Tanggal lahir pada NIK tidak valid",  # month 13
            "3273017202900001": "Tanggal lahir pada NIK tidak valid",  # 32 Feb (women +40)
            "0009999999999": "Data peserta tidak ditemukan",  # well-formed, unknown
        }
        for number, message in cases.items():
            field = app.screen.query_one("#identity")
            field.value = ""  # type: ignore[attr-defined]
            await pilot.press(*number, "enter")
            await settle(pilot)
            assert message in text_of(app, "#error"), number
            assert screen_name(app) == "IdentifyScreen"
        app.screen.query_one("#identity").value = ""  # type: ignore[attr-defined]
        await pilot.press("a", "b", "x")  # letters are not accepted by the field, visibly
        await settle(pilot)
        assert app.screen.query_one("#identity").value == ""  # type: ignore[attr-defined]
        assert "Hanya angka" in text_of(app, "#error")
        await pilot.press("3")  # the field changed: the old message goes
        await settle(pilot)
        assert "shown" not in app.screen.query_one("#error").classes


async def test_letters_among_digits_refuse_the_number(services: Services) -> None:
    """A scanner's "32730145abc07900" must not turn into a 13-digit card lookup."""
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, "32730145abc07900")
        assert screen_name(app) == "IdentifyScreen"
        assert "berisi huruf" in text_of(app, "#error")
        assert app.screen.query_one("#identity").value == ""  # type: ignore[attr-defined]
        await pilot.press(*SITI_NIK, "enter")
        await settle(pilot)
        assert screen_name(app) == "PoliScreen"


async def test_letters_pasted_are_refused_kindly(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot)
        field = app.screen.query_one("#identity")
        field.value = "3273-0145 0790 0001"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "PoliScreen"  # spaces and dashes are ignored


async def test_arrears_inactive_and_other_fktp_are_refused_with_help(services: Services) -> None:
    expectations = {
        DEWI_NIK: "tunggakan iuran Rp450.000",
        RUDI_NIK: "TIDAK AKTIF",
        AGUS_NIK: "Puskesmas Cibeunying",
    }
    for nik, reason in expectations.items():
        app = KioskApp(services)
        async with app.run_test(size=(80, 24)) as pilot:
            await identify(pilot, nik)
            assert screen_name(app) == "PoliScreen"
            text = screen_text(app)
            assert reason in text, nik
            assert "Lanjut sebagai pasien umum" in text and "Ke loket pendaftaran" in text
            assert not app.screen.query_one("#choose-poli").display, "no JKN poli list for them"
    assert ticket_count(services) == 1


async def test_full_poli_is_shown_but_not_selectable(services: Services) -> None:
    with services.store.write() as session:
        for schedule in session.scalars(select(ScheduleRow).where(ScheduleRow.poli_code == "001")):
            schedule.quota = 0
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        assert "kuota penuh" in screen_text(app)
        await pilot.press("1")
        await settle(pilot)
        assert screen_name(app) == "PoliScreen"
        assert "tidak dapat dipilih" in text_of(app, "#error")


async def test_tomorrow_can_be_chosen(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await pilot.press("right")
        await settle(pilot)
        for key in ("1", "enter"):
            await pilot.press(key)
            await settle(pilot)
        assert "A-001" in text_of(app, "#number-text")
        assert "24-11-2026" in screen_text(app)


async def test_escape_goes_back_one_screen(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await pilot.press("1")
        await settle(pilot)
        assert screen_name(app) == "ConfirmScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "PoliScreen"
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert screen_name(app) == "WelcomeScreen"


async def test_general_patient_without_jkn(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("4", "1", "enter"):
            await pilot.press(key)
            await settle(pilot)
        assert "A-001" in text_of(app, "#number-text")
        assert "Pasien umum" in screen_text(app)


async def test_keypad_works_by_touch(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot)
        for digit in SITI_NIK:
            await pilot.click(f"#key-{digit}")
        await pilot.click("#key-del")
        await pilot.click("#key-1")
        await pilot.click("#key-ok")
        await settle(pilot)
        assert screen_name(app) == "PoliScreen"


async def test_complaint_can_be_written(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        for key in ("1", "2", "8"):
            await pilot.press(key)
            await settle(pilot)
        await pilot.press(*"pusing sejak kemarin", "enter")
        await settle(pilot)
        assert "pusing sejak kemarin" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
    with services.store.read() as session:
        complaint = session.scalar(select(TicketRow.complaint).where(TicketRow.number == "A-001"))
    assert complaint == "pusing sejak kemarin"


async def test_printer_failure_keeps_the_ticket_and_says_what_to_do(
    make_settings,
    clock_source,  # type: ignore[no-untyped-def]
) -> None:
    from kiosk.domain.clock import FacilityClock
    from kiosk.services.setup import open_clinic
    from tests.conftest import WIB

    broken = open_clinic(
        make_settings(printer="escpos-net:127.0.0.1:9"), clock=FacilityClock(WIB, clock_source)
    )
    app = KioskApp(broken)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await take_umum_with_defaults(pilot)
        assert "A-001" in text_of(app, "#number-text")
        assert "Slip gagal dicetak" in screen_text(app)
        assert "█" in text_of(app, "#qr")  # the QR is on screen instead
    assert ticket_count(broken) == 2


async def test_language_toggle_to_english(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        assert "Take a queue number" in screen_text(app)
        await identify(pilot, "12")
        assert "13 digits" in text_of(app, "#error")


async def test_ticket_survives_a_rendering_path_without_slip_dir(
    services: Services, tmp_path: Path
) -> None:
    """The slips folder is created on first use."""
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await take_umum_with_defaults(pilot)
    assert (services.settings.data_dir / "slips").is_dir()


async def test_after_the_last_shift_the_kiosk_says_when_it_opens_and_offers_tomorrow(
    services: Services, clock_source: Any
) -> None:
    # 23:59:30 WIB: every shift of the day is over (the demo's last ends at 23:59).
    clock_source.instant = clock_source.instant.replace(hour=16, minute=59, second=30)
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        assert screen_name(app) == "PoliScreen"
        notice = text_of(app, "#error")
        assert "sudah tutup hari ini" in notice and "Selasa 00:00" in notice
        polis = app.screen.query_one("#polis").choices  # type: ignore[attr-defined]
        assert polis and all(not choice.disabled for choice in polis)  # no list of closed polis
        assert app.screen.day_index == 1  # type: ignore[attr-defined]
        await pilot.press("1")
        await settle(pilot)
        assert screen_name(app) != "PoliScreen"  # tomorrow's Umum can be chosen
