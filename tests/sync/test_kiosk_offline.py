"""The kiosk with its central stopped: the mark says offline and the patient still gets a number."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.clock import FacilityClock
from kiosk.domain.outbox import OutboxState
from kiosk.services.setup import open_clinic
from kiosk.store.models import OutboxRow
from kiosk.widgets.connectivity import ConnectivityMark
from tests.central_server import CentralServer
from tests.conftest import MORNING, WIB, MovableClock
from tests.sync.test_drills import clinic_settings
from tests.ui.helpers import SITI_NIK, identify, screen_name, settle, take_umum_with_defaults


@pytest.mark.ui
async def test_the_kiosk_carries_on_with_the_central_stopped(
    tmp_path: Path, central_server: CentralServer
) -> None:
    services = open_clinic(
        clinic_settings(tmp_path, central_server), clock=FacilityClock(WIB, MovableClock(MORNING))
    )
    central_server.stop()
    app = KioskApp(services)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await identify(pilot, SITI_NIK)
            assert screen_name(app) == "PoliScreen"
            await take_umum_with_defaults(pilot)
            assert screen_name(app) == "TicketScreen"
            mark = app.screen.query_one(ConnectivityMark)
            mark.poll()
            await settle(pilot)
            shown = str(mark.render())
            assert "BPJS terputus" in shown and "menunggu dikirim" in shown
            assert mark.has_class("offline")
    finally:
        services.store.dispose()
    with services.store.read() as session:
        kinds = session.scalars(
            select(OutboxRow.kind).where(OutboxRow.state != OutboxState.SENT)
        ).all()
    assert "antrean.add" in kinds
