"""The colours of every kiosk app (patient kiosk, desk, board): calm, or high contrast."""

from __future__ import annotations

from textual.theme import Theme

KIOSK_THEME = Theme(
    name="kiosk",
    primary="#0B7A55",  # a calm clinic green
    secondary="#1E5AA8",
    accent="#F2A900",
    warning="#F2A900",
    error="#D64545",
    success="#2E9E5B",
    background="#0E1A17",
    surface="#15241F",
    panel="#1C3029",
    dark=True,
)
CONTRAST_THEME = Theme(
    name="kiosk-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FF5555",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    dark=True,
)
