"""The outbox pump: the loop that tells the central, in order per ticket, what the clinic's
store recorded.

The outbox operations (claim, settle, release, requeue) are :mod:`kiosk.sync.outbox`; the link
state the pump notes is :mod:`kiosk.sync.link`; the read model staff see is
:mod:`kiosk.sync.status`. Here: rounds of claim and send, backing off (doubling, capped) while
the central is unreachable, probing it while idle. A pump that dies mid-send leaves its items
"sending"; once the claim is older than the lease (longer than any call can take) another pump
sends them again, which the central absorbs: a repeated add answers 208, a repeated call or
cancellation changes nothing.

A round keeps up to ``in_flight`` calls at the central at once: the round trip, not the work on
either side, bounds a pump with one call in flight. The order stays what sending them one after
another gives: a claim holds at most one item of each ticket's line, of each card, poli and date,
and of each participant (:func:`kiosk.sync.outbox.claim`), an item starts only in claim order and
only beside items :func:`kiosk.sync.outbox.independent` of it, and each answer is marked as it
arrives.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update

from kiosk.contract import antrean, pcare
from kiosk.domain.clock import system_now
from kiosk.i18n import t
from kiosk.store import Store
from kiosk.store.models import OutboxRow
from kiosk.sync import outbox
from kiosk.sync import pcare as pcare_side
from kiosk.sync.client import Answer, CentralClient, Outcome
from kiosk.sync.link import note_link
from kiosk.sync.outbox import Claimed
from kiosk.sync.registry import Found, look_up, remember, reverify
from kiosk.sync.status import sync_status
from kiosk.sync.watch import LinkWatch

log = logging.getLogger(__name__)


@dataclass
class StepReport:
    claimed: int = 0
    sent: int = 0
    parked: int = 0
    failed: bool = False  # the central could not be reached (or answered 5xx / garbage)
    error: str = ""
    denied: bool = False  # ... because it refused the clinic's credentials


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
        in_flight: int = 2,
        lease_seconds: float | None = None,
        backoff_base: float = 1.0,
        backoff_cap: float = 60.0,
        idle_seconds: float = 1.0,
        probe_seconds: float = 30.0,
        reverify_seconds: float = 30.0,
        watch: bool = True,
        daily: Callable[[], object] | None = None,
        clock: Callable[[], datetime] = system_now,
    ) -> None:
        self.store = store
        # Aware UTC instants: claims, leases, sent_at and the link's last contact read it, so a
        # test (or the services' FacilityClock) decides what "now" is.
        self.clock = clock
        # Once-a-day work while the central answers (the HFIS schedule pull): it decides itself
        # whether it is due, and is called after each successful probe.
        self.daily = daily
        self.client = client
        self.name = name or pump_name()
        self.batch = batch
        # Calls of one round at the central at once, each on a kept-alive connection.
        self.in_flight = max(1, in_flight)
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
    def claim(self, ticket_id: int | None = None) -> list[Claimed]:
        """Take the next item of each ticket (and each card, poli and date) whose earlier items are
        all sent, in one transaction; with ``ticket_id``, only that ticket's next item."""
        return outbox.claim(self.store, self.name, self.clock(), self.lease, self.batch, ticket_id)

    def step(self, on_sent: Callable[[int], None] | None = None) -> StepReport:
        """Claim a batch and send it; stop at the first sign that the central is down."""
        report = StepReport()
        items = self.claim()
        report.claimed = len(items)
        down = threading.Event()  # an answer said the central is down: start no more calls

        def deliver(item: Claimed) -> Answer:
            """Send one item and mark its answer at once (a pump killed mid-round sends again
            only what it had in flight)."""
            answer = self._complete(item) or self._send(item)
            if answer.retry:
                down.set()
            else:
                self._settle(item, answer)
            return answer

        def count(answer: Answer) -> None:
            if answer.retry:
                if not report.failed:
                    report.failed, report.error = True, answer.message
                    report.denied = answer.outcome == Outcome.DENIED
                return
            if answer.ok:
                report.sent += 1
            else:
                report.parked += 1
            if on_sent is not None:
                on_sent(1)

        answered = self._in_order(items, deliver, down, count)
        left = [item for item in items if item.id not in answered]
        if left:  # not answered, or never sent once the central was seen down: back to pending
            self._release(left, Answer(Outcome.RETRY, message=report.error))
        if report.claimed:
            self._note_link(
                not report.failed,
                report.error,
                contact=report.sent + report.parked,
                denied=report.denied,
            )
        self.failures = self.failures + 1 if report.failed else 0
        return report

    def _in_order(
        self,
        items: list[Claimed],
        deliver: Callable[[Claimed], Answer],
        down: threading.Event,
        count: Callable[[Answer], None],
    ) -> set[int]:
        """Deliver ``items`` in claim order, up to ``in_flight`` at once, each only beside items
        independent of it; stop starting calls once ``down`` is set. Returns the ids answered
        (not retry); ``count`` hears every answer, in this thread."""
        answered: set[int] = set()

        def collect(item: Claimed, answer: Answer) -> None:
            count(answer)
            if not answer.retry:
                answered.add(item.id)

        if self.in_flight == 1 or len(items) <= 1:
            for item in items:
                if down.is_set():
                    break
                collect(item, deliver(item))
            return answered
        flying: dict[Future[Answer], Claimed] = {}

        def land(block: bool) -> None:
            done, _ = wait(flying, return_when=FIRST_COMPLETED) if block else (list(flying), None)
            for future in done:
                collect(flying.pop(future), future.result())

        with ThreadPoolExecutor(self.in_flight, thread_name_prefix="outbox-send") as pool:
            try:
                for item in items:
                    # The window is full, or a call in flight might change this one's answer.
                    while flying and (
                        len(flying) >= self.in_flight
                        or not all(outbox.independent(other, item) for other in flying.values())
                    ):
                        land(block=True)
                    if down.is_set():
                        break
                    flying[pool.submit(deliver, item)] = item
            finally:
                wait(flying)
                land(block=False)
        return answered

    def send_now(self, ticket_id: int, timeout: float) -> Answer | None:
        """Send this ticket's next item at once, within ``timeout`` (a patient waits at the kiosk).

        The same claim and marking as a round of :meth:`step`, so a pump working at the same
        moment never sends it too. Unreachable or too slow: the item goes back to "pending" for
        the pump, and nothing else changes. None: nothing of this ticket could be claimed (sent,
        parked, held by another pump, or waiting behind an earlier item)."""
        items = self.claim(ticket_id)
        if not items:
            return None
        item = items[0]
        answer = self._complete(item) or self.client.send(item.kind, item.payload, timeout=timeout)
        if answer.retry:
            self._release(items, answer)
            return answer
        self._settle(item, answer)
        self._note_link(True, "", contact=1)
        return answer

    def backoff(self) -> float:
        """Seconds to wait after ``failures`` failed rounds in a row: doubling, capped."""
        if self.failures <= 0:
            return 0.0
        return float(min(self.backoff_cap, self.backoff_base * 2 ** (self.failures - 1)))

    # -- running ----------------------------------------------------------------------------------
    def run(self, stop: threading.Event, on_sent: Callable[[int], None] | None = None) -> None:
        """Until ``stop`` is set: send, back off while the central is down, idle when done."""
        last_probe = last_reverify = 0.0
        ticks = time.monotonic  # the loop's own pacing: intervals, not instants
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
            now = ticks()
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
                if not outbox.others_sending(self.store):
                    break
                # Another pump (or one that died) holds items: wait for them or their lease.
                stop.wait(min(self.idle_seconds, 0.5))
        status = sync_status(self.store, with_parked=False)
        return status.waiting == 0 and status.parked == 0

    def reverify(self) -> int:
        """People taken on trust while offline: ask the central about them again."""
        try:
            confirmed = reverify(self.store, self.client, self.clock())
        except Exception:
            log.exception("re-verifying participants failed")
            return 0
        if confirmed:
            log.info("%d participant(s) confirmed by the central", confirmed)
        return confirmed

    def probe(self) -> bool:
        """Nothing to send: a cheap signed call keeps the connectivity mark honest."""
        answer = self.client.ref_poli(self.clock().date().isoformat())
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
            remember(session, found.peserta, self.clock())
            session.execute(
                update(OutboxRow).where(OutboxRow.id == item.id).values(payload=item.payload)
            )
        return None

    # -- marking ----------------------------------------------------------------------------------
    def _settle(self, item: Claimed, answer: Answer) -> None:
        outbox.settle(self.store, self.name, item, answer, self.clock())

    def _release(self, items: list[Claimed], answer: Answer) -> None:
        outbox.release(self.store, self.name, items, answer)

    def _note_link(self, reachable: bool, error: str, contact: int, denied: bool = False) -> None:
        note_link(self.store, reachable, error, contact, now=self.clock(), denied=denied)
