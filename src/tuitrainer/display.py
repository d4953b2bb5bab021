"""What the workout view shows, worked out from the engine without any UI.

The screen only copies these strings and numbers into widgets, so everything a
person reads during a workout can be tested in plain Python.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .engine import Engine
from .events import SideKey
from .planner import Kind, Segment, format_duration
from .session.origin import easier_text


@dataclass(frozen=True)
class SideView:
    side: str
    reps: int
    target: str
    seconds: float
    active: bool
    done: bool


@dataclass(frozen=True)
class Display:
    title: str
    exercise: str
    position: str  # "Exercise 2 of 5"
    phase: str  # GET READY, LEFT SIDE, ... PAUSED, DONE
    clock: str  # big digits: a countdown, or time on the side when self-paced
    counts: str  # "Set 1 of 2 · Rep 4 of 10"
    coach: str
    up_next: str
    elapsed: float
    total: float
    times: str
    sides: tuple[SideView, ...]
    beat: tuple[float, float] | None  # (progress through the rep, hold share)
    self_paced: bool
    paused: bool
    finished: bool


def clock_text(seconds: float, count_down: bool) -> str:
    """Countdowns round up (a timer never shows 0:00 while time is left)."""
    value = math.ceil(seconds - 1e-9) if count_down else math.floor(seconds)
    return format_duration(max(0, value))


def _next_work(engine: Engine, after: int) -> Segment | None:
    for seg in engine.segments[after + 1 :]:
        if seg.kind is Kind.WORK:
            return seg
    return None


def _side_name(side: str) -> str:
    return "both sides" if side == "both" else f"{side} side"


def up_next(engine: Engine, index: int) -> str:
    """The next side to be worked, named so it can be read from across the room."""
    current = engine.segments[index] if 0 <= index < len(engine.segments) else None
    nxt = _next_work(engine, index)
    if nxt is None:
        return "Up next: finished!" if current else ""
    if current is not None and nxt.exercise_index == current.exercise_index:
        return (
            f"Up next: {_side_name(nxt.side)}, set {nxt.set_number}"
            if nxt.exercise.sets > 1
            else f"Up next: {_side_name(nxt.side)}"
        )
    return f"Up next: {nxt.exercise.name} ({_side_name(nxt.side)})"


def coaching(engine: Engine, segment: Segment, show_modification: bool) -> str:
    exercise = segment.exercise
    if show_modification:
        return (
            easier_text(exercise)
            if exercise.modification
            else "No easier variant for this one: make the movement smaller and slower."
        )
    if segment.kind is Kind.GET_READY:
        return f"Start position: {exercise.setup}" if exercise.setup else "Get into position."
    if segment.kind is Kind.WORK:
        tips = exercise.tips
        if not tips:
            return ""
        return tips[min(engine.tip_index, len(tips) - 1)]
    if segment.kind is Kind.SIDE_REST:
        return f"Switch to the {segment.side} side. {exercise.setup}".strip()
    return "Rest. Breathe easy and get ready for what comes next."


def _sides(engine: Engine, segment: Segment) -> tuple[SideView, ...]:
    views = []
    active_key = engine.key
    for side in segment.exercise.sides:
        key = SideKey(segment.exercise_index, segment.set_number, side)
        stats = engine.side_stats(key)
        target = segment.exercise.reps_for(side)
        views.append(
            SideView(
                side=side,
                reps=stats.reps,
                target=str(target),
                seconds=stats.seconds,
                active=key == active_key,
                done=stats.reps >= target.low and key != active_key,
            )
        )
    return tuple(views)


def _counts(engine: Engine, segment: Segment) -> str:
    exercise = segment.exercise
    parts = []
    if exercise.sets > 1:
        parts.append(f"Set {segment.set_number} of {exercise.sets}")
    if segment.kind is Kind.WORK and segment.reps is not None:
        done = engine.side_stats(engine.key).reps if engine.key else 0
        rep = min(done + 1, segment.reps.high) if segment.timed else done
        target = segment.reps.high if segment.timed else segment.reps
        parts.append(f"Rep {rep} of {target}")
    return " · ".join(parts)


def describe(engine: Engine, show_modification: bool = False, start_index: int = 0) -> Display:
    """Everything the workout view shows right now.

    Before the start, it shows the part the workout will start with
    (`start_index`: not the first one when an interrupted workout is resumed).
    """
    index = engine.index if engine.started else start_index
    finished = engine.finished
    segments = engine.segments
    segment = segments[min(index, len(segments) - 1)]
    title = engine.timeline.session.title
    total = engine.timeline.total_seconds
    elapsed = total if finished and engine.status == "completed" else engine.total_elapsed()
    if not engine.started:
        phase, clock = "READY?", clock_text(segment.seconds, True)
        coach = "Press space to start. " + coaching(engine, segment, show_modification)
    elif finished:
        phase, clock, coach = (
            "DONE",
            "0:00",
            "Well done. That is the session finished.  (space: the summary)",
        )
    else:
        remaining = engine.remaining()
        phase = "PAUSED" if engine.paused else segment.label
        clock = (
            clock_text(engine.elapsed(), False)
            if remaining is None
            else clock_text(remaining, True)
        )
        coach = coaching(engine, segment, show_modification)
    self_paced = segment.kind is Kind.WORK and not segment.timed and not finished
    if self_paced and engine.started:
        coach = f"{coach}  (space: log a rep)".strip()
    beat = None
    if segment.kind is Kind.WORK and segment.timed and engine.started and not finished:
        per_rep = segment.exercise.seconds_per_rep
        beat = (engine.rep_progress(), segment.exercise.hold_seconds / per_rep if per_rep else 0)
    number = segment.exercise_index + 1
    return Display(
        title=title,
        exercise=segment.exercise.name,
        position=f"Exercise {number} of {len(engine.timeline.session.exercises)}",
        phase=phase,
        clock=clock,
        counts="" if finished else _counts(engine, segment),
        coach=coach,
        up_next="" if finished else up_next(engine, index if engine.started else index - 1),
        elapsed=elapsed,
        total=total,
        times=f"{format_duration(engine.active_elapsed())} in · "
        f"{format_duration(max(0, total - elapsed))} left",
        sides=_sides(engine, segment),
        beat=beat,
        self_paced=self_paced,
        paused=engine.paused,
        finished=finished,
    )


# -- keys that changed nothing -------------------------------------------------------
# Across the room a silent key reads as a lost rep: say why instead.


def no_rep_reason(engine: Engine) -> str:
    """Why space logged no rep just now."""
    segment = engine.segment
    if engine.finished or segment is None:
        return ""
    guided = segment.kind is Kind.WORK and segment.timed
    if engine.paused:  # a guided side has no rep to log, paused or not
        if guided:
            return "Paused: press p to go on; the beat counts the reps."
        return "Paused: press p to go on, then log the rep."
    if guided:
        return "Guided reps count themselves: follow the beat."
    return "Reps are logged while a side runs."


def no_undo_reason(engine: Engine) -> str:
    """Why u took nothing back just now."""
    segment = engine.segment
    if engine.finished or segment is None:
        return ""
    if segment.kind is Kind.WORK and segment.timed:
        return "Guided reps count themselves: there is no logged rep to undo."
    return "No logged rep to undo here."


def cleared_reps(engine: Engine, before: SideKey | None, reps_before: int) -> str:
    """What `b` threw away: a self-paced side started again, or left for the part
    before it, loses its logged reps."""
    if before is None or reps_before == 0:
        return ""
    kept = engine.stats.get(before)
    if kept is not None and kept.reps:
        return ""
    side = _side_name(before.side).capitalize()
    plural = "s" if reps_before != 1 else ""
    return f"{side}: {reps_before} logged rep{plural} cleared."
