"""Visits registered in PCare against the REAL reference central (`kiosk central` on loopback):
online, through an outage, cancelled, refused and corrected, after a pump died mid-send, and a
DELETE queued before PCare answered. The central's registrations must equal the store's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from kiosk.contract import pcare
from kiosk.domain.clock import FacilityClock
from kiosk.domain.visit import VisitState
from kiosk.domain.vitals import Vitals
from kiosk.services import Services
from kiosk.services.desk import DeskService
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import OutboxRow, ScheduleRow, VisitRegistrationRow
from kiosk.sync.client import CentralClient, CentralConfig
from kiosk.sync.outbox import Claimed
from kiosk.sync.pump import OutboxPump
from tests.central_server import CentralServer
from tests.core.conftest import FIXED, TODAY, WIB, SettableClock
from tests.demo_ids import BUDI_NIK, RINA_NIK, SITI_CARD, SITI_NIK
from tests.sync.test_drills import clinic_settings, schedule_of

pytestmark = pytest.mark.slow

DAY = TODAY.isoformat()
PCARE_DAY = f"{TODAY:%d-%m-%Y}"
DESK = "Sari Dewi"


@pytest.fixture
def clinic(tmp_path: Path, central_server: CentralServer) -> Iterator[Services]:
    services = open_clinic(
        clinic_settings(tmp_path, central_server), clock=FacilityClock(WIB, SettableClock(FIXED))
    )
    with services.store.write() as session:
        session.execute(update(ScheduleRow).values(quota=1000))
    central_server.set_kapasitas(1000)
    yield services
    services.store.dispose()


def pump(services: Services) -> OutboxPump:
    return services.sync.pump(backoff_base=0.02, backoff_cap=0.2, idle_seconds=0.05)


def called(services: Services, nik: str, poli: str = "001", **extra: Any) -> int:
    person = services.participants.identify_nik(nik) if False else _person(services, nik)
    ticket = services.tickets.take(
        TakeRequest(poli, TODAY, schedule_of(services, poli), participant_id=person, **extra)
    ).ticket
    desk = DeskService(services.store, services.clock, services.slips)
    got = desk.call_next(poli, "Loket 1", DESK)
    assert got is not None and got.id == ticket.id
    return int(ticket.id)


def _person(services: Services, nik: str) -> int:
    from kiosk.domain.identity import parse_identity

    found = services.participants.identify(parse_identity(nik, TODAY))
    assert found is not None
    return int(found.id)


def store_registrations(services: Services) -> set[tuple[str, str, str]]:
    """(noUrut, card, kdPoli) of the visits the store holds as registered in PCare."""
    with services.store.read() as session:
        rows = session.execute(
            select(VisitRegistrationRow, OutboxRow.payload)
            .join(OutboxRow, OutboxRow.id == VisitRegistrationRow.add_item_id)
            .where(VisitRegistrationRow.state == VisitState.REGISTERED)
        ).all()
    return {(r.no_urut or "", p["noKartu"], r.pcare_poli) for r, p in rows}


def central_registrations(central: CentralServer) -> set[tuple[str, str, str]]:
    live = central.registrations(DAY)
    found = {(e["noUrut"], e["noKartu"], e["kdPoli"]) for e in live}
    assert len(found) == len(live)
    per_visit = [(e["noKartu"], e["kdPoli"]) for e in live]
    assert len(per_visit) == len(set(per_visit)), "a visit is registered twice at the central"
    return found


def test_register_online_then_an_outage_then_cancel(
    clinic: Services, central_server: CentralServer
) -> None:
    siti = called(clinic, SITI_NIK, complaint="demam", visit_sick=True)
    clinic.registration.register(siti, Vitals(120, 80, 55.5, 158, 0, 18, 76), DESK)
    assert pump(clinic).drain()
    got = clinic.registration.get(siti)
    assert got is not None and got.state == VisitState.REGISTERED and got.no_urut == "A1"
    client = CentralClient(CentralConfig.from_settings(clinic.settings))
    one = client.pcare("GET", f"/pendaftaran/noUrut/A1/tglDaftar/{PCARE_DAY}")
    assert one.ok and one.response["peserta"]["noKartu"] == SITI_CARD
    assert one.response["sistole"] == 120 and one.response["beratBadan"] == 55.5
    assert one.response["kunjSakit"] is True and one.response["keluhan"] == "demam"
    mirror = {e["nomorkartu"]: e for e in central_server.mirror(DAY)}
    assert mirror[SITI_CARD]["pcare"] == "A1"

    central_server.stop()  # Budi is registered while the central is away
    budi = called(clinic, BUDI_NIK, poli="003")
    clinic.registration.register(budi, None, DESK)
    assert not pump(clinic).drain(max_failures=2)
    assert clinic.registration.get(budi).state == VisitState.QUEUED  # type: ignore[union-attr]
    central_server.start()
    assert pump(clinic).drain()
    assert clinic.registration.get(budi).no_urut == "A2"  # type: ignore[union-attr]
    assert central_registrations(central_server) == store_registrations(clinic)
    assert len(store_registrations(clinic)) == 2

    desk = DeskService(clinic.store, clinic.services.clock if False else clinic.clock, clinic.slips)
    desk.skip(budi, DESK)
    clinic.tickets.cancel(budi, "pulang", actor=DESK)
    assert clinic.registration.get(budi).state == VisitState.DELETING  # type: ignore[union-attr]
    assert pump(clinic).drain()
    assert clinic.registration.get(budi).state == VisitState.DELETED  # type: ignore[union-attr]
    assert central_registrations(central_server) == store_registrations(clinic)
    assert [e["noUrut"] for e in central_server.registrations(DAY, live_only=False)] == [
        "A1",
        "A2",
    ]
    listed = client.pcare("GET", f"/pendaftaran/tglDaftar/{PCARE_DAY}/0/10")
    assert listed.ok and listed.response["count"] == 1


def test_a_refusal_is_parked_with_pcares_words_then_corrected(
    clinic: Services, central_server: CentralServer
) -> None:
    rina = called(clinic, RINA_NIK)
    clinic.registration.register(rina, None, DESK)
    with clinic.store.read() as session:
        body = session.scalars(
            select(OutboxRow.payload).where(OutboxRow.kind == pcare.REGISTER)
        ).one()
    # Staff already registered her in PCare's own page, at this poli.
    assert central_server.request("POST", "/pcare-rest/pendaftaran", json=body).json()
    pump(clinic).drain()
    refused = clinic.registration.get(rina)
    assert refused is not None and refused.state == VisitState.REFUSED
    assert refused.message and "sudah didaftarkan" in refused.message
    # The ticket's own Antrean items were not held up by the refusal.
    with clinic.store.read() as session:
        states = dict(session.execute(select(OutboxRow.kind, OutboxRow.state)).all())
    assert states["antrean.add"] == "sent" and states[pcare.REGISTER] == "parked"
    # Corrected to another poli, it goes through; the first one stays, by hand, at the central.
    again = clinic.registration.resend(rina, "002", None, DESK)
    assert again.state == VisitState.QUEUED
    assert pump(clinic).drain()
    done = clinic.registration.get(rina)
    assert done is not None and done.state == VisitState.REGISTERED and done.no_urut == "A2"


def post_in_flight(clinic: Services) -> tuple[int, OutboxPump, Claimed]:
    """Siti registered; a pump has sent the antrean/adds and claimed her POST, not sent yet."""
    siti = called(clinic, SITI_NIK)
    clinic.registration.register(siti, None, DESK)
    first = pump(clinic)
    assert first.step().sent == 2  # the antrean/adds (the demo's booking and Siti's)
    (item,) = first.claim()
    assert item.kind == pcare.REGISTER
    return siti, first, item


def test_a_pump_that_died_mid_send_never_registers_twice(
    clinic: Services, central_server: CentralServer
) -> None:
    siti, first, item = post_in_flight(clinic)
    # It reaches PCare, but the pump dies before it marks the answer: the item stays "sending"
    # under a dead pump's claim.
    assert item.attempts == 1
    answer = first.client.pcare("POST", "/pendaftaran", body=item.payload)
    assert answer.code == 201
    with clinic.store.write() as session:
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == item.id)
            .values(claimed_at=FIXED - timedelta(hours=1))
        )  # the claim is old: its lease has run out (the pump reads the test's clock)
    assert pump(clinic).drain()
    got = clinic.registration.get(siti)
    assert got is not None and got.state == VisitState.REGISTERED and got.no_urut == "A1"
    assert len(central_server.registrations(DAY)) == 1
    assert central_registrations(central_server) == store_registrations(clinic)


def taken_over(clinic: Services, item: Any) -> tuple[Any, Any]:
    """The first pump is starved, not dead: its claim runs out before its POST goes out, and a
    second pump takes the item over (its second attempt)."""
    with clinic.store.write() as session:
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == item.id)
            .values(claimed_at=FIXED - timedelta(hours=1))
        )
    second = pump(clinic)
    (again,) = second.claim()
    assert again.id == item.id and again.attempts == 2
    return second, again


def test_a_slow_pumps_post_landing_after_the_takeover_still_registers_once(
    clinic: Services, central_server: CentralServer
) -> None:
    siti, first, item = post_in_flight(clinic)
    second, again = taken_over(clinic, item)
    # The second pump looks in PCare's list (nothing yet), and just before its own POST the
    # first pump's POST lands: PCare refuses the second as already registered.
    real = second.client.pcare
    landed: list[int] = []

    def slow_first_lands(method: str, path: str, **kwargs: Any) -> Any:
        if method == "POST" and not landed:
            landed.append(real("POST", "/pendaftaran", body=item.payload).code or 0)
        return real(method, path, **kwargs)

    second.client.pcare = slow_first_lands  # type: ignore[method-assign]
    answer = second._send(again)
    assert landed == [201]
    assert answer.ok, answer.message
    second._settle(again, answer)
    got = clinic.registration.get(siti)
    assert got is not None and got.state == VisitState.REGISTERED and got.no_urut == "A1"
    # The first pump's late answer is not its to mark any more.
    first._settle(item, answer)
    assert len(central_server.registrations(DAY)) == 1
    assert central_registrations(central_server) == store_registrations(clinic)


def test_a_refusal_pcare_cannot_be_asked_about_is_tried_again_not_parked(
    clinic: Services, central_server: CentralServer
) -> None:
    """As above, but the central goes away between the refusal and the second look (the soak
    kills it at any moment): the visit is not parked as refused, it is sent again later."""
    siti, _first, item = post_in_flight(clinic)
    second, again = taken_over(clinic, item)
    real = second.client.pcare

    def refused_then_the_central_goes(method: str, path: str, **kwargs: Any) -> Any:
        if method == "POST":
            real("POST", "/pendaftaran", body=item.payload)  # the first pump's, landing late
            refused = real(method, path, **kwargs)
            central_server.stop()
            return refused
        return real(method, path, **kwargs)

    second.client.pcare = refused_then_the_central_goes  # type: ignore[method-assign]
    answer = second._send(again)
    assert answer.retry, answer.message
    second._release([again], answer)
    central_server.start()
    assert pump(clinic).drain()
    got = clinic.registration.get(siti)
    assert got is not None and got.state == VisitState.REGISTERED and got.no_urut == "A1"
    assert len(central_server.registrations(DAY)) == 1


def test_a_delete_queued_before_the_answer_waits_for_the_number(
    clinic: Services, central_server: CentralServer
) -> None:
    siti, first, item = post_in_flight(clinic)  # the POST is being sent ...
    assert clinic.registration.undo(siti, DESK).state == VisitState.DELETING  # ... undone now
    with clinic.store.read() as session:
        delete = session.scalars(select(OutboxRow).where(OutboxRow.kind == pcare.UNREGISTER)).one()
    assert "noUrut" not in delete.payload  # never a guessed number
    # The DELETE cannot go before the POST's answer.
    assert pump(clinic).claim() == []
    answer = first.client.pcare("POST", "/pendaftaran", body=item.payload)
    from kiosk.sync import pcare as pcare_side

    first._settle(item, pcare_side.read_register(answer))
    assert clinic.registration.get(siti).no_urut == "A1"  # type: ignore[union-attr]
    assert pump(clinic).drain()
    assert clinic.registration.get(siti).state == VisitState.DELETED  # type: ignore[union-attr]
    assert central_server.registrations(DAY) == []


def test_the_registration_waits_for_the_tickets_add(
    clinic: Services, central_server: CentralServer
) -> None:
    siti = called(clinic, SITI_NIK)
    clinic.registration.register(siti, None, DESK)
    with clinic.store.write() as session:  # the central refused the add (e.g. SRK missing)
        session.execute(
            update(OutboxRow).where(OutboxRow.kind == "antrean.add").values(state="parked")
        )
    assert not pump(clinic).drain()
    got = clinic.registration.get(siti)
    assert got is not None and got.state == VisitState.QUEUED and got.waiting_for_add
    assert central_server.registrations(DAY) == []
