"""What the desk screens need of their app (the app imports screens, never the reverse)."""

from __future__ import annotations

from typing import Protocol

from kiosk.services import Services
from kiosk.services.desk import DeskService
from kiosk.services.report import ReportService
from kiosk.services.staff import StaffMember, StaffService


class DeskHost(Protocol):
    services: Services
    desk: DeskService
    report: ReportService
    staff: StaffService
    lang: str
    member: StaffMember | None
    counter: str | None

    def signed_in(self, member: StaffMember) -> None: ...
