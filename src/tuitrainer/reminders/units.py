"""The files that run `tuitrainer remind` at the schedule's times.

Linux: a systemd user service and timer (`Persistent=true`, so a reminder missed
while the machine slept comes when it wakes; cron would lack the session bus a
desktop notification needs). macOS: a LaunchAgent. They are written, and the one
command that enables them is printed: nothing is enabled behind the user's back.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
from dataclasses import dataclass
from datetime import time
from pathlib import Path

SERVICE = "tuitrainer-remind.service"
TIMER = "tuitrainer-remind.timer"
LABEL = "org.tuitrainer.remind"
PLIST = f"{LABEL}.plist"
DEFAULT_TIME = time(18, 0)  # items without a time of their own are reminded then


@dataclass(frozen=True)
class Written:
    files: list[Path]
    enable: str  # the command that switches it on


def command(data_dir: Path | None) -> list[str]:
    """How the timer runs the reminder: this Python, this package."""
    argv = [sys.executable, "-m", "tuitrainer"]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    return [*argv, "remind"]


def reminder_times(times: list[time], untimed: bool) -> list[time]:
    chosen = set(times)
    if untimed or not chosen:
        chosen.add(DEFAULT_TIME)
    return sorted(chosen)


def _systemd_word(word: str) -> str:
    """One ExecStart argument: quoted, with systemd's % specifiers escaped."""
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    escaped = escaped.replace("$", "$$")  # not a variable to expand
    return f'"{escaped}"'


def systemd_units(argv: list[str], times: list[time], config_dir: Path) -> dict[str, str]:
    service = "\n".join(
        [
            "[Unit]",
            "Description=tuitrainer: a reminder when exercise is still due today",
            "",
            "[Service]",
            "Type=oneshot",
            f"Environment={_systemd_word('TUITRAINER_CONFIG_DIR=' + str(config_dir))}",
            "ExecStart=" + " ".join(_systemd_word(word) for word in argv),
            "",
        ]
    )
    timer = "\n".join(
        [
            "[Unit]",
            "Description=tuitrainer: remind at the schedule's times",
            "",
            "[Timer]",
            *[f"OnCalendar=*-*-* {moment:%H:%M}:00" for moment in times],
            "Persistent=true",
            f"Unit={SERVICE}",
            "",
            "[Install]",
            "WantedBy=timers.target",
            "",
        ]
    )
    return {SERVICE: service, TIMER: timer}


def launch_agent(argv: list[str], times: list[time], config_dir: Path) -> bytes:
    return plistlib.dumps(
        {
            "Label": LABEL,
            "ProgramArguments": argv,
            "EnvironmentVariables": {"TUITRAINER_CONFIG_DIR": str(config_dir)},
            "StartCalendarInterval": [
                {"Hour": moment.hour, "Minute": moment.minute} for moment in times
            ],
            "RunAtLoad": False,
            "ProcessType": "Background",
        }
    )


def default_dir(system: str) -> Path:
    if system == "launchd":
        return Path.home() / "Library" / "LaunchAgents"
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "systemd" / "user"


def _write(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_bytes(data)
    temp.replace(path)


def install(
    system: str, folder: Path, argv: list[str], times: list[time], config_dir: Path
) -> Written:
    folder.mkdir(parents=True, exist_ok=True)
    if system == "launchd":
        path = folder / PLIST
        _write(path, launch_agent(argv, times, config_dir))
        quoted = shlex.quote(str(path))
        return Written([path], f'launchctl bootstrap "gui/$(id -u)" {quoted}')
    files = []
    for name, text in systemd_units(argv, times, config_dir).items():
        files.append(folder / name)
        _write(folder / name, text.encode())
    if folder == default_dir("systemd"):
        enable = f"systemctl --user daemon-reload && systemctl --user enable --now {TIMER}"
    else:
        linked = " ".join(shlex.quote(str(path)) for path in files)
        enable = f"systemctl --user link {linked} && systemctl --user enable --now {TIMER}"
    return Written(files, enable)


def uninstall(system: str, folder: Path) -> Written:
    names = [PLIST] if system == "launchd" else [TIMER, SERVICE]
    removed = []
    for name in names:
        path = folder / name
        if path.exists():
            path.unlink()
            removed.append(path)
    if system == "launchd":
        disable = f'launchctl bootout "gui/$(id -u)/{LABEL}"'
    else:
        disable = f"systemctl --user disable --now {TIMER}; systemctl --user daemon-reload"
    return Written(removed, disable)
