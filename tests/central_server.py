"""The reference central (`kiosk central`) as a real subprocess on a free loopback port, for any
test that needs the central: sync drills, lookups, outages.

API::

    server = CentralServer(data_dir, *, port=None, cons_id=CONS_ID, secret=SECRET,
                           user_key=USER_KEY, encrypt=True, fail_rate=0.0, delay_ms=0,
                           bad_json_rate=0.0, seed=None, facility_code="P3273010")
    server.start(timeout=30)   # spawn `python -m kiosk central --port ...`; wait until it answers
    server.stop(timeout=10)    # SIGTERM, wait (a clean shutdown)
    server.kill()              # SIGKILL, wait (a crash / pulled cable)
    server.start()             # again: the SAME port and the SAME database (data_dir/central.db)
    server.running             # the process is alive
    server.url                 # http://127.0.0.1:PORT
    server.antrean_url         # http://127.0.0.1:PORT/antreanfktp  (KIOSK_CENTRAL_ANTREAN_URL)
    server.pcare_url           # http://127.0.0.1:PORT/pcare-rest   (KIOSK_CENTRAL_PCARE_URL)
    server.clinic_settings()   # {"central_antrean_url": ..., "central_pcare_url": ...,
                               #  "central_cons_id": ..., "central_secret": ...,
                               #  "central_antrean_user_key", "central_pcare_user_key",
                               #  "central_pcare_username", "central_pcare_password"}
                               #  -> make_settings(**...)
    server.signed_headers(pcare=False)  # fresh X-cons-id / X-timestamp / X-signature /
                               # the service's user_key (+ X-authorization for PCare)
    server.request(method, path, json=None) -> httpx.Response   # signed; path from server.url
    server.set_faults(fail_rate=.., delay_ms=.., bad_json_rate=.., down=.., seed=..) -> dict
                               # POST /admin/faults: only the given switches change
    server.registrations("2026-11-23", live_only=True) -> list[dict]  # PCare /pendaftaran
    server.mirror("2026-11-23") -> list[dict]   # the central's queue mirror for a date: dicts
                               # with nomorantrean, angkaantrean, kodepoli, nomorkartu (full),
                               # status (booked/called/absent/cancelled), waktu, alasan, ...
                               # (over HTTP while running, else `kiosk central mirror --json`)
    with CentralServer(...) as server: ...     # start/stop

Fixture (tests/conftest.py imports it, so every test folder has it): ``central_server`` — started
on a fresh data dir under tmp_path with the test consumer (CONS_ID, SECRET, USER_KEY), encryption
on, no faults; stopped (killed if need be) after the test.

The server's console output goes to ``data_dir/central.out`` (shown when it fails to start); its
log to ``data_dir/logs/central.log``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
import pytest

CONS_ID = "21095"
SECRET = "test-central-secret-7c1f"
USER_KEY = "test-user-key-4d2a"  # Antrean FKTP's
PCARE_USER_KEY = "test-pcare-key-91be"  # PCare's own
PCARE_USERNAME = "pkm-sukamaju"
PCARE_PASSWORD = "test-pcare-pass-55"
PCARE_APP_CODE = "095"


def pcare_authorization(
    username: str = PCARE_USERNAME, password: str = PCARE_PASSWORD, app_code: str = PCARE_APP_CODE
) -> str:
    """PCare's X-authorization, computed here independently of the client."""
    return "Basic " + base64.b64encode(f"{username}:{password}:{app_code}".encode()).decode()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def sign(cons_id: str, secret: str, timestamp: str) -> str:
    """The protocol's X-signature, computed here independently of kiosk.domain.signing."""
    digest = hmac.new(secret.encode(), f"{cons_id}&{timestamp}".encode(), hashlib.sha256)
    return base64.b64encode(digest.digest()).decode()


class CentralServer:
    def __init__(
        self,
        data_dir: Path,
        *,
        port: int | None = None,
        cons_id: str = CONS_ID,
        secret: str = SECRET,
        user_key: str = USER_KEY,
        pcare_user_key: str = PCARE_USER_KEY,
        encrypt: bool = True,
        fail_rate: float = 0.0,
        delay_ms: int = 0,
        bad_json_rate: float = 0.0,
        seed: int | None = None,
        facility_code: str = "P3273010",
    ) -> None:
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.cons_id, self.secret, self.user_key = cons_id, secret, user_key
        self.pcare_user_key = pcare_user_key
        self.encrypt = encrypt
        self.fail_rate, self.delay_ms, self.bad_json_rate = fail_rate, delay_ms, bad_json_rate
        self.seed = seed
        self.facility_code = facility_code
        self._process: subprocess.Popen[bytes] | None = None

    # -- addresses ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def antrean_url(self) -> str:
        return f"{self.url}/antreanfktp"

    @property
    def pcare_url(self) -> str:
        return f"{self.url}/pcare-rest"

    def clinic_settings(self) -> dict[str, str]:
        """The clinic's settings that point at this central with its consumer."""
        return {
            "central_antrean_url": self.antrean_url,
            "central_pcare_url": self.pcare_url,
            "central_cons_id": self.cons_id,
            "central_secret": self.secret,
            "central_antrean_user_key": self.user_key,
            "central_pcare_user_key": self.pcare_user_key,
            "central_pcare_username": PCARE_USERNAME,
            "central_pcare_password": PCARE_PASSWORD,
        }

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        env.update(
            KIOSK_DATA_DIR=str(self.data_dir),
            KIOSK_CONFIG_FILE=str(self.data_dir / "no-such-kiosk.toml"),
            KIOSK_FACILITY_CODE=self.facility_code,
            KIOSK_CENTRAL_CONS_ID=self.cons_id,
            KIOSK_CENTRAL_SECRET=self.secret,
            KIOSK_CENTRAL_ANTREAN_USER_KEY=self.user_key,
            KIOSK_CENTRAL_PCARE_USER_KEY=self.pcare_user_key,
            KIOSK_CENTRAL_PCARE_USERNAME=PCARE_USERNAME,
            KIOSK_CENTRAL_PCARE_PASSWORD=PCARE_PASSWORD,
        )
        return env

    # -- life cycle ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 30) -> None:
        if self.running:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "kiosk", "central", "--port", str(self.port)]
        command += ["--fail-rate", str(self.fail_rate), "--delay-ms", str(self.delay_ms)]
        command += ["--bad-json-rate", str(self.bad_json_rate)]
        if self.seed is not None:
            command += ["--seed", str(self.seed)]
        if not self.encrypt:
            command.append("--no-encrypt")
        out = (self.data_dir / "central.out").open("ab")
        self._process = subprocess.Popen(
            command, env=self.environment(), stdout=out, stderr=subprocess.STDOUT
        )
        out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"kiosk central exited at start:\n{self.output()}")
            try:
                if self.request("GET", "/admin/faults", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"kiosk central did not answer within {timeout} s:\n{self.output()}")

    def stop(self, timeout: float = 10) -> None:
        """A clean shutdown (SIGTERM); killed if it does not end in time."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None

    def kill(self) -> None:
        """The process dies at once (SIGKILL), as in a crash."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._process = None

    def output(self) -> str:
        path = self.data_dir / "central.out"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def __enter__(self) -> CentralServer:
        self.start()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- calls --------------------------------------------------------------------------------

    def signed_headers(self, timestamp: int | None = None, pcare: bool = False) -> dict[str, str]:
        """Antrean FKTP's headers, or PCare's (its own user_key and the X-authorization)."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        headers = {
            "X-cons-id": self.cons_id,
            "X-timestamp": stamp,
            "X-signature": sign(self.cons_id, self.secret, stamp),
            "user_key": self.pcare_user_key if pcare else self.user_key,
        }
        if pcare:
            headers["X-authorization"] = pcare_authorization()
        return headers

    def request(
        self, method: str, path: str, json: Any = None, timeout: float = 10
    ) -> httpx.Response:
        return httpx.request(
            method,
            self.url + path,
            json=json,
            headers=self.signed_headers(pcare=path.startswith("/pcare-rest")),
            timeout=timeout,
        )

    def set_faults(self, **changes: Any) -> dict[str, Any]:
        """Change the drill's faults at run time: fail_rate, delay_ms, bad_json_rate, down, seed."""
        answer = self.request("POST", "/admin/faults", json=changes)
        answer.raise_for_status()
        result: dict[str, Any] = answer.json()
        return result

    def set_kapasitas(self, kapasitas: int) -> None:
        """Every shift's HFIS kapasitas (as the clinic's drills raise their quotas)."""
        self.request("POST", f"/admin/kapasitas/{kapasitas}").raise_for_status()

    def load_participants(self, rows: list[tuple[str, str, str, str, str]], path: Path) -> None:
        """`kiosk central load-participants` with rows (card, name, sex, dd-mm-yyyy, NIK), all
        active, as an operator loads them (works whether the central runs or not)."""
        lines = ["noKartu,nama,sex,tglLahir,noKTP,aktif"] + [",".join([*r, "1"]) for r in rows]
        path.write_text("\n".join(lines) + "\n")
        loaded = subprocess.run(
            [sys.executable, "-m", "kiosk", "central", "load-participants", str(path)],
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert loaded.returncode == 0, loaded.stdout + loaded.stderr

    def registrations(self, day: str, live_only: bool = True) -> list[dict[str, Any]]:
        """This consumer's PCare registrations on ``day`` (YYYY-MM-DD), while running: dicts with
        noUrut, noKartu (full), kdPoli, kodepoli, kunjSakit, deleted."""
        answer = self.request("GET", f"/admin/pendaftaran/{day}")
        answer.raise_for_status()
        return [
            entry
            for entry in answer.json()
            if entry["cons_id"] == self.cons_id and not (live_only and entry["deleted"])
        ]

    def mirror(self, day: str) -> list[dict[str, Any]]:
        """The central's mirror of the queue on ``day`` (YYYY-MM-DD), running or not."""
        if self.running:
            answer = self.request("GET", f"/admin/mirror/{day}")
            answer.raise_for_status()
            entries: list[dict[str, Any]] = answer.json()
            return entries
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "central", "mirror", "--date", day, "--json"],
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        parsed: list[dict[str, Any]] = json.loads(done.stdout)
        return parsed


@pytest.fixture
def central_server(tmp_path: Path) -> Iterator[CentralServer]:
    """A started reference central on a fresh data dir (see the module docstring)."""
    server = CentralServer(tmp_path / "central")
    server.start()
    try:
        yield server
    finally:
        server.stop()
