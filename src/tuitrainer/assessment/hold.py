"""The assessment's timed hold, on the injected clock, with the workout's cues.

A hold is a short countdown the person holds a position for: `go` at its start,
`countdown` as each of its last seconds begins, `exercise_done` when it ends.
The cues go to a cue scheduler at the clock moments they belong to, as the
engine's do, so they obey mute, the settings and the lateness rule.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Protocol

COUNTDOWN = 3  # the last seconds of a hold that tick, as in a workout's pauses


class Cues(Protocol):
    """Where the hold's cues go (`audio.cues.CueScheduler` without an engine)."""

    def cue(self, name: str, at: float) -> None: ...

    def flush(self, replan: bool = False) -> None: ...


class Hold:
    """One hold of `seconds`; `advance()` as the clock moves, `stop()` to drop it."""

    def __init__(self, seconds: float, clock: Callable[[], float], cues: Cues) -> None:
        self.seconds = seconds
        self.clock = clock
        self.cues = cues
        self.until: float | None = None
        self._ticked: int | None = None  # the last second of the hold that sounded

    @property
    def running(self) -> bool:
        return self.until is not None

    def start(self) -> None:
        if self.until is None:
            now = self.clock()
            self.until = now + self.seconds
            self._ticked = None
            self._cue("go", now)

    def stop(self) -> None:
        self.until = None

    def remaining(self) -> float | None:
        """Seconds left; None when no hold runs."""
        return None if self.until is None else max(0.0, self.until - self.clock())

    def shown(self) -> int:
        """The whole seconds left, rounded up (a countdown never shows 0 while time is left)."""
        left = self.remaining()
        return math.ceil(left) if left is not None else 0

    def advance(self) -> bool:
        """Catch up with the clock; True once, when the hold has just ended."""
        if self.until is None:
            return False
        if self.clock() >= self.until:
            end, self.until = self.until, None
            self._cue("exercise_done", end)
            return True
        shown = self.shown()
        if shown <= COUNTDOWN and shown != self._ticked:
            self._ticked = shown
            self._cue("countdown", self.until - shown)
        return False

    def _cue(self, name: str, at: float) -> None:
        self.cues.cue(name, at)
        self.cues.flush()
