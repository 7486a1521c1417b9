"""The desk's refusals on the store, on each engine: today's refused items grouped by cause,
resent one by one or by group (audited), and the claim the immediate send shares with the pump.
No central here: the sending is tested on the real reference central in test_refusals.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from kiosk.contract import antrean
from kiosk.domain.refusal import Cause, cause_of
from kiosk.i18n import t
from kiosk.services.errors import Refused
from kiosk.services.refusals import RefusalService
from kiosk.store.models import OutboxRow, TicketEventRow
from kiosk.sync.client import CentralClient
from kiosk.sync.pump import OutboxPump
from tests.core.conftest import Clinic
from tests.demo_ids import BUDI_CARD, RINA_CARD, SITI_CARD
from tests.sync.test_claims import NOWHERE

ACTOR = "Sari Dewi@loket-1"


def _refused(clinic: Clinic, messages: list[str]) -> list[int]:
    """One JKN ticket per message, its add refused with that message; the item ids."""
    with clinic.store.write() as session:
        session.execute(update(OutboxRow).values(state="sent"))  # the demo's own items
    people = [clinic.person(card).id for card in (SITI_CARD, BUDI_CARD, RINA_CARD)]
    items = []
    for pid, message in zip(people, messages, strict=False):
        ticket = clinic.take(participant_id=pid).ticket
        with clinic.store.write() as session:
            item = session.scalars(
                select(OutboxRow).where(
                    OutboxRow.ticket_id == ticket.id, OutboxRow.kind == antrean.ADD
                )
            ).one()
            item.state, item.last_error = "parked", message
            items.append(item.id)
    return items


def _state(clinic: Clinic, item_id: int) -> str:
    with clinic.store.read() as session:
        return session.get_one(OutboxRow, item_id).state


@pytest.mark.parametrize(
    ("message", "cause"),
    [
        (t("central.srk.missing"), Cause.SRK),
        (t("central.hfis.doctor", doctor=7, poli="001"), Cause.HFIS),
        (t("central.hfis.hours", doctor=7, given="08:00-12:00", hours="07:30-12:00"), Cause.HFIS),
        (t("central.hfis.full", kapasitas=30), Cause.QUOTA),
        ("Peserta tidak aktif", Cause.INACTIVE),
        (t("sync.unknown_participant"), Cause.INACTIVE),
        (t("central.poli.unknown", poli="9Z9"), Cause.OTHER),
        ("", Cause.OTHER),
    ],
)
def test_the_cause_is_read_from_the_centrals_words(message: str, cause: Cause) -> None:
    assert cause_of(message) == cause


def test_todays_refusals_grouped_resent_and_audited(clinic: Clinic) -> None:
    quota, srk, other = _refused(
        clinic,
        [t("central.hfis.full", kapasitas=3), t("central.srk.missing"), "Poli [b]9Z9[/b] tutup"],
    )
    desk = RefusalService(clinic.store, clinic.services.clock)
    found = desk.today()
    assert [(r.item_id, r.cause) for r in found] == [
        (srk, Cause.SRK),
        (quota, Cause.QUOTA),
        (other, Cause.OTHER),
    ]
    assert all(r.masked_card.startswith("••") and len(r.masked_card) == 6 for r in found)
    assert found[2].message == "Poli [b]9Z9[/b] tutup" and found[2].poli_name == "Umum"
    assert desk.count() == 3

    assert desk.resend(srk, ACTOR).cause == Cause.SRK
    assert _state(clinic, srk) == "pending"
    with pytest.raises(Refused) as gone:  # twice (another desk was quicker): said, not done
        desk.resend(srk, ACTOR)
    assert gone.value.key == "refusals.gone"
    assert desk.resend_cause(Cause.QUOTA, ACTOR) == 1
    assert desk.resend_cause(Cause.INACTIVE, ACTOR) == 0
    assert [r.item_id for r in desk.today()] == [other]
    with clinic.store.read() as session:
        events = session.scalars(
            select(TicketEventRow).where(TicketEventRow.kind == "resent")
        ).all()
    assert [(e.actor, e.detail["outbox"], e.detail["cause"]) for e in events] == [
        (ACTOR, srk, "srk"),
        (ACTOR, quota, "quota"),
    ]


def test_yesterdays_refusals_are_not_todays(clinic: Clinic) -> None:
    (item,) = _refused(clinic, [t("central.srk.missing")])
    desk = RefusalService(clinic.store, clinic.services.clock)
    assert desk.count() == 1
    clinic.clock.instant += timedelta(days=1)
    assert desk.today() == []
    with pytest.raises(Refused):
        desk.resend(item, ACTOR)


def test_the_immediate_send_claims_only_its_ticket_as_the_pump_does(clinic: Clinic) -> None:
    first, second = _refused(clinic, ["x", "y"])
    desk = RefusalService(clinic.store, clinic.services.clock)
    for item in (first, second):
        desk.resend(item, ACTOR)
    with clinic.store.read() as session:
        ticket = session.get_one(OutboxRow, second).ticket_id
    pump = OutboxPump(clinic.store, CentralClient(NOWHERE), name="now", watch=False)
    other = OutboxPump(clinic.store, CentralClient(NOWHERE), name="pump", watch=False)
    (claimed,) = pump.claim(ticket)
    assert claimed.id == second
    assert [item.id for item in other.claim()] == [first]  # never the one already claimed
    assert pump.claim(ticket) == []
    # No central configured: nothing is sent at once, the outbox waits as it always did.
    assert clinic.services.sync.send_now(ticket) is None
