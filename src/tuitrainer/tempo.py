"""The parts of a guided rep on a side's timeline, and the halfway points.

Plain Python for the engine's clock: where each part of each rep starts (lift,
hold, lower...), which part is under way at a moment, and where half of a long
side or a long hold is behind.
"""

from __future__ import annotations

from .planner import Segment
from .session.model import TempoPhase

HALFWAY_MIN = 20.0  # sides and holds at least this long get a halfway cue
HALFWAY_APART = 2.0  # a hold's halfway this near the side's is left out: one cue, not two

# (plan seconds from the side's start, kind, value), as the clock's moments take them
Mark = tuple[float, str, int]


def tempo_marks(segment: Segment) -> list[Mark]:
    """Each part of each guided rep ("phase", value: rep * parts + part), and the
    halfway points ("half", value 0: the side's, 1: a long hold's)."""
    phases = segment.exercise.phases
    per_rep = segment.exercise.seconds_per_rep
    reps = segment.reps.high if segment.reps else 0
    marks: list[Mark] = []
    side_half = segment.seconds / 2 if segment.seconds >= HALFWAY_MIN else None
    if side_half is not None:
        marks.append((side_half, "half", 0))
    for rep in range(reps):
        start = rep * per_rep
        for index, phase in enumerate(phases):
            marks.append((start, "phase", rep * len(phases) + index))
            if phase.is_hold and phase.seconds >= HALFWAY_MIN:
                half = start + phase.seconds / 2
                if side_half is None or abs(half - side_half) >= HALFWAY_APART:
                    marks.append((half, "half", 1))
            start += phase.seconds
    return marks


def phase_at(segment: Segment, elapsed: float) -> tuple[TempoPhase, float] | None:
    """The part of the guided rep under way `elapsed` plan seconds into the side, and
    its seconds left; None after the last rep."""
    per_rep = segment.exercise.seconds_per_rep
    reps = segment.reps.high if segment.reps else 0
    if per_rep <= 0 or elapsed >= reps * per_rep:
        return None
    into = elapsed % per_rep
    for phase in segment.exercise.phases:
        if into < phase.seconds:
            return phase, phase.seconds - into
        into -= phase.seconds
    last = segment.exercise.phases[-1]
    return last, 0.0
