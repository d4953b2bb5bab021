"""What the engine says happened: small frozen values, one stream for all.

The screens, the sound and the history all read the same events. Each carries
`at`, the clock time the event belongs to (the planned moment, not the moment
a late tick noticed it), so lateness can be measured and nothing drifts.
"""

from __future__ import annotations

from dataclasses import dataclass

from .planner import Segment
from .session.model import Side


@dataclass(frozen=True)
class SideKey:
    """Which side of which set of which exercise."""

    exercise_index: int
    set_number: int
    side: Side


@dataclass(frozen=True)
class Event:
    at: float


@dataclass(frozen=True)
class WorkoutStarted(Event):
    index: int


@dataclass(frozen=True)
class PhaseStarted(Event):
    index: int
    segment: Segment


@dataclass(frozen=True)
class RepCounted(Event):
    key: SideKey
    reps: int


@dataclass(frozen=True)
class RepUndone(Event):
    key: SideKey
    reps: int


@dataclass(frozen=True)
class TempoPhaseStarted(Event):
    """A part of a guided rep began: `say` (lift, hold, lower...) for `seconds`.

    `rep` is the rep being done (from 1), `index` the part's place in the tempo,
    `tone` the cue it starts with (`up`, `down`, or None for a hold)."""

    key: SideKey
    rep: int
    index: int
    say: str
    seconds: float
    tone: str | None


@dataclass(frozen=True)
class Halfway(Event):
    """Half of a side (`what` = "side") or of a long hold ("hold") is behind."""

    key: SideKey
    what: str


@dataclass(frozen=True)
class PartLengthChanged(Event):
    """`+` or `-` made the current pause longer or shorter: `seconds` is its new length."""

    index: int
    seconds: float


@dataclass(frozen=True)
class SideSwitched(Event):
    """A pause between sides began; `side` is the one that comes next."""

    exercise_index: int
    side: Side


@dataclass(frozen=True)
class CountdownTick(Event):
    """One of the last seconds of a timed pause: `remaining` is 3, 2 or 1."""

    remaining: int


@dataclass(frozen=True)
class TipChanged(Event):
    exercise_index: int
    tip_index: int
    text: str


@dataclass(frozen=True)
class SideFinished(Event):
    key: SideKey
    reps: int
    seconds: float
    target: int


@dataclass(frozen=True)
class SideRestarted(Event):
    """`back` started this side again, or left it for the part before: its count is gone."""

    key: SideKey


@dataclass(frozen=True)
class Paused(Event):
    pass


@dataclass(frozen=True)
class Resumed(Event):
    paused_seconds: float


@dataclass(frozen=True)
class WorkoutFinished(Event):
    status: str  # "completed" or "stopped"
