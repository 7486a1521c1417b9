"""A whole clinic day under fire (the soak), on each engine.

One Monday, 07:30 to 15:30 WIB, run at high speed: two kiosk stands (each an OS process with its
own outbox pump) take numbers and check in bookings, two desks (processes) call, serve, skip and
send patients on to the pharmacy, phones book and cancel through the clinic's web service over
HTTP, and `kiosk sync` pumps the outbox to the reference central (`kiosk central`, a real server).
Meanwhile the soak kills a kiosk or the pump (-9) and restarts it, and takes the central down
(stopped or killed) and up again.

At the end, with the central up and the outbox drained by `kiosk sync --once`:
- every ticket is accounted for: the store is consistent (no number twice, no gap); every number
  a patient or a phone was shown still stands; a ticket nobody was shown exists only where a
  kill may have cut the line that would have told of it (at most one per kill);
- no patient holds two live numbers at one poli on one day;
- every outbox item was sent (none parked, none waiting), and the central's mirror of both days
  equals the store: each card's latest number and the state the clinic last told;
- `kiosk report` (the CSV) and the report's service count equal what the events say, and the
  desks' own record of whom they served.

The short form runs in CI (``KIOSK_SOAK_SECONDS``, default 30 s for the clinic day per engine); the
long form is ``make soak``. Figures go to stdout (``pytest -s``) and to ``soak-figures.txt`` in
the test's directory.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

import httpx
import pytest
from sqlalchemy import func, select, update

from kiosk.config import load_settings
from kiosk.domain.clock import FacilityClock
from kiosk.domain.outbox import OutboxState
from kiosk.domain.schedule import slot_is_over
from kiosk.services import Services
from kiosk.services.report import ReportService
from kiosk.services.setup import open_clinic
from kiosk.store.models import (
    OutboxRow,
    ParticipantRow,
    ScheduleRow,
    TicketEventRow,
    TicketRow,
)
from kiosk.web import create_app
from tests.central_server import CentralServer
from tests.consistency import StoreFigures, check_store
from tests.soak._actors import DAY_LENGTH, DAY_START, WIB, day_over, fast_day, pause
from tests.web.phone import PASSWORD, USERNAME, LiveServer, booking, patient

pytestmark = [pytest.mark.soak, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SECONDS = float(os.environ.get("KIOSK_SOAK_SECONDS", "30"))
PEOPLE = 300
KIOSKS = ("kiosk-1", "kiosk-2")
DESKS = {"desk-1": ["001", "004", "APT"], "desk-2": ["002", "003", "APT"]}
TODAY = DAY_START.astimezone(WIB).date()
DAYS = (TODAY, TODAY + timedelta(days=1))


# -- the people of the day ---------------------------------------------------------------------
def people() -> list[dict[str, Any]]:
    """Members registered at this clinic, known to the central; the clinic knows none yet."""
    everyone = []
    for i in range(1, PEOPLE + 1):
        born = date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
        sex = "P" if i % 2 else "L"
        day = born.day + (40 if sex == "P" else 0)  # the NIK adds 40 to a woman's birth day
        everyone.append(
            {
                "nik": f"327301{day:02d}{born:%m%y}{i:04d}",
                "card": f"0008{i:09d}",
                # A name holds letters, not digits (POST /peserta refuses them).
                "name": "Peserta Soak " + "".join("ABCDEFGHIJ"[int(d)] for d in str(i)),
                "sex": sex,
                "born": born,
            }
        )
    return everyone


def load_into_central(central: CentralServer, everyone: list[dict[str, Any]], path: Path) -> None:
    central.load_participants(
        [(p["card"], p["name"], p["sex"], f"{p['born']:%d-%m-%Y}", p["nik"]) for p in everyone],
        path,
    )


# -- the clinic and its processes ----------------------------------------------------------------
def environment(values: dict[str, Any]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update({f"KIOSK_{name.upper()}": str(value) for name, value in values.items()})
    env["KIOSK_CONFIG_FILE"] = str(Path(values["data_dir"]) / "no-such.toml")
    env["PYTHONPATH"] = str(ROOT)
    return env


class Crew:
    """The day's processes: started, killed and started again, each printing to its own log."""

    def __init__(self, env: dict[str, str], logs: Path, epoch: float, speed: float) -> None:
        self.env, self.logs, self.epoch, self.speed = env, logs, epoch, speed
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.commands: dict[str, list[str]] = {}
        self.kills: Counter[str] = Counter()
        self._outputs: list[TextIO] = []
        logs.mkdir(parents=True, exist_ok=True)

    def actor(self, name: str, role: str, seed: int, extra: object) -> None:
        self.commands[name] = [
            *(sys.executable, "-m", "tests.soak._actors", role),
            *(str(seed), repr(self.epoch), str(self.speed), json.dumps(extra)),
        ]
        self.start(name)

    def pump(self) -> None:
        self.commands["pump"] = [sys.executable, "-m", "kiosk", "sync"]
        self.start("pump")

    def start(self, name: str) -> None:
        command = list(self.commands[name])
        if self.kills[name] and name != "pump":  # a restarted actor does not replay its dice
            command[4] = str(int(command[4]) + 1000 * self.kills[name])
        out = (self.logs / f"{name}.out").open("ab")
        err = (self.logs / f"{name}.err").open("ab")
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=out, stderr=err
        )
        out.close()
        err.close()

    def kill(self, name: str) -> None:
        process = self.processes[name]
        if process.poll() is None:
            process.kill()
            process.wait()
            self.kills[name] += 1
        self.start(name)

    def check_alive(self) -> None:
        """An actor that ended on its own before the day did has failed: show why."""
        for name, process in self.processes.items():
            if process.poll() not in (None, 0):
                pytest.fail(f"{name} died by itself:\n{self.errors(name)}")

    def errors(self, name: str) -> str:
        return (self.logs / f"{name}.err").read_text(errors="replace")[-3000:]

    def finish(self, timeout: float = 60) -> None:
        """The actors end with the day; the pump is told to stop."""
        self.processes["pump"].terminate()
        for name, process in self.processes.items():
            try:
                code = process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                pytest.fail(f"{name} did not end with the day:\n{self.errors(name)}")
            if name != "pump":
                assert code == 0, f"{name} exited {code}:\n{self.errors(name)}"

    def stop_all(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()

    def lines(self, prefix: str) -> list[list[str]]:
        """What the actors whose name starts with ``prefix`` printed, as words per line (a line
        a kill cut short, without its newline, said nothing)."""
        said = []
        for path in sorted(self.logs.glob(f"{prefix}*.out")):
            for line in path.read_text().splitlines(keepends=True):
                if line.endswith("\n") and line.split():
                    said.append(line.split())
        return said


# -- phones ------------------------------------------------------------------------------------
class Phones:
    """Mobile JKN users booking, re-booking and cancelling through `kiosk serve` over HTTP."""

    def __init__(
        self, services: Services, url: str, everyone: list[dict[str, Any]], speed: float
    ) -> None:
        self.services, self.url, self.everyone, self.speed = services, url, everyone, speed
        self.booked: list[tuple[str, str, str, str]] = []  # card, poli, date, number shown
        self.cancelled: list[tuple[str, str, str]] = []
        self.answers: Counter[str] = Counter()
        self.problems: list[str] = []
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._phone, args=(seed,), daemon=True) for seed in (1, 2)
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self._threads:
            thread.join(60)

    def _phone(self, seed: int) -> None:
        rng = random.Random(seed)
        mine: list[tuple[str, str, str]] = []
        try:
            with httpx.Client(base_url=self.url, timeout=60) as client:
                headers = self._login(client)
                while not self.stop.is_set() and not day_over(self.services.clock.utcnow):
                    pause(rng, self.speed, (3, 8))
                    if mine and rng.random() < 0.15:
                        self._cancel(client, headers, mine.pop(rng.randrange(len(mine))))
                    else:
                        got = self._book(client, headers, rng)
                        if got is not None:
                            mine.append(got)
                    if rng.random() < 0.02:  # a phone logs in again now and then
                        headers = self._login(client)
        except Exception as exc:  # the test thread reports it
            self.problems.append(f"phone {seed}: {exc!r}")

    def _login(self, client: httpx.Client) -> dict[str, str]:
        answer = client.get("/auth", headers={"x-username": USERNAME, "x-password": PASSWORD})
        token = self._read(answer, "auth")["response"]["token"]
        return {"x-token": token, "x-username": USERNAME}

    def _read(self, answer: httpx.Response, what: str) -> dict[str, Any]:
        """Every answer is the contract's envelope over HTTP 200, whatever went wrong."""
        if answer.status_code != 200:
            raise AssertionError(f"{what}: HTTP {answer.status_code} {answer.text[:300]}")
        body: dict[str, Any] = answer.json()
        code = int(body["metadata"]["code"])
        with self._lock:
            self.answers[f"{what} {code}"] += 1
        return body

    def _book(
        self, client: httpx.Client, headers: dict[str, str], rng: random.Random
    ) -> tuple[str, str, str] | None:
        person = rng.choice(self.everyone)
        clock = self.services.clock
        day = clock.today() + timedelta(days=0 if rng.random() < 0.6 else 1)
        poli = rng.choice(("001", "002", "003", "004"))
        slots = [
            s for s in self.services.clinic.slots(poli, day) if not slot_is_over(s, clock.now())
        ]
        if not slots:
            return None
        slot = rng.choice(slots)
        body = booking(
            nomorkartu=person["card"],
            nik=person["nik"],
            kodepoli=poli,
            tanggalperiksa=day.isoformat(),
            kodedokter=slot.doctor_code,
            jampraktek=f"{slot.start:%H:%M}-{slot.end:%H:%M}",
        )
        answer = self._read(client.post("/antrean", json=body, headers=headers), "book")
        if answer["metadata"]["code"] == 202:  # new here: register, then book again
            details = patient(
                nomorkartu=person["card"],
                nik=person["nik"],
                nama=person["name"],
                jeniskelamin=person["sex"],
                tanggallahir=person["born"].isoformat(),
            )
            self._read(client.post("/peserta", json=details, headers=headers), "register")
            answer = self._read(client.post("/antrean", json=body, headers=headers), "book")
        if answer["metadata"]["code"] != 200:
            return None
        number = answer["response"]["nomorantrean"]
        with self._lock:
            self.booked.append((person["card"], poli, day.isoformat(), number))
        return person["card"], poli, day.isoformat()

    def _cancel(
        self, client: httpx.Client, headers: dict[str, str], held: tuple[str, str, str]
    ) -> None:
        card, poli, day = held
        body = {"nomorkartu": card, "kodepoli": poli, "tanggalperiksa": day, "keterangan": "Batal"}
        answer = self._read(client.put("/antrean/batal", json=body, headers=headers), "cancel")
        if answer["metadata"]["code"] == 200:
            with self._lock:
                self.cancelled.append(held)


# -- the day -----------------------------------------------------------------------------------
@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    server = CentralServer(tmp_path / "central")
    yield server
    server.kill()


def test_a_whole_clinic_day_under_fire(
    tmp_path: Path, database_url: str, central: CentralServer
) -> None:
    everyone = people()
    load_into_central(central, everyone, tmp_path / "peserta.csv")
    central.start()
    speed = DAY_LENGTH.total_seconds() / SECONDS
    epoch = time.time()
    values: dict[str, Any] = {
        "data_dir": tmp_path / "clinic",
        "database_url": database_url,
        "facility_code": "P3273010",
        "facility_name": "Puskesmas Uji",
        "printer": "none",
        "central_timeout": 1.0,
        "central_lookup_timeout": 0.5,
        "ws_token_seconds": 86400,  # a token's life is clinic time, which runs fast here
        **central.clinic_settings(),
    }
    settings = load_settings(**values)
    services = open_clinic(settings, clock=FacilityClock(WIB, fast_day(epoch, speed)))
    with services.store.write() as session:  # a busy clinic: room in every shift
        session.execute(update(ScheduleRow).values(quota=600))
    central.set_kapasitas(600)  # the central refuses adds over HFIS kapasitas
    with services.store.read() as session:
        before_the_day = set(session.scalars(select(TicketRow.id)).all())
    env = environment(values)
    crew = Crew(env, tmp_path / "logs", epoch, speed)
    server = LiveServer(create_app(services))
    server.start()
    phones = Phones(services, server.url, everyone, speed)
    cards = [[p["nik"], p["card"]] for p in everyone]
    outages = 0
    try:
        for n, name in enumerate(KIOSKS, 1):
            crew.actor(name, "kiosk", n, cards)
        for n, (name, polis) in enumerate(DESKS.items(), 1):
            crew.actor(name, "desk", 10 + n, {"name": name, "polis": polis})
        crew.pump()
        phones.start()
        chaos = random.Random(2026)
        while not day_over(services.clock.utcnow):
            time.sleep(chaos.uniform(0.5, 2.0))
            crew.check_alive()
            roll = chaos.random()
            if roll < 0.4:
                crew.kill(chaos.choice(KIOSKS))
            elif roll < 0.7:
                crew.kill("pump")
            elif central.running:
                central.kill() if roll < 0.85 else central.stop()
                outages += 1
                time.sleep(chaos.uniform(1.0, 4.0))
                central.start()
        central.start()
        phones.finish()
        crew.finish()
    finally:
        phones.stop.set()
        crew.stop_all()
        server.stop()
    assert not phones.problems, phones.problems
    drain(env)

    # -- every ticket accounted for ----------
    figures = check_store(database_url)
    tickets = ticket_table(services)
    shown = shown_numbers(crew, phones, tickets)
    kiosk_kills = sum(crew.kills[name] for name in KIOSKS)
    unseen = set(tickets) - before_the_day - shown
    assert len(unseen) <= kiosk_kills, f"{len(unseen)} tickets nobody was shown: {unseen}"
    assert no_one_holds_two(services)

    # -- the central agrees ----------
    with services.store.read() as session:
        states = dict(
            session.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()
        )
    assert set(states) <= {OutboxState.SENT, OutboxState.VOID}, states
    mirrored = 0
    for day in DAYS:
        mirrored += assert_mirror_equals_store(services, central, day)
    registered = assert_registrations(figures, central)

    # -- the report agrees ----------
    totals = report_totals(env, tmp_path / "laporan.csv")
    expected = totals_from_events(services)
    assert totals == expected["csv"]
    served_by_desks = sum(1 for words in crew.lines("desk") if words[0] == "SERVED")
    assert (
        ReportService(services.store, services.clock).day(TODAY).total.service.count
        == expected["served"]
        == served_by_desks
    )
    # Distinct tickets: two kiosks may check in one booking at once, and the second check-in of a
    # number already in the queue is a harmless no-op that both kiosks show.
    arrivals_shown = len({w[1] for w in crew.lines("kiosk") if w[0] in {"TAKEN", "CHECKED_IN"}})
    assert arrivals_shown <= totals["pasien"] <= arrivals_shown + kiosk_kills

    said = Counter(words[0] for words in crew.lines("kiosk") + crew.lines("desk"))
    report = (
        f"soak ({database_url.split(':')[0].split('+')[0]}): {SECONDS:.0f} s for 8 clinic hours; "
        f"{figures.tickets} tickets ({figures.cancelled} cancelled), "
        f"{len(phones.booked)} phone bookings, {said['CHECKED_IN']} check-ins, "
        f"{said['CALLED']} calls, {said['SERVED']} served, {said['NO_SHOW']} no-shows, "
        f"{said['TRANSFERRED']} sent to the pharmacy, {said['REFUSED']} refusals; "
        f"faults: {kiosk_kills} kiosk kills, {crew.kills['pump']} pump kills, "
        f"{outages} central outages; outbox {states.get('sent', 0)} sent; "
        f"mirror {mirrored} entries equal; {said['REGISTERED']} PCare registrations, "
        f"{registered} held at the central, equal; lost 0, doubled 0"
    )
    print(report, dict(phones.answers))
    (tmp_path / "soak-figures.txt").write_text(report + "\n")
    assert figures.tickets > 100 and said["SERVED"] > 20, "the day was too quiet to prove much"


def drain(env: dict[str, str]) -> None:
    """`kiosk sync --once` until nothing waits: items a killed pump held come free after their
    lease."""

    def sync(option: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "kiosk", "sync", option]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    deadline = time.monotonic() + 120
    while True:
        done = sync("--once")
        if done.returncode == 0:
            return
        if time.monotonic() >= deadline:  # say what waits, and why
            raise AssertionError(done.stdout + done.stderr + sync("--status").stdout)
        time.sleep(1)


def ticket_table(services: Services) -> dict[int, tuple[str, str, str, str | None]]:
    """Every ticket: id -> (number, poli, date, card or None)."""
    with services.store.read() as session:
        rows = session.execute(
            select(
                TicketRow.id,
                TicketRow.number,
                TicketRow.poli_code,
                TicketRow.service_date,
                ParticipantRow.card_number,
            ).outerjoin(ParticipantRow, ParticipantRow.id == TicketRow.participant_id)
        ).all()
    return {i: (number, poli, str(day), card) for i, number, poli, day, card in rows}


def shown_numbers(
    crew: Crew, phones: Phones, tickets: dict[int, tuple[str, str, str, str | None]]
) -> set[int]:
    """The tickets someone was shown, each checked to still stand with the number shown."""
    shown: set[int] = set()
    for words in crew.lines("kiosk"):
        if words[0] in {"TAKEN", "HELD", "CHECKED_IN", "CANCELLED"}:
            ticket_id, number = int(words[1]), words[2]
            assert tickets[ticket_id][0] == number, f"{words}: the store says {tickets[ticket_id]}"
            shown.add(ticket_id)
    by_key = {(card, poli, day, number): i for i, (number, poli, day, card) in tickets.items()}
    for card, poli, day, number in phones.booked:
        found = by_key.get((card, poli, day, number))
        assert found is not None, f"phone booking {number} at {poli} on {day} is gone"
        shown.add(found)
    return shown


def no_one_holds_two(services: Services) -> bool:
    with services.store.read() as session:
        doubled = session.execute(
            select(TicketRow.participant_id, TicketRow.poli_code, TicketRow.service_date)
            .where(TicketRow.participant_id.is_not(None), TicketRow.status != "cancelled")
            .group_by(TicketRow.participant_id, TicketRow.poli_code, TicketRow.service_date)
            .having(func.count() > 1)
        ).all()
    assert doubled == [], doubled
    return True


CENTRAL_STATE = {"antrean.add": "booked", "antrean.batal": "cancelled"}


def assert_mirror_equals_store(services: Services, central: CentralServer, day: date) -> int:
    """Per poli and card, the central holds the card's latest number and the state the clinic
    last told of it (a number cancelled and taken again is the new number)."""
    with services.store.read() as session:
        latest = session.execute(
            select(TicketRow.id, TicketRow.poli_code, ParticipantRow.card_number, TicketRow.number)
            .join(ParticipantRow, ParticipantRow.id == TicketRow.participant_id)
            .where(TicketRow.service_date == day)
            .order_by(TicketRow.id)
        ).all()
        told: dict[int, str] = {}
        for ticket_id, kind, payload in session.execute(
            select(OutboxRow.ticket_id, OutboxRow.kind, OutboxRow.payload)
            .where(OutboxRow.state == OutboxState.SENT)
            .order_by(OutboxRow.id)
        ):
            if kind.startswith("pcare."):
                continue  # PCare registrations: compared on their own (assert_registrations)
            if kind == "antrean.panggil":
                told[ticket_id] = "called" if payload["status"] == 1 else "absent"
            else:
                told[ticket_id] = CENTRAL_STATE[kind]
    expected = {
        (poli, card): (number, told.get(i, "never told")) for i, poli, card, number in latest
    }
    mirror = [e for e in central.mirror(day.isoformat()) if e["cons_id"] == central.cons_id]
    got = {(e["kodepoli"], e["nomorkartu"]): (e["nomorantrean"], e["status"]) for e in mirror}
    assert len(got) == len(mirror), "the central holds a card twice at one poli"
    numbers = Counter((e["kodepoli"], e["nomorantrean"]) for e in mirror)
    assert max(numbers.values(), default=1) == 1, "the central holds a number twice"
    differences = {k: (expected.get(k), got.get(k)) for k in expected.keys() | got.keys()}
    differences = {k: v for k, v in differences.items() if v[0] != v[1]}
    assert not differences, f"{len(differences)} differ: {list(differences.items())[:10]}"
    return len(got)


def assert_registrations(figures: StoreFigures, central: CentralServer) -> int:
    """The central's PCare registrations equal the store's: one per visit, same noUrut."""
    held: set[tuple[str, ...]] = set()
    for day in DAYS:
        live = central.registrations(day.isoformat())
        visits = [(e["noKartu"], e["kdPoli"]) for e in live]
        assert len(visits) == len(set(visits)), "a visit is registered twice at the central"
        held |= {(day.isoformat(), e["noUrut"], e["noKartu"], e["kdPoli"]) for e in live}
    assert held == set(figures.registered)
    return len(held)


def report_totals(env: dict[str, str], path: Path) -> dict[str, int]:
    """`kiosk report --csv` of the day, as a clinic's admin runs it: the TOTAL row's counts."""
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "report", "--date", TODAY.isoformat(), "--csv", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    with path.open(encoding="utf-8-sig") as handle:
        rows = {row["kode_poli"]: row for row in csv.DictReader(handle)}
    total = rows["TOTAL"]
    return {name: int(total[name]) for name in ("pasien", "tidak_hadir", "batal")}


def totals_from_events(services: Services) -> dict[str, Any]:
    """The same totals, counted straight from the audit and the tickets (the soak does no undo,
    and the desks finish a patient before sending them on)."""
    with services.store.read() as session:
        of_today = select(TicketRow.id).where(TicketRow.service_date == TODAY)
        kinds: dict[str, int] = defaultdict(int)
        for kind, count in session.execute(
            select(TicketEventRow.kind, func.count(func.distinct(TicketEventRow.ticket_id)))
            .where(TicketEventRow.ticket_id.in_(of_today))
            .group_by(TicketEventRow.kind)
        ):
            kinds[kind] = count
        served = session.scalar(
            select(func.count())
            .select_from(TicketEventRow)
            .where(TicketEventRow.ticket_id.in_(of_today), TicketEventRow.kind == "served")
        )
        statuses = dict(
            session.execute(
                select(TicketRow.status, func.count())
                .where(TicketRow.service_date == TODAY)
                .group_by(TicketRow.status)
            ).all()
        )
    arrived = kinds["issued"] + kinds["checked_in"]  # a walk-in is issued, a booking checks in
    return {
        "csv": {
            "pasien": arrived,
            "tidak_hadir": statuses.get("skipped", 0),
            "batal": statuses.get("cancelled", 0),
        },
        "served": served,
    }
