"""Figure 4: one walk-in through the kiosk's screens, from Enter on the identity to the ticket.

Definition. A demo participant (Siti, Budi, Rina in turn) starts on the welcome screen, picks
"take a number" and types their number; none of that is timed ("typing excluded"). The clock
starts as Enter is pressed on the identity and runs over the six keys of the flow (Enter on the
identity, Enter on the status, 1 for Umum, Enter on the doctor and shift, Enter on no complaint,
Enter to confirm). After each key it waits until the expected screen is current, every message
of it handled and no worker busy: the service call behind the key (participant lookup, clinic
offer, ``take`` + ``position``, the slip and QR) has returned and shown its answer. It stops when
the ticket screen shows the number and its QR. Between flows the bench cancels the ticket, so
every flow takes a new number the same way.

Two rows, each against the same six keys in a bare Textual app where every key pushes an empty
screen (no service, no compose worth the name), waited for the same way:

* through the Pilot (``pilot.press``), as the tests drive the kiosk: the limit is the Pilot's
  floor, since every press sleeps at least two 20 ms ``wait_for_idle`` rounds;
* with the key events posted straight to the app: the Pilot's per-key cost is gone, so ours is the
  time the kiosk itself takes (screens plus service calls in workers), and the limit is what
  Textual needs to switch six screens.

Median of the flows (the first of each kind is a warm-up and not counted).
"""

from __future__ import annotations

import asyncio

from bench.common import Options, Row, bench_clinic, latency, median, scratch_dir


def figure(options: Options, _engines: object) -> list[Row]:
    flows = options.pick(3, 30)
    return asyncio.run(_measure(options, flows))


async def _measure(options: Options, flows: int) -> list[Row]:
    from bench.ui import WALK_IN_STEPS, BareApp, Driver, bare_walk, walk_in, walk_in_identity
    from kiosk.app import KioskApp

    ours: dict[bool, list[list[float]]] = {False: [], True: []}
    bare: dict[bool, list[list[float]]] = {False: [], True: []}
    with scratch_dir(options.scratch, "walk-in-") as folder:
        services = bench_clinic(folder)
        try:
            app = KioskApp(services, idle_seconds=3600)
            async with app.run_test(size=(80, 24)) as pilot:
                for direct in (False, True):
                    driver = Driver(pilot, direct)
                    await driver.until(driver.on("WelcomeScreen"), "the welcome screen")
                    for index in range(flows + 1):
                        steps, ticket_id = await walk_in(driver, walk_in_identity(index))
                        services.tickets.cancel(ticket_id, "bench")
                        if index:
                            ours[direct].append(steps)
        finally:
            services.store.dispose()
    bare_app = BareApp()
    async with bare_app.run_test(size=(80, 24)) as pilot:
        for direct in (False, True):
            driver = Driver(pilot, direct)
            for index in range(flows + 1):
                steps = await bare_walk(driver)
                if index:
                    bare[direct].append(steps)
    rows = []
    for direct, how in ((False, "Pilot"), (True, "keys posted")):
        per_step = [median([flow[i] for flow in ours[direct]]) for i in range(len(WALK_IN_STEPS))]
        slowest = max(range(len(per_step)), key=per_step.__getitem__)
        note = (
            f"median of {flows}; slowest step: {WALK_IN_STEPS[slowest][1]} "
            f"{per_step[slowest] * 1e3:.0f} ms"
        )
        rows.append(
            latency(
                f"4 walk-in Enter→ticket, {how} (ms)",
                median([sum(flow) for flow in ours[direct]]) * 1e3,
                median([sum(flow) for flow in bare[direct]]) * 1e3,
                note,
            )
        )
    return rows
