"""The connectivity mark notices a dead central within 5 s, without asking the central anything:
the pump's link watch on a real TCP server and on the real `kiosk central`, killed."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

import pytest

from kiosk.services import Services
from kiosk.sync.watch import LinkWatch
from tests.central_server import CentralServer
from tests.sync.test_drills import clinic, fast_pump  # noqa: F401

pytestmark = pytest.mark.slow

# The kiosk's mark reads the store every 3 s; the pump must have written "offline" well before.
MARK_INTERVAL = 3.0
NOTICE_WITHIN = 5.0


class CountingServer:
    """A plain TCP server that counts connections and every byte a client sends."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.received = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.05)
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                pass
            else:
                conn.setblocking(False)
                self.connections.append(conn)
            for conn in list(self.connections):
                with contextlib.suppress(OSError):  # nothing to read yet
                    self.received += len(conn.recv(4096))

    def die(self) -> None:
        """As a killed process: the kernel closes the listener and every connection."""
        self._stop.set()
        self._thread.join()
        for conn in self.connections:
            conn.close()
        self.listener.close()


def test_the_watch_sends_nothing_and_sees_a_killed_server_at_once() -> None:
    server = CountingServer()
    watch = LinkWatch(f"http://127.0.0.1:{server.port}/antreanfktp")
    for _ in range(30):  # three seconds of looking, ten times a second
        assert watch.alive()
        time.sleep(0.1)
    assert len(server.connections) == 1  # one idle connection, kept
    assert server.received == 0  # not a byte: no request, no load
    server.die()
    started = time.monotonic()
    assert not watch.alive()
    assert time.monotonic() - started < 1.5
    watch.close()


def test_a_killed_central_is_offline_on_the_mark_within_5_seconds(
    clinic: Services,  # noqa: F811
    central_server: CentralServer,
    tmp_path: Path,
) -> None:
    pump = fast_pump(clinic, idle_seconds=1.0)  # the kiosk's own pace when idle
    assert pump.probe() and clinic.sync.status().reachable
    stop = threading.Event()
    worker = threading.Thread(target=pump.run, args=(stop,))
    worker.start()
    try:
        time.sleep(2)
        assert clinic.sync.status().reachable
        central_server.kill()
        killed = time.monotonic()
        while clinic.sync.status().reachable and time.monotonic() - killed < 30:
            time.sleep(0.05)
        noticed = time.monotonic() - killed
        print(f"store offline {noticed:.2f} s after the kill")
        # The store says offline; the mark shows it at its next read, at most 3 s later.
        assert noticed + MARK_INTERVAL <= NOTICE_WITHIN, noticed
        # The watch says so; on a busy machine a real call of the loop may fail first and say it.
        said = clinic.sync.status().last_error or ""
        assert "connections" in said or said.startswith("unreachable"), said
        central_server.start()  # back: the watch sees it and a real call confirms it
        back = time.monotonic()
        while not clinic.sync.status().reachable and time.monotonic() - back < 30:
            time.sleep(0.05)
        assert clinic.sync.status().reachable
    finally:
        stop.set()
        worker.join()
