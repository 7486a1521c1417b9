"""What BPJS refused today, grouped by cause (SRK, HFIS, quota, inactive, other), each with the
central's message, the number, the poli and the masked card. Enter sends the chosen number again
(after the cause was fixed), g the whole group of the row under the cursor. Reads and resends run
in threads through the refusal service; the central's words are plain text, never markup."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets.data_table import RowDoesNotExist

from kiosk.domain.refusal import Cause
from kiosk.i18n import t
from kiosk.screens.calls import ServiceScreen
from kiosk.services.refusals import Refusal
from kiosk.sync.client import Answer
from kiosk.widgets.choices import Choice
from kiosk.widgets.key_bar import Key, KeyBar, language_key
from kiosk.widgets.plain import DataTable, Static

if TYPE_CHECKING:
    from kiosk.screens.desk.host import DeskHost

REFRESH_SECONDS = 2.0
GROUP = "cause:"  # the row key of a group's heading
# Number, poli and card are short; the central's message takes the rest and wraps.
WIDTHS = {"refusals.col.number": 6, "refusals.col.poli": 8, "refusals.col.card": 6}


class RefusalsScreen(ServiceScreen):
    FAULT_KEY = "desk.fault"
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("escape", "close", show=False),
        Binding("g", "resend_group", show=False),
        Binding("f2", "switch_lang", show=False),
    ]

    def __init__(self, actor: str) -> None:
        super().__init__()
        self.actor = actor
        self.refusals: list[Refusal] = []
        self.row: str | None = None  # the row key under the cursor

    @property
    def host(self) -> DeskHost:
        return cast("DeskHost", self.app)

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.host.lang, **params)

    def compose(self) -> ComposeResult:
        yield Static(Content(self.tr("refusals.title")), id="header-facility")
        yield Static("", id="refusals-message")
        yield DataTable(id="refusals", cursor_type="row", zebra_stripes=False)
        yield KeyBar(
            [
                Key("Enter", self.tr("refusals.key.resend"), "resend"),
                Key("g", self.tr("refusals.key.resend_group"), "resend_group"),
                Key("Esc", self.tr("refusals.key.back"), "close"),
                language_key(self.host.lang),
            ],
            id="refusals-keys",
        )

    def on_mount(self) -> None:
        self._columns()
        self.load()
        self.set_interval(REFRESH_SECONDS, self.load)

    async def action_switch_lang(self) -> None:
        self.host.lang = "en" if self.host.lang == "id" else "id"
        await self.recompose()
        if not self.on_stack:  # left while it recomposed
            return
        self._columns()
        self._show(self.refusals)
        self.query_one("#refusals", DataTable).focus()

    def _columns(self) -> None:
        table = self.query_one("#refusals", DataTable)
        table.clear(columns=True)
        used = 0
        for key, width in WIDTHS.items():
            width = max(width, len(self.tr(key)))
            table.add_column(self.tr(key), key=key, width=width)
            used += width + 2
        # Two cells of padding per column, and the scrollbar's gutter.
        table.add_column(
            self.tr("refusals.col.message"),
            key="refusals.col.message",
            width=max(self.app.size.width - used - 4, 20),
        )

    # -- reading ---------------------------------------------------------------------------
    def load(self) -> None:
        self.call_service(self.host.refusals.today, self._show, group="load")

    def say(self, message: str) -> None:
        self._said(message)

    def _show(self, refusals: list[Refusal]) -> None:
        if not self.is_attached:
            return
        self.refusals = refusals
        table = self.query_one("#refusals", DataTable)
        keep = self.row
        table.clear()
        shown: Cause | None = None
        for refusal in refusals:
            if refusal.cause != shown:
                shown = refusal.cause
                count = sum(1 for r in refusals if r.cause == shown)
                heading = Text(f"{self.tr(f'refusals.cause.{shown.value}')} ({count})", "bold")
                table.add_row("", "", "", heading, key=GROUP + shown.value, height=None)
            kind = (
                ""
                if refusal.kind == "antrean.add"
                else f" {self.tr(f'refusals.kind.{refusal.kind}')}"
            )
            table.add_row(
                Text(refusal.number or "-", style="bold"),
                Text(refusal.poli_name or "-"),
                Text(refusal.masked_card),
                Text(refusal.message + kind),
                key=str(refusal.item_id),
                height=None,
            )
        if not refusals:
            self._say(self.tr("refusals.none"))
        if keep is not None and table.is_valid_row_index(0):
            # The row may have gone (resent meanwhile): the cursor then stays where it is.
            with suppress(KeyError, RowDoesNotExist):
                table.move_cursor(row=table.get_row_index(keep))

    @on(DataTable.RowHighlighted, "#refusals")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.row = event.row_key.value

    def _say(self, message: str) -> None:
        self.query_one("#refusals-message", Static).update(Content(message))

    def _chosen(self) -> Refusal | None:
        return next((r for r in self.refusals if str(r.item_id) == self.row), None)

    def _cause(self) -> Cause | None:
        if self.row is not None and self.row.startswith(GROUP):
            return Cause(self.row.removeprefix(GROUP))
        chosen = self._chosen()
        return chosen.cause if chosen is not None else None

    # -- resending -------------------------------------------------------------------------
    @on(DataTable.RowSelected, "#refusals")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.row = event.row_key.value
        self.action_resend()

    def action_resend(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            if self._cause() is not None:
                self.action_resend_group()
            else:
                self._say(self.tr("refusals.select"))
            return
        self._resend(chosen.item_id)

    def _resend(self, item_id: int) -> None:
        refusals, sync, actor = self.host.refusals, self.host.services.sync, self.actor

        def resend() -> str:
            refusal = refusals.resend(item_id, actor)
            answer = sync.send_now(refusal.ticket_id) if refusal.ticket_id else None
            return resent_words(self.tr, refusal.number or "-", answer)

        self.call_service(resend, self._said, group="action")

    def action_resend_group(self) -> None:
        from kiosk.screens.desk.queue import PickDialog

        cause = self._cause()
        if cause is None:
            self._say(self.tr("refusals.select"))
            return
        n = sum(1 for r in self.refusals if r.cause == cause)
        choices = [Choice("yes", self.tr("refusals.yes")), Choice("no", self.tr("refusals.no"))]

        def answered(choice: str | None) -> None:
            if choice == "yes":
                self._resend_group(cause)

        heading = self.tr(f"refusals.cause.{cause.value}")
        title = f"{heading}\n{self.tr('refusals.group_title', n=n)}"
        self.app.push_screen(PickDialog(title, choices), answered)

    def _resend_group(self, cause: Cause) -> None:
        refusals, sync, actor = self.host.refusals, self.host.services.sync, self.actor
        tickets = [r.ticket_id for r in self.refusals if r.cause == cause and r.ticket_id]

        def resend() -> str:
            n = refusals.resend_cause(cause, actor)
            # The answers at once while BPJS answers; at the first sign it does not, the pump sends
            # the rest (so a slow central never holds the desk for a whole group of timeouts).
            for ticket_id in tickets:
                answer = sync.send_now(ticket_id)
                if answer is None or answer.retry:
                    break
            return self.tr("refusals.resent_group", n=n)

        self.call_service(resend, self._said, group="action")

    def _said(self, message: str) -> None:
        if not self.is_attached:
            return
        self._say(message)
        self.load()

    def action_close(self) -> None:
        self.app.pop_screen()


def resent_words(tr: Any, number: str, answer: Answer | None) -> str:
    """What staff read after a resend: sent, refused again (with BPJS's new words), or waiting
    for the pump (BPJS not reachable now)."""
    if answer is None or answer.retry:
        return str(tr("refusals.resent_waiting", number=number))
    if answer.ok:
        return str(tr("refusals.resent", number=number))
    return str(tr("refusals.refused_again", number=number, message=answer.message))
