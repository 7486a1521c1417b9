"""Who the desk calls next: the priority lane served fairly beside the regular one.

Priority patients (elderly, pregnant, disabled, emergency) go first, but at most one priority
call per ``regular_per_priority`` regular calls while regular patients wait, so neither lane
starves. Within a lane, whoever joined the queue first (a transfer joins at its arrival).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

ELDERLY_AGE = 60  # Indonesia's "lansia"


@dataclass(frozen=True)
class Waiting:
    ticket_id: int
    seq: int
    priority: bool
    queued_at: datetime


def is_elderly(birth_date: date | None, on: date) -> bool:
    if birth_date is None:
        return False
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    return age >= ELDERLY_AGE


def next_to_call(
    waiting: Sequence[Waiting], regular_since_priority: int, regular_per_priority: int = 2
) -> Waiting | None:
    """The next patient, given how many regular calls were made since the last priority one."""
    order = sorted(waiting, key=lambda w: (w.queued_at, w.seq))
    priority = [w for w in order if w.priority]
    regular = [w for w in order if not w.priority]
    if priority and (not regular or regular_since_priority >= regular_per_priority):
        return priority[0]
    if regular:
        return regular[0]
    return None
