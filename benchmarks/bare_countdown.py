"""The reference for workout_cpu.py: a bare Textual countdown in big digits.

It redraws ten times a second from `time.monotonic()`, the way Textual's own
stopwatch tutorial does: the least a full-screen countdown can cost.
"""

from __future__ import annotations

import time

from textual.app import App, ComposeResult
from textual.widgets import Digits, Footer


class Countdown(App[None]):
    def compose(self) -> ComposeResult:
        yield Digits("")
        yield Footer()

    def on_mount(self) -> None:
        self.deadline = time.monotonic() + 3600
        self.set_interval(0.1, self.tick)

    def tick(self) -> None:
        left = max(0, int(self.deadline - time.monotonic()))
        self.query_one(Digits).update(f"{left // 60}:{left % 60:02d}")


if __name__ == "__main__":
    Countdown().run()
