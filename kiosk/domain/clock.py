"""The clinic's clock: its day and its hours follow the facility's time zone, never UTC."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def system_now() -> datetime:
    return datetime.now(UTC)


class FacilityClock:
    """Wraps a source of aware UTC instants (tests pass a fixed one) and the facility's zone."""

    def __init__(self, zone: ZoneInfo, source: Callable[[], datetime] = system_now) -> None:
        self.zone = zone
        self._source = source

    def now(self) -> datetime:
        """Local aware time at the facility."""
        return self._source().astimezone(self.zone)

    def utcnow(self) -> datetime:
        return self._source().astimezone(UTC)

    def today(self) -> date:
        return self.now().date()

    def local(self, instant: datetime) -> datetime:
        return instant.astimezone(self.zone)
