"""The day's report, worked out from the audit: per poli how many patients, how long they waited
and were served, the no-shows and cancellations; arrivals per hour; when the central was offline.

Pure: the service hands over each ticket's events and the link's state changes.

Definitions (what the figures mean):
- A *visit* is a ticket's stay in one queue: from arrival (a walk-in's number, a booking's check-in)
  or from a transfer into that queue, to being served, skipped, cancelled or sent on.
- *Patients*: a patient is counted once, at the queue where their last visit was (where they were
  served, or are still waiting); one sent on counts in ``transferred_out`` where they left and in
  ``transferred_in`` where they went. So a poli's patients = arrived there + in - out, and the
  polis' patients add up to the total. Wait and service times still count at every visit.
- *Wait*: the start of a visit to the first call in it (a recall does not restart it).
- *Service*: start of service to finish; a patient finished straight from the call counts from
  the call; one sent on while being served ends the service at the transfer.
- *No-show*: a visit that ended skipped (a patient who came back and was served is not one).
- *Cancellation*: a number cancelled that day, counted at the queue it was in (a booking that
  never arrived: the poli it was booked for).
- An undone action never happened: it and its undo are left out.
- The total row counts each ticket once for patients and pools every visit's times.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from kiosk.domain.lifecycle import EventKind

ARRIVALS = frozenset({EventKind.ISSUED, EventKind.CHECKED_IN})


@dataclass(frozen=True)
class AuditEvent:
    """One event of a ticket, as the report needs it."""

    id: int
    at: datetime
    kind: str
    to_poli: str | None = None  # a transfer's destination
    undid: int | None = None  # an undo: the event it reversed


@dataclass(frozen=True)
class TicketHistory:
    ticket_id: int
    poli_code: str  # the poli that issued the number
    events: tuple[AuditEvent, ...]


@dataclass(frozen=True)
class LinkChange:
    at: datetime
    online: bool


@dataclass(frozen=True)
class Figures:
    """Minutes: how many samples, their mean and 90th percentile (None without samples)."""

    count: int
    mean: float | None
    p90: float | None


@dataclass(frozen=True)
class PoliFigures:
    code: str
    name: str
    patients: int
    transferred_in: int
    transferred_out: int
    wait: Figures
    service: Figures
    no_shows: int
    cancellations: int


@dataclass(frozen=True)
class OfflinePeriod:
    start: datetime
    end: datetime | None  # None: still offline


@dataclass(frozen=True)
class DayReport:
    polis: tuple[PoliFigures, ...]
    total: PoliFigures
    arrivals_per_hour: tuple[int, ...]  # 24 local hours
    offline: tuple[OfflinePeriod, ...]
    last_contact: datetime | None = None  # the central's last answer: "last seen", when still off
    # Calls out of turn (the desk's `o`) not undone: per poli where called, how many per reason.
    out_of_turn: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    # Visits registered in PCare per poli (issue 13): PCARE_COUNTS -> how many.
    pcare: Mapping[str, Mapping[str, int]] = field(default_factory=dict)


@dataclass
class _Visit:
    poli: str
    joined: datetime
    first_call: datetime | None = None
    start: datetime | None = None
    finish: datetime | None = None
    outcome: str | None = None  # served, no_show, cancelled, transferred; None: still there
    transferred_in: bool = False
    moved_on: bool = False  # the visit ended with a transfer (served first or not)


@dataclass
class _Tally:
    visits: list[_Visit] = field(default_factory=list)
    cancellations: int = 0


def percentile_90(values: Sequence[float]) -> float:
    """The 90th percentile, interpolated linearly between the samples."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def figures(values: Sequence[float]) -> Figures:
    if not values:
        return Figures(0, None, None)
    return Figures(len(values), statistics.fmean(values), percentile_90(values))


def _minutes(delta: timedelta) -> float:
    return max(delta.total_seconds() / 60, 0.0)


def effective(events: Iterable[AuditEvent]) -> list[AuditEvent]:
    """The events that stand: without undos and what they undid, in order."""
    ordered = sorted(events, key=lambda e: (e.at, e.id))
    undone = {e.undid for e in ordered if e.kind == EventKind.UNDO and e.undid is not None}
    return [e for e in ordered if e.kind != EventKind.UNDO and e.id not in undone]


def _replay(history: TicketHistory, tallies: dict[str, _Tally]) -> datetime | None:
    """Add a ticket's visits to the tallies; its arrival time (None: it never arrived)."""
    poli, visit, arrived = history.poli_code, None, None
    for event in effective(history.events):
        kind = event.kind
        if kind in ARRIVALS and visit is None:
            arrived = event.at
            visit = _Visit(poli, event.at)
            tallies.setdefault(poli, _Tally()).visits.append(visit)
        elif visit is None:
            if kind == EventKind.CANCELLED:
                tallies.setdefault(poli, _Tally()).cancellations += 1
        elif kind == EventKind.CALLED:
            visit.first_call = visit.first_call or event.at
        elif kind == EventKind.SERVING:
            visit.start = visit.start or event.at
        elif kind == EventKind.SERVED:
            visit.start = visit.start or visit.first_call or event.at
            visit.finish, visit.outcome = event.at, "served"
        elif kind == EventKind.NO_SHOW:
            visit.outcome = "no_show"
        elif kind == EventKind.REQUEUED:
            visit.outcome = None
        elif kind == EventKind.CANCELLED:
            visit.outcome = "cancelled"
            tallies.setdefault(visit.poli, _Tally()).cancellations += 1
        elif kind == EventKind.TRANSFERRED and event.to_poli:
            if visit.outcome is None:
                if visit.start is not None:
                    visit.finish, visit.outcome = event.at, "served"
                else:
                    visit.outcome = "transferred"
            visit.moved_on = True
            poli = event.to_poli
            visit = _Visit(poli, event.at, transferred_in=True)
            tallies.setdefault(poli, _Tally()).visits.append(visit)
    return arrived


def _poli_figures(code: str, name: str, visits: list[_Visit], cancellations: int) -> PoliFigures:
    waits = [_minutes(v.first_call - v.joined) for v in visits if v.first_call]
    services = [_minutes(v.finish - v.start) for v in visits if v.start and v.finish]
    moved_in = sum(1 for v in visits if v.transferred_in)
    moved_out = sum(1 for v in visits if v.moved_on)
    return PoliFigures(
        code=code,
        name=name,
        patients=len(visits) - moved_out,
        transferred_in=moved_in,
        transferred_out=moved_out,
        wait=figures(waits),
        service=figures(services),
        no_shows=sum(1 for v in visits if v.outcome == "no_show"),
        cancellations=cancellations,
    )


def offline_periods(
    changes: Sequence[LinkChange], day_start: datetime, day_end: datetime
) -> list[OfflinePeriod]:
    """The day's offline periods, cut to the day; ``changes`` may begin before it (the state the
    day started in). A period still open at ``day_end`` has no end."""
    periods: list[OfflinePeriod] = []
    down: datetime | None = None
    for change in sorted(changes, key=lambda c: c.at):
        if change.at >= day_end:
            break
        if not change.online and down is None:
            down = change.at
        elif change.online and down is not None:
            if change.at > day_start:
                periods.append(OfflinePeriod(max(down, day_start), change.at))
            down = None
    if down is not None:
        periods.append(OfflinePeriod(max(down, day_start), None))
    return periods


def day_report(
    histories: Iterable[TicketHistory],
    poli_names: dict[str, str],
    zone: tzinfo,
    offline: Sequence[OfflinePeriod] = (),
) -> DayReport:
    """The report of one day's tickets; polis in the order of ``poli_names`` (then any other)."""
    tallies: dict[str, _Tally] = {}
    hours = [0] * 24
    arrivals = 0
    for history in histories:
        arrived = _replay(history, tallies)
        if arrived is not None:
            arrivals += 1
            hours[arrived.astimezone(zone).hour] += 1
    order = [code for code in poli_names if code in tallies]
    order += sorted(code for code in tallies if code not in poli_names)
    polis = tuple(
        _poli_figures(
            code, poli_names.get(code, code), tallies[code].visits, tallies[code].cancellations
        )
        for code in order
    )
    every = [visit for tally in tallies.values() for visit in tally.visits]
    pooled = _poli_figures("", "", every, sum(p.cancellations for p in polis))
    total = PoliFigures(
        code="",
        name="",
        patients=arrivals,
        transferred_in=pooled.transferred_in,
        transferred_out=pooled.transferred_out,
        wait=pooled.wait,
        service=pooled.service,
        no_shows=pooled.no_shows,
        cancellations=pooled.cancellations,
    )
    return DayReport(polis, total, tuple(hours), tuple(offline))


def whole_minutes(value: float | None) -> str:
    """Minutes as every face of the report shows them (desk, ``kiosk report``, CSV): whole,
    rounded half up (so 0.5 is 1, not 0 as Python's round-half-even would say); "-" for none."""
    return "-" if value is None else str(math.floor(value + 0.5))


def minutes_pair(figures: Figures) -> str:
    """Mean / 90th percentile, as the report's tables show them."""
    if figures.mean is None or figures.p90 is None:
        return "-"
    return f"{whole_minutes(figures.mean)} / {whole_minutes(figures.p90)}"


REPORT_COLUMNS = (
    "report.col.poli",
    "report.col.patients",
    "report.col.moved",
    "report.col.wait",
    "report.col.service",
    "report.col.no_shows",
    "report.col.cancelled",
)


def report_rows(report: DayReport, total_label: str) -> list[tuple[str, ...]]:
    """The table the desk and ``kiosk report`` both print, cell for cell (REPORT_COLUMNS)."""
    rows = [(p.name, p) for p in report.polis] + [(total_label, report.total)]
    return [
        (
            name,
            str(p.patients),
            f"{p.transferred_in} / {p.transferred_out}",
            minutes_pair(p.wait),
            minutes_pair(p.service),
            str(p.no_shows),
            str(p.cancellations),
        )
        for name, p in rows
    ]
