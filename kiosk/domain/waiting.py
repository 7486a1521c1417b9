"""How long a patient may wait: a range from the people ahead and the minutes per patient.

Early in a clinic's life there is no service history, so a configured average stands in; the
range is honest about the uncertainty (from one patient quicker to one slower than average).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta


def estimate_call_window(
    now: datetime,
    shift_start: time | None,
    people_ahead: int,
    minutes_per_patient: float,
) -> tuple[datetime, datetime]:
    begin = now
    if shift_start is not None:
        starts = now.replace(
            hour=shift_start.hour, minute=shift_start.minute, second=0, microsecond=0
        )
        begin = max(now, starts)
    low = begin + timedelta(minutes=max(people_ahead - 1, 0) * minutes_per_patient)
    high = begin + timedelta(minutes=(people_ahead + 1) * minutes_per_patient)
    return low, high
