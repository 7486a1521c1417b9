"""Figure 6: the outbox drained to `kiosk central` on loopback, against the bare signed calls.

A real `kiosk central` subprocess (tests/central_server.py, encryption on, no faults) and the demo
clinic on a fresh SQLite store. ``N`` ``antrean.add`` items (10,000 with ``--full``) are queued in
the outbox, one per made-up participant, spread over the four polis and three days so every item
is a new entry at the central (no 208 shortcut), then one ``OutboxPump.drain()`` sends them all:
the claim in order per ticket, per card/poli/date and per participant, the signed calls (two in
flight, each beside an independent one: the items cycle through the polis, so a neighbour is
another shift), the answers, each marked as it arrives.

The central is set up as the sync drills set it up (tests/sync/test_drills.py): every made-up
participant is loaded into its registry (``kiosk central load-participants``, active, SRK done)
and every HFIS shift's kapasitas is raised past the run, so the strict central accepts every add.
Only accepted items count: the row gives accepted items per second, and the note says how many
were accepted and how many refused (parked) or left waiting; any refusal marks the row as missed.

Limit: the same client sending the same number of such adds straight to the same central, one
after another, with no store at all: the most a pump that sends one item per round trip can
reach (the pump, with two calls in flight, can pass it). Items per second over each whole run.
The issue's own goal is absolute (>= 500 items/s), so the note says whether it is met.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from bench.common import (
    Engines,
    Options,
    Row,
    bench_clinic,
    one_line,
    scratch_dir,
    skipped,
    throughput,
)

NAME = "6 outbox drain to central (items/s)"
# The demo's HFIS shifts (assets/demo/clinic.toml): the central refuses an add whose doctor and
# hours it does not list.
POLIS = (("001", "Umum", "A", 101), ("002", "Gigi", "B", 201), ("003", "KIA", "C", 301))
GOAL_PER_SECOND = 500  # issue 15, item 7


def _card(i: int) -> str:
    return f"0007{i:09d}"


def _nik(i: int) -> str:
    """Born 01-01-198x (the NIK's date part), so the central's registry row agrees with it; the
    year and the serial together tell 100,000 participants apart (``--full`` loads 20,000), and
    the serials start at 1000, past the demo's own (3273010101800003)."""
    return f"3273010101{80 + i % 10:02d}{(1_000 + i // 10) % 10_000:04d}"


def _born(i: int) -> str:
    return f"01-01-198{i % 10}"


def _add(i: int, day: str) -> dict[str, Any]:
    """An antrean/add body for made-up participant ``i`` (valid for the central's contract)."""
    code, name, prefix, doctor = POLIS[i % len(POLIS)]
    seq = i // len(POLIS) + 1
    return {
        "nomorkartu": _card(i),
        "nik": _nik(i),
        "nohp": "",
        "kodepoli": code,
        "namapoli": name,
        "norm": "",
        "tanggalperiksa": day,
        "kodedokter": doctor,
        "namadokter": "dr. Bench",
        "jampraktek": "00:00-12:00",
        "nomorantrean": f"{prefix}-{seq:04d}",
        "angkaantrean": seq,
        "keterangan": "",
    }


def figure(options: Options, _engines: Engines) -> list[Row]:
    from tests.central_server import CentralServer

    count = options.pick(1_000, 10_000)
    with scratch_dir(options.scratch, "drain-") as folder:
        central = CentralServer(folder / "central")
        try:
            central.start()
        except Exception as error:  # a figure that cannot run says why
            return [skipped(NAME, f"kiosk central did not start: {one_line(error)}")]
        try:
            _prepare_central(central, folder, 2 * count)
            return [_measure(folder, central, count)]
        finally:
            central.stop()


def _prepare_central(central: Any, folder: Any, people: int) -> None:
    """As the sync drills do: the participants known to BPJS, room in every HFIS shift.

    ``people`` covers the pump's items and the limit's (numbered after them)."""
    central.set_kapasitas(100_000)
    rows = [(_card(i), "Pasien Bench", "P", _born(i), _nik(i)) for i in range(people)]
    central.load_participants(rows, folder / "peserta.csv")


def _measure(folder: Any, central: Any, count: int) -> Row:
    from kiosk.config import load_settings
    from kiosk.domain.outbox import OutboxState
    from kiosk.services.setup import open_clinic
    from kiosk.store.models import OutboxRow
    from kiosk.sync.client import CentralClient, CentralConfig

    services = bench_clinic(folder / "clinic")
    settings = load_settings(
        data_dir=folder / "clinic",
        database_url=services.settings.database_url,
        **central.clinic_settings(),
    )
    services.store.dispose()
    services = open_clinic(settings, clock=services.clock)
    today = services.clock.today()
    days = [(today + timedelta(days=d)).isoformat() for d in range(3)]
    per_day = -(-count // len(days))
    with services.store.write() as session:
        session.query(OutboxRow).delete()  # the demo's own booking is not part of the figure
        for i in range(count):
            day = days[i // per_day]
            session.add(
                OutboxRow(
                    kind="antrean.add",
                    payload=_add(i, day),
                    state=OutboxState.PENDING.value,
                    attempts=0,
                    created_at=services.clock.utcnow(),
                )
            )

    pump = services.sync.pump(backoff_base=0.05, backoff_cap=0.5)
    began = time.perf_counter()
    drained = pump.drain()
    ours_seconds = time.perf_counter() - began
    status = services.sync.status()
    services.store.dispose()

    # The limit's adds are other participants' (numbered after the pump's), on other days.
    limit_days = [(today + timedelta(days=d)).isoformat() for d in range(3, 6)]
    with CentralClient(CentralConfig.from_settings(settings)) as client:
        began = time.perf_counter()
        limit_refused = sum(
            not client.send("antrean.add", _add(count + i, limit_days[i // per_day])).ok
            for i in range(count)
        )
        limit_seconds = time.perf_counter() - began

    accepted = status.sent
    refused = status.parked
    ours = accepted / ours_seconds
    limit = (count - limit_refused) / limit_seconds
    note = (
        f"{count:,} items: {accepted:,} accepted, {refused:,} refused"
        f", {status.waiting:,} waiting; limit {count - limit_refused:,} accepted"
        f", {limit_refused:,} refused; SQLite store, encrypted answers"
        f"; goal >={GOAL_PER_SECOND}/s: {'met' if ours >= GOAL_PER_SECOND else 'NOT met'}"
    )
    row = throughput(NAME, ours, limit, note)
    # Refusals or leftovers measure something else than a drain: the row says it missed.
    row.missed = bool(not drained or refused or status.waiting or limit_refused)
    row.missed = row.missed or ours < GOAL_PER_SECOND
    return row
