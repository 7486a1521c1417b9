"""The desk registers a visit in PCare (issue 13), at 80x24 in both languages: one key, the vitals
form, the row's state, the refusals, by hand, undo with a question, a poli that registers on call.

The store is SQLite; where PCare must answer, the reference central (`kiosk central`) runs on
loopback and the real pump sends the registration to it.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from textual.pilot import Pilot

from kiosk.desk_app import DeskApp
from kiosk.domain.visit import VisitState
from kiosk.services import Services
from kiosk.services.desk import DeskService
from kiosk.store.models import PoliRow, VisitRegistrationRow
from tests.ui.helpers import screen_name, screen_text
from tests.ui.test_desk import desk_services, key, said, take  # noqa: F401
from tests.ui.test_desk_screens import sign_in_as

SIZE = (80, 24)
SITI, BUDI = 1, 2
WORDS = {
    "id": {
        "register": "d Daftar PCare",
        "vitals": "k Tanda vital",
        "queued": "PCare: menunggu kirim",
        "saved": "Pendaftaran PCare A-001 disimpan",
        "not_jkn": "bukan pasien JKN",
        "not_called": "belum dipanggil",
        "no_code": "Poli Lansia tidak punya kode PCare",
        "range": "Sistole 400 di luar batas wajar 40-300",
        "pressure": "Diastole 130 harus lebih kecil dari sistole",
        "refused": "PCare DITOLAK:",
        "undo_title": "Urungkan pendaftaran PCare A-001",
        "auto": "didaftarkan otomatis saat dipanggil",
        "too_late": "tanda vital tidak bisa diubah",
    },
    "en": {
        "register": "d Register in PCare",
        "vitals": "k Vitals",
        "queued": "PCare: waiting to send",
        "saved": "A-001's PCare registration saved",
        "not_jkn": "is not a JKN patient",
        "not_called": "has not been called",
        "no_code": "Poli Lansia has no PCare code",
        "range": "Systolic 400 is outside the plausible 40-300",
        "pressure": "Diastolic 130 must be lower than systolic",
        "refused": "PCare REFUSED:",
        "undo_title": "Undo A-001 · Siti A.'s PCare registration",
        "auto": "registered automatically when called",
        "too_late": "vitals cannot be changed",
    },
}


def called(services: Services, participant_id: int | None = SITI, poli: str = "001") -> int:
    """A number taken and called at this poli (the patient is at the counter)."""
    ticket_id = take(services, participant_id, poli)
    desk = DeskService(services.store, services.clock, services.slips)
    desk.call_out_of_turn(ticket_id, "Loket 1", "returned", "test")
    return ticket_id


def registration(services: Services, ticket_id: int) -> VisitRegistrationRow | None:
    with services.store.read() as session:
        row = session.scalars(
            select(VisitRegistrationRow).where(VisitRegistrationRow.ticket_id == ticket_id)
        ).first()
        if row is not None:
            session.expunge(row)
        return row


def shown(app: DeskApp) -> str:
    return " ".join(screen_text(app).split())


async def open_poli(pilot: Pilot[None], lang: str, poli_key: str = "1") -> None:
    await sign_in_as(pilot, lang)
    await key(pilot, poli_key)


async def type_into(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_one_key_registers_a_called_jkn_visit(
    desk_services: Services,  # noqa: F811
    lang: str,
) -> None:
    ticket_id = called(desk_services)
    words = WORDS[lang]
    app = DeskApp(desk_services)
    async with app.run_test(size=SIZE) as pilot:
        await open_poli(pilot, lang)
        text = shown(app)
        assert words["register"] in text and words["vitals"] in text  # the key bar says both
        await key(pilot, "d")
        assert words["saved"] in said(app)
        assert words["queued"] in shown(app)  # on Siti's row
    record = registration(desk_services, ticket_id)
    assert record is not None and record.state == VisitState.QUEUED
    assert not any(record.vitals.values())  # no vitals: PCare is sent 0


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_vitals_form_names_the_wrong_field_and_saves_nothing_until_all_are_right(
    desk_services: Services,  # noqa: F811
    lang: str,
) -> None:
    ticket_id = called(desk_services)
    words = WORDS[lang]
    app = DeskApp(desk_services)
    async with app.run_test(size=SIZE) as pilot:
        await open_poli(pilot, lang)
        await key(pilot, "k")
        assert screen_name(app) == "VitalsDialog"
        await type_into(pilot, "400")  # sistole, a finger too many
        await key(pilot, "tab")
        await type_into(pilot, "80")
        await key(pilot, "enter")
        assert screen_name(app) == "VitalsDialog"  # still open, with the field named
        assert words["range"] in shown(app)
        assert registration(desk_services, ticket_id) is None  # nothing saved
        field = app.screen.focused
        assert field is not None and field.id == "vital-sistole"  # back on the wrong one
        for _ in range(3):
            await key(pilot, "backspace")
        await type_into(pilot, "120")
        await key(pilot, "down")
        await key(pilot, "down")
        await type_into(pilot, "55,5")  # weight, with Indonesia's decimal comma
        await key(pilot, "enter")
        assert screen_name(app) == "DeskScreen"
        assert words["queued"] in shown(app)
    record = registration(desk_services, ticket_id)
    assert record is not None
    assert (record.vitals["sistole"], record.vitals["diastole"]) == (120, 80)
    assert record.vitals["weight"] == 55.5 and record.vitals["heart_rate"] == 0


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_diastole_above_the_sistole_is_refused_in_the_form(
    desk_services: Services,  # noqa: F811
    lang: str,
) -> None:
    ticket_id = called(desk_services)
    app = DeskApp(desk_services)
    async with app.run_test(size=SIZE) as pilot:
        await open_poli(pilot, lang)
        await key(pilot, "k")
        await type_into(pilot, "120")
        await key(pilot, "down")
        await type_into(pilot, "130")
        await key(pilot, "enter")
        assert WORDS[lang]["pressure"] in shown(app)
        await key(pilot, "escape")  # Escape sends nothing
        assert screen_name(app) == "DeskScreen"
    assert registration(desk_services, ticket_id) is None


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_rows_that_cannot_be_registered_say_why(
    desk_services: Services,  # noqa: F811
    lang: str,
) -> None:
    """A general patient, a patient not yet called, a poli PCare does not know (Lansia)."""
    general = called(desk_services, None)
    waiting = take(desk_services, BUDI)
    elderly = called(desk_services, SITI, "004")
    words = WORDS[lang]
    app = DeskApp(desk_services)
    async with app.run_test(size=SIZE) as pilot:
        await open_poli(pilot, lang)
        await key(pilot, "d")  # the general patient, called first
        assert words["not_jkn"] in said(app)
        await key(pilot, "k")  # the form is not even opened
        assert screen_name(app) == "DeskScreen" and words["not_jkn"] in said(app)
        await key(pilot, "down")
        await key(pilot, "d")
        assert words["not_called"] in said(app)
        await key(pilot, "k")
        assert screen_name(app) == "DeskScreen" and words["not_called"] in said(app)
    app = DeskApp(desk_services)
    async with app.run_test(size=SIZE) as pilot:
        await open_poli(pilot, lang, "4")  # Lansia
        assert words["no_code"] in shown(app)  # said before any key
        await key(pilot, "d")
        assert "Lansia" in said(app) and "PCare" in said(app)
    for ticket_id in (general, waiting, elderly):
        assert registration(desk_services, ticket_id) is None


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_undo_asks_first_and_names_the_patient(
    desk_services: Services,  # noqa: F811
    lang: str,
) -> None:
    ticket_id = called(desk_services)
    words = WORDS[lang]
    app = DeskApp(desk_services)
    async with app.run_test(size=SIZE) as pilot:
        await open_poli(pilot, lang)
        await key(pilot, "d")
        await key(pilot, "k")  # registered already: the vitals can no longer change
        assert words["too_late"] in said(app)
        await key(pilot, "d")  # a registration: what may be done with it
        assert screen_name(app) == "PickDialog"
        await key(pilot, "1")  # undo (a queued registration can only be undone or left)
        assert words["undo_title"] in shown(app)
        await key(pilot, "2")  # no
        assert screen_name(app) == "DeskScreen"
        record = registration(desk_services, ticket_id)
        assert record is not None and record.state == VisitState.QUEUED
        await key(pilot, "d")
        await key(pilot, "1")
        await key(pilot, "1")  # yes
        assert screen_name(app) == "DeskScreen"
        assert words["queued"] not in shown(app)
    record = registration(desk_services, ticket_id)
    assert record is not None and record.state == VisitState.WITHDRAWN


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_refusal_shows_as_text_on_the_row(
    desk_services: Services,  # noqa: F811
    lang: str,
) -> None:
    """PCare's words are text, never markup, however they look."""
    ticket_id = called(desk_services)
    desk_services_registration(desk_services).register(ticket_id, None, "test")
    with desk_services.store.write() as session:
        record = session.scalars(
            select(VisitRegistrationRow).where(VisitRegistrationRow.ticket_id == ticket_id)
        ).one()
        record.state, record.message = (
            VisitState.REFUSED.value,
            "[b]Poli[/b] tutup [@click=app.quit]",
        )
    app = DeskApp(desk_services)
    async with app.run_test(size=SIZE) as pilot:
        await open_poli(pilot, lang)
        text = shown(app)
        assert WORDS[lang]["refused"] in text
        assert "[b]Poli[/b]" in text and "[@click=app.quit]" in text


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_poli_that_registers_on_call_says_so_and_does(
    desk_services: Services,  # noqa: F811
    lang: str,
) -> None:
    with desk_services.store.write() as session:
        session.get_one(PoliRow, "001").pcare_auto_register = True
    ticket_id = take(desk_services, SITI)
    words = WORDS[lang]
    app = DeskApp(desk_services)
    async with app.run_test(size=SIZE) as pilot:
        await open_poli(pilot, lang)
        assert words["auto"] in shown(app)
        await key(pilot, "n")
        await pilot.pause(1.3)  # the list refreshes every second
        await key(pilot, "down")
        assert words["queued"] in shown(app)
    record = registration(desk_services, ticket_id)
    assert record is not None and record.state == VisitState.QUEUED


def desk_services_registration(services: Services) -> Any:
    from kiosk.services.registration import RegistrationService

    return RegistrationService(services.store, services.clock)
