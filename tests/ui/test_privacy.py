"""Everything the kiosk writes or shows for a patient holds no full NIK or card number."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import zxingcpp
from PIL import Image

from kiosk.app import KioskApp
from kiosk.config import Settings
from kiosk.domain.clock import FacilityClock
from kiosk.services.setup import open_clinic
from tests.conftest import WIB, MovableClock
from tests.demo_ids import RINA_NIK, SITI_CARD, SITI_NIK
from tests.ui.helpers import identify, screen_text, settle, take_umum_with_defaults

SECRETS = (SITI_NIK, SITI_CARD, RINA_NIK)


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
            async with app.run_test(size=(80, 24)) as pilot:
                await identify(pilot, SITI_NIK)
                seen.append(screen_text(app))
                await take_umum_with_defaults(pilot)
                seen.append(screen_text(app))
                await pilot.press("escape")
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
