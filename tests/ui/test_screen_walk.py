"""The fit check of every kiosk screen (tests/ui/fit.py) runs on the snapshots' own walk, in both
languages (tests/ui/test_snapshots.py). Here: the check itself can fail."""

from __future__ import annotations

from kiosk.app import KioskApp
from kiosk.services import Services
from tests.ui.fit import HEIGHT, WIDTH, overflows
from tests.ui.helpers import settle


async def test_the_check_catches_a_squeezed_status_card(services: Services) -> None:
    """A status card too narrow for the masked NIK is reported."""
    from tests.ui.helpers import SITI_NIK, identify

    app = KioskApp(services)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await identify(pilot, SITI_NIK)
        assert overflows(app) == []
        squeezed = app.screen.query_one("#poli-left").styles
        squeezed.min_width = squeezed.width = squeezed.max_width = 24
        await settle(pilot)
        assert any("StatusCard" in problem for problem in overflows(app))
