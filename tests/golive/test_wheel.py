"""Installing without the repository: the wheel `python -m build` makes, installed into a fresh
venv outside the checkout, gives a `kiosk` command that finds its assets and goes live.

Built once for the module. The fresh venv sees this test run's own dependencies through a `.pth`
file (every distribution but the kiosk itself), so pip still resolves the wheel's declared
dependencies against them but unpacks only the wheel: the same check in seconds instead of
minutes. `.ci/run` and `make install` install the dependencies for real on every run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.central_server import CentralServer
from tests.golive.test_check import CODE, needs_espeak
from tests.golive.test_clinic_load import CLINIC

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Installed:
    venv: Path
    wheel: Path

    @property
    def kiosk(self) -> str:
        return str(self.venv / "bin" / "kiosk")

    def run(
        self, *args: str, cwd: Path, env: dict[str, str], timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.kiosk, *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    work = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = (work / "dist").glob("antrean_kiosk-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    share_dependencies(venv, work / "deps")
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    yield Installed(venv, wheel)
    shutil.rmtree(work, ignore_errors=True)


def share_dependencies(venv: Path, folder: Path) -> None:
    """Let ``venv`` see the running interpreter's installed distributions, leaving out the kiosk
    (its editable install would shadow the wheel, and pip would try to replace it)."""
    site = Path(next(p for p in sys.path if p.endswith("site-packages")))
    folder.mkdir()
    for entry in site.iterdir():
        name = entry.name.lower()
        if name.startswith(("kiosk", "antrean_kiosk", "_editable_impl_antrean", "__editable__")):
            continue
        if name.endswith(".pth") or name in {"pip", "setuptools", "_distutils_hack", "__pycache__"}:
            continue
        if name.startswith(("pip-", "setuptools-")):
            continue
        (folder / entry.name).symlink_to(entry)
    (target,) = (venv / "lib").glob("python*/site-packages")
    (target / "shared-dependencies.pth").write_text(f"{folder}\n", encoding="utf-8")


@pytest.fixture
def outside(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder far from the checkout and an environment with no trace of it."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "PYTHON", "VIRTUAL_ENV"))
    }
    env["KIOSK_DATA_DIR"] = str(tmp_path / "data")
    env["KIOSK_CONFIG_FILE"] = str(tmp_path / "etc" / "kiosk.toml")
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(str(REPO))
    )
    home = tmp_path / "pc"
    home.mkdir()
    return home, env


def test_the_wheel_installs_a_kiosk_with_its_assets(
    installed: Installed, outside: tuple[Path, dict[str, str]]
) -> None:
    cwd, env = outside
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    shown = installed.run("--version", cwd=cwd, env=env)
    assert shown.returncode == 0 and version in shown.stdout

    where = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", "import kiosk; print(kiosk.__file__)"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(installed.venv) in where.stdout  # not the checkout

    demo = installed.run("demo", "--reset", cwd=cwd, env=env)
    assert demo.returncode == 0, demo.stderr
    assert "Demo clinic loaded" in demo.stdout

    check = installed.run("check", cwd=cwd, env=env)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "✓ Basis data terbuka dan mutakhir" in check.stdout
    assert "✗ Kode faskes masih kode demo (P3273010)" in check.stdout
    assert "✓ Printer PNG: slip disimpan di" in check.stdout
    assert "Traceback" not in check.stdout + check.stderr


def test_a_clinic_goes_live_with_the_installed_kiosk(
    installed: Installed,
    outside: tuple[Path, dict[str, str]],
    central_server: CentralServer,
) -> None:
    """The issue's walk: settings --init, edit, clinic load, check all ✓ against the central."""
    needs_espeak()
    cwd, env = outside
    assert installed.run("settings", "--init", cwd=cwd, env=env).returncode == 0
    config = Path(env["KIOSK_CONFIG_FILE"])
    text = config.read_text(encoding="utf-8")
    edits = {"facility_code": CODE, **server_values(central_server)}
    for name, value in edits.items():
        text, n = re.subn(rf'^{name} = ".*"$', f'{name} = "{value}"', text, flags=re.M)
        assert n == 1, name
    config.write_text(text, encoding="utf-8")

    clinic = cwd / "klinik.toml"
    clinic.write_text(CLINIC.replace("P3273010", CODE), encoding="utf-8")
    loaded = installed.run("clinic", "load", str(clinic), "--yes", cwd=cwd, env=env)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    assert "Data klinik dimuat: 3 poli" in loaded.stdout

    check = installed.run("check", "--lang", "en", cwd=cwd, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "All 11 checks passed" in check.stdout


def server_values(server: CentralServer) -> dict[str, str]:
    return dict(server.clinic_settings())
