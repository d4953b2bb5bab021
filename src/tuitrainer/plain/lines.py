"""What plain mode says for each workout event: one short line, or nothing.

Lines are sentences a screen reader reads well: no box drawing, no clocks that
tick, numbers as digits. Text from a session file is shown with its control
characters escaped (it may hold anything).
"""

from __future__ import annotations

from ..display import clock_text, finished_words
from ..engine import Engine
from ..events import (
    Event,
    Halfway,
    PartLengthChanged,
    Paused,
    PhaseStarted,
    RepCounted,
    RepUndone,
    Resumed,
    SideFinished,
    SideRestarted,
    TipChanged,
    WorkoutFinished,
)
from ..plain_text import printable
from ..planner import Kind, Segment, format_duration
from ..session.model import Exercise

KEYS_HELP = (
    "Keys: space logs a rep (or starts), u undo, p pause, n next part, b back, "
    "+ or - 15 seconds more or less rest, l time left, t easier variant, m sound, "
    "? keys, q end."
)


def side_words(side: str) -> str:
    return "Both sides" if side == "both" else f"{side.capitalize()} side"


def reps_words(exercise: Exercise, segment: Segment) -> str:
    reps = segment.reps if segment.reps is not None else exercise.reps_for(segment.side)
    return f"{reps} rep" if str(reps) == "1" else f"{reps} reps"


def seconds_words(seconds: float) -> str:
    """A planned length as said: "30 seconds", "1 second", or "1:30" from a minute."""
    whole = round(seconds)
    if whole >= 60:
        return format_duration(whole)
    return "1 second" if whole == 1 else f"{whole} seconds"


def _next_work(engine: Engine, index: int) -> Segment | None:
    return next((s for s in engine.segments[index + 1 :] if s.kind is Kind.WORK), None)


def name(exercise: Exercise) -> str:
    return printable(exercise.name)


def segment_line(engine: Engine, index: int) -> str:
    """The line that starts a part of the workout."""
    segment = engine.segments[index]
    exercise = segment.exercise
    seconds = seconds_words(segment.seconds)
    if segment.kind is Kind.GET_READY:
        setup = f" Start position: {printable(exercise.setup)}" if exercise.setup else ""
        return f"Get ready: {name(exercise)}, {side_words(segment.side).lower()}, {seconds}.{setup}"
    if segment.kind is Kind.WORK:
        how = "Go." if segment.timed else "Go. Press space for each rep."
        return (
            f"{name(exercise)}. {side_words(segment.side)}. {reps_words(exercise, segment)}. {how}"
        )
    if segment.kind is Kind.SIDE_REST:
        return f"Switch to the {segment.side} side: {seconds}."
    following = _next_work(engine, index)
    after = (
        f" Next: {name(following.exercise)}, {side_words(following.side).lower()}."
        if following is not None
        else ""
    )
    return f"Rest, {seconds}.{after}"


def event_line(event: Event, engine: Engine) -> str | None:
    """The line for one engine event, or None when it needs none."""
    if isinstance(event, PhaseStarted):
        return segment_line(engine, event.index)
    if isinstance(event, RepCounted):
        segment = engine.segment
        target = segment.reps if segment is not None and segment.reps is not None else "?"
        return f"Rep {event.reps} of {target}."
    if isinstance(event, RepUndone):
        return f"Rep taken back: {event.reps} now."
    if isinstance(event, TipChanged):
        return f"Tip: {printable(event.text)}"
    if isinstance(event, SideFinished):
        took = format_duration(event.seconds)
        asked = engine.timeline.session.exercises[event.key.exercise_index].reps_for(
            event.key.side
        )  # "8-10" for a range, as every other line says it
        return f"{side_words(event.key.side)} done: {event.reps} of {asked} reps, {took}."
    if isinstance(event, SideRestarted):
        return f"{side_words(event.key.side)} starts again; its reps are cleared."
    if isinstance(event, Halfway):
        return "Halfway."
    if isinstance(event, PartLengthChanged):
        return f"This pause is now {seconds_words(event.seconds)}."
    if isinstance(event, Paused):
        return "Paused. Press p to go on."
    if isinstance(event, Resumed):
        return "Going on."
    if isinstance(event, WorkoutFinished):
        return f"Workout over. {finished_words(engine)}"
    return None


def time_left(engine: Engine) -> str:
    """Asked for with `l`: the time of this part and of the whole workout."""
    if not engine.started:
        return f"Not started. Planned: {format_duration(engine.timeline.total_seconds)}."
    remaining = engine.remaining()
    if remaining is None:
        part = f"{clock_text(engine.elapsed(), False)} on this side so far"
    else:
        part = f"{clock_text(remaining, True)} left in this part"
    total = max(0.0, engine.timeline.total_seconds - engine.total_elapsed())
    return f"{part}; about {clock_text(total, True)} to the end."
