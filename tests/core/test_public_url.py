"""KIOSK_PUBLIC_URL: the slip's QR opens the patient's page, and the desk still verifies it."""

from __future__ import annotations

import io
from typing import Any

import zxingcpp
from PIL import Image

from kiosk.config import Settings
from kiosk.domain.slip_code import from_scan, is_slip_code, short_code
from kiosk.services.desk import DeskService
from kiosk.services.slips import SlipService
from kiosk.slip.render import slip_png_bytes
from tests.demo_ids import SITI_CARD, SITI_NIK


def test_the_slip_qr_is_the_page_address_and_the_desk_reads_the_code_in_it(clinic: Any) -> None:
    services = clinic.services
    settings = Settings(
        data_dir=services.settings.data_dir,
        facility_name=services.settings.facility_name,
        facility_code=services.settings.facility_code,
        public_url="http://192.0.2.20:8080/",
    )
    slips = SlipService(services.clinic, settings)
    ticket = clinic.take("001", clinic.person(SITI_NIK).id).ticket
    code = slips.code_for(ticket)
    slip = slips.slip_for(services.tickets.position(ticket.id), "id")
    assert slip.qr_payload == f"http://192.0.2.20:8080/t/{code}"
    # Printed under the QR: the same page by a short code a person can type.
    short = short_code(code)
    assert slip.address == f"http://192.0.2.20:8080/t/{short}" and len(short) <= 14
    assert slips.verify_page(short, services.tickets.find(ticket.id)).ticket_id == ticket.id
    scanned = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(slip_png_bytes(slip))))]
    assert scanned == [slip.qr_payload]
    for secret in (SITI_NIK, SITI_CARD):
        assert secret not in scanned[0]
    # The desk's scanner types the address; the desk finds the ticket by its signed code.
    desk = DeskService(services.store, services.clock, slips)
    assert is_slip_code(scanned[0]) and from_scan(scanned[0]) == code
    assert [found.id for found in desk.find(scanned[0])] == [ticket.id]
    # Without the setting, the QR is the code alone, as before.
    plain = services.slips.slip_for(services.tickets.position(ticket.id), "id")
    assert (plain.qr_payload, plain.address) == (code, None)
