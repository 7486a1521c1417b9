"""Everything the kiosk writes or shows for a patient holds no full NIK or card number."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from kiosk.app import KioskApp
from kiosk.config import Settings
from kiosk.domain.clock import FacilityClock
from kiosk.domain.identity import parse_identity
from kiosk.services.setup import open_clinic
from tests.conftest import WIB, MovableClock
from tests.demo_ids import BUDI_CARD, RINA_NIK, SITI_CARD, SITI_NIK
from tests.ui.helpers import identify, screen_text, settle, take_umum_with_defaults
from tests.ui.test_board import ready as board_ready

pytestmark = pytest.mark.slow

SECRETS = (SITI_NIK, SITI_CARD, RINA_NIK, BUDI_CARD)


def assert_clean(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{where} holds a full identity number"


async def test_screens_slips_escpos_and_logs_hold_no_full_identity(
    make_settings: Callable[..., Settings], clock_source: MovableClock, tmp_path: Path
) -> None:
    log_file = tmp_path / "kiosk.log"
    handler = logging.FileHandler(log_file)
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        for printer in ("png", f"escpos-file:{tmp_path / 'printer.bin'}"):
            services = open_clinic(
                make_settings(printer=printer), clock=FacilityClock(WIB, clock_source)
            )
            app = KioskApp(services)
            seen: list[str] = []
            # A new patient each round: a number already held opens without printing again.
            who = SITI_NIK if printer == "png" else BUDI_CARD
            async with app.run_test(size=(80, 24)) as pilot:
                await identify(pilot, who)
                seen.append(screen_text(app))
                await take_umum_with_defaults(pilot)
                seen.append(screen_text(app))
                app.reset()
                await settle(pilot)
                await identify(pilot, RINA_NIK, intent_key="2")
                seen.append(screen_text(app))
                await pilot.press("enter")
                await settle(pilot)
                await pilot.press("enter")
                await settle(pilot)
                seen.append(screen_text(app))
            services.store.dispose()
            for index, text in enumerate(seen):
                assert_clean(text, f"screen {index} with printer {printer}")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()

    slips = list((tmp_path / "data" / "slips").glob("*.png"))
    assert len(slips) == 2
    for slip in slips:
        assert_clean(slip.name, "a slip's file name")
        for code in zxingcpp.read_barcodes(Image.open(slip)):
            assert_clean(code.text, "a slip's QR")
    escpos = (tmp_path / "printer.bin").read_bytes()
    assert b"A-00" in escpos
    assert_clean(escpos.decode("latin-1"), "the ESC/POS bytes")
    assert_clean(log_file.read_text(), "the log")


# What the protocol makes us send the central: the identity fields of each outbox kind. Anything
# else in a payload, and every audit detail, must hold no full NIK or card number.
REQUIRED_BY_PROTOCOL = {
    "antrean.add": {"nomorkartu", "nik"},
    "antrean.batal": {"nomorkartu"},
    "antrean.panggil": {"nomorkartu"},
}


async def test_desk_board_outbox_audit_escpos_and_logs_hold_no_full_identity(
    make_settings: Callable[..., Settings], clock_source: MovableClock, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from kiosk.board_app import BoardApp
    from kiosk.desk_app import DeskApp
    from kiosk.domain.schedule import default_slot
    from kiosk.services.announcer import Announcer
    from kiosk.services.staff import StaffService
    from kiosk.services.tickets import TakeRequest
    from kiosk.store.models import OutboxRow, TicketEventRow, TicketRow
    from tests.conftest import QUICK_PIN_ITERATIONS
    from tests.demo_ids import BUDI_CARD, BUDI_NIK, RINA_CARD
    from tests.ui.test_desk import key, open_umum

    secrets = (*SECRETS, BUDI_NIK, BUDI_CARD, RINA_CARD)
    log_file = tmp_path / "everything.log"
    handler = logging.FileHandler(log_file)
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.DEBUG)
    printer = tmp_path / "desk-printer.bin"
    services = open_clinic(
        make_settings(printer=f"escpos-file:{printer}"), clock=FacilityClock(WIB, clock_source)
    )
    seen: dict[str, str] = {}
    try:
        today = services.clock.today()
        for nik in (SITI_NIK, BUDI_NIK):
            person = services.participants.identify(parse_identity(nik, today))
            assert person is not None
            slot = default_slot(services.clinic.poli_day("001", today).slots, services.clock.now())
            assert slot is not None
            services.tickets.take(
                TakeRequest("001", today, slot.schedule_id, person.id, complaint="demam")
            )
        with services.store.read() as session:
            rina = session.scalars(select(TicketRow).where(TicketRow.source == "booking")).one()
            budi = session.scalars(select(TicketRow).where(TicketRow.number == "A-002")).one()
        services.tickets.check_in(rina.id)
        services.tickets.cancel(budi.id, "sudah sembuh")
        StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")

        desk = DeskApp(services)
        async with desk.run_test(size=(100, 30)) as pilot:
            await open_umum(pilot)
            seen["desk: the waiting list"] = screen_text(desk)
            await key(pilot, "n")  # call Siti
            await key(pilot, "b")  # she comes: the central hears "present"
            seen["desk: serving"] = screen_text(desk)
            await key(pilot, "slash")
            await pilot.press(*SITI_CARD, "enter")
            await settle(pilot)
            seen["desk: found by card"] = screen_text(desk)
            await key(pilot, "p")
            seen["desk: reprinted"] = screen_text(desk)
        board = BoardApp(services, Announcer(enabled=False))
        async with board.run_test(size=(160, 48)) as pilot:
            await board_ready(pilot)
            seen["board"] = screen_text(board)

        with services.store.read() as session:
            for row in session.scalars(select(OutboxRow)):
                allowed = REQUIRED_BY_PROTOCOL[row.kind]
                extra = {k: v for k, v in row.payload.items() if k not in allowed}
                seen[f"outbox {row.id} {row.kind} (beyond {sorted(allowed)})"] = json.dumps(extra)
            for event in session.scalars(select(TicketEventRow)):
                seen[f"audit event {event.id} {event.kind}"] = json.dumps(event.detail)
            kinds = set(session.scalars(select(OutboxRow.kind)))
        assert kinds == {"antrean.add", "antrean.batal", "antrean.panggil"}  # all were looked at
    finally:
        services.store.dispose()
        logging.getLogger().removeHandler(handler)
        handler.close()
    seen["ESC/POS bytes of the desk's reprint"] = printer.read_bytes().decode("latin-1")
    seen["the log"] = log_file.read_text()
    assert "A-001" in seen["board"] and "A-001" in seen["ESC/POS bytes of the desk's reprint"]
    for where, text in seen.items():
        for secret in secrets:
            assert secret not in text, f"{where} holds a full identity number"
