"""``kiosk check``: is this PC ready to open the doors? One finding per item, each with its fix.

Every check catches its own faults and turns them into a finding (the central down, the printer
unplugged, a read-only data folder): the operator gets the whole list, never a traceback.
Texts are keys of the translation table (``check.*``); the CLI prints them.
"""

from __future__ import annotations

import errno
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from kiosk.config import Settings, config_file
from kiosk.slip.probe import ProbeFailed, probe_printer
from kiosk.store import Store
from kiosk.store.migrate import alembic_config
from kiosk.store.models import FacilityRow, PoliRow, ScheduleRow
from kiosk.sync.client import Answer, CentralClient, CentralConfig, Outcome

CLOCK_TOLERANCE_S = 60
# A card number no one holds: the central's "not found" proves it accepted our credentials.
PROBE_CARD = "0000000000000"
DISK_MARGIN_BYTES = 100 * 1024 * 1024  # logs, slips and the day's growth besides the backups


@dataclass(frozen=True)
class Finding:
    ok: bool
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    fix: str | None = None
    fix_params: dict[str, Any] = field(default_factory=dict)


def _default(name: str) -> Any:
    return Settings.model_fields[name].default


def demo_values(settings: Settings) -> dict[str, bool]:
    """Which settings still hold the published demo value."""
    return {
        name: getattr(settings, name) == _default(name)
        for name in ("facility_code", "staff_pin", "ws_password")
    }


def check_data_dir(settings: Settings) -> Finding:
    folder = settings.data_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        # A read-only disk is a fault of the disk, not of the permissions.
        fix = "check.fix.data_dir_ro" if error.errno == errno.EROFS else "check.fix.data_dir"
        return Finding(
            False,
            "check.data_dir.bad",
            {"path": folder, "error": error.strerror or type(error).__name__},
            fix,
            {"path": folder},
        )
    return Finding(True, "check.data_dir.ok", {"path": folder})


def _store_path(settings: Settings) -> Path | None:
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database)
    return None


def check_store(settings: Settings) -> Finding:
    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    path = _store_path(settings)
    if path is not None and not path.exists():
        return Finding(False, "check.store.missing", {"url": shown}, "check.fix.load_clinic")
    store = Store(settings.database_url)
    try:
        with store.engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
        script = ScriptDirectory.from_config(alembic_config())
        heads = set(script.get_heads())
        known = {rev.revision for rev in script.walk_revisions()}
    except Exception as error:
        return Finding(
            False,
            "check.store.bad",
            {"url": shown, "error": _first_line(error)},
            "check.fix.store",
            {"path": path.parent if path else settings.data_dir},
        )
    finally:
        store.dispose()
    if current - known:
        return Finding(False, "check.store.newer", {"url": shown}, "check.fix.newer")
    if current != heads:
        return Finding(False, "check.store.behind", {"url": shown}, "check.fix.migrate")
    return Finding(True, "check.store.ok", {"url": shown})


def check_facility(settings: Settings) -> Finding:
    code = settings.facility_code
    where = {"config": config_file()}
    if demo_values(settings)["facility_code"]:
        return Finding(False, "check.facility.demo_code", {"code": code}, "check.fix.code", where)
    path = _store_path(settings)
    if path is not None and not path.exists():
        return Finding(False, "check.facility.no_clinic", {}, "check.fix.load_clinic")
    store = Store(settings.database_url)
    try:
        with store.read() as session:
            row = session.scalars(select(FacilityRow)).first()
            polis = session.scalar(
                select(func.count()).select_from(PoliRow).where(PoliRow.active.is_(True))
            )
            shifts = session.scalar(select(func.count()).select_from(ScheduleRow))
    finally:
        store.dispose()
    if row is None:
        return Finding(False, "check.facility.no_clinic", {}, "check.fix.load_clinic")
    if row.demo:
        return Finding(False, "check.facility.demo_store", {}, "check.fix.load_clinic")
    if row.code != code:
        return Finding(
            False,
            "check.facility.mismatch",
            {"store": row.code, "code": code},
            "check.fix.code",
            where,
        )
    return Finding(
        True,
        "check.facility.ok",
        {"code": code, "name": row.name, "polis": polis, "shifts": shifts},
    )


def check_secrets(settings: Settings) -> list[Finding]:
    demo = demo_values(settings)
    where = {"config": config_file()}
    return [
        Finding(True, "check.pin.ok")
        if not demo["staff_pin"]
        else Finding(False, "check.pin.demo", {}, "check.fix.pin", where),
        Finding(True, "check.ws_password.ok")
        if not demo["ws_password"]
        else Finding(False, "check.ws_password.demo", {}, "check.fix.ws_password", where),
    ]


def check_printer(settings: Settings) -> Finding:
    try:
        answered = probe_printer(settings.printer_spec)
    except ProbeFailed as error:
        return Finding(
            False,
            f"check.{error.key}",
            error.params,
            "check.fix.printer",
            {"config": config_file()},
        )
    return Finding(True, f"check.{answered.key}", answered.params)


def _central_finding(service: str, answer: Answer) -> Finding:
    params = {"service": service, "message": answer.message or f"code {answer.code}"}
    if answer.ok or answer.outcome == Outcome.REFUSED:
        return Finding(True, "check.central.ok", params)
    if answer.code is not None and answer.code in (401, 403):
        return Finding(
            False,
            "check.central.refused",
            params,
            "check.fix.credentials",
            {"config": config_file()},
        )
    if answer.code is None and answer.message.startswith("unreachable"):
        return Finding(False, "check.central.down", params, "check.fix.central_down")
    return Finding(
        False, "check.central.wrong", params, "check.fix.central_url", {"config": config_file()}
    )


def check_central(settings: Settings, today: str) -> list[Finding]:
    if not settings.central_configured:
        return [
            Finding(
                False,
                "check.central.unset",
                {},
                "check.fix.central_unset",
                {"config": config_file()},
            )
        ]
    with CentralClient(CentralConfig.from_settings(settings)) as client:
        return [
            _central_finding("Antrean FKTP", client.ref_poli(today)),
            _central_finding("PCare", client.peserta_by_card(PROBE_CARD)),
        ]


def check_clock(settings: Settings, now: Callable[[], float] = time.time) -> Finding:
    if not settings.central_configured:
        return Finding(
            False, "check.clock.unknown", {}, "check.fix.central_unset", {"config": config_file()}
        )
    try:
        reply = httpx.get(settings.central_antrean_url, timeout=settings.central_timeout)
        stamp = reply.headers.get("date")
        theirs = parsedate_to_datetime(stamp) if stamp else None
    except (httpx.HTTPError, ValueError, TypeError):
        return Finding(False, "check.clock.unknown", {}, "check.fix.central_down")
    if theirs is None:
        return Finding(False, "check.clock.unknown", {}, "check.fix.ntp")
    ours = datetime.fromtimestamp(now(), UTC)
    skew = round((ours - theirs).total_seconds())
    if abs(skew) > CLOCK_TOLERANCE_S:
        return Finding(False, "check.clock.off", {"s": skew}, "check.fix.ntp")
    return Finding(True, "check.clock.ok", {"s": skew})


def check_espeak(voice: str = "id") -> Finding:
    engine = shutil.which("espeak-ng")
    if engine is None:
        return Finding(False, "check.espeak.missing", {}, "check.fix.espeak")
    try:
        result = subprocess.run(
            [engine, "-v", voice, "--stdout", "nomor antrean satu"],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return Finding(False, "check.espeak.bad", {"error": _first_line(error)}, "check.fix.espeak")
    if result.returncode != 0 or not result.stdout.startswith(b"RIFF") or len(result.stdout) < 8000:
        said = result.stderr.decode(errors="replace").strip().splitlines()
        return Finding(
            False,
            "check.espeak.bad",
            {"error": said[0] if said else f"exit {result.returncode}"},
            "check.fix.espeak",
        )
    return Finding(True, "check.espeak.ok", {"voice": voice})


def check_disk(settings: Settings) -> Finding:
    folder = settings.backup_folder
    path = _store_path(settings)
    size = path.stat().st_size if path is not None and path.exists() else 0
    copies = settings.backup_copies
    need = size * (copies + 1) + DISK_MARGIN_BYTES
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    free = shutil.disk_usage(existing).free
    params = {"free": _mb(free), "need": _mb(need), "copies": copies, "path": folder}
    if free < need:
        return Finding(False, "check.disk.low", params, "check.fix.disk", params)
    return Finding(True, "check.disk.ok", params)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:,.0f} MB"


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def run_checks(settings: Settings, today: str, voice: str = "id") -> list[Finding]:
    """Every item, in the order a person would fix them; a check that breaks is a finding too."""
    steps: list[tuple[str, Callable[[], Finding | list[Finding]]]] = [
        ("check.item.data_dir", lambda: check_data_dir(settings)),
        ("check.item.store", lambda: check_store(settings)),
        ("check.item.facility", lambda: check_facility(settings)),
        ("check.item.secrets", lambda: check_secrets(settings)),
        ("check.item.printer", lambda: check_printer(settings)),
        ("check.item.central", lambda: check_central(settings, today)),
        ("check.item.clock", lambda: check_clock(settings)),
        ("check.item.espeak", lambda: check_espeak(voice)),
        ("check.item.disk", lambda: check_disk(settings)),
    ]
    findings: list[Finding] = []
    for item, step in steps:
        try:
            result = step()
        except Exception as error:
            result = Finding(False, "check.failed", {"error": _first_line(error), "item": item})
        findings.extend(result if isinstance(result, list) else [result])
    return findings
