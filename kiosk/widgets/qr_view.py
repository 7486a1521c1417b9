"""The slip's QR code on screen, black on white whatever the theme, for phones and scanners."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from kiosk.slip.terminal_qr import qr_rows
from kiosk.widgets.plain import Static

# Half blocks draw dark modules in the foreground colour; light ones show the background.
_QR_STYLE = Style(color="black", bgcolor="white")


class QrView(Static):
    def __init__(self, payload: str, *, id: str | None = None) -> None:
        super().__init__(self.render_payload(payload), id=id)

    @staticmethod
    def render_payload(payload: str) -> Text:
        return Text("\n".join(qr_rows(payload)), style=_QR_STYLE, no_wrap=True)
