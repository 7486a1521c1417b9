"""The ticket's life cycle and the outbox's states, on their own (no store, no clock): every
action from every state, against the rules as the clinic states them (written out here again,
not read from the table)."""

from __future__ import annotations

import pytest

from kiosk.domain.lifecycle import (
    MAX_RECALLS,
    UNDOABLE,
    Action,
    EventKind,
    Step,
    Tell,
    accepts,
    expect,
    recall_or_no_show,
    step,
)
from kiosk.domain.models import TicketStatus
from kiosk.domain.outbox import OutboxState

S = TicketStatus
E = EventKind
EVERY_STATE: list[TicketStatus | None] = [None, *TicketStatus]  # None: no ticket yet
_DESK_STEP = True
_KIOSK_STEP = False

# action -> {state it accepts: (state it leaves, event, what the central learns, undoable)}
RULES: dict[Action, dict[TicketStatus | None, tuple[TicketStatus, E | None, Tell | None, bool]]] = {
    Action.TAKE: {None: (S.WAITING, E.ISSUED, Tell.ADD, _KIOSK_STEP)},
    Action.BOOK: {None: (S.BOOKED, E.BOOKED, Tell.ADD, _KIOSK_STEP)},
    Action.CHECK_IN: {
        S.BOOKED: (S.WAITING, E.CHECKED_IN, None, _KIOSK_STEP),
        S.WAITING: (S.WAITING, None, None, _KIOSK_STEP),
        S.CALLED: (S.CALLED, None, None, _KIOSK_STEP),
        S.SERVING: (S.SERVING, None, None, _KIOSK_STEP),
    },
    Action.CALL: {S.WAITING: (S.CALLED, E.CALLED, None, _DESK_STEP)},
    Action.RECALL: {S.CALLED: (S.CALLED, E.RECALLED, None, _DESK_STEP)},
    Action.NO_SHOW: {S.CALLED: (S.SKIPPED, E.NO_SHOW, Tell.ABSENT, _DESK_STEP)},
    Action.START_SERVICE: {S.CALLED: (S.SERVING, E.SERVING, Tell.PRESENT, _DESK_STEP)},
    Action.FINISH: {
        S.SERVING: (S.SERVED, E.SERVED, None, _DESK_STEP),
        S.CALLED: (S.SERVED, E.SERVED, Tell.PRESENT, _DESK_STEP),
    },
    Action.TRANSFER: {
        S.WAITING: (S.WAITING, E.TRANSFERRED, None, _DESK_STEP),
        S.CALLED: (S.WAITING, E.TRANSFERRED, None, _DESK_STEP),
        S.SERVING: (S.WAITING, E.TRANSFERRED, None, _DESK_STEP),
        S.SERVED: (S.WAITING, E.TRANSFERRED, None, _DESK_STEP),
    },
    Action.RETURN_TO_QUEUE: {S.SKIPPED: (S.WAITING, E.REQUEUED, None, _DESK_STEP)},
    Action.CANCEL: {
        S.BOOKED: (S.CANCELLED, E.CANCELLED, Tell.CANCEL, _KIOSK_STEP),
        S.WAITING: (S.CANCELLED, E.CANCELLED, Tell.CANCEL, _KIOSK_STEP),
        S.SKIPPED: (S.CANCELLED, E.CANCELLED, Tell.CANCEL, _KIOSK_STEP),
        S.CANCELLED: (S.CANCELLED, None, None, _KIOSK_STEP),
    },
    Action.SET_PRIORITY: {state: (state, E.PRIORITY, None, _DESK_STEP) for state in S},
    Action.VERIFY: {state: (state, E.VERIFIED, None, _DESK_STEP) for state in S},
}


def test_every_action_is_written_down() -> None:
    assert set(RULES) == set(Action)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("state", EVERY_STATE, ids=lambda state: str(state or "new"))
def test_every_action_from_every_state(action: Action, state: TicketStatus | None) -> None:
    rule = RULES[action].get(state)
    found = step(action, state)
    if rule is None:
        assert found is None, f"{action} must refuse a ticket in state {state}"
        with pytest.raises(LookupError):
            expect(action, state)
        assert state not in accepts(action)
        return
    leaves, event, tells, undoable = rule
    assert found == Step(leaves, event, tells, undoable)
    assert expect(action, state) == found
    assert state is None or state in accepts(action)
    # The stored value works as well as the enum (the services pass the row's string).
    assert step(action, state.value if state else None) == found


def test_undo_reverses_every_desk_step_and_nothing_of_the_kiosk() -> None:
    assert {
        E.CALLED,
        E.RECALLED,
        E.NO_SHOW,
        E.SERVING,
        E.SERVED,
        E.TRANSFERRED,
        E.REQUEUED,
        E.PRIORITY,
        E.VERIFIED,
    } == UNDOABLE


def test_a_recall_past_the_last_is_a_no_show() -> None:
    assert [recall_or_no_show(n) for n in range(MAX_RECALLS + 2)] == [
        *([Action.RECALL] * MAX_RECALLS),
        Action.NO_SHOW,
        Action.NO_SHOW,
    ]


def test_stored_values_stay_as_they_are() -> None:
    # Stored in outbox.state and ticket_event.kind: renaming one would need a migration.
    assert {state.value for state in OutboxState} == {
        "pending",
        "sending",
        "sent",
        "parked",
        "void",
    }
    assert {kind.value for kind in EventKind} == {
        "issued",
        "booked",
        "checked_in",
        "called",
        "recalled",
        "no_show",
        "serving",
        "served",
        "transferred",
        "requeued",
        "cancelled",
        "priority",
        "verified",
        "undo",
        "purged",
    }
