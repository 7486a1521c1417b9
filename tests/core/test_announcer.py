"""Announcements are spoken one after another, never over each other, and never block."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Sequence

from kiosk.domain.announce import call_text
from kiosk.services.announcer import Announcer


def test_announcements_never_overlap_and_keep_their_order() -> None:
    spans: list[tuple[float, float, str]] = []
    lock = threading.Lock()

    def slow_speaker(command: Sequence[str]) -> None:
        started = time.monotonic()
        time.sleep(0.05)
        with lock:
            spans.append((started, time.monotonic(), command[-1]))

    announcer = Announcer(speak=slow_speaker, engine="/usr/bin/espeak-ng")
    texts = [call_text(f"A-{n:03d}", "Umum") for n in range(1, 6)]
    begun = time.monotonic()
    for text in texts:
        announcer.say(text)
    assert time.monotonic() - begun < 0.05  # queuing returns at once
    announcer.close(wait=True)
    assert [span[2] for span in spans] == texts
    for earlier, later in itertools.pairwise(spans):
        assert earlier[1] <= later[0]


def test_without_a_speech_engine_the_board_stays_silent() -> None:
    spoken: list[Sequence[str]] = []
    announcer = Announcer(speak=spoken.append, enabled=False)
    announcer.say("Nomor antrean A satu")
    announcer.close(wait=True)
    assert spoken == []


def test_a_failing_sound_device_does_not_stop_later_announcements() -> None:
    spoken: list[str] = []

    def flaky(command: Sequence[str]) -> None:
        if "satu" in command[-1]:
            raise OSError("no sound card")
        spoken.append(command[-1])

    announcer = Announcer(speak=flaky, engine="espeak-ng")
    announcer.say(call_text("A-001", "Umum"))
    announcer.say(call_text("A-002", "Umum"))
    announcer.close(wait=True)
    assert spoken == [call_text("A-002", "Umum")]
