"""How long a patient may wait: a range from the people ahead and the pace of the poli's calls.

The pace is the time between one call and the next at a poli, taken from the day's real calls
(and the last days' when today has too few). That gap, rather than a patient's service time
(start to finish), is what predicts "when will I be called": it already counts the doctors or
desks working side by side, the no-shows that take a moment, and the pauses between patients,
and it is exactly what the people ahead of a newcomer will each cost. Gaps longer than a break
(the queue ran empty, lunch) say nothing about the pace and are left out.

Early in the day, or in a clinic's first days, there are too few gaps: the configured minutes
per patient stand in. The range is honest about the uncertainty: from a quick stretch (the
25th percentile of the gaps) with one patient fewer ahead (someone leaves, is skipped) to a slow
one (the 75th) with one more (the current gap is under way; a priority patient goes first).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from itertools import pairwise

MIN_SAMPLES = 8  # fewer gaps than this and the configured default is the better guess
MAX_GAP_MINUTES = 60.0  # a longer gap between calls is a break or an empty queue, not a pace


@dataclass(frozen=True)
class CallPace:
    """Minutes between successive calls at one poli: on a quick stretch, and on a slow one."""

    quick: float
    slow: float
    samples: int  # how many gaps it rests on; 0: the configured default

    @classmethod
    def default(cls, minutes_per_patient: float) -> CallPace:
        return cls(minutes_per_patient, minutes_per_patient, 0)


def gaps_between_calls(days: Iterable[Sequence[datetime]]) -> list[float]:
    """Minutes from each call to the next, within each day's calls at one poli."""
    gaps = []
    for calls in days:
        for earlier, later in pairwise(sorted(calls)):
            minutes = (later - earlier).total_seconds() / 60
            if minutes <= MAX_GAP_MINUTES:
                gaps.append(minutes)
    return gaps


def call_pace(today: Sequence[float], recent: Sequence[float], default_minutes: float) -> CallPace:
    """The pace from today's gaps when there are enough (today's doctors, today's crowd), else
    today's and the recent days' together, else the configured default."""
    for gaps in (today, [*today, *recent]):
        if len(gaps) >= MIN_SAMPLES:
            quartiles = statistics.quantiles(gaps, n=4, method="inclusive")
            # A pace of zero (two desks calling in the same second) would promise "now".
            return CallPace(max(quartiles[0], 0.5), max(quartiles[2], 1.0), len(gaps))
    return CallPace.default(default_minutes)


def wait_minutes(people_ahead: int, pace: CallPace) -> tuple[float, float]:
    """From and to how many minutes until the call, with ``people_ahead`` called first."""
    return max(people_ahead - 1, 0) * pace.quick, (people_ahead + 1) * pace.slow


def estimate_call_window(
    now: datetime,
    shift_start: time | None,
    people_ahead: int,
    pace: CallPace | float,
) -> tuple[datetime, datetime]:
    """The call-time window; before the shift starts, counted from its start."""
    if not isinstance(pace, CallPace):
        pace = CallPace.default(pace)
    begin = now
    if shift_start is not None:
        starts = now.replace(
            hour=shift_start.hour, minute=shift_start.minute, second=0, microsecond=0
        )
        begin = max(now, starts)
    low, high = wait_minutes(people_ahead, pace)
    return begin + timedelta(minutes=low), begin + timedelta(minutes=high)
