"""The day's report at the desk: the per-poli table, arrivals per hour as a sparkline, offline
periods, calls out of turn. Read in a thread; Escape (or the button) goes back to the queue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Sparkline

from kiosk.domain.report import REPORT_COLUMNS, DayReport, report_rows
from kiosk.i18n import t
from kiosk.screens.calls import ServiceScreen
from kiosk.widgets.key_bar import Key, KeyBar, language_key
from kiosk.widgets.plain import DataTable, Static

if TYPE_CHECKING:
    from kiosk.screens.desk.host import DeskHost


class ReportScreen(ServiceScreen):
    FAULT_KEY = "desk.fault"
    _outages_seen = 0  # the app's outage count when this screen was last on top
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("escape", "close", show=False),
        Binding("f2", "switch_lang", show=False),
    ]

    @property
    def host(self) -> DeskHost:
        return cast("DeskHost", self.app)

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.host.lang, **params)

    def compose(self) -> ComposeResult:
        today = self.host.services.clock.today()
        yield Static(
            Content(
                f"{self.tr('report.title', date=f'{today:%d-%m-%Y}')} · "
                f"{self.host.services.settings.facility_name}"
            ),
            id="header-facility",
        )
        with Vertical(id="report-body"):
            yield Static(self.tr("report.minutes"), id="report-note")
            yield DataTable(id="report-table", cursor_type="none")
            yield Static(self.tr("report.arrivals"), classes="report-heading")
            with Vertical(id="report-arrivals"):
                yield Static("", id="report-hours")
                yield Sparkline([], id="report-chart")
            yield Static(self.tr("report.offline"), classes="report-heading")
            yield Static(self.tr("report.loading"), id="report-offline")
            yield Static(self.tr("report.out_of_turn"), classes="report-heading")
            yield Static("", id="report-out-of-turn")
        yield KeyBar(
            [Key("Esc", self.tr("report.close"), "close"), language_key(self.host.lang)],
            id="report-keys",
        )

    def on_mount(self) -> None:
        self._outages_seen = self.face.outages
        self.load()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self._outages_seen != self.face.outages:  # back from an outage
            self._outages_seen = self.face.outages
            self.load()

    async def action_switch_lang(self) -> None:
        self.host.lang = "en" if self.host.lang == "id" else "id"
        await self.recompose()
        self.load()

    def load(self) -> None:
        self.call_service(self.host.report.day, self._show)

    def _show(self, report: DayReport) -> None:
        if not self.is_attached:
            return
        table: DataTable[Any] = self.query_one("#report-table", DataTable)
        rows = report_rows(report, self.tr("report.total"))
        table.fit_columns(((key, self.tr(key)) for key in REPORT_COLUMNS), rows)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        hours = report.arrivals_per_hour
        busy = [hour for hour, count in enumerate(hours) if count]
        chart = self.query_one("#report-chart", Sparkline)
        label = self.query_one("#report-hours", Static)
        if busy:
            first, last = busy[0], busy[-1]
            chart.data = [float(n) for n in hours[first : last + 1]]
            label.update(
                self.tr(
                    "report.arrivals_range",
                    first=f"{first:02d}:00",
                    last=f"{last:02d}:59",
                    n=sum(hours),
                    top=max(hours),
                )
            )
        else:
            chart.data = []
            label.update(self.tr("report.no_arrivals"))
        lines = self.host.report.offline_lines(report, self.host.lang)
        self.query_one("#report-offline", Static).update(Content("\n".join(lines)))
        calls = self.host.report.out_of_turn_lines(report, self.host.lang)
        self.query_one("#report-out-of-turn", Static).update(Content("\n".join(calls)))

    def action_close(self) -> None:
        self.app.pop_screen()
