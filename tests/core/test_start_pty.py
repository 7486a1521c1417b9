"""``kiosk`` on a terminal (issue 15, item 7): the welcome screen is painted before SQLAlchemy,
pydantic or anything heavy is imported, the clinic opens behind it, and a start that fails still
ends in the one line of tests/core/test_startup.py, on a terminal put back as it was.

Each test runs the real command in a pseudo-terminal of 80x24 and reads what it shows."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.fig_start import in_pty, plain_text

pytestmark = pytest.mark.slow

WITHIN = 60.0
WELCOME = "Ambil nomor antrean"
# Not before the first screen: the ORM and the settings' validation, and what issue 15 names.
NOT_BEFORE = (
    "sqlalchemy",
    "pydantic",
    "pydantic_settings",
    "kiosk.store",
    "kiosk.config",
    "PIL",
    "qrcode",
    "escpos",
    "httpx",
    "fastapi",
    "starlette",
    "uvicorn",
)
# The real command, noting (into the file named first) what is imported when the welcome screen
# is first rendered: by then nothing but Textual and the screens should be loaded.
NOTING = """
import json, sys
path = sys.argv.pop(1)
from kiosk.screens.welcome import WelcomeScreen
render = WelcomeScreen.render
def noting_render(self):
    if not getattr(noting_render, "done", False):
        noting_render.done = True
        with open(path, "w") as out:
            json.dump([name for name in {names!r} if name in sys.modules], out)
    return render(self)
WelcomeScreen.render = noting_render
from kiosk.cli import main
sys.argv[0] = "kiosk"
main()
"""


class Terminal:
    """A command in a pseudo-terminal: what it showed, and how it ended."""

    def __init__(self, argv: list[str], data_dir: Path, **extra: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        env |= {
            "KIOSK_DATA_DIR": str(data_dir),
            "KIOSK_CONFIG_FILE": str(data_dir / "none.toml"),
            "TERM": "xterm-256color",
            **extra,
        }
        env.pop("TEXTUAL", None)
        self.process, self.master = in_pty([sys.executable, *argv], env)
        self.raw = b""

    @property
    def shown(self) -> str:
        return plain_text(self.raw)

    def read_until(self, text: str, seconds: float = WITHIN) -> bool:
        """Read until ``text`` shows (True) or the command ends or time runs out (False)."""
        ends = time.monotonic() + seconds
        while time.monotonic() < ends:
            if text in self.shown:
                return True
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # EIO: the command closed the terminal
                    return text in self.shown
                if not chunk:
                    return text in self.shown
                self.raw += chunk
            elif self.process.poll() is not None:
                return text in self.shown
        return False

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def ended(self) -> int:
        self.read_until("\x00 never shown")
        return self.process.wait(timeout=WITHIN)

    @classmethod
    def to_the_end(cls, data_dir: Path, **extra: str) -> tuple[int, Terminal]:
        """``kiosk`` run until it ends by itself: its exit code, and what it showed."""
        terminal = cls(["-m", "kiosk"], data_dir, **extra)
        try:
            return terminal.ended(), terminal
        finally:
            terminal.close()

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        os.close(self.master)


def _prepared(data_dir: Path) -> Path:
    """A demo store (the uncounted first start of the bench does the same)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {"KIOSK_DATA_DIR": str(data_dir), "KIOSK_CONFIG_FILE": str(data_dir / "none.toml")}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "demo"], env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return data_dir / "kiosk.db"


LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


def _last_line(terminal: Terminal) -> str:
    """What the terminal shows once the kiosk has left it: its one line, alone."""
    assert LEAVE_ALTERNATE_SCREEN in terminal.raw  # Textual put the terminal back
    after = plain_text(terminal.raw.rsplit(LEAVE_ALTERNATE_SCREEN, 1)[1])
    lines = [line.strip() for line in after.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_welcome_is_painted_before_the_store_and_the_settings_load(tmp_path: Path) -> None:
    _prepared(tmp_path)
    noted = tmp_path / "noted.json"
    code = NOTING.format(names=NOT_BEFORE)
    terminal = Terminal(["-c", code, str(noted)], tmp_path)
    try:
        assert terminal.read_until(WELCOME), terminal.shown[-500:]
        assert json.loads(noted.read_text("utf-8")) == []
        # Then the clinic opens behind it, and the kiosk takes a patient as before.
        terminal.type("1")
        assert terminal.read_until("NIK"), terminal.shown[-500:]
    finally:
        terminal.close()


def test_a_corrupt_store_ends_the_kiosk_in_one_line_and_is_left_alone(tmp_path: Path) -> None:
    database = tmp_path / "kiosk.db"
    database.write_bytes(b"SQLite format 3\x00" + b"half a page of rubbish " * 300)
    before = database.read_bytes()
    code, terminal = Terminal.to_the_end(tmp_path)
    assert code == 3
    assert WELCOME in terminal.shown  # it was up before the store was tried
    line = _last_line(terminal)
    assert line.startswith("kiosk: ") and "database" in line, line
    assert "Traceback" not in terminal.shown
    assert database.read_bytes() == before


def test_a_newer_store_ends_the_kiosk_in_one_line_and_is_left_alone(tmp_path: Path) -> None:
    database = _prepared(tmp_path)
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099future'")
    code, terminal = Terminal.to_the_end(tmp_path)
    assert code == 3
    assert _last_line(terminal) == (
        "kiosk: the database is from a newer kiosk version (schema 0099future); "
        "install that version or newer"
    )
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0099future",)


def test_a_broken_setting_ends_the_kiosk_in_one_line_before_the_store(tmp_path: Path) -> None:
    database = _prepared(tmp_path)
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = database.read_bytes()
    code, terminal = Terminal.to_the_end(tmp_path, KIOSK_IDLE_SECONDS="5")
    assert code == 2
    line = _last_line(terminal)
    assert line.startswith("kiosk: Setting KIOSK_IDLE_SECONDS is wrong"), line
    assert "Traceback" not in terminal.shown
    assert database.read_bytes() == before


def test_the_published_exit_pin_ends_the_kiosk_in_one_line(tmp_path: Path) -> None:
    """Outside the demo clinic the demo's exit PIN is refused, as without a terminal."""
    database = _prepared(tmp_path)
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE facility SET demo = 0")  # a real clinic's store
    code, terminal = Terminal.to_the_end(tmp_path)
    assert code == 2
    assert _last_line(terminal) == (
        "kiosk: set KIOSK_STAFF_PIN (4-8 digits) before opening the kiosk: the default "
        "exit PIN is published and only the demo clinic may use it"
    )
