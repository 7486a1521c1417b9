"""The desk registers a visit in PCare (issue 13), at 80x24 in both languages: one key, the vitals
form, the row's state, the refusals, by hand, undo with a question, a poli that registers on call.

The store is SQLite; where PCare must answer, the reference central (`kiosk central`) runs on
loopback and the real pump sends the registration to it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from textual.pilot import Pilot

from kiosk.contract import pcare
from kiosk.desk_app import DeskApp
from kiosk.domain.clock import FacilityClock
from kiosk.domain.visit import VisitState
from kiosk.services import Services
from kiosk.services.desk import DeskService
from kiosk.services.setup import open_clinic
from kiosk.services.staff import StaffService
from kiosk.store.models import OutboxRow, PoliRow, VisitRegistrationRow
from tests.central_server import CentralServer
from tests.conftest import QUICK_PIN_ITERATIONS, WIB, MovableClock
from tests.demo_ids import BUDI_CARD, SITI_CARD
from tests.sync.test_drills import clinic_settings
from tests.ui.helpers import screen_name, screen_text, settle, until
from tests.ui.test_desk import desk_services, key, said, take  # noqa: F401
from tests.ui.test_desk_screens import sign_in_as
from tests.ui.test_escaping import actions_on_screen

SIZE = (80, 24)
SITI, BUDI = 1, 2
WORDS = {
    "id": {
        "register": "d Daftar PCare",
        "vitals": "i Tanda vital",
        "queued": "PCare: menunggu kirim",
        "saved": "Pendaftaran PCare A-001 disimpan",
        "not_jkn": "bukan pasien JKN",
        "not_called": "belum dipanggil",
        "no_code": "Poli Lansia tidak punya kode PCare",
        "range": "Sistole 400 di luar batas wajar 40-300",
        "pressure": "Diastole 130 harus lebih kecil dari sistole",
        "refused": "PCare DITOLAK:",
        "undo_title": "Urungkan pendaftaran PCare {ticket}?",
        "auto": "didaftarkan otomatis saat dipanggil",
        "too_late": "tanda vital tidak bisa diubah",
        "by_hand": "PCare manual {no}",
        "resent": "Pendaftaran PCare A-001 dikirim ulang",
    },
    "en": {
        "register": "d Register in PCare",
        "vitals": "i Vitals",
        "queued": "PCare: waiting to send",
        "saved": "A-001's PCare registration saved",
        "not_jkn": "is not a JKN patient",
        "not_called": "has not been called",
        "no_code": "Poli Lansia has no PCare code",
        "range": "Systolic 400 is outside the plausible 40-300",
        "pressure": "Diastolic 130 must be lower than systolic",
        "refused": "PCare REFUSED:",
        "undo_title": "Undo {ticket}'s PCare registration?",
        "auto": "registered automatically when called",
        "too_late": "vitals cannot be changed",
        "by_hand": "PCare by hand {no}",
        "resent": "A-001's PCare registration is sent again",
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
        await key(pilot, "i")
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
        await key(pilot, "i")
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
        await key(pilot, "i")  # the form is not even opened
        assert screen_name(app) == "DeskScreen" and words["not_jkn"] in said(app)
        await key(pilot, "down")
        await key(pilot, "d")
        assert words["not_called"] in said(app)
        await key(pilot, "i")
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
        await key(pilot, "i")  # registered already: the vitals can no longer change
        assert words["too_late"] in said(app)
        await key(pilot, "d")  # a registration: what may be done with it
        assert screen_name(app) == "PickDialog"
        await key(pilot, "1")  # undo (a queued registration can only be undone or left)
        assert words["undo_title"].format(ticket="A-001 · Siti A.") in shown(app)
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
        assert actions_on_screen(app) == []  # no link made of PCare's words


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
        assert await until(pilot, lambda: words["queued"] in shown(app))
    record = registration(desk_services, ticket_id)
    assert record is not None and record.state == VisitState.QUEUED


def every_state(services: Services) -> None:
    """Called rows with a registration PCare answered, one it refused, one registered by hand,
    and a general patient's (none)."""
    service = desk_services_registration(services)
    registered, refused, by_hand = (
        called(services, SITI),
        called(services, BUDI),
        called(services, 6),
    )
    called(services, None)
    for ticket_id in (registered, refused):
        service.register(ticket_id, None, "test")
    service.mark_by_hand(by_hand, "a7", "test")
    with services.store.write() as session:  # what the pump stores from PCare's answers
        for ticket_id, state, no_urut, message in (
            (registered, VisitState.REGISTERED, "A1", None),
            (refused, VisitState.REFUSED, None, "Peserta sudah didaftarkan di poli ini hari ini"),
        ):
            record = session.scalars(
                select(VisitRegistrationRow).where(VisitRegistrationRow.ticket_id == ticket_id)
            ).one()
            record.state, record.no_urut, record.message = state.value, no_urut, message


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("view", ["rows", "refused_menu"])
def test_rows_with_every_registration_state_snapshot(
    desk_services: Services,  # noqa: F811
    snap_compare: Any,
    lang: str,
    view: str,
) -> None:
    every_state(desk_services)

    async def run_before(pilot: Pilot[None]) -> None:
        await open_poli(pilot, lang)
        if view == "refused_menu":
            await key(pilot, "down")  # the refused one: what may be done with it
            await key(pilot, "d")

    assert snap_compare(DeskApp(desk_services), terminal_size=SIZE, run_before=run_before)


def desk_services_registration(services: Services) -> Any:
    from kiosk.services.registration import RegistrationService

    return RegistrationService(services.store, services.clock)


# -- with PCare answering: the reference central on loopback, the real pump ---------------------


@pytest.fixture
def online(
    tmp_path: Path, central_server: CentralServer, clock_source: MovableClock
) -> Iterator[Services]:
    services = open_clinic(
        clinic_settings(tmp_path, central_server), clock=FacilityClock(WIB, clock_source)
    )
    StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
    yield services
    services.store.dispose()


def drain(services: Services) -> None:
    services.sync.pump(backoff_base=0.02, backoff_cap=0.2, idle_seconds=0.05).drain()


async def sent_and_shown(pilot: Pilot[None], services: Services) -> None:
    """The pump sends what waits (as `kiosk sync` would); the desk's list shows the answers."""
    await asyncio.to_thread(drain, services)
    # The list refreshes every second by itself; asked once more now, as its timer asks, so the
    # test does not guess how long a loaded machine takes to get there.
    pilot.app.screen.refresh_queue()  # type: ignore[attr-defined]
    await settle(pilot)


def registered_at_pcare(central: CentralServer, services: Services) -> dict[tuple[str, str], str]:
    """(card, kdPoli) -> noUrut of the live registrations PCare holds today."""
    day = services.clock.today().isoformat()
    return {(r["noKartu"], r["kdPoli"]): r["noUrut"] for r in central.registrations(day)}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
async def test_pcare_refuses_then_the_desk_corrects_marks_by_hand_and_undoes(
    online: Services, central_server: CentralServer, lang: str
) -> None:
    """Staff had already registered Siti and Budi in PCare's own page: PCare refuses the desk's
    registrations with its words, shown on their rows. Budi is sent again to another PCare poli
    and gets his noUrut; Siti is marked registered by hand with the number PCare gave her; Budi's
    registration is undone (asked first) and PCare deletes it."""
    siti, budi = called(online, SITI), called(online, BUDI)
    words = WORDS[lang]
    app = DeskApp(online)
    async with app.run_test(size=SIZE) as pilot:
        await open_poli(pilot, lang)
        await key(pilot, "d")  # Siti
        await key(pilot, "down")
        await key(pilot, "d")  # Budi
        with online.store.read() as session:
            bodies = session.scalars(
                select(OutboxRow.payload).where(OutboxRow.kind == pcare.REGISTER)
            ).all()
        for body in bodies:  # what staff typed into PCare's page earlier
            central_server.request("POST", "/pcare-rest/pendaftaran", json=body).raise_for_status()
        by_hand = registered_at_pcare(central_server, online)
        await sent_and_shown(pilot, online)
        assert shown(app).count(words["refused"]) == 2
        assert "sudah didaftarkan" in shown(app)  # PCare's own words, as it said them
        # Budi (selected): another PCare poli. The current one is offered first.
        await key(pilot, "d")
        assert screen_name(app) == "PickDialog"
        await key(pilot, "2")
        assert "001" in shown(app) and "002" in shown(app)
        await key(pilot, "2")  # Gigi's PCare poli, 002
        await sent_and_shown(pilot, online)
        no_urut = registered_at_pcare(central_server, online)[(BUDI_CARD, "002")]
        assert f"PCare {no_urut}" in shown(app)
        # Siti: vitals added and sent again (i on a refused row); PCare still refuses at 001.
        await key(pilot, "up")
        await key(pilot, "i")
        assert screen_name(app) == "VitalsDialog"
        await type_into(pilot, "120")
        await key(pilot, "enter")
        assert words["resent"] in said(app)
        await sent_and_shown(pilot, online)
        assert shown(app).count(words["refused"]) == 1
        # Siti: registered by hand, with the number PCare's page showed.
        await key(pilot, "d")
        await key(pilot, "4")
        siti_no = by_hand[(SITI_CARD, "001")]
        await type_into(pilot, siti_no.lower())
        await key(pilot, "enter")
        assert words["by_hand"].format(no=siti_no) in shown(app)
        # Budi's registration undone: asked first, then PCare deletes it.
        await key(pilot, "down")
        await key(pilot, "d")
        await key(pilot, "1")
        assert words["undo_title"].format(ticket="A-002 · Budi S.") in shown(app)
        await key(pilot, "1")
        await sent_and_shown(pilot, online)
        assert f"PCare {no_urut}" not in shown(app)
    assert (BUDI_CARD, "002") not in registered_at_pcare(central_server, online)
    siti_record, budi_record = registration(online, siti), registration(online, budi)
    assert siti_record is not None and siti_record.state == VisitState.BY_HAND
    assert siti_record.no_urut == siti_no and siti_record.vitals["sistole"] == 120
    assert budi_record is not None and budi_record.state == VisitState.DELETED
