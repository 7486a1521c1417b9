"""The link to the central: reachable, denied (its credentials refused), last contact and error.

Written by the pump and by the kiosk's participant lookups, read by :mod:`kiosk.sync.status`.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.contract.logmask import mask_digits
from kiosk.store import Store
from kiosk.store.link import record_link_state
from kiosk.store.models import CentralLinkRow

LINK_ID = 1  # the one row of central_link


def note_link(
    store: Store,
    reachable: bool,
    error: str = "",
    contact: int = 1,
    *,
    now: datetime,
    denied: bool = False,
) -> None:
    """Whether the central answered just now (the pump, or a lookup at the kiosk), and when it
    did not, whether it refused the clinic's credentials (``denied``) rather than being away."""
    with store.write() as session:
        row = session.get(CentralLinkRow, LINK_ID)
        if row is None:
            row = CentralLinkRow(id=LINK_ID, reachable=False)
            session.add(row)
        row.reachable = reachable
        row.denied = denied and not reachable
        row.last_attempt_at = now
        if reachable and contact:
            row.last_contact_at = now
            row.last_error = None
        elif not reachable:
            row.last_error = mask_digits(error)[:300]
        # The history of transitions, for the day's report (only a change writes a row).
        record_link_state(session, reachable, now, "" if reachable else mask_digits(error)[:100])
