"""Which figure the workout shows, and how far through its movement, from the engine alone.

Plain Python beside `display.py`: the workout screen copies the answer into its
figure widget, so what the figure does at each moment is tested without a UI.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .engine import Engine
from .planner import Kind
from .poses import PoseSpec, movement_fraction
from .session.poses import pose_for

# The figure moves on the guided beat's steps (eighths of a rep, as the tempo bar), so
# both repaint in the same moment: the figure adds pictures, not screen updates.
BEAT_STEPS = 8


@dataclass(frozen=True)
class FigureView:
    spec: PoseSpec
    side: str  # left, right or both: the working side drawn
    fraction: float  # 0 the start pose, 1 the end pose
    still: bool = False  # a self-paced side: the start pose only, framed on its own


def figure_view(engine: Engine, easier: bool = False, start_index: int = 0) -> FigureView | None:
    """The figure for this moment of the workout, or None when the exercise has none.

    Get-ready, a switch of sides and a self-paced side show the start pose, still;
    a guided side moves out and back once per rep, holding the end pose through
    the rep's hold. Rests show the exercise coming next.
    """
    segments = engine.segments
    segment = engine.segment
    if segment is None:
        if engine.started:
            return None  # finished
        segment = segments[start_index]
    if segment.kind is Kind.REST:
        upcoming = next((s for s in segments[engine.index + 1 :] if s.kind is not Kind.REST), None)
        if upcoming is None:
            return None
        segment = upcoming
    spec = pose_for(segment.exercise, easier)
    if spec is None:
        return None
    fraction = 0.0
    if segment.kind is Kind.WORK and segment.timed:  # a pause freezes the rep, and the figure
        exercise = segment.exercise
        hold_share = exercise.hold_seconds / exercise.seconds_per_rep
        beat = math.floor(engine.rep_progress() * BEAT_STEPS + 1e-9) / BEAT_STEPS
        fraction = movement_fraction(beat, hold_share)
    still = segment.kind is Kind.WORK and not segment.timed
    return FigureView(spec, segment.side, fraction, still)
