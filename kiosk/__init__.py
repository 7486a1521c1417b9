"""Antrean Kiosk: the front-door queue kiosk of a puskesmas."""

__version__ = "0.1.0"
