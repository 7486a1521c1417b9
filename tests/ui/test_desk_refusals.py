"""The desk's refusals: the count on the main screen, the row's own resend, and the panel (k)
that groups today's refusals by cause, at 80x24 in both languages."""

from __future__ import annotations

from contextlib import suppress

import pytest
from sqlalchemy import select

from kiosk.contract import antrean
from kiosk.desk_app import DeskApp
from kiosk.i18n import t
from kiosk.services import Services
from kiosk.services.errors import Refused
from kiosk.store.models import OutboxRow, TicketEventRow
from tests.ui.fit import overflows
from tests.ui.helpers import screen_name, screen_text, settle, shows
from tests.ui.test_desk import desk_services, key, open_umum, said, take

__all__ = ["desk_services"]  # the fixture, from the desk's tests

# What the central said: the SRK one in its own words; one with markup, shown as typed.
SRK = t("central.srk.missing")
QUOTA = "Kuota jadwal dokter ini sudah penuh [bold]kapasitas 2[/bold] di HFIS."
HFIS = t("central.hfis.doctor", doctor=999, poli="001")


def park(services: Services, ticket_id: int, message: str) -> int:
    with services.store.write() as session:
        item = session.scalars(
            select(OutboxRow).where(OutboxRow.ticket_id == ticket_id, OutboxRow.kind == antrean.ADD)
        ).one()
        item.state, item.last_error = "parked", message
        return item.id


def item_state(services: Services, item_id: int) -> str:
    with services.store.read() as session:
        return session.get_one(OutboxRow, item_id).state


@pytest.fixture
def refused(desk_services: Services) -> tuple[Services, list[int]]:
    tickets: list[int] = []
    for pid in range(1, 20):  # the first three demo participants who may take a JKN number here
        with suppress(Refused):
            tickets.append(take(desk_services, pid))
        if len(tickets) == 3:
            break
    items = [
        park(desk_services, tid, m) for tid, m in zip(tickets, (SRK, QUOTA, HFIS), strict=True)
    ]
    return desk_services, items


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_panel_groups_refusals_and_resends_one_and_a_group(
    refused: tuple[Services, list[int]], lang: str
) -> None:
    services, (srk, quota, hfis) = refused
    app = DeskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_umum(pilot)
        if lang == "en":
            await key(pilot, "f2")
        text = screen_text(app)
        assert t("refusals.count", lang, n=3) in text  # the count, in the header
        assert f"k {t('desk.act.refusals', lang)}" in text  # its key, in the key bar
        assert t("desk.flag.srk", lang) in text  # Hendra's row says what is missing

        await key(pilot, "down")  # a refusal of the quota; k offers it or the panel
        await key(pilot, "k")
        assert await shows(pilot, t("desk.refusal.all", lang))
        assert "[bold]kapasitas" in screen_text(app)  # the central's words, as text
        await key(pilot, "2")
        assert screen_name(app) == "RefusalsScreen"
        text = screen_text(app)
        for cause in ("srk", "hfis", "quota"):
            assert t(f"refusals.cause.{cause}", lang).split(":")[0] in text
        assert t("refusals.cause.inactive", lang).split(":")[0] not in text  # no empty groups
        assert "A-001" in text and "A-002" in text and "A-003" in text
        assert "Umum" in text and "[bold]kapasitas" in text
        assert f"Enter {t('refusals.key.resend', lang)}" in text
        assert overflows(app) == []

        # The first row is the SRK group's heading, then A-001: Enter resends that number.
        await key(pilot, "down")
        await key(pilot, "enter")
        assert item_state(services, srk) == "pending"
        message = " ".join(screen_text(app).split())
        assert t("refusals.resent_waiting", lang, number="A-001") in message  # no central here
        assert await shows(pilot, t("refusals.cause.hfis", lang).split(":")[0])
        assert t("refusals.cause.srk", lang).split(":")[0] not in screen_text(app)

        # g on the quota group (HFIS first now, then the quota group): every number of it.
        await key(pilot, "down")
        await key(pilot, "down")
        await key(pilot, "g")
        assert await shows(pilot, t("refusals.group_title", lang, n=1))
        await key(pilot, "1")
        await settle(pilot)
        assert item_state(services, quota) == "pending"
        assert item_state(services, hfis) == "parked"
        await key(pilot, "escape")
        assert screen_name(app) == "DeskScreen"
    with services.store.read() as session:
        resent = session.scalars(select(TicketEventRow).where(TicketEventRow.kind == "resent"))
        events = list(resent)
        assert sorted(e.detail["outbox"] for e in events) == [srk, quota]
        assert {e.actor.split("@")[0] for e in events} == {"sari"}  # who resent, audited


async def test_the_row_resends_its_own_srk_refusal(refused: tuple[Services, list[int]]) -> None:
    services, (srk, _, _) = refused
    app = DeskApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_umum(pilot)
        await key(pilot, "k")  # A-001 is under the cursor: its SRK refusal, by name
        assert await shows(pilot, t("refusals.cause.srk").split(":")[0])
        await key(pilot, "1")
        await settle(pilot)
        assert item_state(services, srk) == "pending"
        assert t("refusals.resent_waiting", number="A-001") in said(app)
        assert await shows(pilot, t("refusals.count", n=2))


async def test_nothing_refused_says_so(desk_services: Services) -> None:
    take(desk_services, 1)
    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_umum(pilot)
        assert "BPJS (" not in screen_text(app)
        await key(pilot, "k")  # the row has no refusal: the panel
        assert await shows(pilot, t("refusals.none"))
