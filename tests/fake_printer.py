"""A receipt printer on loopback that speaks just enough ESC/POS to fail like real ones do."""

from __future__ import annotations

import socket
import struct
import threading
from types import TracebackType

PAPER_QUERY = b"\x10\x04\x04"  # DLE EOT 4: the paper sensor
PAPER_OK, PAPER_OUT = b"\x12", b"\x72"


class FakeNetworkPrinter:
    """``mode``: "ok" (paper, prints), "no-paper" (answers the sensor: empty), "silent" (never
    answers the sensor, prints), "reset" (drops the connection once the job starts)."""

    def __init__(self, mode: str = "ok") -> None:
        self.mode = mode
        self.jobs: list[bytes] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port: int = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def spec(self) -> str:
        return f"escpos-net:127.0.0.1:{self.port}"

    def __enter__(self) -> FakeNetworkPrinter:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._server.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(5)
                self._one(connection)

    def _one(self, connection: socket.socket) -> None:
        received = b""
        while True:
            try:
                chunk = connection.recv(65536)
            except OSError:
                return
            if not chunk:
                break
            received += chunk
            if self.mode == "reset" and len(received) > len(PAPER_QUERY):
                # SO_LINGER 0: close with a reset, as a printer that lost power mid-job.
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return
            # The sensor is asked before the job and again after it.
            if received.endswith(PAPER_QUERY) and self.mode != "silent":
                connection.sendall(PAPER_OUT if self.mode == "no-paper" else PAPER_OK)
        job = received.removeprefix(PAPER_QUERY).removesuffix(PAPER_QUERY)
        if job:
            self.jobs.append(job)
