"""A kiosk and a desk in one process, working through the services until killed (-9).

Run by test_power_cut.py as ``python tests/core/_powercut.py URL SEED SCHEDULES PARTICIPANTS``.
After each committed change it prints one line and flushes, before the next: what a patient saw
(``TAKEN``) or the desk did. Whatever it printed must survive the kill.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

FIXED = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 09:00 WIB, the morning shift


def main(url: str, seed: int, schedules: dict[str, int], participants: list[int]) -> None:
    from kiosk.config import load_settings
    from kiosk.domain.clock import FacilityClock
    from kiosk.domain.models import TicketSource
    from kiosk.domain.vitals import Vitals
    from kiosk.services import build_services
    from kiosk.services.desk import DeskService
    from kiosk.services.errors import Refused
    from kiosk.services.tickets import TakeRequest

    rng = random.Random(seed)
    clock = FacilityClock(ZoneInfo("Asia/Jakarta"), lambda: FIXED)
    services = build_services(load_settings(database_url=url, printer="none"), clock)
    tickets = services.tickets
    desk = DeskService(services.store, clock, services.slips)
    today = clock.today()
    mine: list[int] = []
    booked: list[int] = []
    registered: list[int] = []

    def say(*words: object) -> None:
        print(*words, flush=True)

    print("READY", flush=True)
    while True:
        roll = rng.random()
        poli = rng.choice(sorted(schedules))
        try:
            if roll < 0.7:
                who = rng.choice(participants) if roll < 0.35 else None
                source = TicketSource.BOOKING if 0.25 < roll < 0.35 else TicketSource.WALK_IN
                outcome = tickets.take(
                    TakeRequest(poli, today, schedules[poli], participant_id=who, source=source)
                )
                ticket = outcome.ticket
                if not outcome.existing:
                    mine.append(ticket.id)
                    if source == TicketSource.BOOKING:
                        booked.append(ticket.id)
                say("TAKEN", ticket.id, ticket.number)
            elif roll < 0.8 and booked:
                ticket = tickets.check_in(booked.pop(rng.randrange(len(booked))))
                say("CHECKED_IN", ticket.id)
            elif roll < 0.95:
                called = desk.call_next(poli, "loket-1", "drill")
                if called is not None:
                    say("CALLED", called.id)
                    if called.participant_id is not None and rng.random() < 0.7:
                        vitals = (
                            Vitals(sistole=rng.randint(90, 160)) if rng.random() < 0.5 else None
                        )
                        services.registration.register(called.id, vitals, "drill")
                        registered.append(called.id)
                        say("REGISTERED", called.id)
            elif roll < 0.97 and registered:
                ticket_id = registered.pop(rng.randrange(len(registered)))
                services.registration.undo(ticket_id, "drill")
                say("UNREGISTERED", ticket_id)
            elif mine:
                ticket = tickets.cancel(mine.pop(rng.randrange(len(mine))), "drill")
                say("CANCELLED", ticket.id)
        except Refused as refused:
            say(
                "REFUSED", 0, refused.key
            )  # a called ticket cannot be cancelled, and so on: the rules said no


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4]))
