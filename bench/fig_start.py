"""Figure 3: kiosk start to first screen, against a bare Textual app started the same way.

Measured for real: ``python -m kiosk`` runs in a pseudo-terminal of 80x24 (``TERM=xterm-256color``)
on a prepared data directory (its first start, which migrates and loads the demo clinic, is a
warm-up and not counted). The clock runs from spawning the interpreter to the first moment the
terminal output, with escape sequences stripped, holds the welcome screen's first choice ("Ambil
nomor antrean"): interpreter start, imports, a first look at the settings, building the app, the
welcome screen's compose and Textual's first paint. The clinic (the settings checked, the store
opened, the services) opens behind that screen, in a thread.

A second timed row goes on from there as a patient who presses "1" at once: until the screen that
key opens shows ("Masukkan nomor kartu"), so the clinic opened and the held key handed on. No goal
of its own; it is said beside the bare app's first paint, the same limit.

Limit: ``python -m bench.child bare-app``, a Textual app with one Static, in the same kind of
pseudo-terminal, until its text shows. Kiosk and bare starts alternate; each side's median counts.

Both sides start with a warm bytecode cache, as an installed kiosk would, even where the
environment sets ``PYTHONDONTWRITEBYTECODE``: ``PYTHONPYCACHEPREFIX`` points at the user's cache
folder (``antrean-kiosk-bench/pycache``), filled by the uncounted first starts.

A second row lists the heavy modules (Pillow, qrcode, escpos, httpx, FastAPI and its server) the
kiosk has imported by the time its first screen is up, red when there are any: ``python -m
bench.child first-screen-imports`` starts it through the real CLI (``kiosk`` with no command),
headless, and looks at ``sys.modules`` then.

Without a pseudo-terminal (no ``/dev/ptmx``), both sides run headless instead (``App.run_test``
in a child process, until the first screen is mounted) and the row says so.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from bench.common import ROOT, Options, Row, latency, median, one_line, scratch_dir

STARTS_WITHIN = 60.0  # seconds one start may take before the figure gives up
BARE_MARKER = "bench bare app ready"
# CSI (colours, cursor moves, modes), OSC (titles), DCS/APC strings, and two-byte escapes.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[P_^][^\x1b]*\x1b\\"
    r"|\x1b[@-Z\\-_]"
)


def figure(options: Options, _engines: object) -> list[Row]:
    from kiosk.i18n import t

    marker = t("welcome.take", "id")
    answered = t("identify.title", "id")[:20]  # the first key's screen, cut to fit 80 columns
    starts = options.pick(3, 10)
    with scratch_dir(options.scratch, "start-") as folder:
        env = {
            **os.environ,
            "KIOSK_DATA_DIR": str(folder / "data"),
            "TERM": "xterm-256color",
            # Bytecode cached as on an installed kiosk, but outside the tree (and kept between
            # runs, so only a first run pays for compiling).
            "PYTHONPYCACHEPREFIX": str(_pycache()),
        }
        for name in ("PYTHONDONTWRITEBYTECODE", "TEXTUAL"):
            env.pop(name, None)
        kiosk = [sys.executable, "-m", "kiosk"]
        bare = [sys.executable, "-m", "bench.child", "bare-app"]
        try:
            os.close(os.openpty()[0])
            measure, how = _start_in_pty, "pty"
        except OSError:
            measure, how = _start_headless, "headless"
            kiosk = [sys.executable, "-m", "bench.child", "headless-start", "kiosk"]
            bare = [sys.executable, "-m", "bench.child", "headless-start", "bare"]
            marker = "READY"
        # First starts, not counted: the kiosk's creates the store and loads the demo; both
        # compile their modules into the bytecode cache.
        measure(kiosk, env, marker)
        measure(bare, env, BARE_MARKER if how == "pty" else "READY")
        ours: list[float] = []
        first_key: list[float] = []
        limit: list[float] = []
        for _ in range(starts):
            shown, key_answered = measure(kiosk, env, marker, answered)
            ours.append(shown)
            if key_answered is not None:
                first_key.append(key_answered)
            limit.append(measure(bare, env, BARE_MARKER if how == "pty" else "READY")[0])
        try:
            found = _heavy_before_first_screen(env)
            heavy = ", ".join(found) if found else "none"
        except Exception as error:  # the start figure stands without the list
            found, heavy = ["?"], f"failed: {one_line(error)}"
    answered_row = (
        [
            latency(
                f"3 start to the first key answered, {how} (ms)",
                median(first_key) * 1e3,
                median(limit) * 1e3,
                note=f"median of {starts}; no goal (the clinic opens behind the first screen)",
            )
        ]
        if first_key
        else []
    )
    return [
        latency(
            f"3 start to first screen, {how} (ms)",
            median(ours) * 1e3,
            median(limit) * 1e3,
            note=f"median of {starts}",
            goal=2.0,
        ),
        *answered_row,
        Row(
            "3 heavy modules before the first screen",
            note=f"goal none: NOT met: {heavy}" if found else "goal none: met",
            missed=bool(found),
        ),
    ]


def _heavy_before_first_screen(env: dict[str, str]) -> list[str]:
    argv = [sys.executable, "-m", "bench.child", "first-screen-imports"]
    done = subprocess.run(
        argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"first-screen-imports failed: {last}")
    found: list[str] = json.loads(done.stdout.strip().splitlines()[-1])["heavy"]
    return found


def _pycache() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("antrean-kiosk-bench")) / "pycache"


def plain_text(raw: bytes) -> str:
    """What a terminal would show of ``raw``, near enough to find a line of text in it."""
    return _ESCAPES.sub("", raw.decode("utf-8", errors="replace"))


def in_pty(argv: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    """``argv`` started in a new pseudo-terminal of 80x24, in its own session; the process, and
    the terminal's side to read what it shows and to type into."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    return process, master


def _start_in_pty(
    argv: list[str], env: dict[str, str], marker: str, answered: str | None = None
) -> tuple[float, float | None]:
    """Seconds until ``marker`` shows; with ``answered``, "1" is typed then and the seconds until
    ``answered`` shows come second."""
    started = time.perf_counter()
    process, master = in_pty(argv, env)
    raw = b""
    first: float | None = None
    try:
        while time.perf_counter() - started < STARTS_WITHIN:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                raw += chunk
                if first is None and marker in plain_text(raw):
                    first = time.perf_counter() - started
                    if answered is None:
                        return first, None
                    os.write(master, b"1")
                    raw = b""
                if first is not None and answered is not None and answered in plain_text(raw):
                    return first, time.perf_counter() - started
            elif process.poll() is not None:
                break
        shown = plain_text(raw).strip().splitlines()[-3:]
        what = "no first screen" if first is None else "no answer to its first key"
        raise RuntimeError(f"{argv[-1]} showed {what}; last output: {shown}")
    finally:
        _end(process)
        os.close(master)


def _start_headless(
    argv: list[str], env: dict[str, str], marker: str, answered: str | None = None
) -> tuple[float, float | None]:
    """Seconds until the child reports ``marker`` (headless, nobody types: ``answered`` unused)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
        text=True,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == marker:
                return time.perf_counter() - started, None
        raise RuntimeError(f"{argv[-1]} never reported its first screen")
    finally:
        _end(process)


def _end(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Stop the child we started (and its process group, in the pty case)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
