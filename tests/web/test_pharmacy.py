"""The pharmacy is a desk queue: the phone can neither book it nor see it, like an unknown poli."""

from __future__ import annotations

import httpx

from tests.web.phone import TODAY, booking, code_of, message_of


async def test_booking_the_pharmacy_is_refused_like_an_unknown_poli(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    for kodepoli in ("APT", "999"):
        response = await phone.post("/antrean", json=booking(kodepoli=kodepoli), headers=headers)
        assert code_of(response) == 201
        assert message_of(response) == f"Poli {kodepoli} tidak ditemukan."
        status = await phone.get(f"/v2/antrean/status/{kodepoli}/{TODAY}", headers=headers)
        assert code_of(status) == 201 and "tidak ditemukan" in message_of(status)
