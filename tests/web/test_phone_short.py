"""The short page address printed under the slip's QR opens the same phone page; a wrong, made-up
or other-day short code gets a clear page, never an error."""

from __future__ import annotations

from datetime import timedelta

import httpx

from kiosk.domain.slip_code import short_code
from kiosk.services import Services
from tests.conftest import MovableClock
from tests.web.test_board_hub import _walk_in


async def test_the_short_address_opens_the_ticket_and_guesses_do_not(
    services: Services, phone: httpx.AsyncClient
) -> None:
    ticket = services.tickets.take(_walk_in(services)).ticket
    short = short_code(services.slips.code_for(ticket))

    page = await phone.get(f"/t/{short}")
    assert page.status_code == 200 and ticket.number in page.text
    assert (await phone.get(f"/t/{short.lower()}")).status_code == 200  # typed in lower case

    ticket_id, signature = short.split("-")
    wrong = ("A" if signature[0] != "A" else "B") + signature[1:]
    for guess in (f"{ticket_id}-{wrong}", f"999999-{signature}", f"{ticket_id}-ABC"):
        answer = await phone.get(f"/t/{guess}")
        assert answer.status_code == 400, guess
        assert "Traceback" not in answer.text and ticket.number not in answer.text


async def test_a_short_address_ends_with_its_day(
    services: Services, phone: httpx.AsyncClient, clock_source: MovableClock
) -> None:
    ticket = services.tickets.take(_walk_in(services)).ticket
    short = short_code(services.slips.code_for(ticket))
    clock_source.instant += timedelta(days=1)
    answer = await phone.get(f"/t/{short}")
    assert answer.status_code == 404 and ticket.number not in answer.text
