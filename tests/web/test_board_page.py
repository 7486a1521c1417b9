"""The waiting room's web board (/board) in a real headless Chromium, against a real `kiosk serve`
process on the store the desk writes to: a call shows within a second and is spoken, the page
says when it lost the server and catches up after a restart, values stay text, and nothing on
it names a patient. One browser and one server for the module (they take seconds to start)."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import wave
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image
from selenium import webdriver
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.domain.identity import parse_identity
from kiosk.domain.schedule import default_slot
from kiosk.services import Services
from kiosk.services.desk import DeskService
from kiosk.services.setup import open_clinic
from kiosk.services.slips import SlipService
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import TicketRow
from tests.demo_ids import BUDI_NIK, SITI_CARD, SITI_NIK
from tests.web.browser import chromium, require_chromium

# A browser and a server in their own processes, started and restarted: a drill of seconds.
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Serve:
    """`kiosk serve --demo` in its own process, stopped and started again on the same port."""

    def __init__(self, data_dir: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        self.env |= {
            "KIOSK_DATA_DIR": str(data_dir),
            "KIOSK_CONFIG_FILE": str(data_dir / "none.toml"),
        }
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "serve", "--demo", "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.default_int_handler),
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{self.url}/board", timeout=1)
                return
            except httpx.TransportError:
                assert self.process.poll() is None, self.process.communicate()
                assert time.monotonic() < deadline, "kiosk serve did not answer"
                time.sleep(0.1)

    def stop(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGINT)
        _, err = self.process.communicate(timeout=20)
        assert "Traceback" not in err, err


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo clinic on the real clock, as the desk (this process) sees it."""
    require_chromium()
    folder = tmp_path_factory.mktemp("board-page")
    services = open_clinic(Settings(data_dir=folder))
    yield services
    services.store.dispose()


@pytest.fixture(scope="module")
def serve(clinic: Services) -> Iterator[Serve]:
    server = Serve(clinic.settings.data_dir)
    server.start()
    yield server
    if server.process is not None and server.process.poll() is None:
        server.stop()


@pytest.fixture(scope="module")
def browser(serve: Serve) -> Iterator[webdriver.Chrome]:
    driver = chromium(1920, 1080)
    yield driver
    driver.quit()


def take(services: Services, poli: str, nik: str | None = None) -> str:
    """A walk-in at `poli` in the shift the kiosk offers now (the suite runs at any hour, and a
    shift that is over takes no more numbers; the demo clinic's shifts cover the whole day)."""
    now = services.clock.now()
    slot = default_slot(services.clinic.slots(poli, now.date()), now)
    assert slot is not None, f"no shift open at {poli} at {now:%H:%M}"
    participant = (
        services.participants.identify(parse_identity(nik, now.date())) if nik is not None else None
    )
    request = TakeRequest(
        poli_code=poli,
        service_date=now.date(),
        schedule_id=slot.schedule_id,
        participant_id=participant.id if participant is not None else None,
    )
    return services.tickets.take(request).ticket.number


def panel(browser: webdriver.Chrome, poli: str) -> dict[str, Any]:
    found: dict[str, Any] = browser.execute_script(
        """
        const box = document.querySelector(`[data-poli="${arguments[0]}"]`);
        if (!box) return {};
        return {number: box.querySelector('.number').textContent,
                counter: box.querySelector('.counter').textContent,
                html: box.querySelector('.counter').innerHTML,
                stale: document.body.dataset.stale,
                played: document.body.dataset.played || '0'};
        """,
        poli,
    )
    return found


def until(check: Callable[[], bool], within: float, step: float = 0.02) -> float:
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < within, f"not within {within}s"
        time.sleep(step)
    return time.monotonic() - start


def test_a_desk_call_shows_and_is_spoken_and_names_nobody(
    clinic: Services, serve: Serve, browser: webdriver.Chrome, tmp_path: Path
) -> None:
    desk = DeskService(clinic.store, clinic.clock, clinic.slips)
    first = take(clinic, "001", SITI_NIK)
    take(clinic, "001", BUDI_NIK)
    browser.get(f"{serve.url}/board")
    until(lambda: panel(browser, "001").get("counter") == "Belum ada panggilan", within=10)

    called = desk.call_next("001", "Ruang 2", "sari@Ruang 2")
    assert called is not None and called.number == first
    # How soon is bench figure 8's to measure (call to screen, beside the 1 s); here, that it comes.
    until(lambda: panel(browser, "001").get("number") == first, within=10)
    assert panel(browser, "001")["counter"] == "Ruang 2"
    ticker = browser.find_element("id", "ticker").text
    assert ticker == "Nomor antrean A satu, silakan menuju Poli Umum, Ruang 2"
    # The page fetched the call as sound and played it to the end (muted here).
    until(lambda: panel(browser, "001")["played"] == "1", within=15, step=0.1)

    # The 1080p TV: everything fits, nothing scrolls.
    shot = tmp_path / "board.png"
    browser.save_screenshot(str(shot))
    assert Image.open(shot).size == (1920, 1080)
    assert browser.execute_script("return document.documentElement.scrollHeight") <= 1080

    # No page or event holds a name, a NIK or a card number.
    page = browser.page_source
    stream = first_state(serve.url)
    for secret in (SITI_NIK, SITI_CARD, BUDI_NIK, "Siti", "Budi", "Aminah"):
        assert secret not in page
        assert secret not in stream
    assert '"number": "A-001"' in stream


def test_the_page_is_static_and_strict_and_values_stay_text(
    clinic: Services, serve: Serve, browser: webdriver.Chrome
) -> None:
    answer = httpx.get(f"{serve.url}/board")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    # Every script comes from a file of ours; no script or style is written into the page.
    assert not re.search(r"<script(?![^>]*\bsrc=)", answer.text)
    assert "http" not in re.sub(r"<!doctype[^>]*>", "", answer.text, flags=re.I)
    for asset in ("/board/board.js", "/board/board.css"):
        assert httpx.get(f"{serve.url}{asset}").status_code == 200

    # A counter typed with markup in it is shown as it was typed, never as markup.
    take(clinic, "003")
    desk = DeskService(clinic.store, clinic.clock, clinic.slips)
    hostile = '<img src=x onerror="document.title=1">R3'
    called = desk.call_next("003", hostile, "desk-kia")
    assert called is not None
    browser.get(f"{serve.url}/board?poli=003")
    until(lambda: panel(browser, "003").get("counter") == hostile, within=10)
    assert "<img" not in panel(browser, "003")["html"]
    assert browser.execute_script("return document.querySelectorAll('#polis img').length") == 0
    # This room's screen shows only its poli.
    assert browser.execute_script("return document.querySelectorAll('.poli').length") == 1

    bad = httpx.get(f"{serve.url}/board?poli=<script>")
    assert bad.status_code == 400
    assert "Kode poli tidak sah" in bad.text and "<script>" not in bad.text


def test_the_page_says_it_lost_the_server_and_catches_up_after_a_restart(
    clinic: Services, serve: Serve, browser: webdriver.Chrome
) -> None:
    desk = DeskService(clinic.store, clinic.clock, clinic.slips)
    number = take(clinic, "004")
    browser.get(f"{serve.url}/board")
    until(lambda: panel(browser, "004").get("counter") == "Belum ada panggilan", within=10)

    serve.stop()
    until(lambda: panel(browser, "004")["stale"] == "1", within=10, step=0.1)
    banner = browser.find_element("id", "stale")
    assert banner.is_displayed() and "tidak terhubung" in banner.text
    # Called while the server was down: the page learns of it once the server is back.
    called = desk.call_next("004", "Ruang Lansia", "desk-lansia")
    assert called is not None and called.number == number
    serve.start()
    until(lambda: panel(browser, "004")["number"] == number, within=15, step=0.1)
    assert panel(browser, "004")["counter"] == "Ruang Lansia"
    assert panel(browser, "004")["stale"] == "0"
    assert not browser.find_element("id", "stale").is_displayed()


def test_the_phone_page_walks_from_waiting_to_called_and_the_desk_still_reads_the_qr(
    clinic: Services, serve: Serve, browser: webdriver.Chrome
) -> None:
    """The slip's QR opens /t/{code} on the clinic's network; the page follows the ticket."""
    desk = DeskService(clinic.store, clinic.clock, clinic.slips)
    # Three walk-ins ahead of Siti at Gigi.
    for _ in range(3):
        take(clinic, "002")
    number = take(clinic, "002", SITI_NIK)
    with clinic.store.read() as session:
        ticket_id = session.scalars(select(TicketRow.id).order_by(TicketRow.id.desc())).first()
    assert ticket_id is not None
    ticket = clinic.tickets.get(ticket_id)
    public = Settings(data_dir=clinic.settings.data_dir, public_url=serve.url + "/")
    qr = SlipService(clinic.clinic, public).qr_for(ticket)
    assert qr == f"{serve.url}/t/{clinic.slips.code_for(ticket)}"
    # The desk's scanner types the QR's address: the desk finds the ticket by its signed code.
    assert [found.id for found in desk.find(qr)] == [ticket_id]

    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True},
    )
    try:
        browser.get(qr)

        def headline() -> str:
            return str(
                browser.execute_script("return document.getElementById('headline').textContent")
            )

        assert browser.find_element("id", "number").text == number
        waiting = [headline()]
        for _ in range(3):
            called = desk.call_next("002", "Ruang 2", "desk-gigi")
            assert called is not None
            desk.finish(called.id, "desk-gigi")
            until(lambda: headline() != waiting[-1], within=5)
            waiting.append(headline())
        assert waiting[0].startswith("3 orang") or waiting[0].startswith("4 orang")
        assert waiting[-1] == "Tidak ada yang di depan Anda"
        assert desk.call_next("002", "Ruang 2", "desk-gigi") is not None
        until(lambda: headline() == "Dipanggil: silakan ke Ruang 2", within=5)
        shot = Path(clinic.settings.data_dir) / "phone.png"
        browser.save_screenshot(str(shot))
        assert Image.open(shot).size == (390, 844)
        for secret in (SITI_NIK, SITI_CARD, "Siti", "Aminah"):
            assert secret not in browser.page_source
    finally:
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False},
        )

    # A forged code, or a slip of another day, gets a clear page, not an error.
    code = clinic.slips.code_for(ticket)
    forged = code[:-1] + ("B" if code[-1] == "A" else "A")
    answer = httpx.get(f"{serve.url}/t/{forged}")
    assert answer.status_code == 400 and "tidak dikenal" in answer.text
    yesterday = replace(ticket, service_date=ticket.service_date - timedelta(days=1))
    answer = httpx.get(f"{serve.url}/t/{clinic.slips.code_for(yesterday)}")
    assert answer.status_code == 404 and "hari antrean" in answer.text
    assert httpx.get(f"{serve.url}/t/%3Cscript%3E").status_code == 400


def test_the_speech_of_a_call_is_a_real_audio_file(clinic: Services, serve: Serve) -> None:
    """A chime and the Indonesian words, as a WAV file that the wave module and sox read."""
    if shutil.which("espeak-ng") is None or shutil.which("soxi") is None:
        reason = "Debian's espeak-ng and sox are needed for the speech test"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    number = take(clinic, "002")
    desk = DeskService(clinic.store, clinic.clock, clinic.slips)
    assert desk.call_next("002", "Ruang Gigi", "desk-gigi") is not None
    state = first_state(serve.url, f'"number": "{number}"')
    ids = re.findall(rf'"id": ([0-9]+), "number": "{number}"', state)
    assert ids, state
    answer = httpx.get(f"{serve.url}/board/speech/{ids[0]}.wav", timeout=30)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(answer.content)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
        assert (audio.getnchannels(), audio.getsampwidth()) == (1, 2)
    # The chime (about a second) and "Nomor antrean be, dua, silakan ke Poli Gigi, ruang gigi".
    assert 3.0 < seconds < 12.0, seconds
    path = Path(clinic.settings.data_dir) / "call.wav"
    path.write_bytes(answer.content)
    sox = subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True)
    assert abs(float(sox.stdout) - seconds) < 0.01
    # A call the board does not show has no sound.
    assert httpx.get(f"{serve.url}/board/speech/999999.wav").status_code == 404


def first_state(url: str, holding: str = "") -> str:
    """The events stream up to its first whole state (that holds ``holding``)."""
    with httpx.stream("GET", f"{url}/board/events", timeout=5) as events:
        text = ""
        for chunk in events.iter_text():
            text += chunk
            if "event: state" in text and holding in text and text.endswith("\n\n"):
                return text
    return text


def test_the_running_text_comes_live_as_text_and_goes_when_cleared(
    clinic: Services, serve: Serve, browser: webdriver.Chrome
) -> None:
    from kiosk.services.board_text import BoardTextService

    texts = BoardTextService(clinic.store, clinic.clock)
    browser.get(f"{serve.url}/board")
    until(lambda: panel(browser, "001").get("number") is not None, within=10)
    assert not browser.find_element("id", "running-text").is_displayed()

    def line() -> dict[str, Any]:
        found: dict[str, Any] = browser.execute_script(
            "const n = document.getElementById('running-line');"
            "return {text: n.textContent, html: n.innerHTML,"
            " shown: !document.getElementById('running-text').hidden};"
        )
        return found

    hostile = 'Poli Gigi tutup <img src=x onerror="document.title=1"> hari ini'
    texts.set(hostile, "sari@Ruang 2")
    until(lambda: line()["text"] == hostile, within=10)
    assert line()["shown"] and "<img" not in line()["html"]
    moved = "return getComputedStyle(document.getElementById('running-line')).transform"
    first = browser.execute_script(moved)
    until(lambda: browser.execute_script(moved) not in (first, "none"), within=3, step=0.1)
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0

    texts.clear("sari@Ruang 2")
    until(lambda: not line()["shown"], within=5)
