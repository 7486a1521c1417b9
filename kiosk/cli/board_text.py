"""``kiosk board-text``: the running text on the boards."""

from __future__ import annotations

import sys

import click

from kiosk.cli.common import one_line_errors, refused, settings_or_exit


@click.command("board-text")
@click.argument("text", required=False)
@click.option("--clear", is_flag=True, help="Take the running text off the boards.")
@one_line_errors
def board_text(text: str | None, clear: bool) -> None:
    """Set the running text on both boards, e.g. kiosk board-text "Poli Gigi tutup hari ini"."""
    import getpass

    from kiosk.i18n import t
    from kiosk.services.board_text import BoardTextService
    from kiosk.services.errors import Refused
    from kiosk.services.setup import open_clinic

    settings = settings_or_exit()
    services = open_clinic(settings)
    lang = settings.lang
    texts = BoardTextService(services.store, services.clock)
    if clear == (text is not None):
        # Neither or both: say what each does, and show what the boards show now.
        click.echo(f"kiosk: {t('board_text.cli_usage', lang)}", err=True)
        click.echo(t("board_text.cli_now", lang, text=texts.current() or "-"), err=True)
        sys.exit(2)
    actor = f"cli:{getpass.getuser()}"
    if clear:
        texts.clear(actor)
        click.echo(t("board_text.cleared", lang))
        return
    try:
        shown = texts.set(text or "", actor)
    except Refused as error:
        refused(error, lang)
    click.echo(t("board_text.set", lang, text=shown))
