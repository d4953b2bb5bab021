"""Which figure the workout shows, and how far through its movement, from the engine alone.

Plain Python beside `display.py`: the workout screen copies the answer into its
figure widget, so what the figure does at each moment is tested without a UI.
The figure follows the rep's tempo: it moves out through the phases before the
first hold (or through the first phase), keeps the end pose through the hold,
and comes back through the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .engine import Engine
from .planner import Kind, Segment
from .poses import PoseSpec
from .session.model import TempoPhase
from .session.poses import pose_for

# The figure takes a new position this often (plan seconds), counted from the
# start of each tempo phase: twice a second is movement to the eye, and a wake
# of the screen no more often than that.
STEP_SECONDS = 0.5


@dataclass(frozen=True)
class FigureView:
    spec: PoseSpec
    side: str  # left, right or both: the working side drawn
    fraction: float  # 0 the start pose, 1 the end pose
    next_change: float | None = None  # plan seconds until the figure moves again
    still: bool = False  # a self-paced side: the start pose only, framed on its own


def _ease(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def tempo_fraction(phases: tuple[TempoPhase, ...], into_rep: float) -> float:
    """How far toward the end pose the figure is `into_rep` plan seconds into a rep."""
    holds = [i for i, phase in enumerate(phases) if phase.is_hold]
    turn = holds[0] if holds else 1
    out_end = sum(p.seconds for p in phases[:turn])
    hold_end = out_end
    for phase in phases[turn:]:
        if not phase.is_hold:
            break
        hold_end += phase.seconds
    total = sum(p.seconds for p in phases)
    if into_rep < out_end:
        return _ease(into_rep / out_end)
    if into_rep < hold_end or total <= hold_end:
        return 1.0
    return _ease(1.0 - (into_rep - hold_end) / (total - hold_end))


def _stepped(engine: Engine, segment: Segment) -> tuple[float, float | None]:
    """The fraction at the last step of the phase under way, and plan seconds to the next."""
    tempo = engine.tempo_phase()
    if tempo is None:
        return 0.0, None
    phase, left = tempo
    phases = segment.exercise.phases
    per_rep = segment.exercise.seconds_per_rep
    into_rep = engine.elapsed() % per_rep if per_rep else 0.0
    into_phase = phase.seconds - left
    steps = math.floor(into_phase / STEP_SECONDS + 1e-9)
    shown = into_rep - into_phase + steps * STEP_SECONDS
    until = min(left, (steps + 1) * STEP_SECONDS - into_phase)
    return tempo_fraction(phases, shown), until


def figure_view(engine: Engine, easier: bool = False, start_index: int = 0) -> FigureView | None:
    """The figure for this moment of the workout, or None when the exercise has none.

    Get-ready, a switch of sides and a self-paced side show the start pose, still;
    a guided side moves with each rep's tempo. Rests show the exercise coming next.
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
    if segment.kind is Kind.WORK and segment.timed:  # a pause freezes the rep, and the figure
        fraction, until = _stepped(engine, segment)
        return FigureView(spec, segment.side, fraction, until)
    still = segment.kind is Kind.WORK and not segment.timed
    return FigureView(spec, segment.side, 0.0, still=still)
