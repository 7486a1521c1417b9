"""The day's report at the desk: the per-poli table, arrivals per hour as a sparkline, offline
periods. Read in a thread; Escape (or the button) goes back to the queue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Sparkline

from kiosk.domain.report import DayReport, Figures
from kiosk.i18n import t
from kiosk.widgets.plain import Button, DataTable, Static

if TYPE_CHECKING:
    from kiosk.screens.desk.host import DeskHost


def _pair(figures: Figures) -> str:
    if figures.mean is None or figures.p90 is None:
        return "-"
    return f"{figures.mean:.0f} / {figures.p90:.0f}"


class ReportScreen(Screen[None]):
    BINDINGS = [Binding("escape", "close", t("report.close"), key_display="Esc")]

    @property
    def host(self) -> DeskHost:
        return cast("DeskHost", self.app)

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.host.lang, **params)

    def compose(self) -> ComposeResult:
        today = self.host.services.clock.today()
        yield Static(
            f"{self.tr('report.title', date=f'{today:%d-%m-%Y}')} · "
            f"{self.host.services.settings.facility_name}",
            id="header-facility",
        )
        with Vertical(id="report-body"):
            yield Static(self.tr("report.minutes"), id="report-note")
            table: DataTable[Any] = DataTable(id="report-table", cursor_type="none")
            yield table
            yield Static(self.tr("report.arrivals"), classes="report-heading")
            with Vertical(id="report-arrivals"):
                yield Static("", id="report-hours")
                yield Sparkline([], id="report-chart")
            yield Static(self.tr("report.offline"), classes="report-heading")
            yield Static(self.tr("report.loading"), id="report-offline")
            close = Button(self.tr("report.close"), id="report-close")
            close.can_focus = False
            yield close
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#report-table", DataTable)
        table.add_column(self.tr("report.col.poli"), key="poli")
        for key in ("patients", "wait", "service", "no_shows", "cancelled"):
            table.add_column(self.tr(f"report.col.{key}"), key=key)
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        report = self.host.report.day()
        self.app.call_from_thread(self._show, report)

    def _show(self, report: DayReport) -> None:
        if not self.is_attached:
            return
        table = self.query_one("#report-table", DataTable)
        table.clear()
        rows = [(p.name, p) for p in report.polis] + [(self.tr("report.total"), report.total)]
        for name, p in rows:
            table.add_row(
                name,
                str(p.patients),
                _pair(p.wait),
                _pair(p.service),
                str(p.no_shows),
                str(p.cancellations),
            )
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
        clock = self.host.services.clock
        periods = [
            f"{clock.local(p.start):%H:%M}–"
            + (f"{clock.local(p.end):%H:%M}" if p.end else self.tr("report.offline_open"))
            for p in report.offline
        ]
        self.query_one("#report-offline", Static).update(
            ", ".join(periods) if periods else self.tr("report.offline_none")
        )

    @on(Button.Pressed, "#report-close")
    def action_close(self) -> None:
        self.app.pop_screen()
