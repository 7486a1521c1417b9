"""``kiosk central``: start the reference central, print its mirror, load participants.

Heavy imports (FastAPI, SQLAlchemy, uvicorn) wait until a command runs, so ``kiosk --help`` stays
fast. Every failure an operator can cause is one line and a non-zero exit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kiosk.cli.common import log_to_file, one_line_errors_of, settings_or_exit


def _central_faults() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    """One clear line for a settings, database or port problem, never a traceback."""
    from kiosk.assets import AssetsMissing
    from kiosk.central.consumer import ConsumerError
    from kiosk.central.db import SchemaOutdated
    from kiosk.central.participants import CsvError
    from kiosk.central.server import PortTaken

    return (ConsumerError, AssetsMissing, CsvError, PortTaken, SchemaOutdated), ()


_one_line_errors = one_line_errors_of(_central_faults, prefix="kiosk central")


def _rate(_ctx: click.Context, _param: click.Parameter, value: float) -> float:
    if not 0 <= value <= 1:
        raise click.BadParameter("use a probability from 0 to 1, e.g. 0.3")
    return value


@click.group(invoke_without_command=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8081, show_default=True, type=click.IntRange(1, 65535), help="TCP port."
)
@click.option(
    "--fail-rate", default=0.0, callback=_rate, help="Answer HTTP 500 with this probability."
)
@click.option("--delay-ms", default=0, type=click.IntRange(0, 120_000), help="Delay every answer.")
@click.option(
    "--bad-json-rate",
    default=0.0,
    callback=_rate,
    help="Answer invalid JSON with this probability.",
)
@click.option("--seed", type=int, default=None, help="Seed the faults, for reproducible drills.")
@click.option("--no-encrypt", is_flag=True, help="Answer plain JSON (debugging).")
@click.pass_context
@_one_line_errors
def central(
    ctx: click.Context,
    host: str,
    port: int,
    fail_rate: float,
    delay_ms: int,
    bad_json_rate: float,
    seed: int | None,
    no_encrypt: bool,
) -> None:
    """Run the reference central (BPJS Antrean FKTP + PCare lookup) on its own database.

    With no KIOSK_CENTRAL_CONS_ID / _SECRET / _USER_KEY it accepts the demo consumer printed at
    start. Ctrl+C stops it.
    """
    if ctx.invoked_subcommand is not None:
        return
    from kiosk.central.app import create_central_app
    from kiosk.central.consumer import consumer_from
    from kiosk.central.faults import FaultSettings, FaultSwitch
    from kiosk.central.server import check_port, serve

    settings = settings_or_exit()
    consumer = consumer_from(settings)
    check_port(host, port)
    log_path = log_to_file(settings, "central", journal=False, mask_numbers=True)
    faults = FaultSwitch(FaultSettings(fail_rate, delay_ms, bad_json_rate, False, seed))
    app = create_central_app(
        settings, consumer=consumer, encrypt_answers=not no_encrypt, faults=faults
    )
    base = f"http://{host}:{port}"
    click.echo(f"Reference central on {base} (database: {settings.central_database_url})")
    click.echo(f"  KIOSK_CENTRAL_ANTREAN_URL={base}/antreanfktp")
    click.echo(f"  KIOSK_CENTRAL_PCARE_URL={base}/pcare-rest")
    if consumer.demo:
        click.echo(
            f"  demo consumer: KIOSK_CENTRAL_CONS_ID={consumer.cons_id} "
            f"KIOSK_CENTRAL_SECRET={consumer.secret}\n"
            f"  KIOSK_CENTRAL_ANTREAN_USER_KEY={consumer.user_key} "
            f"KIOSK_CENTRAL_PCARE_USER_KEY={consumer.pcare_key}\n"
            f"  KIOSK_CENTRAL_PCARE_USERNAME={consumer.pcare_username} "
            f"KIOSK_CENTRAL_PCARE_PASSWORD={consumer.pcare_password}"
        )
    else:
        click.echo(f"  consumer: KIOSK_CENTRAL_CONS_ID={consumer.cons_id} (secret and key set)")
    switches = []
    if fail_rate or delay_ms or bad_json_rate:
        switches.append(f"fail-rate {fail_rate}, delay {delay_ms} ms, bad-json {bad_json_rate}")
    if no_encrypt:
        switches.append("answers NOT encrypted")
    if switches:
        click.echo(f"  drill: {'; '.join(switches)}")
    click.echo(f"  log: {log_path}; Ctrl+C stops it", nl=True)
    sys.stdout.flush()
    try:
        serve(app, host, port)
    finally:
        app.state.database.dispose()


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD, e.g. 2026-11-23") from None


@central.command()
@click.option("--date", "day", required=True, callback=_iso_date, help="YYYY-MM-DD")
@click.option(
    "--json", "as_json", is_flag=True, help="A JSON list with full card numbers, for tests."
)
@_one_line_errors
def mirror(day: str, as_json: bool) -> None:
    """Print the central's mirror of the clinics' queue on a date, each number with its visit's
    PCare registration beside it (noUrut; "-" none, "x" deleted), then registrations with no
    number here.

    The table masks card numbers; --json carries them in full, because a test compares them with
    the clinic's store: keep that output off screens and out of logs. Its entries carry the
    registration as ``pcare`` (a noUrut or null).
    """
    from datetime import date

    from kiosk.central.db import CentralDatabase
    from kiosk.central.registry import Registry
    from kiosk.central.visits import Visits, beside_the_queue
    from kiosk.domain.privacy import mask_number
    from kiosk.i18n import t

    settings = settings_or_exit()
    database = CentralDatabase(settings.central_database_url)
    try:
        database.create(settings.facility_code, settings.facility_name)
        entries = Registry(database).mirror(day)
        visits = Visits(database).on(date.fromisoformat(day))
    finally:
        database.dispose()
    unmatched = beside_the_queue(entries, visits)
    if as_json:
        click.echo(json.dumps(entries, indent=2))
        return
    if not entries and not visits:
        click.echo(t("central.cli.mirror_empty", settings.lang, date=day))
        return
    for entry in entries:
        pcare = entry["pcare"] or "-"
        if entry["pcare_deleted"]:
            pcare += " (x " + " ".join(entry["pcare_deleted"]) + ")"
        click.echo(
            f"{entry['kodepoli']}  {entry['nomorantrean']:<7} "
            f"{mask_number(entry['nomorkartu']):<14} {entry['status']:<10} "
            f"{entry['jampraktek']}  PCare {pcare:<6} {entry['alasan'] or ''}".rstrip()
        )
    for visit in unmatched:
        state = "x" if visit["deleted"] else ""
        click.echo(
            f"PCare {visit['kdPoli']}  {visit['noUrut']:<5}{state:<2} "
            f"{mask_number(visit['noKartu']):<14}"
        )
    click.echo(t("central.cli.mirror_count", settings.lang, n=len(entries), date=day))
    deleted = sum(1 for v in visits if v["deleted"])
    click.echo(
        t(
            "central.cli.pcare_count",
            settings.lang,
            n=len(visits) - deleted,
            date=day,
            deleted=deleted,
        )
    )


@central.command("load-participants")
@click.argument("csv_file", type=click.Path(path_type=Path, dir_okay=False))
@_one_line_errors
def load_participants_command(csv_file: Path) -> None:
    """Load participants from a CSV file whose header row has PCare's field names.

    Required columns: noKartu, nama, sex (L/P), tglLahir (dd-mm-yyyy), noKTP, aktif (true/false).
    Optional: ketAktif, tunggakan, kdProviderPst.kdProvider, kdProviderPst.nmProvider,
    jnsKelas.kode, jnsKelas.nama, jnsPeserta.kode, jnsPeserta.nama. Bad rows are listed with their
    line numbers and skipped; the good ones are kept.
    """
    from kiosk.central.db import CentralDatabase
    from kiosk.central.participants import load_participants
    from kiosk.i18n import t

    settings = settings_or_exit()
    database = CentralDatabase(settings.central_database_url)
    try:
        database.create(settings.facility_code, settings.facility_name)
        report = load_participants(
            database, csv_file, settings.facility_code, settings.facility_name, settings.lang
        )
    finally:
        database.dispose()
    for line, problem in report.problems:
        click.echo(t("central.csv.line", settings.lang, line=line, problem=problem), err=True)
    click.echo(t("central.cli.loaded", settings.lang, n=report.loaded, bad=len(report.problems)))
    if report.problems:
        sys.exit(1)
