"""Announcements as audio: a chime, then the call in Indonesian words, as one WAV file.

espeak-ng renders the words (``--stdout``: a 16-bit mono WAV); the chime is two soft tones drawn
here at the same rate, so the two join into one file. The web board plays these files one at a
time; the terminal board plays the same files through the machine's player (``aplay``,
``paplay`` or sox's ``play``), so both boards sound alike.
"""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
import wave
from collections import OrderedDict
from threading import Lock

CHIME_NOTES = ((659.25, 0.28), (523.25, 0.42))  # E5 then C5: the "ding-dong" of a waiting room
PAUSE_SECONDS = 0.25
VOLUME = 0.35


class SpeechUnavailable(RuntimeError):
    """espeak-ng is not installed: the boards stay visual."""


def espeak() -> str | None:
    return shutil.which("espeak-ng")


def chime(rate: int) -> bytes:
    """The chime as 16-bit mono frames at ``rate``, each note fading out, then a short pause."""
    frames = bytearray()
    for frequency, seconds in CHIME_NOTES:
        count = int(rate * seconds)
        for i in range(count):
            fade = 1 - i / count
            sample = VOLUME * fade * math.sin(2 * math.pi * frequency * i / rate)
            frames += struct.pack("<h", int(sample * 32767))
    frames += b"\0\0" * int(rate * PAUSE_SECONDS)
    return bytes(frames)


def render(text: str, voice: str = "id", speed: int = 140, engine: str | None = None) -> bytes:
    """The chime and ``text`` spoken, as the bytes of one WAV file."""
    command = engine or espeak()
    if command is None:
        raise SpeechUnavailable("espeak-ng is not installed")
    spoken = subprocess.run(
        [command, "-v", voice, "-s", str(speed), "--stdout", text],
        check=True,
        capture_output=True,
        timeout=30,
    ).stdout
    with wave.open(io.BytesIO(spoken)) as words:
        rate, width, channels = words.getframerate(), words.getsampwidth(), words.getnchannels()
        frames = words.readframes(words.getnframes())
    if (width, channels) != (2, 1):
        raise SpeechUnavailable(f"espeak-ng gave {channels} channels of {width * 8} bits")
    out = io.BytesIO()
    with wave.open(out, "wb") as joined:
        joined.setnchannels(1)
        joined.setsampwidth(2)
        joined.setframerate(rate)
        joined.writeframes(chime(rate) + frames)
    return out.getvalue()


class SpeechCache:
    """The last few rendered calls, so fifty screens asking for one call render it once."""

    def __init__(self, voice: str = "id", size: int = 32) -> None:
        self.voice = voice
        self.size = size
        self._files: OrderedDict[str, bytes] = OrderedDict()
        self._lock = Lock()

    def get(self, text: str) -> bytes:
        with self._lock:
            if text in self._files:
                self._files.move_to_end(text)
                return self._files[text]
        audio = render(text, self.voice)
        with self._lock:
            self._files[text] = audio
            while len(self._files) > self.size:
                self._files.popitem(last=False)
        return audio


def player() -> list[str] | None:
    """The command that plays a WAV file on this machine's sound card, if any."""
    for name, arguments in (("aplay", ["-q"]), ("paplay", []), ("play", ["-q"])):
        path = shutil.which(name)
        if path:
            return [path, *arguments]
    return None
