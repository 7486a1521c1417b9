"""``kiosk report``: the day's figures in the terminal, and as CSV for a spreadsheet."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table  # noqa: TID251 - printed by a console that reads no markup
from rich.text import Text

from kiosk.config import SettingsError, keep_private, load_settings
from kiosk.domain.report import DayReport, Figures
from kiosk.i18n import t

BAR = "█"
BAR_WIDTH = 40  # the busiest hour's bar; the others in proportion


def arrival_bars(hours: tuple[int, ...], width: int = BAR_WIDTH) -> list[str]:
    """One line per hour from the first to the last with arrivals: ``07 ████ 4``."""
    busy = [hour for hour, count in enumerate(hours) if count]
    if not busy:
        return []
    top = max(hours)
    lines = []
    for hour in range(busy[0], busy[-1] + 1):
        count = hours[hour]
        # Every hour with an arrival shows at least one block, however quiet.
        bar = BAR * max(round(count / top * width), 1) if count else ""
        lines.append(f"{hour:02d} {bar} {count}" if bar else f"{hour:02d} {count}")
    return lines


def _pair(figures: Figures) -> str:
    if figures.mean is None or figures.p90 is None:
        return "-"
    return f"{figures.mean:.1f} / {figures.p90:.1f}"


def report_table(report: DayReport, lang: str) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column(t("report.col.poli", lang))
    for key in ("report.col.patients", "report.col.wait", "report.col.service"):
        table.add_column(t(key, lang), justify="right")
    for key in ("report.col.no_shows", "report.col.cancelled"):
        table.add_column(t(key, lang), justify="right")
    rows = [(p.name, p) for p in report.polis] + [(t("report.total", lang), report.total)]
    for index, (name, p) in enumerate(rows):
        table.add_row(
            name,
            str(p.patients),
            _pair(p.wait),
            _pair(p.service),
            str(p.no_shows),
            str(p.cancellations),
            style="bold" if index == len(rows) - 1 else None,
            end_section=index == len(rows) - 2,
        )
    return table


@click.command()
@click.option("--date", "day_text", metavar="YYYY-MM-DD", help="The day (default: today).")
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the per-poli table here, and the arrivals per hour beside it.",
)
def report(day_text: str | None, csv_path: Path | None) -> None:
    """The day's report: per poli patients, wait and service times (mean / 90th percentile, in
    minutes), no-shows and cancellations; arrivals per hour; offline periods."""
    from kiosk.services.report import ReportService, write_csv
    from kiosk.services.setup import open_clinic

    try:
        settings = load_settings()
    except SettingsError as error:
        click.echo(f"kiosk: {error}", err=True)
        sys.exit(2)
    keep_private(settings)
    lang = settings.lang
    day: date | None = None
    if day_text is not None:
        try:
            day = datetime.strptime(day_text, "%Y-%m-%d").date()
        except ValueError:
            click.echo(f"kiosk: {t('report.bad_date', lang)}", err=True)
            sys.exit(2)
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.store.db import StoreError

    try:
        services = open_clinic(settings)
        day = day or services.clock.today()
        figures = ReportService(services.store, services.clock).day(day)
    except (StoreError, SQLAlchemyError) as error:
        click.echo(f"kiosk: the database cannot be used: {str(error).splitlines()[0]}", err=True)
        sys.exit(3)
    # markup=False: poli and facility names are printed as typed, never read as markup.
    console = Console(highlight=False, soft_wrap=True, markup=False, emoji=False)
    console.print(
        Text(t("report.title", lang, date=f"{day:%d-%m-%Y}"), style="bold"),
        Text(f"· {settings.facility_name}"),
    )
    console.print(t("report.minutes", lang), style="dim")
    console.print(report_table(figures, lang))
    console.print(Text("\n" + t("report.arrivals", lang), style="bold"))
    bars = arrival_bars(figures.arrivals_per_hour)
    console.print("\n".join(bars) if bars else t("report.no_arrivals", lang))
    console.print(Text("\n" + t("report.offline", lang), style="bold"))
    if not figures.offline:
        console.print(t("report.offline_none", lang))
    for period in figures.offline:
        end = (
            f"{services.clock.local(period.end):%H:%M}"
            if period.end
            else t("report.offline_open", lang)
        )
        console.print(f"{services.clock.local(period.start):%H:%M}–{end}")
    if csv_path is not None:
        files = write_csv(figures, day, csv_path)
        console.print(
            "\n" + t("report.csv_written", lang, polis=files.polis, arrivals=files.arrivals)
        )
    services.store.dispose()
