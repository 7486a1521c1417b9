"""The board's running text: one line staff set for the waiting room ("Poli Gigi tutup hari ini").

It is free text from a person, so it is cleaned on the way in (no bidi or zero-width characters,
one line; see ``kiosk.domain.text``) and shown as text on both boards, never as markup. Each
change is a new row naming who made it and when: the table is its own audit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.clock import FacilityClock
from kiosk.domain.text import clean_text
from kiosk.services.errors import Refused
from kiosk.store import Store
from kiosk.store.models import BoardTextRow

log = logging.getLogger(__name__)

BOARD_TEXT_MAX = 160  # one line on a 1080p TV at the board's ticker size


@dataclass(frozen=True)
class BoardTextChange:
    at: datetime
    actor: str
    text: str  # empty: cleared


def current_text(session: Session) -> tuple[int, str]:
    """The newest row's id (0 with none) and its text."""
    row = session.execute(
        select(BoardTextRow.id, BoardTextRow.text).order_by(BoardTextRow.id.desc()).limit(1)
    ).first()
    return (row.id, row.text) if row else (0, "")


def checked_text(text: str) -> str:
    """The text as it will be shown, or a refusal: empty after cleaning, or too long."""
    kept = " ".join(clean_text(text).split())
    if not kept:
        raise Refused("board_text.empty")
    if len(kept) > BOARD_TEXT_MAX:
        raise Refused("board_text.too_long", limit=BOARD_TEXT_MAX, length=len(kept))
    return kept


class BoardTextService:
    def __init__(self, store: Store, clock: FacilityClock) -> None:
        self.store = store
        self.clock = clock

    def current(self) -> str:
        with self.store.read() as session:
            return current_text(session)[1]

    def set(self, text: str, actor: str) -> str:
        """Show ``text`` on the boards from now on; returns it as shown."""
        kept = checked_text(text)
        self._write(kept, actor)
        return kept

    def clear(self, actor: str) -> None:
        self._write("", actor)

    def history(self, limit: int = 20) -> list[BoardTextChange]:
        """The latest changes, newest first."""
        with self.store.read() as session:
            rows = session.scalars(
                select(BoardTextRow).order_by(BoardTextRow.id.desc()).limit(limit)
            )
            return [BoardTextChange(self.clock.local(r.at), r.actor, r.text) for r in rows]

    def _write(self, text: str, actor: str) -> None:
        with self.store.write() as session:
            session.add(BoardTextRow(at=self.clock.now(), actor=actor[:80], text=text))
        # The text itself may be anything staff typed: the log keeps only its length.
        log.info(
            "board text %s by %s (%d characters)", "set" if text else "cleared", actor, len(text)
        )
