"""``kiosk upgrade-check``: after installing a new kiosk version, back the store up, migrate it,
and put the backup back if the migration fails, saying so."""

from __future__ import annotations

import click

from kiosk.cli.common import fail, one_line_errors, settings_or_exit
from kiosk.i18n import t


@click.command("upgrade-check")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="Language.")
@one_line_errors
def upgrade_check(lang: str | None) -> None:
    """Back up the store, bring its schema up to this version, restore the backup on failure.

    Stop the kiosk's services first (`sudo systemctl stop 'antrean-*'`).
    """
    from kiosk.domain.clock import FacilityClock
    from kiosk.store import Store
    from kiosk.store.upgrade import UpgradeFailed, upgrade_with_backup

    settings = settings_or_exit()
    lang = lang or settings.lang
    store = Store(settings.database_url)
    try:
        result = upgrade_with_backup(
            store, settings.backup_folder, FacilityClock(settings.zone).now()
        )
    except UpgradeFailed as failed:
        reason = f"{type(failed.error).__name__}: {str(failed.error).splitlines()[0][:200]}"
        key = "upgrade.restored" if failed.restored else "upgrade.not_restored"
        fail(t(key, lang, error=reason, backup=failed.backup), 3)
    finally:
        store.dispose()
    plan = result.plan
    if result.backup is None and plan.up_to_date:
        click.echo(t("upgrade.up_to_date", lang, rev=", ".join(plan.current)))
        return
    click.echo(
        t(
            "upgrade.done",
            lang,
            n=plan.steps,
            rev=", ".join(plan.target),
            backup=result.backup or "-",
        )
    )
