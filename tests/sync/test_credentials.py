"""Each credential mistake, against the strict `kiosk central` on loopback (a real subprocess).

A refusal of the clinic's credentials is not "offline": the lookup falls back to the cache, the
items wait, the link says "credentials refused", and `kiosk sync --status` names the cause.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import SettingsError, load_settings
from kiosk.domain.clock import FacilityClock
from kiosk.domain.identity import Identity, IdentityKind
from kiosk.services.setup import open_clinic
from kiosk.sync.client import CentralClient, CentralConfig, Outcome
from kiosk.sync.pump import OutboxPump
from kiosk.sync.status import sync_status
from tests.central_server import CentralServer
from tests.conftest import MORNING, WIB, MovableClock
from tests.demo_ids import SITI_CARD
from tests.sync.test_drills import clinic_settings, sync_env

# `kiosk central` in a process of its own for each test, and `kiosk` processes beside it.
pytestmark = pytest.mark.slow

MISTAKES: dict[str, dict[str, Any]] = {
    "pcare password": {"central_pcare_password": "not-the-password"},
    "pcare username": {"central_pcare_username": "someone-else"},
    "pcare app code": {"central_pcare_app_code": "999"},
    "pcare user_key": {"central_pcare_user_key": "antrean-key-used-for-pcare"},
    "secret": {"central_secret": "not-the-secret"},
}


def _client(central: CentralServer, **change: Any) -> CentralClient:
    settings = {**central.clinic_settings(), **change}
    return CentralClient(
        CentralConfig(
            antrean_url=settings["central_antrean_url"],
            pcare_url=settings["central_pcare_url"],
            cons_id=settings["central_cons_id"],
            secret=settings["central_secret"],
            user_key=settings["central_antrean_user_key"],
            pcare_user_key=settings["central_pcare_user_key"],
            pcare_username=settings["central_pcare_username"],
            pcare_password=settings["central_pcare_password"],
            pcare_app_code=settings.get("central_pcare_app_code", "095"),
            timeout=5,
        )
    )


def test_the_right_credentials_are_accepted_by_both_services(
    central_server: CentralServer,
) -> None:
    with _client(central_server) as client:
        assert client.peserta_by_card(SITI_CARD).outcome == Outcome.DONE
        assert client.ref_poli("2026-11-23").outcome == Outcome.DONE


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_each_pcare_mistake_is_denied_not_offline(
    central_server: CentralServer, mistake: str
) -> None:
    with _client(central_server, **MISTAKES[mistake]) as client:
        answer = client.peserta_by_card(SITI_CARD)
    assert answer.outcome == Outcome.DENIED, answer
    assert answer.retry and answer.message  # the central's reason, for staff


def test_antrean_refuses_the_pcare_key(central_server: CentralServer) -> None:
    with _client(central_server, central_antrean_user_key="test-pcare-key-91be") as client:
        answer = client.ref_poli("2026-11-23")
        assert answer.outcome == Outcome.DENIED
        assert answer.message == "user_key tidak sesuai."
        # PCare itself is fine: one service's key is wrong, not the consumer.
        assert client.peserta_by_card(SITI_CARD).outcome == Outcome.DONE


def test_a_wrong_pcare_password_at_the_kiosk_falls_back_and_says_why(
    tmp_path: Path, central_server: CentralServer
) -> None:
    settings = clinic_settings(tmp_path, central_server, central_pcare_password="wrong-pass-1")
    services = open_clinic(settings, clock=FacilityClock(WIB, MovableClock(MORNING)))
    try:
        found = services.participants.check(Identity(IdentityKind.CARD, SITI_CARD))
        assert found.participant is not None and found.offline  # the cache answered
        status = sync_status(services.store)
        assert not status.reachable and status.denied
        assert "X-authorization" in (status.last_error or "")
    finally:
        services.store.dispose()
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "sync", "--status"],
        env=sync_env(settings),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "credentials refused" in result.stdout
    assert "wrong-pass-1" not in result.stdout + result.stderr


def test_the_pump_keeps_items_when_the_antrean_key_is_wrong(
    tmp_path: Path, central_server: CentralServer
) -> None:
    settings = clinic_settings(tmp_path, central_server, central_antrean_user_key="wrong-key-9")
    services = open_clinic(settings, clock=FacilityClock(WIB, MovableClock(MORNING)))
    try:
        with _client(central_server, central_antrean_user_key="wrong-key-9") as client:
            pump = OutboxPump(services.store, client, backoff_base=0.01)
            assert pump.probe() is False
        status = sync_status(services.store)
        assert status.denied and not status.reachable and status.parked == 0
    finally:
        services.store.dispose()
    env = {**sync_env(settings), **{k: v for k, v in os.environ.items() if k == "PATH"}}
    status_run = subprocess.run(
        [sys.executable, "-m", "kiosk", "sync", "--status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "credentials refused (user_key tidak sesuai.)" in status_run.stdout


def test_a_pcare_url_without_its_user_stops_start_up_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as stopped:
        load_settings(data_dir=tmp_path, central_pcare_url="http://127.0.0.1:9/pcare-rest")
    assert str(stopped.value).count("\n") == 0
    assert "KIOSK_CENTRAL_PCARE_USERNAME" in str(stopped.value)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(
        KIOSK_DATA_DIR=str(tmp_path),
        KIOSK_CONFIG_FILE=str(tmp_path / "none.toml"),
        KIOSK_CENTRAL_PCARE_URL="http://127.0.0.1:9/pcare-rest",
        KIOSK_CENTRAL_PCARE_USERNAME="pkm",
    )
    for command in (["sync", "--once"], ["serve", "--demo"], ["settings"]):
        result = subprocess.run(
            [sys.executable, "-m", "kiosk", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2, (command, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
        assert "KIOSK_CENTRAL_PCARE_PASSWORD" in result.stderr


def test_new_secrets_are_masked_in_kiosk_settings(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(
        KIOSK_DATA_DIR=str(tmp_path),
        KIOSK_CONFIG_FILE=str(tmp_path / "none.toml"),
        KIOSK_CENTRAL_PCARE_URL="http://127.0.0.1:9/pcare-rest",
        KIOSK_CENTRAL_PCARE_USERNAME="pkm-sukamaju",
        KIOSK_CENTRAL_PCARE_PASSWORD="pcare-pass-97531",
        KIOSK_CENTRAL_ANTREAN_USER_KEY="antrean-key-86420",
        KIOSK_CENTRAL_PCARE_USER_KEY="pcare-key-13579",
    )
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "settings"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    for secret in ("pcare-pass-97531", "antrean-key-86420", "pcare-key-13579"):
        assert secret not in result.stdout
    assert "pkm-sukamaju" in result.stdout and "KIOSK_CENTRAL_PCARE_APP_CODE" in result.stdout


def test_an_srk_refusal_reaches_the_ticket_and_the_desk_and_can_be_sent_again(
    tmp_path: Path, central_server: CentralServer
) -> None:
    from kiosk.services.desk import DeskService
    from kiosk.services.tickets import TakeRequest

    settings = clinic_settings(tmp_path, central_server)
    services = open_clinic(settings, clock=FacilityClock(WIB, MovableClock(MORNING)))
    try:
        # Hendra is known to BPJS only: the kiosk verifies him online.
        found = services.participants.check(Identity(IdentityKind.CARD, "0001234567807"))
        assert found.participant is not None and not found.offline
        today = services.clock.today()
        slot = services.clinic.slots("001", today)[0]
        ticket = services.tickets.take(
            TakeRequest("001", today, slot.schedule_id, found.participant.id)
        ).ticket
        assert ticket.verified
        services.sync.pump(backoff_base=0.01).drain()
        refusal = services.sync.add_refusal(ticket.id, wait_seconds=1)
        assert refusal is not None and "Skrining Riwayat Kesehatan" in refusal
        desk = DeskService(services.store, services.clock, services.slips)
        (row,) = [e for e in desk.waiting_list("001") if e.ticket.id == ticket.id]
        assert row.central_refusal == refusal
        assert services.sync.requeue_parked() == 1  # once the screening is done, sent again
    finally:
        services.store.dispose()
