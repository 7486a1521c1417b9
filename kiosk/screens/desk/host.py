"""What the desk screens need of their app (the app imports screens, never the reverse)."""

from __future__ import annotations

from typing import Protocol

from kiosk.domain.models import Poli
from kiosk.services import Services
from kiosk.services.board_text import BoardTextService
from kiosk.services.counter import CounterMemory
from kiosk.services.desk import DeskService
from kiosk.services.report import ReportService
from kiosk.services.staff import StaffMember, StaffService


class DeskHost(Protocol):
    services: Services
    desk: DeskService
    board_text: BoardTextService
    report: ReportService
    staff: StaffService
    lang: str
    member: StaffMember | None
    counter: str | None
    counters: CounterMemory

    def signed_in(self, member: StaffMember, polis: list[Poli]) -> None: ...
