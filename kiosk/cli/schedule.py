"""``kiosk schedule pull | diff | adopt``: BPJS's HFIS schedule against the clinic's own.

A pull that fails says why in one line and keeps the last good copy; adopt shows the change,
asks first (``--yes`` skips the question) and refuses, like ``kiosk clinic load``, to remove a
shift that still holds live tickets.
"""

from __future__ import annotations

import getpass
from typing import Any

import click

from kiosk.cli.clinic import _LANG, carry_out_plan
from kiosk.cli.common import fail, one_line_errors, settings_or_exit
from kiosk.config import Settings
from kiosk.i18n import t


def describe_difference(diff: Any, lang: str) -> str:
    return t(
        f"hfis.diff.{diff.kind}",
        lang,
        day=diff.day.isoformat(),
        poli=diff.poli,
        doctor=diff.doctor,
        name=diff.doctor_name,
        local=diff.local,
        bpjs=diff.bpjs,
        quota=diff.quota,
    )


@click.group()
def schedule() -> None:
    """BPJS's HFIS schedule (ref/poli, ref/dokter) for today and tomorrow: pull, diff, adopt."""


def _pulled(settings: Settings, lang: str) -> Any:
    from kiosk.services import hfis

    schedule = hfis.load(settings.data_dir)
    if schedule is None:
        fail(t("hfis.none", lang))
    return schedule


@schedule.command("pull")
@_LANG
@one_line_errors
def pull(lang: str | None) -> None:
    """Fetch today's and tomorrow's schedule from the central and keep it."""
    from kiosk.domain.clock import FacilityClock
    from kiosk.services import hfis
    from kiosk.sync.client import CentralClient, CentralConfig

    settings = settings_or_exit()
    lang = lang or settings.lang
    if not settings.central_configured:
        fail(t("hfis.fail.unconfigured", lang))
    clock = FacilityClock(settings.zone)
    try:
        with CentralClient(CentralConfig.from_settings(settings)) as client:
            pulled = hfis.pull(client, clock.today(), clock.now())
    except hfis.PullFailed as error:
        reason = t(error.key, lang, detail=(error.detail or "-").rstrip("."))
        fail(t("hfis.fail", lang, reason=reason), 1)
    hfis.save(settings.data_dir, pulled)
    days = ", ".join(d.isoformat() for d in pulled.days)
    click.echo(t("hfis.pulled", lang, n=len(pulled.shifts), days=days))


@schedule.command("diff")
@_LANG
@one_line_errors
def diff(lang: str | None) -> None:
    """List how the clinic's shifts differ from the last pulled BPJS schedule."""
    from kiosk.services import hfis
    from kiosk.store import Store

    settings = settings_or_exit()
    lang = lang or settings.lang
    pulled = _pulled(settings, lang)
    store = Store(settings.database_url)
    try:
        store.migrate()
        found = hfis.differences(store, pulled)
    finally:
        store.dispose()
    click.echo(t("hfis.pulled_at", lang, at=pulled.pulled_at))
    if not found:
        click.echo(t("hfis.same", lang))
        return
    for difference in found:
        click.echo("  " + describe_difference(difference, lang))
    click.echo(t("hfis.diff.next", lang))


@schedule.command("adopt")
@click.option("--yes", "-y", is_flag=True, help="Apply without asking.")
@_LANG
@one_line_errors
def adopt(yes: bool, lang: str | None) -> None:
    """Take BPJS's shifts for the pulled days (capacity becomes the quota). Audited."""
    from kiosk.domain.clock import FacilityClock
    from kiosk.services import hfis
    from kiosk.store import Store

    settings = settings_or_exit()
    lang = lang or settings.lang
    pulled = _pulled(settings, lang)
    clock = FacilityClock(settings.zone)
    untouched = t("hfis.untouched", lang)
    store = Store(settings.database_url)
    try:
        store.migrate()
        adoption = hfis.plan_adopt(store, pulled, clock.today())
        for poli in adoption.skipped_polis:
            click.echo(t("hfis.skipped_poli", lang, poli=poli))
        if adoption.plan.empty:
            click.echo(t("hfis.same", lang))
            return
        carry_out_plan(
            adoption.plan,
            lang,
            untouched,
            yes,
            "hfis.blocked",
            lambda lines: hfis.adopt(
                store, adoption, settings.data_dir, _who(), clock.now(), lines
            ),
        )
    finally:
        store.dispose()
    click.echo(t("hfis.adopted", lang, audit=settings.data_dir / hfis.AUDIT_FILE))


def _who() -> str:
    """The operator's account name, for the audit line."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"
