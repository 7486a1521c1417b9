"""Where the assets folder is: beside the package in a checkout, inside it once installed."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent


def assets_dir() -> Path:
    for candidate in (_PACKAGE.parent / "assets", _PACKAGE / "_assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the kiosk's assets folder is missing; reinstall the kiosk")
