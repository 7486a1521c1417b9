"""``kiosk report``: the day's figures in the terminal, and as CSV for a spreadsheet."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table  # noqa: TID251 - printed by a console that reads no markup
from rich.text import Text

from kiosk.cli.common import fail, settings_or_exit
from kiosk.domain.report import REPORT_COLUMNS, DayReport, report_rows
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


def report_table(report: DayReport, lang: str) -> Table:
    """The same cells as the desk's report (one computation, one format)."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    for index, key in enumerate(REPORT_COLUMNS):
        table.add_column(t(key, lang), justify="left" if index == 0 else "right")
    rows = report_rows(report, t("report.total", lang))
    for index, row in enumerate(rows):
        table.add_row(
            *(Text(cell) for cell in row),
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
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    help="Language of the report (default: KIOSK_LANG, which is id unless set).",
)
def report(day_text: str | None, csv_path: Path | None, lang: str | None) -> None:
    """The day's report, in the kiosk's language (KIOSK_LANG; --lang en for English): per poli
    the patients (counted where they were served last), those moved in / out, wait and service
    times (mean / 90th percentile, whole minutes), no-shows and cancellations; arrivals per
    hour; offline periods. The CSV holds the same figures, with column names in Indonesian."""
    from kiosk.services.report import ReportService, write_csv
    from kiosk.services.setup import open_clinic

    settings = settings_or_exit()
    lang = lang or settings.lang
    day: date | None = None
    if day_text is not None:
        try:
            day = datetime.strptime(day_text, "%Y-%m-%d").date()
        except ValueError:
            fail(t("report.bad_date", lang))
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.store.db import StoreError

    try:
        services = open_clinic(settings)
        day = day or services.clock.today()
        figures = ReportService(services.store, services.clock).day(day)
    except (StoreError, SQLAlchemyError) as error:
        fail(f"the database cannot be used: {str(error).splitlines()[0]}", 3)
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
    for line in ReportService(services.store, services.clock).offline_lines(figures, lang):
        console.print(Text(line))
    lines = ReportService(services.store, services.clock).out_of_turn_lines(figures, lang)
    _out_of_turn(console, lines, lang)
    console.print(Text("\n" + t("report.pcare", lang), style="bold"))
    for line in ReportService(services.store, services.clock).pcare_lines(figures, lang):
        console.print(Text(line))
    if csv_path is not None:
        files = write_csv(figures, day, csv_path)
        console.print(
            "\n" + t("report.csv_written", lang, polis=files.polis, arrivals=files.arrivals)
        )
    services.store.dispose()


def _out_of_turn(console: Console, lines: list[str], lang: str) -> None:
    """Calls out of turn, per poli and reason (the desk's `o`): the report's own count."""
    console.print(Text("\n" + t("report.out_of_turn", lang), style="bold"))
    for line in lines:
        console.print(Text(line))
