"""Every kiosk screen in both languages at 80x24: no word cut (``…``), nothing past the edge.

The routes are the snapshot tests' own. A Rich table or a no-wrap text wider than its widget is
cropped silently, so each static's content is measured against the room it has. With
``WALK_TEXT_DIR`` set, each screen's text is also written there, for a person to read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.measure import Measurement
from rich.table import Table
from textual.widgets import Static

from kiosk.app import KioskApp
from kiosk.services import Services
from tests.ui.helpers import screen_text, settle
from tests.ui.test_snapshots import LANGS, SCREENS

WIDTH, HEIGHT = 80, 24


def overflows(app: KioskApp) -> list[str]:
    problems = []
    for widget in app.screen.query("*"):
        if not widget.display or widget.region.area == 0:
            continue
        region = widget.region
        if region.right > WIDTH:
            problems.append(f"{widget!r} reaches column {region.right}")
        if isinstance(widget, Static) and isinstance(widget.content, Table):
            room = widget.content_region.width
            # Measured without a limit: Rich clamps a table's measurement to the width it is given.
            options = app.console.options.update_width(1000)
            needed = Measurement.get(app.console, options, widget.content).minimum
            if needed > room:
                problems.append(f"{widget!r} needs {needed} columns, has {room}")
    return problems


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize("name", sorted(SCREENS))
async def test_no_cut_words_nor_overflow(name: str, lang: str, services: Services) -> None:
    app = KioskApp(services)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await LANGS[lang](SCREENS[name])(pilot)
        await settle(pilot)
        text = screen_text(app)
        if folder := os.environ.get("WALK_TEXT_DIR"):
            Path(folder).mkdir(parents=True, exist_ok=True)
            (Path(folder) / f"{name}-{lang}.txt").write_text(text + "\n", encoding="utf-8")
        lines = text.splitlines()
        assert len(lines) <= HEIGHT
        assert all(len(line) <= WIDTH for line in lines)
        assert "…" not in text, f"a cut word on {name} ({lang}):\n{text}"
        assert not overflows(app), f"{name} ({lang}): {overflows(app)}"


async def test_the_check_catches_a_squeezed_status_card(services: Services) -> None:
    """The check itself can fail: a status card too narrow for the masked NIK is reported."""
    from tests.ui.helpers import SITI_NIK, identify

    app = KioskApp(services)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await identify(pilot, SITI_NIK)
        assert overflows(app) == []
        squeezed = app.screen.query_one("#poli-left").styles
        squeezed.min_width = squeezed.width = squeezed.max_width = 24
        await settle(pilot)
        assert any("StatusCard" in problem for problem in overflows(app))
