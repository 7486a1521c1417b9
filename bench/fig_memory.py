"""Figure 7: the kiosk's memory before and after many patients through its screens.

A child process (``python -m bench.child memory``) opens the demo clinic, runs the kiosk headless
(``run_test`` at 80x24) and walks patients through the whole walk-in path of figure 4 (key
events posted straight to the app, a ticket with its slip PNG and QR each time, then back to the
welcome screen; the bench cancels each ticket so the same three demo participants can return).
After a garbage collection, RSS is read from /proc/self/status on the welcome screen before the
first patient, after every fifth patient and after the last.

``--full`` walks all 2,000 patients with no time bound; the child reports its progress and its
pace on stderr every 100 patients. A patient costs the kiosk's own work, about 0.6 s of CPU
(Textual composing, styling, laying out and painting the four screens; the slip PNG in a worker),
and the driver waits for no timer: the whole run is some 20 minutes of one core, longer when other
processes share the two (under a load of 12, about 4 s a patient). The row after all patients
gives the pace. The quick run walks 20, within a minute, so ``make bench`` stays short; it stops
early at that minute and says so.

Rows: the kiosk's RSS at start beside a bare Textual app's (``python -m bench.child bare-rss``,
the same headless run_test at 80x24); RSS after the first 100 patients and after the last, against
the start; and the growth from the first 100 to the last against the goal of 10 MiB (from
halfway in a quick run, which has fewer than 200). The first 100 hold the warm-up (modules
imported on first use, Textual's render caches filling as the screens are first drawn): growth
after them is what a leak would add.
"""

from __future__ import annotations

import json
import subprocess
import sys

from bench.common import ROOT, Options, Row, latency, scratch_dir

WARMED_UP = 100  # patients after which the kiosk's memory should stay flat
GROWTH_GOAL = 10.0  # MiB the kiosk may grow after them (issue 15)


def figure(options: Options, _engines: object) -> list[Row]:
    patients = options.pick(20, 2_000)
    seconds = options.pick(60.0, 0.0)  # 0: no time bound
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
            stdout=subprocess.PIPE,
            stderr=None if options.full else subprocess.PIPE,  # the full run's progress shows
            text=True,
            timeout=seconds + 120 if seconds else None,
            check=False,
        )
    if finished.returncode != 0:
        last = ((finished.stderr or "").strip().splitlines() or ["no output"])[-1]
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
    walked = json.loads(finished.stdout.strip().splitlines()[-1])
    rss = {int(k): v for k, v in walked["rss"].items()}
    done = max(rss)
    base = WARMED_UP if done >= 2 * WARMED_UP else max(k for k in rss if k <= done // 2)
    note = "" if done == patients else f"time bound: {done} of {patients} patients"
    pace = (
        f"{walked['seconds_per_patient']:.2f} s a patient"
        f" ({walked['cpu_per_patient']:.2f} s of CPU)"
    )
    growth = rss[done] - rss[base]
    rows = [latency("7 RSS at start vs a bare Textual app (MiB)", rss[0], bare_rss)]
    if base == WARMED_UP:
        rows.append(
            latency(f"7 RSS after the first {WARMED_UP} patients vs start (MiB)", rss[base], rss[0])
        )
    rows += [
        latency(
            f"7 RSS after all {done} patients vs start (MiB)",
            rss[done],
            rss[0],
            f"{pace}; {note}" if note else pace,
        ),
        latency(
            f"7 RSS growth from {base} to {done} patients vs 10 MiB (MiB)",
            growth,
            GROWTH_GOAL,
            f"{rss[base]:.1f} -> {rss[done]:.1f} MiB" + (f"; {note}" if note else ""),
            # The goal counts from the first 100 (the warm-up done): a quick run only shows.
            goal=1.0 if base == WARMED_UP else None,
        ),
    ]
    return rows
