"""Where the assets folder is: beside the package in a checkout, inside it once installed."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent


class AssetsMissing(FileNotFoundError):
    """The stylesheet or demo data cannot be found: one line for the operator."""


def assets_dir() -> Path:
    for candidate in (_PACKAGE.parent / "assets", _PACKAGE / "_assets"):
        if (candidate / "kiosk.tcss").is_file():
            return candidate
    raise AssetsMissing(
        f"the kiosk's assets folder is missing (looked in {_PACKAGE.parent / 'assets'}); "
        "reinstall the kiosk"
    )
