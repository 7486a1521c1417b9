"""The clinic against the REAL reference central (`kiosk central` on loopback): lookups online and
offline, the outage drill, the crash drill, the flaky drill, two pumps, parked refusals."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, func, select, update

from kiosk.cli.sync import sync_command
from kiosk.config import Settings, load_settings
from kiosk.domain.clock import FacilityClock
from kiosk.domain.identity import Identity, IdentityKind
from kiosk.domain.models import TicketStatus
from kiosk.domain.vitals import Vitals
from kiosk.services import Services
from kiosk.services.desk import DeskService
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import LinkEventRow, OutboxRow, ParticipantRow, ScheduleRow, TicketRow
from kiosk.sync.pump import OutboxPump
from tests.central_server import CentralServer
from tests.consistency import check_store
from tests.core.conftest import FIXED, TODAY, WIB, SettableClock
from tests.demo_ids import BUDI_CARD, BUDI_NIK, SITI_CARD, SITI_NIK

pytestmark = pytest.mark.slow

DAY = TODAY.isoformat()
POLIS = ("001", "002", "003")
# What the central's mirror says of a ticket the clinic holds in each state (no transfers here).
MIRRORED = {
    TicketStatus.BOOKED: "booked",
    TicketStatus.WAITING: "booked",
    TicketStatus.CALLED: "booked",  # the call is told once the patient shows up or does not
    TicketStatus.SERVING: "called",
    TicketStatus.SERVED: "called",
    TicketStatus.SKIPPED: "absent",
    TicketStatus.CANCELLED: "cancelled",
}


def clinic_settings(tmp_path: Path, central: CentralServer, **extra: Any) -> Settings:
    return load_settings(
        data_dir=tmp_path / "clinic",
        facility_code="P3273010",
        facility_name="Puskesmas Uji",
        central_timeout=1.0,
        central_lookup_timeout=0.5,
        **{**central.clinic_settings(), **extra},
    )


@pytest.fixture
def clinic(tmp_path: Path, central_server: CentralServer) -> Iterator[Services]:
    services = open_clinic(
        clinic_settings(tmp_path, central_server), clock=FacilityClock(WIB, SettableClock(FIXED))
    )
    with services.store.write() as session:  # room for a busy morning in every shift
        session.execute(update(ScheduleRow).values(quota=1000))
    central_server.set_kapasitas(1000)  # and at the central, which refuses adds over kapasitas
    yield services
    services.store.dispose()


def fast_pump(services: Services, **options: Any) -> OutboxPump:
    defaults: dict[str, Any] = {"backoff_base": 0.02, "backoff_cap": 0.2, "idle_seconds": 0.05}
    return services.sync.pump(**(defaults | options))


def letters(n: int) -> str:
    """A name part without digits (names refuse them): 0 -> A, 27 -> BB."""
    return chr(65 + n % 26) * (1 + n // 26)


def add_people(
    services: Services, count: int, seed: int = 1, central: CentralServer | None = None
) -> list[int]:
    """``count`` active members registered here, known to the clinic's cache (and to the
    central's registry when given: PCare registers only participants it knows)."""
    with services.store.write() as session:
        rows = [
            ParticipantRow(
                nik=f"32730141{seed:02d}90{i:04d}",
                card_number=f"0009{seed:02d}{i:07d}",
                display_name=f"Pasien {letters(i)}",
                active=True,
                arrears=0,
                fktp_code="P3273010",
                fktp_name="Puskesmas Uji",
                fetched_at=FIXED,
            )
            for i in range(count)
        ]
        session.add_all(rows)
        session.flush()
        ids = [row.id for row in rows]
    if central is not None:
        rows = [
            (
                f"0009{seed:02d}{i:07d}",
                f"Pasien {letters(i)}",
                "P",
                "01-01-1990",
                f"32730141{seed:02d}90{i:04d}",
            )
            for i in range(count)
        ]
        central.load_participants(rows, services.settings.data_dir / "peserta.csv")
    return ids


def schedule_of(services: Services, poli: str) -> int:
    with services.store.read() as session:
        found = session.scalars(
            select(ScheduleRow.id).where(
                ScheduleRow.poli_code == poli, ScheduleRow.weekday == TODAY.weekday()
            )
        ).first()
    assert found is not None
    return found


def busy_morning(
    services: Services, people: list[int], seed: int = 7, register: bool = False
) -> None:
    """Walk-ins for every person, then calls (present and absent) and cancellations; with
    ``register``, most called visits are registered in PCare (some with vitals), some of those are
    undone, and no-shows among them cancelled (their registration deleted)."""
    rng = random.Random(seed)
    schedules = {poli: schedule_of(services, poli) for poli in POLIS}
    for index, pid in enumerate(people):
        poli = POLIS[index % len(POLIS)]
        services.tickets.take(TakeRequest(poli, TODAY, schedules[poli], participant_id=pid))
    desk = DeskService(services.store, services.clock, services.slips)
    for poli in POLIS:
        for _ in range(len(people) // 6):
            called = desk.call_next(poli, "loket-1", "uji@loket-1")
            assert called is not None
            if register and rng.random() < 0.8:
                vitals = Vitals(sistole=rng.randint(90, 160)) if rng.random() < 0.5 else None
                services.registration.register(called.id, vitals, "uji@loket-1")
                if rng.random() < 0.1:
                    services.registration.undo(called.id, "uji@loket-1")
            roll = rng.random()
            if roll < 0.6:
                desk.finish(desk.start_service(called.id, "uji@loket-1").id, "uji@loket-1")
            elif roll < 0.9:
                desk.skip(called.id, "uji@loket-1")
                if register and rng.random() < 0.5:
                    services.tickets.cancel(called.id, "Pulang")
    with services.store.read() as session:
        waiting = session.scalars(
            select(TicketRow.id).where(TicketRow.status == TicketStatus.WAITING)
        ).all()
    for ticket_id in rng.sample(list(waiting), len(waiting) // 4):
        services.tickets.cancel(ticket_id, "Batal uji")


def expected_mirror(services: Services) -> dict[tuple[str, str], tuple[str, str]]:
    with services.store.read() as session:
        rows = session.execute(
            select(
                TicketRow.poli_code, ParticipantRow.card_number, TicketRow.number, TicketRow.status
            )
            .join(ParticipantRow, ParticipantRow.id == TicketRow.participant_id)
            .where(TicketRow.service_date == TODAY)
        ).all()
    return {(p, c): (n, MIRRORED[TicketStatus(s)]) for p, c, n, s in rows}


def central_mirror(central: CentralServer) -> list[dict[str, Any]]:
    return [e for e in central.mirror(DAY) if e["cons_id"] == central.cons_id]


def assert_mirror_equals_store(services: Services, central: CentralServer) -> None:
    mirror = central_mirror(central)
    got = {(e["kodepoli"], e["nomorkartu"]): (e["nomorantrean"], e["status"]) for e in mirror}
    assert len(got) == len(mirror), "the central holds a number twice"
    expected = expected_mirror(services)
    assert got == expected
    with services.store.read() as session:
        states = dict(
            session.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()
        )
    assert set(states) <= {"sent", "void"}, states
    assert_registrations_equal(services, central)


def assert_registrations_equal(services: Services, central: CentralServer) -> None:
    """The central's PCare registrations are the store's: one per visit, same noUrut."""
    figures = check_store(services.settings.database_url)
    live = central.registrations(DAY)
    held = {(DAY, e["noUrut"], e["noKartu"], e["kdPoli"]) for e in live}
    assert len(held) == len(live)
    visits = [(e["noKartu"], e["kdPoli"]) for e in live]
    assert len(visits) == len(set(visits)), "a visit is registered twice at the central"
    assert held == set(figures.registered)


# -- lookups ----------
def test_lookups_online_offline_and_back(clinic: Services, central_server: CentralServer) -> None:
    participants = clinic.participants
    online = participants.check(Identity(IdentityKind.NIK, SITI_NIK))
    assert online.participant is not None and not online.offline
    assert online.participant.card_number == SITI_CARD and online.participant.verified
    with clinic.store.write() as session:  # Budi is known to the central, not to our cache
        session.execute(delete(ParticipantRow).where(ParticipantRow.card_number == BUDI_CARD))

    central_server.stop()
    started = time.monotonic()
    cached = participants.check(Identity(IdentityKind.CARD, SITI_CARD))
    assert cached.offline and cached.participant is not None and cached.participant.verified
    nik_only = participants.check(Identity(IdentityKind.NIK, "3273010101990009"))
    assert nik_only.participant is None and nik_only.problem == "identify.offline_nik"
    trusted = participants.check(Identity(IdentityKind.CARD, BUDI_CARD))
    assert trusted.offline and trusted.participant is not None
    assert not trusted.participant.verified
    assert time.monotonic() - started < 3 * 0.5 + 2  # three lookups, each within its timeout
    ticket = clinic.tickets.take(
        TakeRequest("001", TODAY, schedule_of(clinic, "001"), trusted.participant.id)
    ).ticket
    assert not ticket.verified

    central_server.start()
    unknown = participants.check(Identity(IdentityKind.CARD, "0009999999999"))
    assert unknown.participant is None and unknown.problem == "identify.unknown"
    assert fast_pump(clinic).drain()
    assert clinic.tickets.get(ticket.id).verified
    again = clinic.participants.get(trusted.participant.id)
    assert again.verified and again.nik and again.display_name.startswith("Budi")
    assert_mirror_equals_store(clinic, central_server)


@pytest.mark.parametrize("by", ["card", "nik"])
def test_a_first_visit_is_looked_up_at_the_central_and_remembered(
    clinic: Services, central_server: CentralServer, by: str
) -> None:
    # The soak found this: a person the cache had never seen crashed the lookup.
    with clinic.store.write() as session:
        session.execute(delete(ParticipantRow).where(ParticipantRow.card_number == BUDI_CARD))
    identity = (
        Identity(IdentityKind.CARD, BUDI_CARD)
        if by == "card"
        else Identity(IdentityKind.NIK, BUDI_NIK)
    )
    found = clinic.participants.check(identity)
    assert found.participant is not None and not found.offline
    assert found.participant.verified and found.participant.card_number == BUDI_CARD
    assert found.participant.nik == BUDI_NIK and found.participant.display_name.startswith("Budi")


# -- the outage drill ----------
def test_outage_drill(clinic: Services, central_server: CentralServer) -> None:
    people = add_people(clinic, 200, central=central_server)
    central_server.stop()
    busy_morning(clinic, people, register=True)
    pump = fast_pump(clinic)
    assert not pump.drain(max_failures=2)
    status = clinic.sync.status()
    assert not status.reachable and status.waiting > 200 and status.sent == 0

    central_server.start()
    assert pump.drain()
    status = clinic.sync.status()
    assert status.reachable and status.waiting == 0 and status.last_contact_at is not None
    assert_mirror_equals_store(clinic, central_server)
    # Registrations undone or cancelled while offline were withdrawn: PCare never heard of them.
    registered = central_server.registrations(DAY, live_only=False)
    taken_back = check_store(clinic.settings.database_url).registrations - len(registered)
    assert len(registered) > 20 and taken_back > 0, "too few to prove much"
    assert not any(e["deleted"] for e in registered)
    with clinic.store.read() as session:  # the day's report shows the outage as a period
        history = session.scalars(select(LinkEventRow.online).order_by(LinkEventRow.id)).all()
    assert history[-2:] == [False, True]


# -- the crash drill ----------
def sync_env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    for name in (
        "data_dir",
        "database_url",
        "facility_code",
        "central_antrean_url",
        "central_pcare_url",
        "central_cons_id",
        "central_secret",
        "central_antrean_user_key",
        "central_pcare_user_key",
        "central_pcare_username",
        "central_pcare_password",
        "central_timeout",
    ):
        env[f"KIOSK_{name.upper()}"] = str(getattr(settings, name))
    env["KIOSK_CONFIG_FILE"] = str(settings.data_dir / "no-such.toml")
    return env


def sent_count(clinic: Services) -> int:
    with clinic.store.read() as session:
        return int(session.scalar(select(func.count()).where(OutboxRow.state == "sent")) or 0)


def test_crash_drill(clinic: Services, central_server: CentralServer) -> None:
    busy_morning(clinic, add_people(clinic, 90, central=central_server), seed=3, register=True)
    central_server.set_faults(delay_ms=15)  # so that kills land in the middle of sends
    env = sync_env(clinic.settings)
    rng = random.Random(11)
    for _ in range(6):
        before = sent_count(clinic)
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "sync"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Kill once it is sending (however slow this machine starts a process), at a random
        # moment in the middle of its work.
        deadline = time.monotonic() + 60
        while sent_count(clinic) == before and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert sent_count(clinic), "no kill landed after a send: the drill tested nothing"
    central_server.set_faults(delay_ms=0)
    finished = subprocess.run(
        [sys.executable, "-m", "kiosk", "sync", "--once"], env=env, capture_output=True, timeout=60
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert_mirror_equals_store(clinic, central_server)
    assert len(central_server.registrations(DAY)) > 5, "no registration went through the kills"


# -- the flaky drill ----------
def test_flaky_drill_converges_and_lookups_stay_quick(
    clinic: Services, central_server: CentralServer
) -> None:
    busy_morning(clinic, add_people(clinic, 30), seed=5)
    central_server.set_faults(fail_rate=0.3, delay_ms=30, bad_json_rate=0.1, seed=4)
    stop = threading.Event()
    pump = fast_pump(clinic)
    worker = threading.Thread(target=pump.drain, kwargs={"max_failures": 10_000, "stop": stop})
    worker.start()
    slowest = 0.0
    try:
        for _ in range(3):
            began = time.monotonic()
            found = clinic.participants.check(Identity(IdentityKind.CARD, SITI_CARD))
            slowest = max(slowest, time.monotonic() - began)
            assert found.participant is not None  # from the central or, failing that, the cache
        worker.join(60)
    finally:
        stop.set()
        worker.join()
    assert slowest < clinic.settings.central_lookup_timeout + 1.0
    assert clinic.sync.status().waiting == 0
    central_server.set_faults(fail_rate=0.0, delay_ms=0, bad_json_rate=0.0)
    assert_mirror_equals_store(clinic, central_server)


# -- two pumps, one store ----------
def test_two_pumps_never_send_an_item_twice(
    clinic: Services, central_server: CentralServer
) -> None:
    busy_morning(clinic, add_people(clinic, 90), seed=9)
    pumps = [fast_pump(clinic, batch=5), fast_pump(clinic, batch=5)]
    threads = [threading.Thread(target=p.drain) for p in pumps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    with clinic.store.read() as session:
        attempts = session.scalars(select(OutboxRow.attempts)).all()
    assert attempts and set(attempts) == {1}
    assert_mirror_equals_store(clinic, central_server)


# -- calls in flight together ----------
def test_calls_in_flight_keep_every_order(clinic: Services, central_server: CentralServer) -> None:
    """Two calls at the central at once, and still each participant's calls in the store's order:
    half of the people cancel their number and take one at the next poli (the soak's case: a
    cancel at one poli, then the same card's add at another)."""
    people = add_people(clinic, 60, central=central_server)
    schedules = {poli: schedule_of(clinic, poli) for poli in POLIS}
    for index, pid in enumerate(people):
        poli = POLIS[index % len(POLIS)]
        take = TakeRequest(poli, TODAY, schedules[poli], participant_id=pid)
        ticket = clinic.tickets.take(take).ticket
        if index % 2 == 0:
            clinic.tickets.cancel(ticket.id, "Pindah poli")
            other = POLIS[(index + 1) % len(POLIS)]
            clinic.tickets.take(TakeRequest(other, TODAY, schedules[other], participant_id=pid))
    central_server.set_faults(delay_ms=5)  # answers take a moment: the calls overlap
    pump = fast_pump(clinic, in_flight=2)
    spans: list[tuple[float, float, str, str, str]] = []  # began, answered, kind, card, poli
    lock = threading.Lock()
    send = pump.client.send

    def recorded(kind: str, payload: dict[str, Any], timeout: float | None = None) -> Any:
        began = time.monotonic()
        answer = send(kind, payload, timeout=timeout)
        with lock:
            card, poli = payload["nomorkartu"], payload["kodepoli"]
            spans.append((began, time.monotonic(), kind, card, poli))
        return answer

    pump.client.send = recorded  # type: ignore[method-assign]
    assert pump.drain()
    together = [(a, b) for a in spans for b in spans if a < b and b[0] < a[1]]
    assert together, "no two calls were at the central at once: the drill tested nothing"
    assert all(a[3] != b[3] for a, b in together), "one participant's calls at the central at once"
    for index, _ in enumerate(people):
        card = f"000901{index:07d}"
        calls = [(kind, poli) for _, _, kind, held, poli in sorted(spans) if held == card]
        poli, other = POLIS[index % len(POLIS)], POLIS[(index + 1) % len(POLIS)]
        moved = [("antrean.add", poli), ("antrean.batal", poli), ("antrean.add", other)]
        assert calls == (moved if index % 2 == 0 else [("antrean.add", poli)])
    assert_mirror_equals_store(clinic, central_server)


# -- refusals ----------
def test_a_refusal_is_parked_with_the_central_message_for_staff(
    clinic: Services, central_server: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticket = clinic.tickets.take(
        TakeRequest("001", TODAY, schedule_of(clinic, "001"), add_people(clinic, 1)[0])
    ).ticket
    with clinic.store.write() as session:  # a poli the central has never heard of
        row = session.scalars(select(OutboxRow).where(OutboxRow.ticket_id == ticket.id)).one()
        row.payload = {**row.payload, "kodepoli": "9Z9"}
    clinic.tickets.cancel(ticket.id, "Batal uji")
    assert not fast_pump(clinic).drain()
    status = clinic.sync.status(with_parked=True)
    assert status.parked == 1 and status.waiting == 1  # the cancellation waits behind it
    (parked,) = status.parked_items
    assert "9Z9" in parked.message and parked.number == ticket.number
    for key, value in sync_env(clinic.settings).items():
        monkeypatch.setenv(key, value)
    shown = CliRunner().invoke(sync_command, ["--status"])
    assert shown.exit_code == 0
    assert "parked:       1" in shown.output and "9Z9" in shown.output
    assert "0009" not in shown.output.replace("•", "")  # the card, masked
