"""The soak's actors, each an OS process the soak may kill (-9) and start again.

- ``kiosk``: patients at a kiosk stand: identify by card or NIK (the central first, the cache
  when it is down), check in a phone booking, take a number, or cancel one; with the kiosk's
  own outbox pump running beside it, as in ``kiosk run``.
- ``desk``: a receptionist: call next, recall, skip a no-show, return one who came back, serve,
  and send a patient on to the pharmacy.

Settings come from the KIOSK_* variables the soak sets; the clock is the soak's fast day. After
each committed change the actor prints one line and flushes, before doing anything else: what a
patient or the desk saw is on record however the process ends. ``python -m tests.soak._actors
ROLE SEED EPOCH SPEED ARGS_JSON``.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
DAY_START = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # Monday 07:30 WIB: the doors open
DAY_LENGTH = timedelta(hours=8)  # until 15:30 WIB: both shifts of every poli


def fast_day(epoch: float, speed: float) -> Callable[[], datetime]:
    """The soak's clock, the same in every process: the clinic day from DAY_START, ``speed``
    times faster than the wall clock, counted from the wall-clock ``epoch``."""

    def now() -> datetime:
        return DAY_START + timedelta(seconds=(time.time() - epoch) * speed)

    return now


def day_over(clock: Callable[[], datetime]) -> bool:
    return clock() >= DAY_START + DAY_LENGTH


def pause(rng: random.Random, speed: float, minutes: tuple[float, float]) -> None:
    """Wait a random while measured in clinic minutes (the pace of the day at any speed)."""
    time.sleep(rng.uniform(*minutes) * 60 / speed)


def say(*words: object) -> None:
    print(*words, flush=True)


def _services(epoch: float, speed: float) -> Any:
    from kiosk.config import load_settings
    from kiosk.domain.clock import FacilityClock
    from kiosk.services import build_services

    return build_services(load_settings(), FacilityClock(WIB, fast_day(epoch, speed)))


def kiosk(seed: int, epoch: float, speed: float, people: list[list[str]]) -> None:
    from kiosk.domain.identity import Identity, IdentityKind
    from kiosk.domain.models import TicketStatus
    from kiosk.domain.schedule import default_slot
    from kiosk.services.errors import Refused
    from kiosk.services.tickets import TakeRequest

    rng = random.Random(seed)
    services = _services(epoch, speed)
    clock = services.clock
    polis = [day.poli.code for day in services.clinic.poli_days(clock.today())]
    stop = threading.Event()
    threading.Thread(target=services.sync.run_pump, args=(stop,), daemon=True).start()
    say("READY")
    while not day_over(clock.utcnow):
        pause(rng, speed, (2, 6))  # a patient every few minutes at each stand
        today, poli = clock.today(), rng.choice(polis)
        try:
            if rng.random() < 0.1:  # a general patient, without JKN
                slot = default_slot(services.clinic.slots(poli, today), clock.now())
                if slot is None:
                    say("REFUSED", "take.closed")
                    continue
                ticket = services.tickets.take(TakeRequest(poli, today, slot.schedule_id)).ticket
                say("TAKEN", ticket.id, ticket.number, "-")
                continue
            nik, card = rng.choice(people)
            if rng.random() < 0.3:  # someone who booked on the phone comes to check in
                nik, card = booked_today(services, rng) or (nik, card)
            by_card = rng.random() < 0.8
            identity = (
                Identity(IdentityKind.CARD, card) if by_card else Identity(IdentityKind.NIK, nik)
            )
            found = services.participants.check(identity)
            if found.participant is None:
                say("REFUSED", found.problem)
                continue
            who = found.participant.id
            held = services.tickets.tickets_for([who], (today,))
            booked = [t for t in held if t.status == TicketStatus.BOOKED]
            if booked:
                # The kiosk asks the visit's kind (sick or healthy) at check-in too.
                ticket = services.tickets.check_in(
                    booked[0].id, visit_sick=rng.random() < 0.8 if rng.random() < 0.5 else None
                )
                say("CHECKED_IN", ticket.id, ticket.number)
            elif held and rng.random() < 0.15:
                ticket = services.tickets.cancel(rng.choice(held).id, "Batal di kiosk")
                say("CANCELLED", ticket.id, ticket.number)
            else:
                slot = default_slot(services.clinic.slots(poli, today), clock.now())
                if slot is None:
                    say("REFUSED", "take.closed")
                    continue
                outcome = services.tickets.take(
                    TakeRequest(
                        poli,
                        today,
                        slot.schedule_id,
                        participant_id=who,
                        visit_sick=rng.random() < 0.8,  # the tap: berobat or sehat
                    )
                )
                kind = "HELD" if outcome.existing else "TAKEN"
                say(kind, outcome.ticket.id, outcome.ticket.number, card)
        except Refused as refused:
            say("REFUSED", refused.key)
    stop.set()
    say("DAY_OVER")


def booked_today(services: Any, rng: random.Random) -> tuple[str, str] | None:
    """A phone booking of today not yet checked in: who it is (NIK, card), if there is one."""
    from sqlalchemy import select

    from kiosk.store.models import ParticipantRow, TicketRow

    with services.store.read() as session:
        waiting = session.execute(
            select(ParticipantRow.nik, ParticipantRow.card_number)
            .join(TicketRow, TicketRow.participant_id == ParticipantRow.id)
            .where(TicketRow.status == "booked", TicketRow.service_date == services.clock.today())
        ).all()
    return tuple(rng.choice(waiting)) if waiting else None  # type: ignore[return-value]


def desk(seed: int, epoch: float, speed: float, args: dict[str, Any]) -> None:
    from kiosk.domain.models import TicketStatus
    from kiosk.services.desk import DeskService
    from kiosk.services.errors import Refused

    rng = random.Random(seed)
    services = _services(epoch, speed)
    desk = DeskService(services.store, services.clock, services.slips)
    name, polis = args["name"], args["polis"]
    skipped: list[int] = []
    say("READY")
    while not day_over(services.clock.utcnow):
        pause(rng, speed, (1, 4))
        try:
            if skipped and rng.random() < 0.05:  # a patient who missed the call is back
                ticket = desk.return_to_queue(skipped.pop(rng.randrange(len(skipped))), name)
                say("REQUEUED", ticket.id, ticket.number)
                continue
            poli = rng.choice(polis)
            called = desk.call_next(poli, name, name)
            if called is None:
                continue
            say("CALLED", called.id, called.number, poli)
            if called.participant_id is not None and poli != "APT" and rng.random() < 0.7:
                # The desk registers the visit in PCare (the pharmacy has no PCare code).
                services.registration.register(called.id, None, name)
                say("REGISTERED", called.id, called.number)
            roll = rng.random()
            if roll < 0.08:
                desk.recall(called.id, name)
                say("RECALLED", called.id, called.number)
            if roll < 0.15:
                ticket = desk.skip(called.id, name)
                skipped.append(ticket.id)
                say("NO_SHOW", ticket.id, ticket.number)
                continue
            ticket = desk.start_service(called.id, name)
            say("SERVING", ticket.id, ticket.number)
            pause(rng, speed, (0, 3))
            ticket = desk.finish(called.id, name)
            say("SERVED", ticket.id, ticket.number)
            if poli != "APT" and rng.random() < 0.4:
                ticket = desk.transfer(called.id, "APT", name)
                assert ticket.status == TicketStatus.WAITING
                say("TRANSFERRED", ticket.id, ticket.number, "APT")
        except Refused as refused:
            say("REFUSED", refused.key)
    say("DAY_OVER")


if __name__ == "__main__":
    role, seed, epoch, speed, extra = sys.argv[1:6]
    actor = {"kiosk": kiosk, "desk": desk}[role]
    actor(int(seed), float(epoch), float(speed), json.loads(extra))
