"""A booking made from the phone (web service) is checked in at the kiosk and keeps its number."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.models import TicketSource, TicketStatus
from kiosk.services import Services
from kiosk.store.models import TicketRow
from kiosk.web import create_app
from tests.demo_ids import SITI_CARD, SITI_NIK
from tests.ui.helpers import identify, screen_name, screen_text, settle, text_of

USERNAME = "mobilejkn"
PASSWORD = "demo-mobilejkn-2468"


async def book_umum_from_the_phone(services: Services) -> str:
    """Siti books Poli Umum for today in Mobile JKN; the clinic's web service answers."""
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="http://puskesmas") as phone:
        auth = await phone.get("/auth", headers={"x-username": USERNAME, "x-password": PASSWORD})
        headers = {"x-token": auth.json()["response"]["token"], "x-username": USERNAME}
        answer = await phone.post(
            "/antrean",
            json={
                "nomorkartu": SITI_CARD,
                "nik": SITI_NIK,
                "kodepoli": "001",
                "tanggalperiksa": services.clock.today().isoformat(),
                "keluhan": "Batuk",
                "kodedokter": 101,
                "jampraktek": "00:00-12:00",
                "norm": "000001",
                "nohp": "081234567890",
            },
            headers=headers,
        )
    assert answer.json()["metadata"]["code"] == 200, answer.text
    return str(answer.json()["response"]["nomorantrean"])


async def test_a_phone_booking_is_checked_in_at_the_kiosk(services: Services) -> None:
    number = await book_umum_from_the_phone(services)
    assert number == "A-001"
    app = KioskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await identify(pilot, SITI_NIK, intent_key="2")
        assert screen_name(app) == "CheckInScreen"
        assert number in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "ConfirmScreen"
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "TicketScreen"
        assert number in text_of(app, "#number-text")
    with services.store.read() as session:
        row = session.scalars(select(TicketRow).where(TicketRow.number == number)).one()
    assert row.source == TicketSource.BOOKING
    assert row.status == TicketStatus.WAITING  # in the live queue now, with the same number
    assert row.checked_in_at is not None
