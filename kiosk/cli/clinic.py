"""``kiosk clinic load FILE.toml`` and ``kiosk clinic export``: the clinic's own set-up.

Load shows what would change and asks first (``--yes`` skips the question); a fault in the file
or a poli or shift that still holds live tickets leaves the store untouched, with the line and
field named and the next step said.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

import click

from kiosk.cli.common import fail, one_line_errors, settings_or_exit
from kiosk.config import Settings, config_file
from kiosk.domain.clinic_file import (
    ALL_DAYS,
    DAY_NAMES,
    ClinicFileError,
    ClinicSetup,
    DoctorSpec,
    PoliSpec,
    group_shifts,
    parse_clinic_file,
    render_clinic_file,
)
from kiosk.i18n import t

_LANG = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Language of the messages (default: the kiosk's, KIOSK_LANG).",
)


def _poli(poli: PoliSpec, lang: str) -> str:
    extra = "" if poli.bookable else t("clinic.not_bookable", lang)
    if poli.pcare_code is not None:
        extra += t("clinic.pcare_code", lang, code=poli.pcare_code)
        if poli.pcare_auto_register:
            extra += t("clinic.pcare_auto", lang)
    return t("clinic.poli", lang, code=poli.code, name=poli.name, prefix=poli.prefix, extra=extra)


def _doctor(doctor: DoctorSpec, lang: str) -> str:
    return t("clinic.doctor", lang, code=doctor.code, name=doctor.name)


def _shift_lines(sign: str, shifts: list, lang: str) -> list[str]:  # type: ignore[type-arg]
    lines = []
    for poli, doctor, start, end, quota, days in group_shifts(shifts):
        named = (
            t("clinic.every_day", lang)
            if days == ALL_DAYS
            else ", ".join(DAY_NAMES[d] for d in days)
        )
        text = t(
            "clinic.shift",
            lang,
            poli=poli,
            doctor=doctor,
            days=named,
            start=f"{start:%H:%M}",
            end=f"{end:%H:%M}",
            quota=quota,
        )
        lines.append(f"  {sign} {text}")
    return lines


def _blocked(blocker: object, lang: str) -> str:
    from kiosk.services.clinic_setup import Blocker

    assert isinstance(blocker, Blocker)
    if blocker.kind == "poli":
        return t("clinic.blocked_poli", lang, poli=blocker.what)
    poli, doctor, start = blocker.what.split("|")
    return t("clinic.blocked_shift", lang, poli=poli, doctor=doctor, start=start)


def describe_plan(plan: object, lang: str) -> list[str]:
    """The plan as lines: + added, ~ changed (old -> new), - removed."""
    from kiosk.services.clinic_setup import ClinicPlan

    assert isinstance(plan, ClinicPlan)
    lines: list[str] = []
    if plan.replaces_demo:
        lines.append(f"  ! {t('clinic.replaces_demo', lang)}")
    if plan.facility:
        code, name = plan.facility
        sign = "+" if plan.facility_new else "~"
        lines.append(f"  {sign} {t('clinic.facility', lang, code=code, name=name)}")
    lines += [f"  + {_poli(p, lang)}" for p in plan.polis_added]
    lines += [f"  ~ {_poli(a, lang)} -> {_poli(b, lang)}" for a, b in plan.polis_changed]
    lines += [f"  - {_poli(p, lang)}" for p in plan.polis_removed]
    if plan.reordered:
        lines.append(f"  ~ {t('clinic.reordered', lang)}")
    lines += [f"  + {_doctor(d, lang)}" for d in plan.doctors_added]
    lines += [f"  ~ {_doctor(a, lang)} -> {b.name}" for a, b in plan.doctors_changed]
    lines += [f"  - {_doctor(d, lang)}" for d in plan.doctors_removed]
    lines += _shift_lines("+", plan.shifts_added, lang)
    # A changed shift: its old form out, its new form in, grouped over the week like the rest.
    lines += _shift_lines("-", [a for a, _ in plan.shifts_changed], lang)
    lines += _shift_lines("+", [b for _, b in plan.shifts_changed], lang)
    lines += _shift_lines("-", plan.shifts_removed, lang)
    return lines


def carry_out_plan(
    plan: object,
    lang: str,
    untouched: str,
    yes: bool,
    blocked_key: str,
    apply: Callable[[list[str]], None],
) -> None:
    """Show the plan, ask, then ``apply`` it (given the plan's lines, for an audit).

    Stops with the store untouched on a blocker, when the operator says no, when there is no
    terminal to ask on (and no --yes), or when a ticket was taken between question and answer.
    """
    from kiosk.services.clinic_setup import LoadBlocked

    try:
        lines = _confirm_plan(plan, lang, untouched, yes, blocked_key)
    except click.Abort:  # no terminal to answer on and no --yes
        click.echo("\n" + t("clinic.cancelled", lang))
        sys.exit(1)
    try:
        apply(lines)
    except LoadBlocked:  # a ticket was taken between the question and the answer
        fail(untouched)


def _confirm_plan(
    plan: object, lang: str, untouched: str, yes: bool, blocked_key: str
) -> list[str]:
    """Show the plan; stop (store untouched) on a blocker, or when the operator says no."""
    from kiosk.services.clinic_setup import ClinicPlan

    assert isinstance(plan, ClinicPlan)
    lines = describe_plan(plan, lang)
    click.echo(t("clinic.plan", lang))
    for line in lines:
        click.echo(line)
    if plan.blockers:
        for blocker in plan.blockers:
            what, date = _blocked(blocker, lang), blocker.first_date.isoformat()
            click.echo(t(blocked_key, lang, what=what, n=blocker.tickets, date=date), err=True)
        fail(untouched)
    if not yes and not click.confirm(t("clinic.confirm", lang), default=False):
        click.echo(t("clinic.cancelled", lang))
        sys.exit(1)
    return lines


def _facility_against_settings(setup: ClinicSetup, settings: Settings, lang: str) -> ClinicSetup:
    """The file's facility must be the one the settings name (the kiosk opens by them)."""
    for field, env, given, setting in (
        ("facility_code", "FACILITY_CODE", setup.facility_code, settings.facility_code),
        ("facility_name", "FACILITY_NAME", setup.facility_name, settings.facility_name),
    ):
        if given is not None and given != setting:
            fail(
                t(
                    "clinic.facility_mismatch",
                    lang,
                    field=field,
                    file_value=given,
                    setting=setting,
                    config=config_file(),
                    env=env,
                )
            )
    return dataclasses.replace(
        setup, facility_code=settings.facility_code, facility_name=settings.facility_name
    )


@click.group()
def clinic() -> None:
    """The clinic's own polis, doctors and weekly shifts: load from a file, export to one."""


@clinic.command("load")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", "-y", is_flag=True, help="Apply without asking.")
@_LANG
@one_line_errors
def load(file: Path, yes: bool, lang: str | None) -> None:
    """Load polis, doctors, weekly shifts and quotas from FILE (the demo's format).

    Shows what will change and asks first. Loading the same file again changes nothing.
    """
    from kiosk.domain.clock import FacilityClock
    from kiosk.services.clinic_setup import apply_plan, plan_load
    from kiosk.store import Store

    settings = settings_or_exit()
    lang = lang or settings.lang
    untouched = t("clinic.untouched", lang, file=file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(t("clinic.unreadable", lang, file=file, error=error))
    try:
        setup = parse_clinic_file(text)
    except ClinicFileError as error:
        place = t("clinic.at_line", lang, file=file, line=error.line or "?")
        where = f", {error.where}" if error.where else ""
        fail(f"{place}{where}: {t(error.key, lang, **error.params)}\n{untouched}")
    setup = _facility_against_settings(setup, settings, lang)
    if setup.skipped_sections:
        sections = ", ".join(f"[[{name}]]" for name in setup.skipped_sections)
        click.echo(t("clinic.skipped", lang, sections=sections))

    store = Store(settings.database_url)
    try:
        store.migrate()
        plan = plan_load(store, setup, FacilityClock(settings.zone).today())
        if plan.empty:
            click.echo(t("clinic.nothing", lang, file=file))
            return
        carry_out_plan(
            plan,
            lang,
            untouched,
            yes,
            "clinic.blocked",
            lambda _lines: apply_plan(store, plan, settings.facility_code, settings.facility_name),
        )
    finally:
        store.dispose()
    click.echo(
        t(
            "clinic.done",
            lang,
            polis=len(setup.polis),
            doctors=len(setup.doctors),
            shifts=len(setup.shifts),
        )
    )


@clinic.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@_LANG
@one_line_errors
def export(file: Path | None, force: bool, lang: str | None) -> None:
    """Write the store's polis, doctors and shifts in the clinic file's format (to FILE or
    the screen), ready for `kiosk clinic load`."""
    from kiosk.services.clinic_setup import current_setup
    from kiosk.store import Store

    settings = settings_or_exit()
    lang = lang or settings.lang
    store = Store(settings.database_url)
    try:
        store.migrate()
        setup = current_setup(store)
    finally:
        store.dispose()
    if setup.facility_code is None:
        fail(t("clinic.no_clinic", lang))
    header = (
        "The clinic's set-up, written by `kiosk clinic export`; load it with "
        '`kiosk clinic load FILE`.\nShifts: days = ["senin", ...] (default: every day).'
    )
    text = render_clinic_file(setup, header)
    if file is None:
        click.echo(text, nl=False)
        return
    if file.exists() and not force:
        fail(t("clinic.exists", lang, file=file))
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(t("clinic.unreadable", lang, file=file, error=error))
    click.echo(t("clinic.exported", lang, file=file))
