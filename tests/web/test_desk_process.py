"""``kiosk serve`` on SQLite answers the phone's calls in a process of its own
(kiosk/web/desk_process.py): the same answers as in a thread, a refusal as a contract answer, a
fault as a fault, and a new process after the old one died."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from kiosk.config import Settings, load_settings
from kiosk.contract.faskes import BookingRequest, ContractAnswer
from kiosk.domain.identity import Identity, IdentityKind
from kiosk.services import Services
from kiosk.services.setup import open_clinic
from kiosk.web.app import create_app
from kiosk.web.desk_process import DeskProcess, DeskUnavailable
from tests.demo_ids import SITI_CARD, SITI_NIK
from tests.web.phone import PASSWORD, USERNAME, LiveServer


@pytest.fixture
def real_clinic(tmp_path: Path) -> Iterator[Services]:
    """The demo clinic on the real clock: the desk process reads the real clock too."""
    services = open_clinic(load_settings(data_dir=tmp_path / "clinic"))
    yield services
    services.store.dispose()


@pytest.fixture
async def desk(real_clinic: Services) -> AsyncIterator[DeskProcess]:
    process = DeskProcess(real_clinic.settings)
    yield process
    process.stop()


def _tomorrow(settings: Settings) -> date:
    return datetime.now(settings.zone).date() + timedelta(days=1)  # no shift of it is over


async def _siti_booking(desk: DeskProcess, day: date) -> BookingRequest:
    shift = (await desk.call("status", "001", day.isoformat()))[0]
    return BookingRequest.model_validate(
        {
            "nomorkartu": SITI_CARD,
            "nik": SITI_NIK,
            "kodepoli": "001",
            "tanggalperiksa": day.isoformat(),
            "keluhan": "Demam",
            "kodedokter": shift.kodedokter,
            "jampraktek": shift.jampraktek,
            "norm": "",
            "nohp": "081234567890",
        }
    )


async def test_the_desk_process_books_refuses_and_cancels(
    real_clinic: Services, desk: DeskProcess
) -> None:
    day = _tomorrow(real_clinic.settings)
    body = await _siti_booking(desk, day)
    booked = await desk.call("book", body)
    assert booked.nomorantrean.startswith("A-")
    with pytest.raises(ContractAnswer) as twice:
        await desk.call("book", body)
    assert twice.value.code == 201 and booked.nomorantrean in twice.value.message
    assert await desk.call("cancel", SITI_CARD, "001", day.isoformat(), "") is None
    with pytest.raises(DeskUnavailable):
        await desk.call("dispose")  # only the phone's calls: a name is not code
    # The booking and its cancellation are in the clinic's store, as the thread would leave them.
    siti = real_clinic.participants.identify(Identity(IdentityKind.CARD, SITI_CARD))
    assert siti is not None
    assert real_clinic.tickets.held(siti.id, "001", day) is None


async def test_a_desk_process_that_died_is_started_again(
    real_clinic: Services, desk: DeskProcess
) -> None:
    day = _tomorrow(real_clinic.settings)
    await desk.call("status", "001", day.isoformat())
    desk._process.kill()
    desk._process.join(10)
    with pytest.raises(DeskUnavailable):  # the call that meets the dead process: a fault
        await desk.call("status", "001", day.isoformat())
    shifts = await desk.call("status", "001", day.isoformat())  # a new process answers
    assert shifts and shifts[0].namapoli == "Umum"


def test_the_phone_gets_the_same_answers_from_the_process_as_from_the_thread(
    real_clinic: Services,
) -> None:
    day = _tomorrow(real_clinic.settings).isoformat()
    answers = []
    for in_process in (False, True):
        app = create_app(real_clinic, desk_process=in_process)
        server = LiveServer(app)  # no lifespan: the process starts with the first call
        server.start()
        try:
            with httpx.Client(base_url=server.url, timeout=60) as phone:
                token = phone.get("/auth", headers={"x-username": USERNAME, "x-password": PASSWORD})
                headers = {"x-token": token.json()["response"]["token"], "x-username": USERNAME}
                status = phone.get(f"/v2/antrean/status/001/{day}", headers=headers).json()
                unknown = phone.get(f"/v2/antrean/status/999/{day}", headers=headers).json()
                answers.append((status, unknown))
        finally:
            server.stop()
            if app.state.desk_process is not None:
                app.state.desk_process.stop()
    assert answers[0] == answers[1]
    assert answers[0][0]["metadata"]["code"] == 200
    assert answers[0][1]["metadata"]["code"] == 201
