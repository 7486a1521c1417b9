"""The ticket's life cycle, as one table: which states each action accepts, the state it leaves,
the event it records and what it tells the central.

Pure: the services look an action up here before they change a ticket (the kiosk's take,
check-in and cancel, the desk's actions, the phone's cancel), then do what the step says.
What the table cannot know is left to them: store facts (has the central heard the patient was
present, which the central's cancel refuses), the payload of each outbox item, and the clock.

    action           from                               to         event        tells
    take             (new)                              waiting    issued       add
    book             (new)                              booked     booked       add
    check in         booked                             waiting    checked_in   -
                     waiting, called, serving           (same: already checked in, nothing recorded)
    call             waiting                            called     called       -
    recall           called                             called     recalled     -
    no show (skip)   called                             skipped    no_show      absent
    start service    called                             serving    serving      present
    finish           serving                            served     served       -
                     called                             served     served       present
    transfer         waiting, called, serving, served   waiting    transferred  -
    return to queue  skipped                            waiting    requeued     -
    cancel           booked, waiting, skipped           cancelled  cancelled    cancel
                     cancelled                          (same: cancelling twice is harmless)
    set priority     any                                (same)     priority     -
    verify           any                                (same)     verified     -

Undo reverses the desk's last undoable step (every desk step but none of the kiosk's): it puts
back the state recorded before it, if nothing changed the ticket since, and withdraws the item
the step queued for the central unless it was already sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.models import TicketStatus


class Action(StrEnum):
    TAKE = "take"  # a walk-in for today: joins the live queue at once
    BOOK = "book"  # the phone, or the kiosk for a later day: waits for check-in on the day
    CHECK_IN = "check_in"
    CALL = "call"  # the next in turn, or one called out of turn
    RECALL = "recall"
    NO_SHOW = "no_show"  # skipped at the desk, or recalled once too often
    START_SERVICE = "start_service"
    FINISH = "finish"
    TRANSFER = "transfer"  # sent on to another poli or the pharmacy: same number, new queue
    RETURN_TO_QUEUE = "return_to_queue"  # a patient who missed the call is back
    CANCEL = "cancel"
    SET_PRIORITY = "set_priority"
    VERIFY = "verify"  # staff saw the card


class EventKind(StrEnum):
    """What ``ticket_event.kind`` holds (stored: renaming one needs a migration)."""

    ISSUED = "issued"
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CALLED = "called"
    RECALLED = "recalled"
    NO_SHOW = "no_show"
    SERVING = "serving"
    SERVED = "served"
    TRANSFERRED = "transferred"
    REQUEUED = "requeued"
    CANCELLED = "cancelled"
    PRIORITY = "priority"
    VERIFIED = "verified"
    UNDO = "undo"
    PURGED = "purged"  # retention blanked the ticket's personal data


class Tell(StrEnum):
    """What the central must learn of a JKN ticket's step (general patients are not its
    business): the outbox item the step queues."""

    ADD = "add"  # antrean/add: a number the clinic issued
    PRESENT = "present"  # antrean/panggil, the patient came when called
    ABSENT = "absent"  # antrean/panggil, the patient did not come
    CANCEL = "cancel"  # antrean/batal


@dataclass(frozen=True)
class Step:
    leaves: TicketStatus
    event: EventKind | None  # None: already done; nothing changes and nothing is recorded
    tells: Tell | None = None
    undoable: bool = False  # the desk's undo may reverse it


S = TicketStatus
E = EventKind
# None as the state a take starts from: no ticket yet.
TABLE: dict[Action, dict[TicketStatus | None, Step]] = {
    Action.TAKE: {None: Step(S.WAITING, E.ISSUED, Tell.ADD)},
    Action.BOOK: {None: Step(S.BOOKED, E.BOOKED, Tell.ADD)},
    Action.CHECK_IN: {
        S.BOOKED: Step(S.WAITING, E.CHECKED_IN),
        **{state: Step(state, None) for state in (S.WAITING, S.CALLED, S.SERVING)},
    },
    Action.CALL: {S.WAITING: Step(S.CALLED, E.CALLED, undoable=True)},
    Action.RECALL: {S.CALLED: Step(S.CALLED, E.RECALLED, undoable=True)},
    Action.NO_SHOW: {S.CALLED: Step(S.SKIPPED, E.NO_SHOW, Tell.ABSENT, undoable=True)},
    Action.START_SERVICE: {S.CALLED: Step(S.SERVING, E.SERVING, Tell.PRESENT, undoable=True)},
    Action.FINISH: {
        S.SERVING: Step(S.SERVED, E.SERVED, undoable=True),
        # Served straight from the call: the central learns the patient came.
        S.CALLED: Step(S.SERVED, E.SERVED, Tell.PRESENT, undoable=True),
    },
    Action.TRANSFER: {
        state: Step(S.WAITING, E.TRANSFERRED, undoable=True)
        for state in (S.WAITING, S.CALLED, S.SERVING, S.SERVED)
    },
    Action.RETURN_TO_QUEUE: {S.SKIPPED: Step(S.WAITING, E.REQUEUED, undoable=True)},
    Action.CANCEL: {
        **{
            state: Step(S.CANCELLED, E.CANCELLED, Tell.CANCEL)
            for state in (S.BOOKED, S.WAITING, S.SKIPPED)
        },
        S.CANCELLED: Step(S.CANCELLED, None),
    },
    Action.SET_PRIORITY: {state: Step(state, E.PRIORITY, undoable=True) for state in S},
    Action.VERIFY: {state: Step(state, E.VERIFIED, undoable=True) for state in S},
}
del S, E

# A call is repeated this many times; the next recall counts the patient as a no-show.
MAX_RECALLS = 3

# The desk's waiting list: everyone at the poli now, called or being served or skipped included.
ON_THE_DESK_LIST = frozenset(
    {TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.SKIPPED}
)

UNDOABLE: frozenset[EventKind] = frozenset(
    step.event
    for steps in TABLE.values()
    for step in steps.values()
    if step.undoable and step.event is not None
)


def step(action: Action, state: TicketStatus | str | None) -> Step | None:
    """What ``action`` does to a ticket in ``state``; None: the action refuses that state."""
    return TABLE[action].get(None if state is None else TicketStatus(state))


def expect(action: Action, state: TicketStatus | str | None) -> Step:
    """The step, where the caller already ruled out a refusal (a take starts from no ticket; a
    ticket claimed in a state the action accepts): anything else is a programming error."""
    found = step(action, state)
    if found is None:
        raise LookupError(f"{action} does not accept a ticket in state {state}")
    return found


def accepts(action: Action) -> frozenset[TicketStatus]:
    """The states of an existing ticket that ``action`` accepts."""
    return frozenset(state for state in TABLE[action] if state is not None)


def recall_or_no_show(recalls: int) -> Action:
    """A called patient is called again, until the recalls run out: then they did not come."""
    return Action.NO_SHOW if recalls >= MAX_RECALLS else Action.RECALL
