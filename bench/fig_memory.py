"""Figure 7: the kiosk's memory before and after many patients through its screens.

A child process (``python -m bench.child memory``) opens the demo clinic, runs the kiosk headless
(``run_test`` at 80x24) and walks patients through the whole walk-in path of figure 4 (key
events posted straight to the app, a ticket with its slip PNG and QR each time, then back to the
welcome screen; the bench cancels each ticket so the same three demo participants can return).
After a garbage collection, RSS is read from /proc/self/status on the welcome screen before the
first patient, after every fifth patient and after the last.

Two rows: RSS after the last patient against the start (the figure asked for), and against the
RSS about halfway through (the reading nearest below), which leaves out the warm-up (modules
imported on first use, Textual's render caches filling as the screens are first drawn): a leak
shows as a ratio above 1.0x there.
"""

from __future__ import annotations

import json
import subprocess
import sys

from bench.common import ROOT, Options, Row, latency, scratch_dir


def figure(options: Options, _engines: object) -> list[Row]:
    patients = options.pick(100, 2_000)
    seconds = options.pick(30.0, 3_600.0)
    with scratch_dir(options.scratch, "memory-") as folder:
        finished = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.child",
                "memory",
                str(folder),
                str(patients),
                str(seconds),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=seconds + 120,
            check=False,
        )
    if finished.returncode != 0:
        last = (finished.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"memory child failed: {last}")
    rss = {
        int(k): v for k, v in json.loads(finished.stdout.strip().splitlines()[-1])["rss"].items()
    }
    done = max(rss)
    half = max(k for k in rss if k <= done // 2)
    note = "" if done == patients else f"time bound: {done} of {patients} patients"
    return [
        latency(f"7 RSS after {done} patients vs start (MiB)", rss[done], rss[0], note),
        latency(f"7 RSS after {done} patients vs after {half} (MiB)", rss[done], rss[half], note),
    ]
