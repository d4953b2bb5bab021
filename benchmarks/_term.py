"""Shared by the benchmarks: run a program in tmux and read its process figures."""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from pathlib import Path


class Pane:
    """A detached tmux session running one command (its pane pid is the program)."""

    def __init__(
        self, args: list[str], env: dict[str, str], width: int = 80, height: int = 24
    ) -> None:
        self.socket = f"bench-{uuid.uuid4().hex[:8]}"
        command = ["new-session", "-d", "-s", "b", "-x", str(width), "-y", str(height)]
        for key, value in env.items():
            command += ["-e", f"{key}={value}"]
        self.tmux(*command, "--", *args)

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "b")

    def press(self, key: str) -> None:
        self.tmux("send-keys", "-t", "b", key)

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", "b", "#{pane_pid}").strip())

    def wait_for(self, text: str, timeout: float = 20.0, poll: float = 0.005) -> float:
        """Seconds until `text` is on screen."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if text in self.screen():
                return time.monotonic() - start
            time.sleep(poll)
        raise TimeoutError(f"{text!r} never showed:\n{self.screen()}")

    def close(self) -> None:
        self.tmux("kill-server")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def fresh_data() -> str:
    """A new data folder past the first-run safety note, as after a first workout."""
    import tempfile

    from tuitrainer.history import HistoryStore
    from tuitrainer.history.assessments import acknowledge
    from tuitrainer.locations import Locations

    folder = tempfile.mkdtemp(prefix="tt-bench-")
    store, _ = HistoryStore.open(Locations.resolve(folder).database)
    try:
        acknowledge(store)
    finally:
        store.close()
    return folder
