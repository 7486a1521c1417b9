"""Speaking called numbers in the waiting room, one announcement at a time.

Calls are queued and spoken in order by one worker thread, so two desks calling at once never
talk over each other. Speech goes through espeak-ng when it is installed, rendered as the web
board renders it (a chime, then the words: :mod:`kiosk.services.speech`) and played by the
machine's player; without espeak-ng (or with sound off) the board still works, visual only.
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.services import speech

log = logging.getLogger(__name__)

Speak = Callable[[Sequence[str]], None]


def _run(command: Sequence[str]) -> None:
    """``command`` is espeak-ng's (voice, speed, then the text): with a player, the chime and
    the words as one file, as the web board hears them; without one, espeak-ng speaks alone."""
    play = speech.player()
    if play is None:
        subprocess.run(list(command), check=False, capture_output=True, timeout=30)
        return
    audio = speech.render(command[-1], voice=command[2], engine=command[0])
    with tempfile.TemporaryDirectory(prefix="kiosk-call-") as folder:
        path = Path(folder) / "call.wav"
        path.write_bytes(audio)
        subprocess.run([*play, str(path)], check=False, capture_output=True, timeout=60)


class Announcer:
    def __init__(
        self,
        voice: str = "id",
        enabled: bool = True,
        speak: Speak = _run,
        engine: str | None = None,
    ) -> None:
        self.voice = voice
        self.engine = engine or shutil.which("espeak-ng")
        self.enabled = enabled and self.engine is not None
        self._speak = speak
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._worker: threading.Thread | None = None

    def say(self, text: str) -> None:
        """Queue one announcement; returns at once."""
        if not self.enabled:
            return
        if self._worker is None:
            self._worker = threading.Thread(target=self._drain, name="announcer", daemon=True)
            self._worker.start()
        self._queue.put(text)

    def close(self, wait: bool = False) -> None:
        if self._worker is not None:
            self._queue.put(None)
            if wait:
                self._worker.join(timeout=60)

    def _drain(self) -> None:
        while (text := self._queue.get()) is not None:
            try:
                assert self.engine is not None
                self._speak([self.engine, "-v", self.voice, "-s", "140", text])
            except Exception:  # a broken sound device must not stop the board
                log.warning("announcement could not be spoken", exc_info=True)
