"""Drive the real program in a real terminal: tmux send-keys and capture-pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TUITRAINER = str(Path(sys.executable).with_name("tuitrainer"))

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (CI installs it)"
)


class Terminal:
    """One tmux server and window running one command, 80x24 unless told."""

    def __init__(
        self, args: list[str], env: dict[str, str], width: int = 80, height: int = 24
    ) -> None:
        self.socket = f"tt-{uuid.uuid4().hex[:8]}"
        self.name = "t"
        command = [
            "tmux",
            "-L",
            self.socket,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(width),
            "-y",
            str(height),
        ]
        for key, value in env.items():
            command += ["-e", f"{key}={value}"]
        self._tmux(*command[3:], "--", *args)
        self._tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def press(self, key: str) -> None:
        """One key, as a person would type it."""
        self._tmux("send-keys", "-t", self.name, key)

    def wait_for(self, *texts: str, timeout: float = 15.0) -> str:
        """Poll until every text shows at once; fail with the screen if they never do."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{texts!r} never showed; the screen was:\n{screen}")

    def pid(self) -> int:
        return int(self._tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def modes(self) -> dict[str, str]:
        """The terminal modes the program left set: the alternate screen and mouse tracking
        (tmux shows no flag for the cursor's visibility)."""
        names = ("alternate_on", "mouse_any_flag", "mouse_sgr_flag")
        shown = self._tmux(
            "display-message", "-p", "-t", self.name, " ".join(f"#{{{n}}}" for n in names)
        )
        return dict(zip(names, shown.split(), strict=True))

    def exited(self) -> bool:
        return self._tmux("display-message", "-p", "-t", self.name, "#{pane_dead}").strip() == "1"

    def wait_exit(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exited():
                return
            time.sleep(0.05)
        raise AssertionError(f"the program did not exit; the screen was:\n{self.screen()}")

    def close(self) -> None:
        self._tmux("kill-server")


def acknowledge_safety(data_dir: Path) -> None:
    """The safety note confirmed in this data folder, as after a first workout."""
    from tuitrainer.history import HistoryStore
    from tuitrainer.history.assessments import acknowledge
    from tuitrainer.locations import Locations

    store, _ = HistoryStore.open(Locations.resolve(data_dir).database)
    try:
        acknowledge(store)
    finally:
        store.close()


def run_env(data_dir: Path, safety_seen: bool = True) -> dict[str, str]:
    """The environment of the program under test: its own data folder, no sound;
    `safety_seen`: the safety note was acknowledged there before (tests of the note
    itself say False), as for anyone past their first workout."""
    if safety_seen:
        acknowledge_safety(data_dir)
    return {
        "TUITRAINER_DATA_DIR": str(data_dir),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/root"),
    }


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [TUITRAINER, *args],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "TUITRAINER_DATA_DIR": str(data_dir)},
    )
