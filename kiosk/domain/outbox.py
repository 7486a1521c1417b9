"""The states of an outbox item: what the central has heard of a change the clinic made.

The values are what the store keeps in ``outbox.state`` (no migration renames them).
"""

from __future__ import annotations

from enum import StrEnum


class OutboxState(StrEnum):
    PENDING = "pending"  # written with its change, waiting for the pump (or for its turn again)
    SENDING = "sending"  # claimed by a pump; a claim older than the lease is taken over
    SENT = "sent"  # the central has it (done, or a duplicate it already had)
    PARKED = "parked"  # the central refused it (its message kept); staff may queue it again
    VOID = "void"  # withdrawn before it was sent (an undone call): never sent
