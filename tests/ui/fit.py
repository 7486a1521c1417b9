"""What a person trips over on a kiosk screen at 80x24: a cut word (``…``), a line past the edge,
a widget reaching past it, a Rich table or no-wrap text wider than its widget (cropped silently,
so each static's content is measured against the room it has)."""

from __future__ import annotations

import os
from pathlib import Path

from rich.measure import Measurement
from rich.table import Table
from textual.app import App
from textual.widgets import Static

from tests.ui.helpers import screen_text

WIDTH, HEIGHT = 80, 24


def overflows(app: App[None]) -> list[str]:
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


def assert_fits(app: App[None], name: str, lang: str) -> None:
    """Fail on anything cut or past the edge. With ``WALK_TEXT_DIR`` set, the screen's text is
    also written there, for a person to read."""
    text = screen_text(app)
    if folder := os.environ.get("WALK_TEXT_DIR"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / f"{name}-{lang}.txt").write_text(text + "\n", encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) <= HEIGHT
    assert all(len(line) <= WIDTH for line in lines)
    assert "…" not in text, f"a cut word on {name} ({lang}):\n{text}"
    assert not overflows(app), f"{name} ({lang}): {overflows(app)}"
