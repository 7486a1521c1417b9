"""The kiosk's light start (issue 15, item 7): ``kiosk`` reaches its first screen without Pillow,
qrcode, escpos, httpx or FastAPI, and ``kiosk --help`` lists every command without importing any
command module. Behaviour, not time: each runs in a fresh interpreter and looks at sys.modules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import COMMANDS, _short_help, cli, load_command

HEAVY = ("PIL", "qrcode", "escpos", "httpx", "fastapi", "starlette", "uvicorn")

# ``kiosk`` as the console script runs it, with App.run swapped for a headless run at 80x24: the
# welcome screen's compose notes what is loaded by then.
FIRST_SCREEN = """
import asyncio, json, sys
from textual.app import App

HEAVY = {heavy!r}
seen = {{}}

async def headless(app):
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(2000):
            if "heavy" in seen and type(app.screen).__name__ == "WelcomeScreen":
                break
            await pilot.pause(0.01)
        seen["screen"] = type(app.screen).__name__

App.run = lambda app, *args, **kwargs: asyncio.run(headless(app))

from kiosk.screens.welcome import WelcomeScreen

compose = WelcomeScreen.compose

def noting_compose(self):
    seen.setdefault("heavy", [name for name in HEAVY if name in sys.modules])
    return compose(self)

WelcomeScreen.compose = noting_compose
from kiosk.cli import main

sys.argv = ["kiosk"]
try:
    main()
except SystemExit:
    pass
print(json.dumps(seen))
"""

HELP = """
import json, sys
from kiosk.cli import cli
try:
    cli.main(["--help"], prog_name="kiosk")
except SystemExit:
    pass
print(json.dumps(sorted(name for name in sys.modules if name.startswith("kiosk.cli."))))
"""


def _python(code: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_DATA_DIR"] = str(data_dir)
    env["KIOSK_CONFIG_FILE"] = str(data_dir / "none.toml")
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


@pytest.mark.slow
def test_kiosk_composes_its_first_screen_before_any_heavy_module(tmp_path: Path) -> None:
    done = _python(FIRST_SCREEN.format(heavy=HEAVY), tmp_path)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screen"] == "WelcomeScreen"
    assert seen["heavy"] == []


def test_help_lists_every_command_and_imports_none_of_them(tmp_path: Path) -> None:
    done = _python(HELP, tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert json.loads(lines[-1]) == []  # no command module, not even kiosk.cli.common
    listed = lines[lines.index("Commands:") + 1 : -1]
    assert [line.split()[0] for line in listed if line.startswith("  ")] == sorted(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_listed_help_is_the_command_s_own(name: str) -> None:
    command = load_command(name)
    assert command.name == name
    assert _short_help(COMMANDS[name][2], 10_000) == command.get_short_help_str(10_000)


def test_a_command_loads_when_it_runs() -> None:
    context = cli.make_context("kiosk", ["sync", "--help"], resilient_parsing=True)
    command = cli.get_command(context, "sync")
    assert command is not None and command.name == "sync"
    assert cli.get_command(context, "no-such-command") is None


AT_HEAD = """
import sys
from kiosk.config import load_settings
from kiosk.services.setup import open_clinic
open_clinic(load_settings()).store.dispose()
print("alembic" in sys.modules)
"""


def test_a_store_at_head_opens_without_alembic_and_a_new_one_is_migrated(tmp_path: Path) -> None:
    first = _python(AT_HEAD, tmp_path)  # an empty folder: Alembic creates the store
    assert first.returncode == 0, first.stderr
    assert first.stdout.split()[-1] == "True"
    again = _python(AT_HEAD, tmp_path)  # now at this kiosk's head: nothing for Alembic to do
    assert again.returncode == 0, again.stderr
    assert again.stdout.split()[-1] == "False"
