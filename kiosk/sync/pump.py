"""The outbox pump: tells the central, in order per ticket, what the clinic's store recorded.

- An item waits while an earlier item of the same ticket is pending, being sent, or parked.
- A pump claims items in one short transaction (a compare-and-set on their state), so two pumps
  on one store (two kiosks on one PostgreSQL) never send the same item; it marks each answer in
  its own short transaction.
- Done or duplicate (208) -> "sent". A refusal (201) -> "parked" with the central's message, for
  staff (``kiosk sync --status``, the desk). Unreachable, 5xx, broken answers -> back to
  "pending", and the pump backs off (doubling, capped) before it tries again.
- A pump that dies mid-send leaves its items "sending"; once the claim is older than the lease
  (longer than any call can take) another pump sends them again, which the central absorbs:
  a repeated add answers 208, a repeated call or cancellation changes nothing.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from kiosk.contract import antrean, pcare
from kiosk.contract.logmask import mask_digits
from kiosk.domain.outbox import OutboxState
from kiosk.domain.privacy import mask_number
from kiosk.i18n import t
from kiosk.store import Store
from kiosk.store.link import record_link_state
from kiosk.store.models import CentralLinkRow, OutboxRow, TicketRow
from kiosk.sync import pcare as pcare_side
from kiosk.sync.client import Answer, CentralClient, Outcome
from kiosk.sync.registry import Found, look_up, remember, reverify
from kiosk.sync.watch import LinkWatch

log = logging.getLogger(__name__)

# Short names for this module; the states themselves are OutboxState (kiosk/domain/outbox.py).
PENDING, SENDING, SENT, PARKED = (
    OutboxState.PENDING,
    OutboxState.SENDING,
    OutboxState.SENT,
    OutboxState.PARKED,
)
_LINK_ID = 1


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Claimed:
    id: int
    kind: str
    payload: dict[str, Any]
    attempts: int = 1  # this one included: above 1, an earlier send may have reached the central


@dataclass
class StepReport:
    claimed: int = 0
    sent: int = 0
    parked: int = 0
    failed: bool = False  # the central could not be reached (or answered 5xx / garbage)
    error: str = ""
    denied: bool = False  # ... because it refused the clinic's credentials


@dataclass(frozen=True)
class ParkedItem:
    id: int
    kind: str
    number: str | None
    masked_card: str
    message: str
    created_at: datetime


@dataclass(frozen=True)
class SyncStatus:
    """What waits, what the central refused, and when the central last answered."""

    waiting: int
    parked: int
    sent: int
    reachable: bool
    last_contact_at: datetime | None
    last_error: str | None
    parked_items: tuple[ParkedItem, ...] = field(default=())
    # Not reachable because the central refused the clinic's credentials (a setting to fix).
    denied: bool = False


def pump_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class OutboxPump:
    def __init__(
        self,
        store: Store,
        client: CentralClient,
        *,
        name: str | None = None,
        batch: int = 50,
        lease_seconds: float | None = None,
        backoff_base: float = 1.0,
        backoff_cap: float = 60.0,
        idle_seconds: float = 1.0,
        probe_seconds: float = 30.0,
        reverify_seconds: float = 30.0,
        watch: bool = True,
        daily: Callable[[], object] | None = None,
    ) -> None:
        self.store = store
        # Once-a-day work while the central answers (the HFIS schedule pull): it decides itself
        # whether it is due, and is called after each successful probe.
        self.daily = daily
        self.client = client
        self.name = name or pump_name()
        self.batch = batch
        # Longer than any one call can take, so a live pump's claim is never taken over.
        self.lease = timedelta(
            seconds=lease_seconds if lease_seconds is not None else 2 * client.config.timeout + 1
        )
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.idle_seconds = idle_seconds
        self.probe_seconds = probe_seconds
        self.reverify_seconds = reverify_seconds
        self.failures = 0  # in a row: drives the backoff
        # Between probes, a look at an idle connection notices a dead central in a second or two.
        self.watch = LinkWatch(client.config.antrean_url) if watch else None
        self._watch_saw: bool | None = None

    # -- one round ------------------------------------------------------------------------------
    def claim(self) -> list[Claimed]:
        """Take the next item of each ticket (and each card, poli and date) whose earlier items are
        all sent, in one transaction."""
        now = utcnow()
        stale = now - self.lease
        earlier = aliased(OutboxRow)
        claimable = or_(
            OutboxRow.state == PENDING,
            and_(OutboxRow.state == SENDING, OutboxRow.claimed_at < stale),
        )
        # A ticket's Antrean items and its PCare registration items are two lines: each in order,
        # and a registration after the ticket's antrean/add. A refused registration does not hold
        # up the ticket's panggil or batal.
        is_pcare, was_pcare = OutboxRow.kind.in_(pcare.KINDS), earlier.kind.in_(pcare.KINDS)
        same_line = or_(
            and_(is_pcare, was_pcare),
            and_(~is_pcare, ~was_pcare),
            and_(is_pcare, earlier.kind == antrean.ADD),
        )
        blocked = exists().where(
            or_(
                and_(earlier.ticket_id == OutboxRow.ticket_id, same_line),
                earlier.natural_key == OutboxRow.natural_key,
            ),
            earlier.id < OutboxRow.id,
            earlier.state.in_((PENDING, SENDING, PARKED)),
        )
        with self.store.write() as session:
            rows = session.execute(
                select(OutboxRow.id, OutboxRow.kind, OutboxRow.payload, OutboxRow.attempts)
                .where(claimable, ~blocked)
                .order_by(OutboxRow.id)
                .limit(self.batch)
            ).all()
            claimed = []
            for item_id, kind, payload, attempts in rows:
                # The compare-and-set: another pump that claimed it first makes this a no-op.
                result = session.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id == item_id, claimable)
                    .values(
                        state=SENDING,
                        claimed_by=self.name,
                        claimed_at=now,
                        attempts=OutboxRow.attempts + 1,
                    )
                )
                if result.rowcount == 1:  # type: ignore[attr-defined]
                    claimed.append(Claimed(item_id, kind, dict(payload), int(attempts or 0) + 1))
            return claimed

    def step(self, on_sent: Callable[[int], None] | None = None) -> StepReport:
        """Claim a batch and send it; stop at the first sign that the central is down."""
        report = StepReport()
        items = self.claim()
        report.claimed = len(items)
        for index, item in enumerate(items):
            answer = self._complete(item) or self._send(item)
            if answer.retry:
                self._release(items[index:], answer)
                report.failed, report.error = True, answer.message
                report.denied = answer.outcome == Outcome.DENIED
                break
            self._settle(item, answer)
            if answer.ok:
                report.sent += 1
            else:
                report.parked += 1
            if on_sent is not None:
                on_sent(1)
        if report.claimed:
            self._note_link(
                not report.failed,
                report.error,
                contact=report.sent + report.parked,
                denied=report.denied,
            )
        self.failures = self.failures + 1 if report.failed else 0
        return report

    def backoff(self) -> float:
        """Seconds to wait after ``failures`` failed rounds in a row: doubling, capped."""
        if self.failures <= 0:
            return 0.0
        return float(min(self.backoff_cap, self.backoff_base * 2 ** (self.failures - 1)))

    # -- running ----------------------------------------------------------------------------------
    def run(self, stop: threading.Event, on_sent: Callable[[int], None] | None = None) -> None:
        """Until ``stop`` is set: send, back off while the central is down, idle when done."""
        last_probe = last_reverify = 0.0
        clock = time.monotonic
        while not stop.is_set():
            try:
                report = self.step(on_sent)
            except Exception:  # the store is busy or gone for a moment: try again, never die
                log.exception("outbox round failed")
                stop.wait(self.idle_seconds)
                continue
            if report.failed:
                log.info(
                    "central %s (%s); next try in %.1fs",
                    "refused the clinic's credentials" if report.denied else "unreachable",
                    report.error,
                    self.backoff(),
                )
                stop.wait(self.backoff())
                continue
            if report.claimed:
                continue
            if self._watched_back():
                last_probe = 0.0  # it answers connections again: confirm with a real call now
            now = clock()
            if now - last_reverify >= self.reverify_seconds:
                last_reverify = now
                self.reverify()
            if now - last_probe >= self.probe_seconds:
                last_probe = now
                if self.probe() and self.daily is not None:
                    self._daily(self.daily)
            stop.wait(self.idle_seconds)
        if self.watch is not None:
            self.watch.close()

    def _daily(self, daily: Callable[[], object]) -> None:
        try:
            daily()
        except Exception:  # never let the schedule stop the outbox
            log.exception("daily pull failed")

    def _watched_back(self) -> bool:
        """Mark the link down as soon as the watch sees the central gone (a change writes once);
        True when it has just come back."""
        if self.watch is None or not self.client.config.antrean_url:
            return False
        alive = self.watch.alive()
        saw, self._watch_saw = self._watch_saw, alive
        if not alive and saw is not False:
            self._note_link(False, "central not accepting connections", contact=0)
        return alive and saw is False

    def drain(
        self,
        max_failures: int = 3,
        stop: threading.Event | None = None,
        on_sent: Callable[[int], None] | None = None,
    ) -> bool:
        """Send what can be sent now; give up after ``max_failures`` failed rounds in a row.

        True when nothing waits and nothing is parked.
        """
        stop = stop or threading.Event()
        self.reverify()
        while not stop.is_set():
            report = self.step(on_sent)
            if report.failed:
                if self.failures >= max_failures:
                    break
                stop.wait(self.backoff())
            elif not report.claimed:
                if not self._others_sending():
                    break
                # Another pump (or one that died) holds items: wait for them or their lease.
                stop.wait(min(self.idle_seconds, 0.5))
        status = sync_status(self.store, with_parked=False)
        return status.waiting == 0 and status.parked == 0

    def _others_sending(self) -> bool:
        with self.store.read() as session:
            return (
                session.scalar(
                    select(func.count()).select_from(OutboxRow).where(OutboxRow.state == SENDING)
                )
                or 0
            ) > 0

    def reverify(self) -> int:
        """People taken on trust while offline: ask the central about them again."""
        try:
            confirmed = reverify(self.store, self.client, utcnow())
        except Exception:
            log.exception("re-verifying participants failed")
            return 0
        if confirmed:
            log.info("%d participant(s) confirmed by the central", confirmed)
        return confirmed

    def probe(self) -> bool:
        """Nothing to send: a cheap signed call keeps the connectivity mark honest."""
        answer = self.client.ref_poli(utcnow().date().isoformat())
        denied = answer.outcome == Outcome.DENIED
        self._note_link(not answer.retry, answer.message, contact=1, denied=denied)
        return not answer.retry

    def _send(self, item: Claimed) -> Answer:
        if item.kind in pcare.KINDS:  # a visit's registration in PCare (issue 13)
            return pcare_side.send(
                self.client, self.store, item.id, item.kind, item.payload, item.attempts
            )
        return self.client.send(item.kind, item.payload)

    def _complete(self, item: Claimed) -> Answer | None:
        """An add needs the NIK; a card taken on trust offline has none until the central names
        it. None: the item is complete and can go."""
        if item.kind != antrean.ADD or item.payload.get("nik"):
            return None
        found = look_up(self.client, card=str(item.payload.get("nomorkartu") or ""))
        if found.found == Found.UNREACHABLE:
            if found.denied:
                return Answer(Outcome.DENIED, message=found.message)
            return Answer(Outcome.RETRY, message="participant lookup unreachable")
        if found.peserta is None or found.peserta.nik is None:
            return Answer(Outcome.REFUSED, message=t("sync.unknown_participant", "id"))
        item.payload["nik"] = found.peserta.nik
        with self.store.write() as session:
            remember(session, found.peserta, utcnow())
            session.execute(
                update(OutboxRow).where(OutboxRow.id == item.id).values(payload=item.payload)
            )
        return None

    # -- marking ----------------------------------------------------------------------------------
    def _settle(self, item: Claimed, answer: Answer) -> None:
        values: dict[str, Any] = {"claimed_by": None, "claimed_at": None}
        if answer.ok:
            values.update(state=SENT, sent_at=utcnow(), last_error=None)
        else:
            values.update(state=PARKED, last_error=answer.message or f"kode {answer.code}")
            log.warning("outbox item %d (%s) refused by the central", item.id, item.kind)
        with self.store.write() as session:
            settled = session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == item.id, OutboxRow.claimed_by == self.name)
                .values(**values)
            )
            if item.kind in pcare.KINDS and settled.rowcount == 1:  # type: ignore[attr-defined]
                # The visit's record learns PCare's answer in the same transaction.
                state = pcare_side.settle_visit(session, item.id, item.kind, answer, utcnow())
                if state is not None:
                    session.execute(
                        update(OutboxRow).where(OutboxRow.id == item.id).values(state=state)
                    )

    def _release(self, items: list[Claimed], answer: Answer) -> None:
        with self.store.write() as session:
            session.execute(
                update(OutboxRow)
                .where(
                    OutboxRow.id.in_([i.id for i in items]),
                    OutboxRow.claimed_by == self.name,
                    OutboxRow.state == SENDING,
                )
                .values(state=PENDING, claimed_by=None, claimed_at=None, last_error=answer.message)
            )

    def _note_link(self, reachable: bool, error: str, contact: int, denied: bool = False) -> None:
        note_link(self.store, reachable, error, contact, denied=denied)


def note_link(
    store: Store, reachable: bool, error: str = "", contact: int = 1, *, denied: bool = False
) -> None:
    """Whether the central answered just now (the pump, or a lookup at the kiosk), and when it
    did not, whether it refused the clinic's credentials (``denied``) rather than being away."""
    now = utcnow()
    with store.write() as session:
        row = session.get(CentralLinkRow, _LINK_ID)
        if row is None:
            row = CentralLinkRow(id=_LINK_ID, reachable=False)
            session.add(row)
        row.reachable = reachable
        row.denied = denied and not reachable
        row.last_attempt_at = now
        if reachable and contact:
            row.last_contact_at = now
            row.last_error = None
        elif not reachable:
            row.last_error = mask_digits(error)[:300]
        # The history of transitions, for the day's report (only a change writes a row).
        record_link_state(session, reachable, now, "" if reachable else mask_digits(error)[:100])


# -- reading the state (any process: the kiosk's mark, the desk, `kiosk sync --status`) ------------
def sync_status(store: Store, with_parked: bool = True, limit: int = 50) -> SyncStatus:
    with store.read() as session:
        counts = dict(
            session.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()
        )
        link = session.get(CentralLinkRow, _LINK_ID)
        parked_items = _parked(session, limit) if with_parked else ()
    return SyncStatus(
        waiting=int(counts.get(PENDING, 0)) + int(counts.get(SENDING, 0)),
        parked=int(counts.get(PARKED, 0)),
        sent=int(counts.get(SENT, 0)),
        reachable=bool(link and link.reachable),
        last_contact_at=link.last_contact_at if link else None,
        last_error=link.last_error if link else None,
        parked_items=tuple(parked_items),
        denied=bool(link and link.denied and not link.reachable),
    )


def _parked(session: Session, limit: int) -> list[ParkedItem]:
    rows = session.execute(
        select(OutboxRow, TicketRow.number)
        .outerjoin(TicketRow, TicketRow.id == OutboxRow.ticket_id)
        .where(OutboxRow.state == PARKED)
        .order_by(OutboxRow.id)
        .limit(limit)
    ).all()
    return [
        ParkedItem(
            id=row.id,
            kind=row.kind,
            number=number,
            masked_card=mask_number(
                str(row.payload.get("nomorkartu") or row.payload.get("noKartu") or "")
            ),
            message=mask_digits(row.last_error or ""),
            created_at=row.created_at,
        )
        for row, number in rows
    ]


def requeue_parked(store: Store) -> int:
    """Staff fixed what the central refused: send the parked items again."""
    with store.write() as session:
        result = session.execute(
            update(OutboxRow)
            .where(OutboxRow.state == PARKED)
            .values(state=PENDING, claimed_by=None, claimed_at=None)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
