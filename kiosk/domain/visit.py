"""A JKN visit's registration in PCare (``/pendaftaran``): its states and what each allows.

One registration per ticket. The store keeps the state; the outbox carries the POST and, when the
visit is cancelled or the desk undoes it, the DELETE. Pure: no UI, no DB.
"""

from __future__ import annotations

from enum import StrEnum


class VisitState(StrEnum):
    QUEUED = "queued"  # written; the POST waits in the outbox (or is being sent)
    REGISTERED = "registered"  # PCare answered its noUrut
    REFUSED = "refused"  # PCare said no (its words kept): correct and send again, or by hand
    BY_HAND = "by_hand"  # staff registered it in PCare's own page (noUrut if they typed it)
    DELETING = "deleting"  # cancelled or undone: the DELETE waits (for the noUrut, or the link)
    DELETED = "deleted"  # PCare removed it
    WITHDRAWN = "withdrawn"  # taken back before PCare heard of it: nothing was ever sent

    @property
    def live(self) -> bool:
        """Holds (or will hold) a registration: a second one is refused."""
        return self in (
            VisitState.QUEUED,
            VisitState.REGISTERED,
            VisitState.REFUSED,
            VisitState.BY_HAND,
            VisitState.DELETING,
        )

    @property
    def counts_registered(self) -> bool:
        """What the day's report counts as registered in PCare."""
        return self in (VisitState.REGISTERED, VisitState.BY_HAND)


# The states a new registration may start from: none yet, or one taken back entirely.
REGISTRABLE_AFTER = (None, VisitState.WITHDRAWN, VisitState.DELETED)
