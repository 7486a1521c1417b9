"""The desk at work: its poli's waiting list and one key per action (shown in the footer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Input, Static

from kiosk.domain.models import Poli, Ticket, TicketStatus
from kiosk.i18n import t
from kiosk.screens.desk.report import ReportScreen
from kiosk.services.desk import PRIORITY_REASONS, QueueEntry
from kiosk.services.errors import Refused
from kiosk.widgets.choices import Choice, ChoiceList

if TYPE_CHECKING:
    from kiosk.screens.desk.host import DeskHost

REFRESH_SECONDS = 1.0
ACTIONS = (
    ("n", "call_next", "desk.act.call"),
    ("r", "recall", "desk.act.recall"),
    ("s", "skip", "desk.act.skip"),
    ("b", "start", "desk.act.start"),
    ("f", "finish", "desk.act.finish"),
    ("t", "transfer", "desk.act.transfer"),
    ("x", "cancel", "desk.act.cancel"),
    ("a", "requeue", "desk.act.requeue"),
    ("u", "undo", "desk.act.undo"),
    ("p", "reprint", "desk.act.reprint"),
    ("slash", "find", "desk.act.find"),
    ("exclamation_mark", "priority", "desk.act.priority"),
    ("v", "verify", "desk.act.verify"),
    ("g", "report", "desk.act.report"),
)


class _DeskDialog(ModalScreen[str | None]):
    """A dialog that closes once: ``dismiss`` pops whatever screen is on top, so a second
    Escape (or a choice) queued behind the first would close the desk itself, leaving a blank
    terminal. Found by the monkey drill."""

    BINDINGS = [Binding("escape", "close", show=False)]

    def action_close(self) -> None:
        self.close(None)

    def close(self, value: str | None) -> None:
        if self.is_current:
            self.dismiss(value)


class PickDialog(_DeskDialog):
    """Choose one of a few options by digit (a poli to transfer to, a priority reason)."""

    def __init__(self, title: str, choices: list[Choice]) -> None:
        super().__init__()
        self.title_text, self.choices = title, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="prompt")
            yield ChoiceList(self.choices, id="pick")

    @on(ChoiceList.Chosen, "#pick")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        self.close(event.choice.id)


class FindDialog(_DeskDialog):
    """Find by number, card, NIK or a scanned slip QR (the scanner types into the field)."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="prompt")
            yield Input(id="find", max_length=64)

    @on(Input.Submitted, "#find")
    def _submitted(self, event: Input.Submitted) -> None:
        self.close(event.value)


class DeskScreen(Screen[None]):
    BINDINGS = [
        Binding(key, action, t(label), key_display=key if key != "slash" else "/")
        for key, action, label in ACTIONS
    ]

    def __init__(self, poli: Poli, counter: str, polis: list[Poli]) -> None:
        super().__init__()
        self.poli, self.counter, self.polis = poli, counter, polis
        self.entries: list[QueueEntry] = []
        self.selected: int | None = None  # ticket id under the cursor
        # A ticket an action just chose, until the table's cursor is on it: cursor moves a
        # refresh made meanwhile must not take the selection back to the old row.
        self._choosing: int | None = None

    @property
    def host(self) -> DeskHost:
        return cast("DeskHost", self.app)

    @property
    def actor(self) -> str:
        member = self.host.member
        return f"{member.name if member else '?'}@{self.counter}"

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.host.lang, **params)

    @property
    def header_text(self) -> str:
        return (
            f"{self.host.services.settings.facility_name} · Poli {self.poli.name} · "
            f"{self.counter} · {self.host.member.name if self.host.member else ''}"
        )

    def compose(self) -> ComposeResult:
        yield Static(self.header_text, id="header-facility")
        with Horizontal(id="desk-body"):
            table: DataTable[Any] = DataTable(id="queue", cursor_type="row", zebra_stripes=True)
            yield table
            with Vertical(id="desk-side"):
                yield Static("", id="now-called")
                yield Static("", id="message")
                with Vertical(id="desk-buttons"):
                    for key, action, label in ACTIONS:
                        shown = "/" if key == "slash" else ("!" if key.startswith("excl") else key)
                        button = Button(
                            f"{shown} {self.tr(label)}", id=f"do-{action}", classes="desk-action"
                        )
                        button.can_focus = False
                        yield button
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in (
            "desk.col.number",
            "desk.col.name",
            "desk.col.joined",
            "desk.col.wait",
            "desk.col.source",
            "desk.col.flags",
            "desk.col.state",
        ):
            table.add_column(self.tr(key), key=key)
        self.refresh_queue()
        self.set_interval(REFRESH_SECONDS, self.refresh_queue)

    # -- the waiting list, refreshed every second (other desks, kiosks, phones) ---------------
    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def refresh_queue(self) -> None:
        entries = self.host.desk.waiting_list(self.poli.code)
        # Items the central refused wait for staff (`kiosk sync --status` lists them).
        parked = self.host.services.sync.status().parked
        self.app.call_from_thread(self._show, entries, parked)

    def _show(self, entries: list[QueueEntry], parked: int = 0) -> None:
        if not self.is_attached:
            return
        self.query_one("#header-facility", Static).update(
            self.header_text + (f" · ⚠ {self.tr('sync.parked', n=parked)}" if parked else "")
        )
        table = self.query_one(DataTable)
        keep = self.selected
        self._choosing = None
        self.entries = entries
        table.clear()
        for entry in entries:
            ticket = entry.ticket
            flags = " ".join(
                filter(
                    None,
                    (
                        self.tr(f"desk.priority.{entry.priority}") if entry.priority else "",
                        "" if ticket.verified else self.tr("desk.flag.unverified"),
                        self.tr("desk.flag.non_jkn") if ticket.non_jkn else "",
                        entry.programmes or "",
                        _refusal_flag(self.tr, entry.central_refusal),
                    ),
                )
            )
            state = self.tr(f"state.{ticket.status.value}")
            if entry.counter and ticket.status in (TicketStatus.CALLED, TicketStatus.SERVING):
                state += f" ({entry.counter})"
            table.add_row(
                Text(ticket.number, style="bold"),
                ticket.holder_name or "-",
                f"{self.host.services.clock.local(entry.joined_at):%H:%M}",
                f"{entry.waiting_minutes} mnt",
                self.tr(f"desk.source.{ticket.source.value}"),
                Text(flags, style="bold yellow"),
                state,
                key=str(ticket.id),
            )
        if keep is not None and any(e.ticket.id == keep for e in entries):
            table.move_cursor(row=table.get_row_index(str(keep)))
        called = [
            e.ticket.number
            for e in entries
            if e.ticket.status == TicketStatus.CALLED and e.counter == self.counter
        ]
        self.query_one("#now-called", Static).update(
            self.tr("desk.now_called", number=called[-1]) if called else ""
        )

    @on(DataTable.RowHighlighted, "#queue")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and self._choosing is None:
            self.selected = int(event.row_key.value)

    @on(Button.Pressed, ".desk-action")
    async def _button(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        await self.run_action(event.button.id.removeprefix("do-"))

    # -- actions -------------------------------------------------------------------------------
    def _do(self, work_fn: Callable[[], Ticket | None], done_key: str) -> None:
        """Run a desk action in a thread; say what happened or why not."""

        def runner() -> None:
            ticket: Ticket | None = None
            try:
                ticket = work_fn()
            except Refused as refusal:
                message = self.tr(refusal.key, **refusal.params)
            else:
                message = (
                    self.tr(done_key, number=ticket.number)
                    if ticket
                    else self.tr("desk.nobody_waiting")
                )
            chosen = ticket.id if ticket is not None else None
            self.app.call_from_thread(self._said, message, chosen)

        self.run_worker(runner, thread=True, exclusive=True, group="action", exit_on_error=False)

    def _said(self, message: str, chosen: int | None = None) -> None:
        if chosen is not None:
            self.selected = self._choosing = chosen
        if self.is_attached:
            self.query_one("#message", Static).update(message)
            self.refresh_queue()

    def _selected_or_say(self) -> int | None:
        if self.selected is None:
            self.query_one("#message", Static).update(self.tr("desk.select_first"))
        return self.selected

    def action_call_next(self) -> None:
        desk, poli, counter, actor = self.host.desk, self.poli.code, self.counter, self.actor
        self._do(lambda: desk.call_next(poli, counter, actor), "desk.done.called")

    def _on_selected(self, method: Callable[[int, str], Ticket], done_key: str) -> None:
        ticket_id, actor = self._selected_or_say(), self.actor
        if ticket_id is not None:
            self._do(lambda: method(ticket_id, actor), done_key)

    def action_recall(self) -> None:
        self._on_selected(self.host.desk.recall, "desk.done.recalled")

    def action_skip(self) -> None:
        self._on_selected(self.host.desk.skip, "desk.done.skipped")

    def action_start(self) -> None:
        self._on_selected(self.host.desk.start_service, "desk.done.serving")

    def action_finish(self) -> None:
        self._on_selected(self.host.desk.finish, "desk.done.served")

    def action_requeue(self) -> None:
        self._on_selected(self.host.desk.return_to_queue, "desk.done.requeued")

    def action_cancel(self) -> None:
        tickets = self.host.services.tickets
        self._on_selected(
            lambda tid, actor: tickets.cancel(tid, "Dibatalkan petugas", actor),
            "desk.done.cancelled",
        )

    def action_verify(self) -> None:
        self._on_selected(self.host.desk.verify, "desk.done.verified")

    def action_report(self) -> None:
        self.app.push_screen(ReportScreen())

    def action_undo(self) -> None:
        desk, actor = self.host.desk, self.actor
        self._do(lambda: desk.undo(actor), "desk.done.undone")

    def action_transfer(self) -> None:
        ticket_id = self._selected_or_say()
        if ticket_id is None:
            return
        choices = [Choice(p.code, f"Poli {p.name}") for p in self.polis if p.code != self.poli.code]

        def chosen(code: str | None) -> None:
            if code:
                desk, actor = self.host.desk, self.actor
                self._do(lambda: desk.transfer(ticket_id, code, actor), "desk.done.transferred")

        self.app.push_screen(PickDialog(self.tr("desk.act.transfer"), choices), chosen)

    def action_priority(self) -> None:
        ticket_id = self._selected_or_say()
        if ticket_id is None:
            return
        choices = [Choice(r, self.tr(f"desk.priority.{r}")) for r in PRIORITY_REASONS[1:]]
        choices.append(Choice("none", self.tr("desk.priority.none")))

        def chosen(reason: str | None) -> None:
            if reason:
                desk, actor = self.host.desk, self.actor
                value = None if reason == "none" else reason
                self._do(lambda: desk.set_priority(ticket_id, value, actor), "desk.done.priority")

        self.app.push_screen(PickDialog(self.tr("desk.act.priority"), choices), chosen)

    def action_find(self) -> None:
        def found(text: str | None) -> None:
            if text:
                self._find(text)

        self.app.push_screen(FindDialog(self.tr("desk.find_prompt")), found)

    @work(thread=True, exclusive=True, group="action", exit_on_error=False)
    def _find(self, text: str) -> None:
        try:
            tickets = self.host.desk.find(text)
        except Refused as refusal:
            self.app.call_from_thread(self._said, self.tr(refusal.key, **refusal.params))
            return
        if not tickets:
            self.app.call_from_thread(self._said, self.tr("desk.not_found"))
            return
        ticket = tickets[0]
        self.app.call_from_thread(
            self._said,
            self.tr(
                "desk.found",
                number=ticket.number,
                poli=ticket.poli_name,
                state=self.tr(f"state.{ticket.status.value}"),
            ),
            ticket.id,
        )

    def action_reprint(self) -> None:
        ticket_id = self._selected_or_say()
        if ticket_id is None:
            return
        services, lang = self.host.services, self.host.lang

        def reprint() -> Ticket:
            position = services.tickets.position(ticket_id)
            outcome = services.slips.print_slip(services.slips.slip_for(position, lang))
            if not outcome.printed:
                raise Refused("desk.print_failed")
            return position.ticket

        self._do(reprint, "desk.done.reprinted")


def _refusal_flag(tr: Callable[..., str], message: str | None) -> str:
    """A refusal of the central on the row: the SRK one by name (staff help fill it in)."""
    if message is None:
        return ""
    return tr("desk.flag.srk" if "Skrining Riwayat Kesehatan" in message else "desk.flag.refused")
