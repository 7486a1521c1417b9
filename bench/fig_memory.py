"""Figure 7: the kiosk's memory before and after many patients through its screens.

A child process (``python -m bench.child memory``) opens the demo clinic, runs the kiosk headless
(``run_test`` at 80x24) and walks patients through the whole walk-in path of figure 4 (key
events posted straight to the app, a ticket with its slip PNG and QR each time, then back to the
welcome screen; the bench cancels each ticket so the same three demo participants can return).
After a garbage collection, RSS is read from /proc/self/status on the welcome screen before the
first patient, after every fifth patient and after the last.

Rows: the kiosk's RSS at start beside a bare Textual app's (``python -m bench.child bare-rss``,
the same headless run_test at 80x24); RSS after the last patient against the start; and the
growth after the last patient over the RSS after the first 100 (halfway in a quick run, which has
no more than 100), against the goal of 10 MiB. The first 100 hold the warm-up (modules imported on
first use, Textual's render caches filling as the screens are first drawn): growth after them is
what a leak would add.
"""

from __future__ import annotations

import json
import subprocess
import sys

from bench.common import ROOT, Options, Row, latency, scratch_dir

WARMED_UP = 100  # patients after which the kiosk's memory should stay flat
GROWTH_GOAL = 10.0  # MiB the kiosk may grow after them (issue 15)


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
    bare = subprocess.run(
        [sys.executable, "-m", "bench.child", "bare-rss"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    bare_rss = float(json.loads(bare.stdout.strip().splitlines()[-1])["rss"])
    rss = {
        int(k): v for k, v in json.loads(finished.stdout.strip().splitlines()[-1])["rss"].items()
    }
    done = max(rss)
    base = WARMED_UP if done >= 2 * WARMED_UP else max(k for k in rss if k <= done // 2)
    note = "" if done == patients else f"time bound: {done} of {patients} patients"
    growth = rss[done] - rss[base]
    return [
        latency("7 RSS at start vs a bare Textual app (MiB)", rss[0], bare_rss),
        latency(f"7 RSS after {done} patients vs start (MiB)", rss[done], rss[0], note),
        latency(
            f"7 RSS growth from {base} to {done} patients vs 10 MiB (MiB)",
            growth,
            GROWTH_GOAL,
            f"{rss[base]:.1f} -> {rss[done]:.1f} MiB" + (f"; {note}" if note else ""),
            goal=1.0,
        ),
    ]
