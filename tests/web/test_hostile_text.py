"""Names and free text the phone sends (issue 18): markup and invisible characters are refused
in the envelope, naming the field; nothing of a refused registration is stored."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from kiosk.services import Services
from kiosk.store.models import ParticipantRow
from tests.web.phone import booking, cancellation, code_of, message_of, patient

NAME_RULE = (
    "Format nama tidak valid (harus hanya huruf, spasi dan tanda . ' - , seperti tertulis di KTP)."
)
TEXT_RULE = "tidak valid (harus teks tanpa karakter kontrol atau tak terlihat"


def stored_names(services: Services) -> list[str]:
    with services.store.read() as session:
        return list(session.scalars(select(ParticipantRow.display_name)).all())


@pytest.mark.parametrize(
    "name",
    [
        "[/] Hidayat",
        "[@click=app.quit]Rahmat[/] Hidayat",
        "[link=https://example.com]Nur[/link] Hidayah",
        "<b>Nur</b> Hidayah",
        "Nur Hidayah 2",
        "Nur\u202eHidayah",  # right-to-left override
        "Nur\u200bHidayah",  # zero-width space
        "Nur\u2066Hidayah\u2069",  # isolates
    ],
)
async def test_a_name_with_anything_but_letters_is_refused(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services, name: str
) -> None:
    before = stored_names(services)
    answer = await phone.post("/peserta", json=patient(nama=name), headers=headers)
    assert code_of(answer) == 201
    assert message_of(answer) == NAME_RULE
    assert stored_names(services) == before


async def test_a_name_with_a_phone_keyboard_apostrophe_is_kept_plain(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    answer = await phone.post(
        "/peserta", json=patient(nama="Nur\u2019aini  Hidayah"), headers=headers
    )
    assert code_of(answer) == 200
    assert "Nur'aini H." in stored_names(services)


async def test_a_name_of_spaces_is_missing(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    answer = await phone.post("/peserta", json=patient(nama="   "), headers=headers)
    assert (code_of(answer), message_of(answer)) == (201, "nama wajib diisi.")


@pytest.mark.parametrize("invisible", ["\u202e", "\u200b", "\u2067", "\u200f", "\ufeff", "\u2028"])
async def test_free_text_with_invisible_characters_is_refused(
    phone: httpx.AsyncClient, headers: dict[str, str], invisible: str
) -> None:
    booked = await phone.post(
        "/antrean", json=booking(keluhan=f"Demam{invisible} tinggi"), headers=headers
    )
    assert code_of(booked) == 201
    assert message_of(booked).startswith(f"Format keluhan {TEXT_RULE}")
    cancelled = await phone.put(
        "/antrean/batal", json=cancellation(keterangan=f"Sembuh{invisible}"), headers=headers
    )
    assert code_of(cancelled) == 201
    assert message_of(cancelled).startswith(f"Format keterangan {TEXT_RULE}")
    registered = await phone.post(
        "/peserta", json=patient(alamat=f"Jl. Melati{invisible} 7"), headers=headers
    )
    assert code_of(registered) == 201
    assert message_of(registered).startswith(f"Format alamat {TEXT_RULE}")


async def test_markup_in_a_complaint_is_kept_as_typed(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    """Brackets are ordinary characters in a complaint: every screen shows them as text."""
    booked = await phone.post(
        "/antrean", json=booking(keluhan="[/] nyeri [@click=app.quit]x"), headers=headers
    )
    assert code_of(booked) == 200
