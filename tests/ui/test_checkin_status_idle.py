"""Check-in of a phone booking, "check my status" with cancel, the idle reset, the staff exit."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.models import TicketSource, TicketStatus
from kiosk.domain.schedule import default_slot
from kiosk.services import Services
from kiosk.services.staff import ExitPin
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import TicketRow
from tests.conftest import MovableClock
from tests.ui.helpers import (
    RINA_NIK,
    SITI_NIK,
    go_idle,
    identify,
    screen_name,
    screen_text,
    screens_until,
    settle,
    shows,
    take_umum_with_defaults,
    text_of,
)


def rina_booking(services: Services) -> TicketRow:
    with services.store.read() as session:
        row = session.scalars(select(TicketRow).where(TicketRow.source == "booking")).one()
        session.expunge(row)
        return row


async def test_rina_checks_in_her_phone_booking(services: Services) -> None:
    booking = rina_booking(services)
    assert booking.status == TicketStatus.BOOKED
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, RINA_NIK, intent_key="2")
        assert screen_name(app) == "CheckInScreen"
        assert booking.number in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "ConfirmScreen"
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
        assert booking.number in text_of(app, "#number-text")
    after = rina_booking(services)
    assert after.status == TicketStatus.WAITING and after.number == booking.number
    assert after.checked_in_at is not None


async def test_checkin_by_scanning_the_slip_code(services: Services) -> None:
    booking = rina_booking(services)
    payload = services.slips.code_for(services.tickets.get(booking.id))
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press(*payload, "enter")  # a scanner types the code, then Enter
        await settle(pilot)
        assert screen_name(app) == "CheckInScreen"
        assert booking.number in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        forged = payload[:-1] + ("A" if payload[-1] != "A" else "B")
        await pilot.press(*forged, "enter")
        await settle(pilot)
        assert "tidak sah" in text_of(app, "#error")


async def test_booking_for_tomorrow_is_shown_but_cannot_be_checked_in(services: Services) -> None:
    tomorrow = services.clock.today() + timedelta(days=1)
    siti = services.participants.get(1)
    slot = default_slot(services.clinic.poli_day("003", tomorrow).slots, services.clock.now())
    assert slot is not None
    services.tickets.take(
        TakeRequest("003", tomorrow, slot.schedule_id, siti.id, source=TicketSource.BOOKING)
    )
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK, intent_key="2")
        assert "C-001" in screen_text(app)
        await pilot.press("1")
        await settle(pilot)
        assert screen_name(app) == "CheckInScreen"
        assert "check-in hanya pada hari layanan" in text_of(app, "#error")


async def test_late_booking_is_sent_to_the_desk(
    services: Services, clock_source: MovableClock
) -> None:
    clock_source.instant += timedelta(hours=4)  # 13:00 WIB: the morning shift is over
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, RINA_NIK, intent_key="2")
        await pilot.press("1")
        await settle(pilot)
        assert "loket pendaftaran" in text_of(app, "#error")
    assert rina_booking(services).status == TicketStatus.BOOKED


async def test_no_booking_says_so(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK, intent_key="2")
        assert "Tidak ada booking" in text_of(app, "#error")
        await pilot.press("1")  # the way on: a new number
        await settle(pilot)
        assert screen_name(app) == "PoliScreen"
        await take_umum_with_defaults(pilot)
        assert "A-001" in text_of(app, "#number-text")


async def test_checkin_has_its_own_heading(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        assert "pindai kode booking" in screen_text(app)  # its own heading


async def test_my_status_shows_position_and_cancels(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await take_umum_with_defaults(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await identify(pilot, SITI_NIK, intent_key="3")
        assert screen_name(app) == "MyStatusScreen"
        text = screen_text(app)
        assert "A-001" in text and "menunggu" in text
        await pilot.press("1")  # the ticket opens: position, estimate, its QR again
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
        text = screen_text(app)
        assert "A-001" in text and "Tidak ada yang di depan Anda" in text
        assert "Perkiraan dipanggil" in text and "█" in text_of(app, "#qr")
        await pilot.press("2")  # "Batalkan nomor ini"
        await settle(pilot)
        assert screen_name(app) == "Question"
        await pilot.press("2")  # "Ya, batalkan"
        await settle(pilot)
        assert screen_name(app) == "MyStatusScreen"
        assert "A-001" not in screen_text(app).split("Ambil Antrean Baru")[0]
        await pilot.press("1")  # now the only choice: take a new number
        await settle(pilot)
        assert screen_name(app) == "PoliScreen"
        await take_umum_with_defaults(pilot)
        assert "A-002" in text_of(app, "#number-text")
    with services.store.read() as session:
        statuses = session.scalars(
            select(TicketRow.status).where(TicketRow.participant_id == 1).order_by(TicketRow.seq)
        ).all()
    assert statuses == ["cancelled", "waiting"]


async def test_idle_kiosk_warns_then_forgets_the_patient(services: Services) -> None:
    app = KioskApp(services, idle_seconds=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        assert screen_name(app) == "PoliScreen"
        go_idle(app, seconds=8)  # the warning then stays up ~4 s, time enough to read it
        await screens_until(pilot, "IdleWarning")
        assert await shows(pilot, "Masih di sana?")
        await screens_until(pilot, "WelcomeScreen")
        assert app.patient.identified is None
        assert "Siti" not in screen_text(app)


async def test_touch_during_the_warning_keeps_the_session(services: Services) -> None:
    app = KioskApp(services, idle_seconds=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        go_idle(app, seconds=8)  # the warning stays up ~4 s: the touch lands while it shows
        await screens_until(pilot, "IdleWarning")
        await pilot.press("space")
        await pilot.pause()
        assert screen_name(app) == "PoliScreen"
        assert app.patient.identified is not None


async def test_idle_reset_also_closes_dialogs_and_restores_language(services: Services) -> None:
    app = KioskApp(services, idle_seconds=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        await identify(pilot, SITI_NIK)
        await take_umum_with_defaults(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await identify(pilot, SITI_NIK, intent_key="3")
        await pilot.press("1", "2")
        await settle(pilot)
        assert screen_name(app) == "Question"
        go_idle(app)
        await screens_until(pilot, "WelcomeScreen")
        assert len(app.screen_stack) == 2
        assert "Ambil nomor antrean" in screen_text(app)


async def test_quit_keys_are_locked_and_staff_exit_needs_the_pin(services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q", "ctrl+c")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert screen_name(app) == "StaffExit"
        await pilot.press("1", "1", "1", "1", "enter")
        await pilot.pause()
        assert "PIN salah" in text_of(app, "#error")
        await pilot.press(*services.settings.staff_pin, "enter")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_exit_pin_backs_off_after_wrong_guesses(services: Services) -> None:
    moment = [0.0]
    app = KioskApp(services, exit_pin=ExitPin("97531", now=lambda: moment[0]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+x")
        await pilot.pause()
        for _ in range(3):
            await pilot.press(*"1111", "enter")
            await pilot.pause()
        await pilot.press(*"97531", "enter")
        await pilot.pause()
        assert "Coba lagi dalam 30 detik" in text_of(app, "#error")
        assert screen_name(app) == "StaffExit"
        moment[0] += 30
        await pilot.press(*"97531", "enter")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_called_number_is_not_offered_a_cancel_the_central_would_refuse(
    services: Services,
) -> None:
    """The kiosk offers cancel only in the states the life cycle lets a cancel leave from."""
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK)
        await take_umum_with_defaults(pilot)
        await pilot.press("escape")
        await settle(pilot)
        services.desk.call_next("001", "Loket Umum", "Sari Dewi")
        await identify(pilot, SITI_NIK, intent_key="3")
        await pilot.press("1")
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
        await pilot.press("2")  # "Batalkan nomor ini", greyed out
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
        assert "dipanggil" in screen_text(app)
    with services.store.read() as session:
        statuses = session.scalars(select(TicketRow.status)).all()
    assert "called" in statuses and "cancelled" not in statuses


async def test_an_idle_tick_while_the_kiosk_closes_is_harmless(services: Services) -> None:
    """The idle timer's last tick can come after the kiosk's screens are gone (a traceback on
    exit, seen under load)."""
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)):
        pass
    assert not app.screen_stack
    app._check_idle()
