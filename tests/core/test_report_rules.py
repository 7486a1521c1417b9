"""The pure rules behind the wait estimate and the day's report, on scripted samples."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.report import (
    AuditEvent,
    LinkChange,
    OfflinePeriod,
    TicketHistory,
    day_report,
    figures,
    offline_periods,
    percentile_90,
)
from kiosk.domain.waiting import (
    MIN_SAMPLES,
    CallPace,
    call_pace,
    estimate_call_window,
    gaps_between_calls,
    wait_minutes,
)
from tests.conftest import WIB

NINE = datetime(2026, 11, 23, 9, 0, tzinfo=WIB)


def at(minutes: float) -> datetime:
    return NINE + timedelta(minutes=minutes)


# -- the pace of calls ---------------------------------------------------------------------------


def test_gaps_are_minutes_between_successive_calls_without_breaks() -> None:
    day = [at(0), at(6), at(10), at(100), at(104)]  # 90 minutes of lunch between 10 and 100
    assert gaps_between_calls([day[::-1]]) == [6, 4, 4]
    # Days are apart: the night between two days is no gap.
    assert gaps_between_calls([[at(0), at(5)], [at(1440), at(1443)]]) == [5, 3]


def test_too_few_gaps_fall_back_to_the_configured_minutes() -> None:
    pace = call_pace([4.0] * (MIN_SAMPLES - 1), [], default_minutes=10)
    assert pace == CallPace(10, 10, 0)
    assert wait_minutes(3, pace) == (20, 40)  # the old rule: one fewer to one more


def test_todays_gaps_win_when_there_are_enough() -> None:
    today = [2.0, 3, 3, 4, 4, 4, 5, 6]
    pace = call_pace(today, [20.0] * 50, default_minutes=10)
    assert pace.samples == 8
    assert (pace.quick, pace.slow) == (3.0, 4.25)  # 25th and 75th percentiles


def test_a_quiet_morning_borrows_the_recent_days() -> None:
    pace = call_pace([5.0, 7], [6.0] * 10, default_minutes=10)
    assert pace.samples == 12 and pace.quick == 6.0 and pace.slow == 6.0


def test_the_window_is_a_range_from_the_pace() -> None:
    pace = CallPace(quick=4, slow=9, samples=20)
    low, high = estimate_call_window(NINE, None, 5, pace)
    assert (low, high) == (at(16), at(54))  # 4 ahead at the quick pace .. 6 at the slow one
    # Two desks calling in the same second do not promise "now" for everybody.
    assert call_pace([0.0] * 10, [], 10).quick > 0


# -- the report's figures -------------------------------------------------------------------------


def test_percentile_90_interpolates_and_figures_handle_no_samples() -> None:
    assert percentile_90([float(n) for n in range(1, 11)]) == pytest.approx(9.1)
    assert percentile_90([7.0]) == 7.0
    assert figures([]).mean is None and figures([]).count == 0
    assert figures([10.0, 20.0]).mean == 15.0


def ev(n: int, minutes: float, kind: str, **extra: object) -> AuditEvent:
    return AuditEvent(n, at(minutes).astimezone(UTC), kind, **extra)  # type: ignore[arg-type]


def test_visits_waits_services_no_shows_transfers_and_undos() -> None:
    histories = [
        # Served at Umum, then sent to the pharmacy and served there.
        TicketHistory(
            1,
            "001",
            (
                ev(1, 0, "issued"),
                ev(2, 10, "called"),
                ev(3, 12, "serving"),
                ev(4, 20, "transferred", to_poli="APT"),
                ev(5, 30, "called"),
                ev(6, 35, "served"),
            ),
        ),
        # A no-show; then a call that was undone and called again later.
        TicketHistory(2, "001", (ev(7, 5, "issued"), ev(8, 40, "called"), ev(9, 45, "no_show"))),
        TicketHistory(
            3,
            "001",
            (
                ev(10, 65, "issued"),
                ev(11, 70, "called"),
                ev(12, 71, "undo", undid=11),
                ev(13, 80, "called"),
                ev(14, 81, "served"),
            ),
        ),
        # A booking cancelled before it arrived; a skipped patient who came back and was served.
        TicketHistory(4, "002", (ev(15, -600, "booked"), ev(16, 3, "cancelled"))),
        TicketHistory(
            5,
            "002",
            (
                ev(17, 60, "issued"),
                ev(18, 62, "called"),
                ev(19, 63, "no_show"),
                ev(20, 70, "requeued"),
                ev(21, 72, "called"),
                ev(22, 73, "serving"),
                ev(23, 83, "served"),
            ),
        ),
    ]
    report = day_report(histories, {"001": "Umum", "002": "Gigi", "APT": "Farmasi"}, WIB)
    umum, gigi, pharmacy = report.polis
    # Each patient counts once, where their last visit was: the one sent on to the pharmacy counts
    # there, and in Umum's "out" and the pharmacy's "in", so the rows add up to the total.
    assert (umum.patients, umum.no_shows, umum.cancellations) == (2, 1, 0)
    assert (umum.transferred_in, umum.transferred_out) == (0, 1)
    assert (pharmacy.transferred_in, pharmacy.transferred_out) == (1, 0)
    assert umum.patients + gigi.patients + pharmacy.patients == report.total.patients
    assert umum.wait.count == 3 and umum.wait.mean == pytest.approx((10 + 35 + 15) / 3)
    # Served from 12 to the transfer at 20 (8 min), from the call at 80 to 81 (1 min).
    assert umum.service.count == 2 and umum.service.mean == pytest.approx(4.5)
    assert (pharmacy.patients, pharmacy.wait.mean, pharmacy.service.mean) == (1, 10, 5)
    assert (gigi.patients, gigi.no_shows, gigi.cancellations) == (1, 0, 1)
    assert gigi.wait.mean == 2 and gigi.service.mean == 10
    assert report.total.patients == 4  # tickets that arrived, each once
    assert report.total.no_shows == 1 and report.total.cancellations == 1
    assert report.total.wait.count == 5
    hours = report.arrivals_per_hour
    assert hours[9] == 2 and hours[10] == 2 and sum(hours) == 4


def test_offline_periods_are_cut_to_the_day() -> None:
    start, end = at(-540), at(900)  # 00:00 to 24:00 WIB
    changes = [
        LinkChange(at(-600), False),  # offline since the evening before
        LinkChange(at(-500), True),
        LinkChange(at(60), False),
        LinkChange(at(75), True),
        LinkChange(at(80), True),  # a repeat changes nothing
        LinkChange(at(200), False),
    ]
    assert offline_periods(changes, start, end) == [
        OfflinePeriod(start, at(-500)),
        OfflinePeriod(at(60), at(75)),
        OfflinePeriod(at(200), None),
    ]
    assert offline_periods([LinkChange(at(-900), True)], start, end) == []
    assert offline_periods([], start, end) == []
