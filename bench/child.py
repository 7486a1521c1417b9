"""What the bench runs in child processes: ``python -m bench.child COMMAND [ARGS]``.

bare-app                      a one-Static Textual app, run for real (figure 3's limit)
headless-start kiosk|bare     run_test until the first screen, then print READY (figure 3
                              without a pseudo-terminal)
first-screen-imports          the kiosk started as ``kiosk`` starts it, headless, until the first
                              screen: prints the heavy modules imported by then, one JSON line
bare-rss                      the bare app headless: its RSS on its first screen (figure 7)
memory DATA_DIR PATIENTS SECONDS
                              the kiosk headless, RSS before and after walk-ins (figure 7;
                              SECONDS 0: no time bound); prints one JSON line, its progress
                              on stderr every 100 patients
serve kiosk|bare PORT DATA_DIR
                              uvicorn on 127.0.0.1:PORT with the kiosk's web service or a
                              bare FastAPI hello endpoint (figure 5)
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import ensure_root_on_path, rss_mib


def main(argv: list[str]) -> None:
    ensure_root_on_path()
    command, args = argv[0], argv[1:]
    if command == "bare-app":
        from bench.ui import BareApp

        BareApp().run()
    elif command == "headless-start":
        asyncio.run(_headless_start(args[0]))
    elif command == "first-screen-imports":
        print(json.dumps(_first_screen_imports()), flush=True)
    elif command == "bare-rss":
        print(json.dumps(asyncio.run(_bare_rss())), flush=True)
    elif command == "memory":
        result = asyncio.run(_memory(Path(args[0]), int(args[1]), float(args[2])))
        print(json.dumps(result), flush=True)
    elif command == "serve":
        _serve(args[0], int(args[1]), Path(args[2]))
    else:
        raise SystemExit(f"unknown command {command!r}")


async def _headless_start(which: str) -> None:
    import os
    import tempfile

    from textual.app import App

    if which == "kiosk":
        from kiosk.app import KioskApp
        from kiosk.config import load_settings
        from kiosk.services.setup import open_clinic

        data_dir = Path(os.environ.get("KIOSK_DATA_DIR", tempfile.mkdtemp()))
        app: App[Any] = KioskApp(open_clinic(load_settings(data_dir=data_dir)))
        first = "WelcomeScreen"
    else:
        from bench.ui import BareApp

        app, first = BareApp(), "Screen"
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = time.monotonic() + 60
        while type(app.screen).__name__ != first and time.monotonic() < deadline:
            await pilot.pause(0)
        print("READY", flush=True)


# What the kiosk should not load before its first screen (issue 15, item 7): top-level packages.
HEAVY_MODULES = ("PIL", "qrcode", "escpos", "httpx", "fastapi", "starlette", "uvicorn")


def _first_screen_imports() -> dict[str, Any]:
    """``kiosk``'s own start, through the real CLI (``kiosk.cli.main`` with no command), then
    the heavy modules loaded by the time the welcome screen is up.

    ``App.run`` is swapped for a headless ``run_test`` at 80x24, so the process can look at itself
    on the first screen; the headless driver imports none of the heavy modules itself.
    """
    import os
    import tempfile

    from textual.app import App

    os.environ.setdefault("KIOSK_DATA_DIR", tempfile.mkdtemp())
    seen: dict[str, Any] = {"heavy": None, "screen": None}

    async def on_first_screen(app: App[Any]) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            deadline = time.monotonic() + 60
            while type(app.screen).__name__ != "WelcomeScreen" and time.monotonic() < deadline:
                await pilot.pause(0)
            seen["heavy"] = [name for name in HEAVY_MODULES if name in sys.modules]
            seen["screen"] = type(app.screen).__name__

    def run_headless(app: App[Any], *_args: Any, **_kwargs: Any) -> None:
        asyncio.run(on_first_screen(app))

    App.run = run_headless  # type: ignore[method-assign]
    from kiosk.cli import cli

    with contextlib.suppress(SystemExit):  # run_kiosk exits with the app's return code
        cli.main(args=[], prog_name="kiosk", standalone_mode=False)
    return seen


async def _bare_rss() -> dict[str, float]:
    from bench.ui import BareApp

    app = BareApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0)
        gc.collect()
        return {"rss": rss_mib()}


async def _memory(data_dir: Path, patients: int, seconds: float) -> dict[str, Any]:
    from bench.common import DAY_BUDGET, DayClock, bench_clinic
    from bench.ui import Driver, walk_in, walk_in_identity
    from kiosk.app import KioskApp

    clock = DayClock()
    services = bench_clinic(data_dir, None, clock)
    app = KioskApp(services, idle_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(pilot, direct=True)
        await driver.until(driver.on("WelcomeScreen"), "the welcome screen")
        gc.collect()
        rss = {0: rss_mib()}  # after k patients, read every fifth (a full collection is not free)
        started, cpu_started = time.monotonic(), time.process_time()
        deadline = started + seconds if seconds > 0 else float("inf")
        done = 0
        while done < patients and (done == 0 or time.monotonic() < deadline):
            _steps, ticket_id = await walk_in(driver, walk_in_identity(done))
            services.tickets.cancel(ticket_id, "bench")
            done += 1
            if done % DAY_BUDGET == 0:  # a poli has 999 numbers a day, cancelled ones included
                clock.next_day()
            if done % 5 == 0:
                gc.collect()
                rss[done] = rss_mib()
            if done % 100 == 0:
                wall, cpu = _per_patient(done, started, cpu_started)
                print(
                    f"  memory: {done} of {patients} patients, RSS {rss[done]:.1f} MiB,"
                    f" {wall:.2f} s a patient ({cpu:.2f} s of CPU)",
                    file=sys.stderr,
                    flush=True,
                )
        gc.collect()
        rss[done] = rss_mib()
        wall, cpu = _per_patient(done, started, cpu_started)
    services.store.dispose()
    return {"rss": rss, "seconds_per_patient": wall, "cpu_per_patient": cpu}


def _per_patient(done: int, started: float, cpu_started: float) -> tuple[float, float]:
    """Wall and CPU seconds a patient so far. A patient costs the kiosk's own CPU (Textual
    composing, styling, laying out and painting four screens, the slip in a worker), not the
    driver's waits: wall well above CPU means other processes had the cores."""
    done = max(done, 1)
    return (time.monotonic() - started) / done, (time.process_time() - cpu_started) / done


def _serve(which: str, port: int, data_dir: Path) -> None:
    import uvicorn

    from kiosk.web.server import HTTP_PARSER

    app = _kiosk_web_app(data_dir) if which == "kiosk" else _bare_web_app()
    # The parser `kiosk serve` names: with httptools installed (the central's parser) uvicorn's
    # "auto" would pick it here, and the figure would not be the service's.
    uvicorn.run(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, http=HTTP_PARSER
    )


def _bare_web_app() -> Any:
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/hello")
    async def hello() -> dict[str, str]:
        return {"message": "hello"}

    return app


def _kiosk_web_app(data_dir: Path) -> Any:
    """The kiosk's own web service on the demo clinic, built by ``kiosk.web.create_app``.

    The factory's parameters are not fixed yet: it gets what it asks for by name (settings,
    services, store), or nothing when it reads the settings itself.
    """
    import inspect

    from kiosk import web  # type: ignore[attr-defined]
    from kiosk.config import load_settings
    from kiosk.services.setup import open_clinic

    settings = load_settings(data_dir=data_dir)
    services = open_clinic(settings)
    # As `kiosk serve` runs on SQLite: the phone's calls in a process of their own.
    available = {
        "settings": settings,
        "services": services,
        "store": services.store,
        "desk_process": True,
    }
    arguments = {}
    for name, parameter in inspect.signature(web.create_app).parameters.items():
        if name in available:
            arguments[name] = available[name]
        elif parameter.default is inspect.Parameter.empty:
            raise TypeError(f"kiosk.web.create_app needs {name!r}, which the bench cannot give")
    return web.create_app(**arguments)


if __name__ == "__main__":
    main(sys.argv[1:])
