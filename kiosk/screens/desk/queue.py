"""The desk at work: its poli's waiting list and one key per action (shown in the footer)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Input

from kiosk.domain.models import Poli, Ticket, TicketStatus
from kiosk.domain.refusal import Cause, cause_of
from kiosk.domain.visit import VisitState
from kiosk.domain.vitals import Vitals
from kiosk.i18n import t
from kiosk.screens.calls import ServiceScreen
from kiosk.screens.desk.refusals import RefusalsScreen, resent_words
from kiosk.screens.desk.registration import (
    VitalsDialog,
    form_values,
    holds_registration,
    menu,
    poli_choices,
    registration_flag,
)
from kiosk.screens.desk.report import ReportScreen
from kiosk.services.board_text import BOARD_TEXT_MAX
from kiosk.services.desk import PRIORITY_REASONS, QueueEntry
from kiosk.services.errors import Refused
from kiosk.services.hfis import DifferenceCount
from kiosk.services.registration import PoliPcare, VisitRegistration
from kiosk.services.report import OUT_OF_TURN_REASONS
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.key_bar import Key, KeyBar, language_key
from kiosk.widgets.plain import DataTable, Static

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
    ("o", "out_of_turn", "desk.act.out_of_turn"),
    ("v", "verify", "desk.act.verify"),
    ("g", "report", "desk.act.report"),
    ("m", "board_text", "desk.act.board_text"),
    ("k", "refusals", "desk.act.refusals"),
    ("d", "register", "desk.act.register"),
    ("i", "vitals", "desk.act.vitals"),
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
    """Choose one of a few options by digit (a poli to transfer to, a priority reason). The
    title is plain text, never markup: it names the patient."""

    def __init__(self, title: str, choices: list[Choice]) -> None:
        super().__init__()
        self.title_text, self.choices = title, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="prompt")
            yield ChoiceList(self.choices, id="pick")

    @on(ChoiceList.Chosen, "#pick")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        self.close(event.choice.id)


class TextDialog(_DeskDialog):
    """One line to type: Enter gives it back (maybe empty), Escape gives None."""

    def __init__(self, title: str, field: str, value: str = "", max_length: int = 64) -> None:
        super().__init__()
        self.title_text, self.field, self.value, self.max_length = title, field, value, max_length

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="prompt")
            yield Input(self.value, id=self.field, max_length=self.max_length)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.close(event.value)


class FindDialog(TextDialog):
    """Find by number, card, NIK or a scanned slip QR (the scanner types into the field)."""

    def __init__(self, title: str) -> None:
        super().__init__(title, "find")


# Below this width the desk drops the arrival time and folds the source into the flags.
WIDE = 100
NARROW_WIDTHS = {"desk.col.number": 5, "desk.col.wait": 7, "desk.col.flags": 0}


class DeskScreen(ServiceScreen):
    FAULT_KEY = "desk.fault"
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        *(Binding(key, action, show=False) for key, action, _ in ACTIONS),
        Binding("f2", "switch_lang", show=False),
    ]

    def __init__(self, poli: Poli, counter: str, polis: list[Poli]) -> None:
        super().__init__()
        self.poli, self.counter, self.polis = poli, counter, polis
        self.entries: list[QueueEntry] = []
        self._shown_rows: list[tuple[str, list[Any]]] | None = None  # what the table shows
        self._keys: list[str] = []  # the columns shown, by their words' keys
        self.parked = 0
        self.hfis_differences = 0  # how far BPJS's pulled HFIS schedule differs (a notice)
        self._hfis_count: DifferenceCount | None = None
        self.selected: int | None = None  # ticket id under the cursor
        # A ticket an action just chose, until the table's cursor is on it: cursor moves a
        # refresh made meanwhile must not take the selection back to the old row.
        self._choosing: int | None = None
        self._wide: bool | None = None
        self._lang: str | None = None  # the language the labels are in
        self._outages_seen = 0  # the app's outage count when this screen was last on top
        # PCare (issue 13): the rows' registrations and this poli's PCare code and auto setting.
        self.registrations: dict[int, VisitRegistration] = {}
        self.pcare: PoliPcare | None = None

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

    def keys(self) -> list[Key]:
        def cap(key: str) -> str:
            return "/" if key == "slash" else ("!" if key.startswith("excl") else key)

        return [Key(cap(key), self.tr(label), action) for key, action, label in ACTIONS] + [
            language_key(self.host.lang)
        ]

    def compose(self) -> ComposeResult:
        yield Static(Content(self.header_text), id="header-facility")
        with Vertical(id="desk-info"):
            yield Static("", id="now-called")
            yield Static("", id="message")
            # BPJS's pulled HFIS schedule differs from the clinic's: one line, hidden otherwise.
            yield Static("", id="hfis-notice", classes="-empty")
            # This poli registers in PCare on call, or cannot register at all: one line.
            yield Static("", id="pcare-notice", classes="-empty")
        table: DataTable[Any] = DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield table
        yield KeyBar(self.keys(), id="desk-keys")

    def on_mount(self) -> None:
        self._lang = self.host.lang
        self._outages_seen = self.face.outages
        self._columns(self.app.size.width >= WIDE)
        self.refresh_queue()
        self.set_interval(REFRESH_SECONDS, self.refresh_queue)

    def on_resize(self, event: Resize) -> None:
        if (event.size.width >= WIDE) != self._wide:
            self._columns(event.size.width >= WIDE)
            self._show(self.entries, self.parked)

    def _columns(self, wide: bool) -> None:
        """Wide: every column. Narrow (80 columns): number, name, wait, state, flags; the flags
        take what is left and wrap, so nothing runs off the table."""
        self._wide = wide
        self._shown_rows = None  # new columns: the rows are drawn again
        table = self.query_one(DataTable)
        table.clear(columns=True)
        keys = ["desk.col.number", "desk.col.name"]
        keys += ["desk.col.joined", "desk.col.wait"] if wide else ["desk.col.wait"]
        keys += (
            ["desk.col.state", "desk.col.source", "desk.col.flags"]
            if wide
            else [
                "desk.col.state",
                "desk.col.flags",
            ]
        )
        self._keys = keys
        if wide:  # widths fixed from the rows whenever they change (_show)
            table.fit_columns(((key, self.tr(key)) for key in keys), [])
            return
        states = [self.tr(f"state.{s.value}") for s in TicketStatus]
        widths = {key: max(NARROW_WIDTHS.get(key, 0), len(self.tr(key))) for key in keys}
        widths["desk.col.name"] = 16
        widths["desk.col.state"] = max(len(s) for s in [*states, self.tr("desk.col.state")])
        # Two cells of padding per column, one for the scrollbar's gutter.
        used = sum(widths.values()) + 2 * len(keys) + 2
        widths["desk.col.flags"] = max(self.app.size.width - used, 12)
        for key in keys:
            table.add_column(self.tr(key), key=key, width=widths[key])

    def action_switch_lang(self) -> None:
        self.host.lang = "en" if self.host.lang == "id" else "id"
        self.relabel()

    def relabel(self) -> None:
        self._lang = self.host.lang
        self.query_one(KeyBar).set_items(self.keys())
        self.query_one("#message", Static).update("")
        self._columns(self.app.size.width >= WIDE)
        self._show(self.entries, self.parked)

    # -- the waiting list, refreshed every second (other desks, kiosks, phones) ---------------
    def refresh_queue(self) -> None:
        self.call_service(self._read_queue, lambda read: self._show(*read), group="refresh")

    def _read_queue(self) -> tuple[list[QueueEntry], int]:
        entries = self.host.desk.waiting_list(self.poli.code)
        # Today's items the central refused wait for staff (k opens them, grouped by cause).
        parked = self.host.refusals.count()
        if self._hfis_count is None:
            services = self.host.services
            self._hfis_count = DifferenceCount(services.store, services.settings.data_dir)
        self.hfis_differences = self._hfis_count(time.monotonic())
        registration = self.host.services.registration
        self.registrations = registration.for_tickets([e.ticket.id for e in entries])
        self.pcare = registration.poli_pcare(self.poli.code)
        return entries, parked

    def _flags(self, entry: QueueEntry) -> str:
        ticket = entry.ticket
        source = (
            self.tr(f"desk.source.{ticket.source.value}")
            if not self._wide and ticket.source.value != "walk_in"
            else ""
        )
        return " ".join(
            filter(
                None,
                (
                    self.tr(f"desk.priority.{entry.priority}") if entry.priority else "",
                    "" if ticket.verified else self.tr("desk.flag.unverified"),
                    self.tr("desk.flag.non_jkn") if ticket.non_jkn else "",
                    source,
                    entry.programmes or "",
                    _refusal_flag(self.tr, entry.central_refusal),
                    registration_flag(self.tr, self.registrations.get(ticket.id)),
                ),
            )
        )

    def _state(self, entry: QueueEntry) -> str:
        ticket = entry.ticket
        state = self.tr(f"state.{ticket.status.value}")
        # Only another counter is news: this desk knows it called its own patients.
        if (
            entry.counter
            and entry.counter != self.counter
            and ticket.status in (TicketStatus.CALLED, TicketStatus.SERVING)
        ):
            state += f" ({entry.counter})"
        return state

    def _row(self, entry: QueueEntry) -> tuple[str, list[Any]]:
        """A ticket's row: its key and its cells (compared with the last drawn)."""
        ticket = entry.ticket
        cells: list[Any] = [Text(ticket.number, style="bold"), Text(ticket.holder_name or "-")]
        if self._wide:
            cells.append(f"{self.host.services.clock.local(entry.joined_at):%H:%M}")
        cells.append(self.tr("desk.minutes", n=entry.waiting_minutes))
        cells.append(Text(self._state(entry)))
        if self._wide:
            cells.append(self.tr(f"desk.source.{ticket.source.value}"))
        cells.append(Text(self._flags(entry), style="bold yellow"))
        return str(ticket.id), cells

    def _show(self, entries: list[QueueEntry], parked: int = 0) -> None:
        if not self.is_attached:
            return
        self.parked = parked
        self.query_one("#header-facility", Static).update(
            Content(
                self.header_text + (f" · ⚠ {self.tr('refusals.count', n=parked)}" if parked else "")
            )
        )
        notice = self.query_one("#hfis-notice", Static)
        n = self.hfis_differences
        notice.update(Content(f"⚠ {self.tr('hfis.desk_notice', n=n)}" if n else ""))
        notice.set_class(not n, "-empty")
        self._pcare_notice()
        table = self.query_one(DataTable)
        keep = self.selected
        self._choosing = None
        self.entries = entries
        rows = [self._row(entry) for entry in entries]
        # The list is reread every second: a table rebuilt unchanged repaints every row for
        # nothing (the desk's PC pays it all day), so only a changed list is drawn again.
        if rows != self._shown_rows:
            self._shown_rows = rows
            if self._wide:
                table.fit_columns(
                    ((key, self.tr(key)) for key in self._keys), [cells for _, cells in rows]
                )
            else:
                table.clear()
            for key, cells in rows:
                table.add_row(*cells, key=key, height=None if not self._wide else 1)
            if keep is not None and any(e.ticket.id == keep for e in entries):
                table.move_cursor(row=table.get_row_index(str(keep)))
        if not entries:
            self.selected = None
        called = [
            e.ticket.number
            for e in entries
            if e.ticket.status == TicketStatus.CALLED and e.counter == self.counter
        ]
        self.query_one("#now-called", Static).update(
            Content(self.tr("desk.now_called", number=called[-1]) if called else "")
        )

    @on(DataTable.RowHighlighted, "#queue")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and self._choosing is None:
            self.selected = int(event.row_key.value)

    # -- actions -------------------------------------------------------------------------------
    def _do(self, work_fn: Callable[[], Ticket | None], done_key: str) -> None:
        """Run a desk action in a thread; say what happened or why not."""

        def done(ticket: Ticket | None) -> None:
            if ticket is None:
                self._said(self.tr("desk.nobody_waiting"))
            else:
                self._said(self.tr(done_key, number=ticket.number), ticket.id)

        self.call_service(work_fn, done, group="action")

    def say(self, message: str) -> None:
        self._said(message)

    def refusal_text(self, refusal: Refused) -> str:
        return self.tr(refusal.key, **self._words(refusal.params))

    def _words(self, params: dict[str, object]) -> dict[str, object]:
        """A refusal names a ticket's state by its value ("waiting"): say it in the language."""
        state = params.get("state")
        if isinstance(state, str) and state in {s.value for s in TicketStatus}:
            return {**params, "state": self.tr(f"state.{state}")}
        return params

    def on_screen_resume(self) -> None:
        # F2 on the report changed the language meanwhile: relabel on the way back.
        if self._lang is not None and self._lang != self.host.lang:
            self.relabel()
        if self.is_mounted and self._outages_seen != self.face.outages:
            # Back from an outage: read the list afresh at once, and say so.
            self._outages_seen = self.face.outages
            self._said(self.tr("desk.back_in_service"))

    def _said(self, message: str, chosen: int | None = None) -> None:
        if not self.is_attached:
            return
        # Only a ticket this list shows can become the selection (a find may name another poli's).
        if chosen is not None and any(e.ticket.id == chosen for e in self.entries):
            self.selected = self._choosing = chosen
        self.query_one("#message", Static).update(Content(message))
        self.refresh_queue()

    def target(self) -> QueueEntry | None:
        """The selected row, if the list shows it now: an action acts on nothing else (not on a
        ticket another desk moved away a moment ago, not on one a find saw at another poli)."""
        entry = next((e for e in self.entries if e.ticket.id == self.selected), None)
        if entry is None:
            self.query_one("#message", Static).update(Content(self.tr("desk.select_first")))
        return entry

    def named(self, entry: QueueEntry) -> str:
        """How a dialog names the ticket it acts on: its number and the (masked) name."""
        ticket = entry.ticket
        return f"{ticket.number} · {ticket.holder_name}" if ticket.holder_name else ticket.number

    def action_call_next(self) -> None:
        desk, poli, counter, actor = self.host.desk, self.poli.code, self.counter, self.actor
        self._do(lambda: desk.call_next(poli, counter, actor), "desk.done.called")

    def _on_selected(self, method: Callable[[int, str], Ticket], done_key: str) -> None:
        entry, actor = self.target(), self.actor
        if entry is not None:
            ticket_id = entry.ticket.id
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
        """Cancelling cannot be undone by the patient: the dialog names whom it cancels."""
        entry = self.target()
        if entry is None:
            return
        ticket_id, tickets = entry.ticket.id, self.host.services.tickets
        choices = [
            Choice("yes", self.tr("desk.cancel.yes")),
            Choice("no", self.tr("desk.cancel.no")),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "yes":
                actor = self.actor
                self._do(
                    lambda: tickets.cancel(ticket_id, "Dibatalkan petugas", actor),
                    "desk.done.cancelled",
                )

        title = self.tr("desk.cancel.title", ticket=self.named(entry))
        self.app.push_screen(PickDialog(title, choices), chosen)

    def action_verify(self) -> None:
        self._on_selected(self.host.desk.verify, "desk.done.verified")

    def action_report(self) -> None:
        self.app.push_screen(ReportScreen())

    def action_undo(self) -> None:
        desk, actor = self.host.desk, self.actor
        self._do(lambda: desk.undo(actor), "desk.done.undone")

    def action_transfer(self) -> None:
        entry = self.target()
        if entry is None:
            return
        ticket_id = entry.ticket.id
        choices = [Choice(p.code, f"Poli {p.name}") for p in self.polis if p.code != self.poli.code]

        def chosen(code: str | None) -> None:
            if code:
                desk, actor = self.host.desk, self.actor
                self._do(lambda: desk.transfer(ticket_id, code, actor), "desk.done.transferred")

        title = self.tr("desk.transfer.title", ticket=self.named(entry))
        self.app.push_screen(PickDialog(title, choices), chosen)

    def action_priority(self) -> None:
        entry = self.target()
        if entry is None:
            return
        ticket_id = entry.ticket.id
        choices = [Choice(r, self.tr(f"desk.priority.{r}")) for r in PRIORITY_REASONS[1:]]
        choices.append(Choice("none", self.tr("desk.priority.none")))

        def chosen(reason: str | None) -> None:
            if reason:
                desk, actor = self.host.desk, self.actor
                value = None if reason == "none" else reason
                self._do(lambda: desk.set_priority(ticket_id, value, actor), "desk.done.priority")

        title = self.tr("desk.priority.title", ticket=self.named(entry))
        self.app.push_screen(PickDialog(title, choices), chosen)

    def action_out_of_turn(self) -> None:
        entry = self.target()
        if entry is None:
            return
        ticket_id = entry.ticket.id
        choices = [Choice(r, self.tr(f"desk.out_of_turn.{r}")) for r in OUT_OF_TURN_REASONS]

        def chosen(reason: str | None) -> None:
            if reason:
                desk, counter, actor = self.host.desk, self.counter, self.actor
                self._do(
                    lambda: desk.call_out_of_turn(ticket_id, counter, reason, actor),
                    "desk.done.called",
                )

        title = f"{self.tr('desk.act.out_of_turn')}: {self.named(entry)}"
        self.app.push_screen(PickDialog(title, choices), chosen)

    def action_board_text(self) -> None:
        """The running text on the boards: the dialog opens with what they show now."""
        texts = self.host.board_text

        def opened(current: str) -> None:
            self.app.push_screen(
                TextDialog(self.tr("desk.board_text.title"), "board-text", current, BOARD_TEXT_MAX),
                chosen,
            )

        def chosen(text: str | None) -> None:
            if text is not None:
                self._board_text(text)

        self.call_service(texts.current, opened, group="action")

    def _board_text(self, text: str) -> None:
        texts, actor = self.host.board_text, self.actor

        def write() -> str:
            if text.strip():
                texts.set(text, actor)
                return "desk.done.board_text"
            texts.clear(actor)
            return "desk.done.board_text_cleared"

        self.call_service(write, lambda done: self._said(self.tr(done)), group="action")

    def action_find(self) -> None:
        def found(text: str | None) -> None:
            if text:
                self._find(text)

        self.app.push_screen(FindDialog(self.tr("desk.find_prompt")), found)

    def _find(self, text: str) -> None:
        desk = self.host.desk
        self.call_service(lambda: desk.find(text), self._found, group="action")

    def _found(self, tickets: list[Ticket]) -> None:
        if not tickets:
            self._said(self.tr("desk.not_found"))
            return
        ticket = tickets[0]
        self._said(
            self.tr(
                "desk.found",
                number=ticket.number,
                poli=ticket.poli_name,
                state=self.tr(f"state.{ticket.status.value}"),
            ),
            ticket.id,
        )

    def action_refusals(self) -> None:
        """The row's own refusal (the SRK one once the patient filled it in): resend it here;
        otherwise, or on request, every refusal of the day grouped by cause."""
        entry = next((e for e in self.entries if e.ticket.id == self.selected), None)
        if entry is None or entry.central_refusal is None:
            self.app.push_screen(RefusalsScreen(self.actor))
            return
        ticket_id = entry.ticket.id
        choices = [
            Choice("resend", self.tr("desk.refusal.resend")),
            Choice("all", self.tr("desk.refusal.all")),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "resend":
                self._resend(ticket_id)
            elif answer == "all":
                self.app.push_screen(RefusalsScreen(self.actor))

        cause = self.tr(f"refusals.cause.{cause_of(entry.central_refusal).value}")
        title = f"{self.named(entry)}\n{cause}\n{entry.central_refusal}"
        self.app.push_screen(PickDialog(title, choices), chosen)

    def _resend(self, ticket_id: int) -> None:
        refusals, sync, actor = self.host.refusals, self.host.services.sync, self.actor

        def resend() -> str:
            refusal = refusals.resend_ticket(ticket_id, actor)
            return resent_words(self.tr, refusal.number or "-", sync.send_now(ticket_id))

        self.call_service(resend, lambda message: self._said(message, ticket_id), group="action")

    def action_reprint(self) -> None:
        entry = self.target()
        if entry is None:
            return
        ticket_id = entry.ticket.id
        services, lang = self.host.services, self.host.lang

        def reprint() -> Ticket:
            position = services.tickets.position(ticket_id)
            outcome = services.slips.print_slip(services.slips.slip_for(position, lang))
            if not outcome.printed:
                raise Refused("desk.print_failed")
            return position.ticket

        self._do(reprint, "desk.done.reprinted")

    # -- PCare registration (issue 13) ---------------------------------------------------------
    def _pcare_notice(self) -> None:
        """One line when this poli registers on call, or cannot register at all."""
        pcare, text = self.pcare, ""
        if pcare is not None and not pcare.code:
            text = self.tr("desk.pcare.no_code_poli", poli=self.poli.name)
        elif pcare is not None and pcare.auto:
            text = self.tr("desk.pcare.auto", code=pcare.code)
        notice = self.query_one("#pcare-notice", Static)
        notice.update(Content(text))
        notice.set_class(not text, "-empty")

    def action_register(self) -> None:
        """d: register the selected visit in PCare, or, when it has a registration, what may be
        done with it (send a refused one again, mark it registered by hand, undo it)."""
        entry = self.target()
        if entry is None:
            return
        registration = self.registrations.get(entry.ticket.id)
        if registration is not None and holds_registration(registration):
            self._registration_menu(entry, registration)
            return
        ticket_id, service, actor = entry.ticket.id, self.host.services.registration, self.actor
        self._pcare_do(entry, lambda: service.register(ticket_id, None, actor), "registered")

    def action_vitals(self) -> None:
        """i: the vitals form, then register with them (or send a refused registration again).
        Why a visit cannot be registered is said before the form is typed, not after."""
        entry = self.target()
        if entry is None:
            return
        registration = self.registrations.get(entry.ticket.id)
        if registration is not None and registration.state == VisitState.REFUSED:
            self._vitals_form(entry, registration)
            return
        if registration is not None and holds_registration(registration):
            self._said(
                self.tr(
                    "desk.pcare.vitals_too_late",
                    number=entry.ticket.number,
                    state=registration_flag(self.tr, registration),
                )
            )
            return
        ticket_id, service = entry.ticket.id, self.host.services.registration
        self.call_service(
            lambda: service.check(ticket_id),
            lambda _: self._vitals_form(entry, None),
            group="action",
        )

    def _pcare_do(self, entry: QueueEntry, work_fn: Callable[[], object], done: str) -> None:
        """A registration call in the desk's action worker: its refusal, or what was done."""

        def run() -> Ticket:
            work_fn()
            return entry.ticket

        self._do(run, f"desk.pcare.done.{done}")

    def _vitals_form(self, entry: QueueEntry, registration: VisitRegistration | None) -> None:
        ticket_id, service, actor = entry.ticket.id, self.host.services.registration, self.actor
        refused = registration is not None and registration.state == VisitState.REFUSED

        def measured(vitals: Vitals | None) -> None:
            if vitals is None:
                return
            if refused:
                self._pcare_do(
                    entry, lambda: service.resend(ticket_id, None, vitals, actor), "resent"
                )
            else:
                self._pcare_do(
                    entry, lambda: service.register(ticket_id, vitals, actor), "registered"
                )

        title = self.tr("desk.vitals.title", ticket=self.named(entry))
        values = form_values(registration.vitals if registration else None)
        self.app.push_screen(VitalsDialog(self.tr, self.host.lang, title, values), measured)

    def _registration_menu(self, entry: QueueEntry, registration: VisitRegistration) -> None:
        if registration.state == VisitState.DELETING:
            self._said(self.tr("desk.pcare.deleting_now", number=entry.ticket.number))
            return
        ticket_id, service = entry.ticket.id, self.host.services.registration

        def chosen(answer: str | None) -> None:
            actor = self.actor
            if answer == "resend":
                self._pcare_do(
                    entry, lambda: service.resend(ticket_id, None, None, actor), "resent"
                )
            elif answer == "poli":
                self._pick_pcare_poli(entry, registration)
            elif answer == "vitals":
                self._vitals_form(entry, registration)
            elif answer == "by_hand":
                self._by_hand(entry)
            elif answer == "undo":
                self._confirm_undo(entry)

        title = self.tr(
            "desk.pcare.menu.title",
            ticket=self.named(entry),
            state=registration_flag(self.tr, registration),
        )
        self.app.push_screen(PickDialog(title, menu(self.tr, registration)), chosen)

    def _pick_pcare_poli(self, entry: QueueEntry, registration: VisitRegistration) -> None:
        """Send a refused registration to another poli PCare knows (PCare's own codes)."""
        ticket_id, service = entry.ticket.id, self.host.services.registration
        names = {p.code: p.name for p in self.polis}

        def opened(codes: dict[str, str | None]) -> None:
            choices = poli_choices(self.tr, codes, names, registration.pcare_poli)
            title = self.tr("desk.pcare.poli_title", ticket=self.named(entry))
            self.app.push_screen(PickDialog(title, choices), chosen)

        def chosen(code: str | None) -> None:
            if code:
                actor = self.actor
                self._pcare_do(
                    entry, lambda: service.resend(ticket_id, code, None, actor), "resent"
                )

        self.call_service(service.pcare_codes, opened, group="action")

    def _by_hand(self, entry: QueueEntry) -> None:
        """Staff registered the visit in PCare's own page: its noUrut if they have it."""
        ticket_id, service = entry.ticket.id, self.host.services.registration

        def typed(no_urut: str | None) -> None:
            if no_urut is not None:
                actor, value = self.actor, no_urut.strip() or None
                self._pcare_do(
                    entry, lambda: service.mark_by_hand(ticket_id, value, actor), "by_hand"
                )

        title = self.tr("desk.pcare.by_hand_title", ticket=self.named(entry))
        self.app.push_screen(TextDialog(title, "no-urut", max_length=10), typed)

    def _confirm_undo(self, entry: QueueEntry) -> None:
        """Undoing a registration deletes it in PCare: the dialog names whose, and asks."""
        ticket_id, service = entry.ticket.id, self.host.services.registration
        choices = [
            Choice("yes", self.tr("desk.pcare.undo_yes")),
            Choice("no", self.tr("desk.pcare.undo_no")),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "yes":
                actor = self.actor
                self._pcare_do(entry, lambda: service.undo(ticket_id, actor), "undone")

        title = self.tr("desk.pcare.undo_title", ticket=self.named(entry))
        self.app.push_screen(PickDialog(title, choices), chosen)


def _refusal_flag(tr: Callable[..., str], message: str | None) -> str:
    """A refusal of the central on the row: the SRK one by name (staff help fill it in)."""
    if message is None:
        return ""
    return tr("desk.flag.srk" if cause_of(message) == Cause.SRK else "desk.flag.refused")
