"""``kiosk check``: goes down the list before the doors open and says ✓ or ✗ with the fix.

Exits 1 when any item fails (2 when the settings themselves cannot be read), so a script or a
systemd ``ExecStartPre`` can rely on it. Never a traceback: every item catches its own faults.
"""

from __future__ import annotations

import sys

import click

from kiosk.config import SettingsError, config_file, load_settings
from kiosk.i18n import t


@click.command("check")
@click.option(
    "--lang", type=click.Choice(["id", "en"]), default="id", show_default=True, help="Language."
)
@click.option(
    "--voice", default="id", show_default=True, help="espeak-ng voice the board announces with."
)
def check(lang: str, voice: str) -> None:
    """Check that this PC is ready to open: store, facility, secrets, printer, central, clock,
    voice and disk space; each ✗ comes with its fix."""
    from kiosk.domain.clock import FacilityClock
    from kiosk.services.readiness import run_checks

    try:
        settings = load_settings()
    except SettingsError as error:
        click.echo(f"✗ {t('check.settings.bad', lang, error=error)}")
        click.echo(
            f"    {t('check.fix', lang)}: {t('check.fix.settings', lang, config=config_file())}"
        )
        sys.exit(2)
    click.echo(t("check.title", lang, name=settings.facility_name, config=config_file()))
    today = FacilityClock(settings.zone).today().isoformat()
    findings = run_checks(settings, today, voice)
    for finding in findings:
        params = dict(finding.params)
        for name in ("item", "paper"):  # values that are keys themselves
            if name in params:
                params[name] = t(f"check.{params[name]}" if name == "paper" else params[name], lang)
        click.echo(f"{'✓' if finding.ok else '✗'} {t(finding.key, lang, **params)}")
        if not finding.ok and finding.fix:
            fix = t(finding.fix, lang, **finding.fix_params)
            click.echo(f"    {t('check.fix', lang)}: {fix}")
    bad = sum(not f.ok for f in findings)
    click.echo("")
    if bad:
        click.echo(t("check.summary.bad", lang, bad=bad, n=len(findings)))
        sys.exit(1)
    click.echo(t("check.summary.ok", lang, n=len(findings)))
