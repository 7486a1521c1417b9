"""Registering a JKN visit in PCare through the service (SQLite and PostgreSQL): what it writes in
one transaction, what it refuses and how, and taking it back (undo, cancel, the desk's undo)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update

from kiosk.contract import pcare
from kiosk.domain.visit import VisitState
from kiosk.domain.vitals import Vitals
from kiosk.services.desk import DeskService
from kiosk.services.errors import Refused
from kiosk.services.registration import RegistrationService
from kiosk.store.models import (
    OutboxRow,
    PoliRow,
    TicketEventRow,
    TicketRow,
    VisitRegistrationRow,
)
from tests.demo_ids import BUDI_NIK, SITI_CARD, SITI_NIK

DESK = "Sari Dewi"


@pytest.fixture
def desk(clinic: Any) -> DeskService:
    return DeskService(clinic.store, clinic.services.clock, clinic.services.slips)


@pytest.fixture
def registration(clinic: Any) -> RegistrationService:
    return RegistrationService(clinic.store, clinic.services.clock)


def called(
    clinic: Any, desk: DeskService, nik: str = SITI_NIK, poli: str = "001", **extra: Any
) -> int:
    person = clinic.person(nik)
    ticket = clinic.take(poli, person.id, **extra).ticket
    got = desk.call_next(poli, "Loket 1", DESK)
    assert got is not None and got.id == ticket.id
    return int(ticket.id)


def items(clinic: Any, ticket_id: int) -> list[OutboxRow]:
    with clinic.store.read() as session:
        return list(
            session.scalars(
                select(OutboxRow).where(OutboxRow.ticket_id == ticket_id).order_by(OutboxRow.id)
            )
        )


def events(clinic: Any, ticket_id: int) -> list[str]:
    with clinic.store.read() as session:
        return list(
            session.scalars(
                select(TicketEventRow.kind)
                .where(TicketEventRow.ticket_id == ticket_id)
                .order_by(TicketEventRow.id)
            )
        )


def test_register_writes_record_outbox_and_event_together(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    ticket_id = called(clinic, desk, complaint="batuk pilek", visit_sick=True)
    vitals = Vitals(sistole=120, diastole=80, weight=55.5, heart_rate=76)
    done = registration.register(ticket_id, vitals, DESK)
    assert done.state == VisitState.QUEUED and done.pcare_poli == "001"
    assert done.vitals == vitals and done.visit_sick is True and done.no_urut is None
    assert done.waiting_for_add  # the ticket's antrean/add has not been sent yet
    post = [i for i in items(clinic, ticket_id) if i.kind == pcare.REGISTER]
    assert len(post) == 1 and post[0].state == "pending"
    body = pcare.PendaftaranRequest.model_validate(post[0].payload)  # the central's own check
    assert body.noKartu == SITI_CARD and body.kdPoli == "001" and body.tglDaftar == "23-11-2026"
    assert body.kunjSakit is True and body.sistole == 120 and body.beratBadan == 55.5
    assert body.tinggiBadan == 0 and body.rujukBalik == 0 and body.kdTkp == "10"
    assert body.keluhan == "batuk pilek" and body.kdProviderPeserta
    assert "registered" in events(clinic, ticket_id)
    assert registration.for_tickets([ticket_id, 999]) == {ticket_id: done}


def test_a_healthy_visit_and_no_vitals(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    ticket_id = called(clinic, desk, visit_sick=False)
    registration.register(ticket_id, None, DESK)
    (post,) = [i for i in items(clinic, ticket_id) if i.kind == pcare.REGISTER]
    assert post.payload["kunjSakit"] is False
    assert all(post.payload[k] == 0 for k in ("sistole", "diastole", "heartRate", "respRate"))


def test_refusals_name_the_reason(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    # Not called yet.
    waiting = clinic.take("003", clinic.person(BUDI_NIK).id).ticket
    with pytest.raises(Refused) as caught:
        registration.register(waiting.id, None, DESK)
    assert caught.value.key == "pcare.not_called"
    # A patient without JKN.
    general = clinic.take("002").ticket
    desk.call_next("002", "Loket 2", DESK)
    with pytest.raises(Refused) as caught:
        registration.register(general.id, None, DESK)
    assert caught.value.key == "pcare.not_jkn"
    # A poli PCare does not know (the demo's Lansia has no PCare code).
    lansia = called(clinic, desk, poli="004")
    with pytest.raises(Refused) as caught:
        registration.register(lansia, None, DESK)
    assert caught.value.key == "pcare.no_poli_code" and caught.value.params["poli"] == "Lansia"
    # Twice.
    siti = called(clinic, desk, nik=SITI_NIK)
    registration.register(siti, None, DESK)
    with pytest.raises(Refused) as caught:
        registration.register(siti, None, DESK)
    assert caught.value.key == "pcare.already"
    with pytest.raises(Refused) as caught:
        registration.register(123456, None, DESK)
    assert caught.value.key == "pcare.no_ticket"
    # Nothing was half-written by the refusals.
    with clinic.store.read() as session:
        assert len(session.scalars(select(VisitRegistrationRow)).all()) == 1


def test_undo_before_sending_withdraws_and_allows_a_new_registration(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    ticket_id = called(clinic, desk)
    registration.register(ticket_id, None, DESK)
    undone = registration.undo(ticket_id, DESK)
    assert undone.state == VisitState.WITHDRAWN
    kinds = [(i.kind, i.state) for i in items(clinic, ticket_id) if i.kind in pcare.KINDS]
    assert kinds == [(pcare.REGISTER, "void")]  # never sent, no DELETE
    with pytest.raises(Refused) as caught:
        registration.undo(ticket_id, DESK)
    assert caught.value.key == "pcare.nothing_to_undo"
    again = registration.register(ticket_id, Vitals(heart_rate=80), DESK)
    assert again.state == VisitState.QUEUED and again.vitals.heart_rate == 80


def _answered(clinic: Any, ticket_id: int, no_urut: str | None, state: str) -> None:
    """What the pump writes when PCare answers (kiosk.sync.pcare does it for real)."""
    with clinic.store.write() as session:
        session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.ticket_id == ticket_id,
                OutboxRow.kind == pcare.REGISTER,
                OutboxRow.state != "void",
            )
            .values(state="sent" if no_urut else "parked", last_error=None if no_urut else "x")
        )
        session.execute(
            update(VisitRegistrationRow)
            .where(VisitRegistrationRow.ticket_id == ticket_id)
            .values(state=state, no_urut=no_urut)
        )


def test_undo_of_a_registered_visit_queues_the_delete(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    ticket_id = called(clinic, desk)
    registration.register(ticket_id, None, DESK)
    _answered(clinic, ticket_id, "A1", VisitState.REGISTERED)
    assert registration.undo(ticket_id, DESK).state == VisitState.DELETING
    (delete,) = [i for i in items(clinic, ticket_id) if i.kind == pcare.UNREGISTER]
    assert delete.payload == {"noKartu": SITI_CARD, "tglDaftar": "23-11-2026", "kdPoli": "001"}
    with pytest.raises(Refused) as caught:
        registration.undo(ticket_id, DESK)
    assert caught.value.key == "pcare.already_deleting"


def test_undo_while_the_post_is_in_flight_queues_a_delete_that_waits(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    ticket_id = called(clinic, desk)
    registration.register(ticket_id, None, DESK)
    with clinic.store.write() as session:
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.ticket_id == ticket_id, OutboxRow.kind == pcare.REGISTER)
            .values(state="sending")
        )
    assert registration.undo(ticket_id, DESK).state == VisitState.DELETING
    assert [i.kind for i in items(clinic, ticket_id)][-1] == pcare.UNREGISTER


def test_refused_then_resent_with_a_corrected_poli_or_marked_by_hand(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    ticket_id = called(clinic, desk)
    registration.register(ticket_id, None, DESK)
    with pytest.raises(Refused) as caught:
        registration.resend(ticket_id, None, None, DESK)
    assert caught.value.key == "pcare.not_refused"
    _answered(clinic, ticket_id, None, VisitState.REFUSED)
    with pytest.raises(Refused) as caught:
        registration.register(ticket_id, None, DESK)
    assert caught.value.key == "pcare.refused_before"
    with pytest.raises(Refused) as caught:
        registration.resend(ticket_id, "0 1", None, DESK)
    assert caught.value.key == "pcare.bad_poli_code"
    again = registration.resend(ticket_id, "002", Vitals(sistole=110), DESK)
    assert again.state == VisitState.QUEUED and again.pcare_poli == "002"
    posts = [i for i in items(clinic, ticket_id) if i.kind == pcare.REGISTER]
    assert [p.state for p in posts] == ["void", "pending"]
    assert posts[1].payload["kdPoli"] == "002" and posts[1].payload["sistole"] == 110
    _answered(clinic, ticket_id, None, VisitState.REFUSED)
    with pytest.raises(Refused) as caught:
        registration.mark_by_hand(ticket_id, "A-1!", DESK)
    assert caught.value.key == "pcare.bad_no_urut"
    by_hand = registration.mark_by_hand(ticket_id, "a7", DESK)
    assert by_hand.state == VisitState.BY_HAND and by_hand.no_urut == "A7"
    assert all(
        i.state in ("void", "sent") for i in items(clinic, ticket_id) if i.kind in pcare.KINDS
    )


def test_cancelling_a_registered_visit_queues_the_delete(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    ticket_id = called(clinic, desk)
    registration.register(ticket_id, None, DESK)
    _answered(clinic, ticket_id, "A1", VisitState.REGISTERED)
    desk.skip(ticket_id, DESK)  # no-show: a skipped ticket may be cancelled
    clinic.tickets.cancel(ticket_id, "pulang", actor=DESK)
    assert registration.get(ticket_id).state == VisitState.DELETING  # type: ignore[union-attr]
    kinds = [i.kind for i in items(clinic, ticket_id)]
    assert kinds[-2:] == ["antrean.batal", pcare.UNREGISTER] or pcare.UNREGISTER in kinds


def test_cancelling_before_sending_withdraws(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    ticket_id = called(clinic, desk)
    registration.register(ticket_id, None, DESK)
    desk.skip(ticket_id, DESK)
    clinic.tickets.cancel(ticket_id, "pulang", actor=DESK)
    assert registration.get(ticket_id).state == VisitState.WITHDRAWN  # type: ignore[union-attr]
    assert [i.state for i in items(clinic, ticket_id) if i.kind in pcare.KINDS] == ["void"]


def test_auto_register_on_call_and_the_desks_undo_takes_it_back(
    clinic: Any, desk: DeskService, registration: RegistrationService
) -> None:
    with clinic.store.write() as session:
        session.execute(
            update(PoliRow).where(PoliRow.code == "001").values(pcare_auto_register=True)
        )
    ticket_id = called(clinic, desk)
    assert registration.get(ticket_id).state == VisitState.QUEUED  # type: ignore[union-attr]
    desk.undo(DESK)
    assert registration.get(ticket_id).state == VisitState.WITHDRAWN  # type: ignore[union-attr]
    with clinic.store.read() as session:
        assert session.get_one(TicketRow, ticket_id).status == "waiting"
    # A general patient called there is simply not registered.
    general = clinic.take("001").ticket
    desk.call_next("001", "Loket 1", DESK)
    desk.call_next("001", "Loket 1", DESK)
    assert registration.get(general.id) is None


def test_visit_kind_default_per_source(clinic: Any) -> None:
    from kiosk.domain.models import TicketSource

    siti = clinic.person(SITI_NIK)
    walk_in = clinic.take("001", siti.id).ticket
    assert walk_in.visit_sick is None  # not asked
    booked = clinic.take("002", siti.id, source=TicketSource.BOOKING).ticket
    assert booked.visit_sick is True  # Mobile JKN books treatment
    healthy = clinic.take("003", siti.id, visit_sick=False).ticket
    assert healthy.visit_sick is False
    general = clinic.take("001", None, visit_sick=True).ticket
    assert general.visit_sick is None  # not PCare's business
    checked = clinic.tickets.check_in(booked.id, visit_sick=False)
    assert checked.visit_sick is False
