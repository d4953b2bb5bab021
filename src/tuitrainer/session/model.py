"""What a session is, once it has been read and checked.

Frozen dataclasses: the planner, engine, history and screens all share these
values, and none of them may change a session behind another's back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..poses.model import PoseSpec

Side = str  # "left", "right" or "both"


@dataclass(frozen=True)
class RepRange:
    """A rep target: `low == high` for a fixed count, else a range such as 8-10.

    Guided mode paces `high` reps; a side counts as done from `low` reps on.
    """

    low: int
    high: int

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"

    def met(self, done: int) -> int:
        """The target `done` reps are measured against: within the range the reps done
        (8 of 8-10 is the dose), below it the low end, above it the top. A fixed count
        is simply itself. The history's SQL says the same (`history.progress.MET`)."""
        return max(self.low, min(done, self.high))


@dataclass(frozen=True)
class TempoPhase:
    """One part of a guided rep: the word shown large (and spoken) and its length."""

    say: str
    seconds: float

    @property
    def is_hold(self) -> bool:
        return self.say.strip().lower() == "hold"


def default_tempo(rep_seconds: float, hold_seconds: float) -> tuple[TempoPhase, ...]:
    """Lift for half the movement, hold (if any), lower for the other half."""
    half = rep_seconds / 2
    hold = (TempoPhase("hold", hold_seconds),) if hold_seconds > 0 else ()
    return (TempoPhase("lift", half), *hold, TempoPhase("lower", half))


def tone_for(phases: tuple[TempoPhase, ...], index: int) -> str | None:
    """The cue a tempo phase starts with: `up` for the first, `hold` for a hold (a
    level note: stop and keep still), `down` for the others."""
    if index == 0:
        return "up"
    return "hold" if phases[index].is_hold else "down"


@dataclass(frozen=True)
class Exercise:
    name: str
    id: str
    sides: tuple[Side, ...]
    reps: dict[Side, RepRange]
    sets: int = 1
    mode: str = "guided"
    rep_seconds: float = 4.0
    hold_seconds: float = 0.0
    side_rest_seconds: float = 10.0
    set_rest_seconds: float = 20.0
    rest_seconds: float = 30.0
    get_ready_seconds: float = 10.0
    setup: str = ""
    tips: tuple[str, ...] = ()
    modification: str = ""
    cues: dict[str, str] = field(default_factory=dict)
    say: str = ""  # how the voice says the name ("" for the name itself)
    source: str = ""  # "article", "tuitrainer", or "" (not said: a session of the user's)
    modification_source: str = ""  # "" means the same as `source`
    # Its figure: a built-in pose id, a pose of its own, or None for the built-in
    # pose of the exercise's id.
    poses: PoseSpec | str | None = None
    tempo: tuple[TempoPhase, ...] = ()  # empty: from rep_seconds and hold_seconds

    @property
    def phases(self) -> tuple[TempoPhase, ...]:
        """The parts of one guided rep, in order."""
        return self.tempo or default_tempo(self.rep_seconds, self.hold_seconds)

    @property
    def guided(self) -> bool:
        return self.mode == "guided"

    @property
    def seconds_per_rep(self) -> float:
        """A rep's full length: every phase of its tempo."""
        if self.tempo:
            return sum(phase.seconds for phase in self.tempo)
        return self.rep_seconds + self.hold_seconds

    def reps_for(self, side: Side) -> RepRange:
        return self.reps[side]

    def __hash__(self) -> int:
        return hash((self.id, self.name, self.sides))


@dataclass(frozen=True)
class Session:
    """A whole session. `slug` is the file stem by which it is named."""

    slug: str
    title: str
    exercises: tuple[Exercise, ...]
    description: str = ""
    rest_seconds: float = 30.0
    get_ready_seconds: float = 10.0
    cues: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    source: str = "user"  # "builtin" or "user"

    def __hash__(self) -> int:
        return hash((self.slug, self.title, self.exercises))


def slugify(text: str) -> str:
    """`Bent knee, heel to ceiling` -> `bent-knee-heel-to-ceiling`."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "exercise"
