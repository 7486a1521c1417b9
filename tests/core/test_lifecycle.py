"""The ticket's life cycle and the outbox's states, on their own (no store, no clock)."""

from __future__ import annotations

from kiosk.domain.outbox import OutboxState


def test_outbox_states_keep_the_values_the_store_holds() -> None:
    # Stored in outbox.state: renaming one would need a migration.
    assert {state.value for state in OutboxState} == {
        "pending",
        "sending",
        "sent",
        "parked",
        "void",
    }
