"""The systemd units that run a clinic every day (Debian/Ubuntu, the usual puskesmas PC).

``kiosk serve``, ``kiosk sync`` and the board restart on failure; timers run the nightly backup
(keeping ``backup_copies``) and purge; a getty drop-in logs the kiosk's user in on tty1, where a
profile snippet opens the kiosk full screen. Pure text: :mod:`kiosk.cli.service` shows and
writes it. Every file starts with :data:`MARK`, so ``kiosk service remove`` deletes only ours.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

MARK = "# Written by `kiosk service install`; `kiosk service remove` takes it away."
PREFIX = "antrean"
UNIT_DIR = Path("etc/systemd/system")
PROFILE = Path("etc/profile.d/antrean-kiosk.sh")
AUTOLOGIN = UNIT_DIR / "getty@tty1.service.d" / "antrean-autologin.conf"


@dataclass(frozen=True)
class ServiceSpec:
    kiosk: Path  # the installed `kiosk` command
    user: str
    config: Path  # the settings file the units read (the one `kiosk check` checked)
    serve_host: str = "0.0.0.0"
    serve_port: int = 8080
    board_tty: str | None = "tty2"  # None: no board on this PC
    kiosk_tty: str | None = "tty1"  # None: no kiosk screen on this PC (a server only)
    agetty: str = "/sbin/agetty"
    backup_at: str = "02:00"
    purge_at: str = "02:30"


def _command(spec: ServiceSpec, *args: str) -> str:
    return shlex.join([str(spec.kiosk), *args])


def _service(
    spec: ServiceSpec,
    description: str,
    command: str,
    *,
    oneshot: bool = False,
    extra: tuple[str, ...] = (),
    after: str = "network-online.target",
) -> str:
    lines = [
        MARK,
        "[Unit]",
        f"Description=Antrean Kiosk: {description}",
        f"After={after}",
        "Wants=network-online.target",
        "",
        "[Service]",
        f"Type={'oneshot' if oneshot else 'simple'}",
        f"User={spec.user}",
        # The same settings file for every part, whoever starts it.
        f"Environment={shlex.quote(f'KIOSK_CONFIG_FILE={spec.config}')}",
        f"ExecStart={command}",
    ]
    if not oneshot:
        lines += ["Restart=on-failure", "RestartSec=5"]
    lines += list(extra)
    if not any(line.startswith("StandardOutput=") for line in extra):
        lines += ["StandardOutput=journal", "StandardError=journal"]
    if not oneshot:
        lines += ["", "[Install]", "WantedBy=multi-user.target"]
    return "\n".join(lines) + "\n"


def _timer(description: str, at: str) -> str:
    return (
        "\n".join(
            [
                MARK,
                "[Unit]",
                f"Description=Antrean Kiosk: {description}",
                "",
                "[Timer]",
                f"OnCalendar=*-*-* {at}:00",
                # A PC switched off at night runs the missed job at the next boot.
                "Persistent=true",
                "",
                "[Install]",
                "WantedBy=timers.target",
            ]
        )
        + "\n"
    )


def render_units(spec: ServiceSpec) -> dict[Path, str]:
    """Every file to write, by its path relative to the root (``/`` on the PC)."""
    units = UNIT_DIR
    files: dict[Path, str] = {
        units / f"{PREFIX}-serve.service": _service(
            spec,
            "Mobile JKN web service (kiosk serve)",
            _command(spec, "serve", "--host", spec.serve_host, "--port", str(spec.serve_port)),
        ),
        units / f"{PREFIX}-sync.service": _service(
            spec, "sends the outbox to the central (kiosk sync)", _command(spec, "sync")
        ),
        units / f"{PREFIX}-backup.service": _service(
            spec,
            "nightly backup of the store",
            _command(spec, "service", "nightly-backup"),
            oneshot=True,
        ),
        units / f"{PREFIX}-backup.timer": _timer("nightly backup", spec.backup_at),
        units / f"{PREFIX}-purge.service": _service(
            spec,
            "nightly purge of old complaints and participant details",
            _command(spec, "purge"),
            oneshot=True,
        ),
        units / f"{PREFIX}-purge.timer": _timer("nightly purge", spec.purge_at),
    }
    if spec.board_tty:
        tty = spec.board_tty
        files[units / f"{PREFIX}-board.service"] = _service(
            spec,
            f"waiting-room board on {tty}",
            _command(spec, "board"),
            after=f"systemd-user-sessions.service getty@{tty}.service",
            extra=(
                "Environment=TERM=linux",
                f"TTYPath=/dev/{tty}",
                "TTYReset=yes",
                "TTYVHangup=yes",
                "StandardInput=tty",
                "StandardOutput=tty",
                "StandardError=journal",
            ),
        ).replace("[Unit]\n", f"[Unit]\nConflicts=getty@{tty}.service\n", 1)
    if spec.kiosk_tty:
        files[AUTOLOGIN.parent.with_name(f"getty@{spec.kiosk_tty}.service.d") / AUTOLOGIN.name] = (
            "\n".join(
                [
                    MARK,
                    "[Service]",
                    "ExecStart=",
                    f"ExecStart=-{spec.agetty} --autologin {spec.user} --noclear %I $TERM",
                ]
            )
            + "\n"
        )
        files[PROFILE] = _profile(spec)
    return files


def _profile(spec: ServiceSpec) -> str:
    kiosk = shlex.quote(str(spec.kiosk))
    config = shlex.quote(str(spec.config))
    user = shlex.quote(spec.user)
    tty = f"/dev/{spec.kiosk_tty}"
    lines = [
        MARK,
        f"# On {tty}, {spec.user} gets the patient kiosk, full screen. It opens again",
        "# after a crash; the staff exit (Ctrl+X and the PIN) leaves a shell.",
        f'if [ "$(tty)" = "{tty}" ] && [ "$(id -un)" = {user} ] \\',
        '    && [ -z "${KIOSK_NO_AUTOSTART:-}" ]; then',
        f"    until KIOSK_CONFIG_FILE={config} {kiosk}; do sleep 2; done",
        "fi",
    ]
    return "\n".join(lines) + "\n"


def unit_names(files: dict[Path, str]) -> list[str]:
    """The units to enable: the long-running services and the timers."""
    names = [path.name for path in files if path.parent == UNIT_DIR]
    return [
        n
        for n in names
        if n.endswith(".timer")
        or n in (f"{PREFIX}-serve.service", f"{PREFIX}-sync.service", f"{PREFIX}-board.service")
    ]
