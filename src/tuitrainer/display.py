"""What the workout view shows, worked out from the engine without any UI.

The screen only copies these strings and numbers into widgets, so everything a
person reads during a workout can be tested in plain Python.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import dose
from .audio.cues import LOOKAHEAD
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
class Fuller:
    """A big text's fuller form, with the side in it ("LEFT · LIFT", "CLAMSHELL ·
    LEFT"): drawn in place of the short one when every form in `rooms` (the widest
    it takes in this part) fits as large and on as few lines. So it does not come
    and go from one part of a rep to the next, and never shrinks the short word."""

    text: str
    rooms: tuple[str, ...]


SIDE_JOIN = "\u00a0·\u00a0"  # unbreakable: a wrapped line never ends or starts with the dot


@dataclass(frozen=True)
class Display:
    title: str
    exercise: str
    position: str  # "Exercise 2 of 5"
    phase: str  # big: READY?, GET READY, LEFT, LIFT, HOLD 3, REST, PAUSED, DONE...
    status: str  # one line: "Left side · set 1 of 2"
    count: str  # big: reps done / target on the side under way ("3/8-10"); else ""
    clock: str  # the one clock: time left, or time on a self-paced side
    clock_label: str  # what the clock means, written beside it
    prompt: str  # what the keys do now, where it matters (a rep range's low end)
    next_title: str  # in pauses: "Next: Fire hydrant, right side"
    next_big: str  # in pauses, big: the next exercise, or the next side
    phase_fuller: Fuller | None  # in a guided side: the side with the movement
    next_fuller: Fuller | None  # in pauses before a new exercise: its side as well
    coach: str
    up_next: str
    elapsed: float
    total: float
    times: str
    sides: tuple[SideView, ...]
    self_paced: bool
    paused: bool
    finished: bool


RANGE_PROMPT = "space: one more · n: finish this side"


def clock_text(seconds: float, count_down: bool) -> str:
    """Countdowns round up (a timer never shows 0:00 while time is left)."""
    value = math.ceil(seconds - 1e-9) if count_down else math.floor(seconds)
    return format_duration(max(0, value))


def total_times(active: float, left: float) -> str:
    """The whole workout, in minutes: time in (pauses not counted) and time left.

    Whole minutes, so the line reads as the workout's length and not as a second
    clock beside the big one, and changes once a minute: a line redrawn each
    second made every second's repaint span the screen (benchmarks/workout_cpu.py).
    Time left rounds up: it says 0 only at the end."""
    to_go = math.ceil(max(0.0, left) / 60 - 1e-9)
    return f"{int(max(0.0, active) // 60)} min in · {to_go} min left"


def _next_work(engine: Engine, after: int) -> Segment | None:
    for seg in engine.segments[after + 1 :]:
        if seg.kind is Kind.WORK:
            return seg
    return None


def side_name(side: str) -> str:
    return "both sides" if side == "both" else f"{side} side"


def up_next(engine: Engine, index: int) -> str:
    """The next side to be worked, named so it can be read from across the room."""
    current = engine.segments[index] if 0 <= index < len(engine.segments) else None
    nxt = _next_work(engine, index)
    if nxt is None:
        return "Up next: finished!" if current else ""
    if current is not None and nxt.exercise_index == current.exercise_index:
        return (
            f"Up next: {side_name(nxt.side)}, set {nxt.set_number}"
            if nxt.exercise.sets > 1
            else f"Up next: {side_name(nxt.side)}"
        )
    return f"Up next: {nxt.exercise.name} ({side_name(nxt.side)})"


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
    following = _next_work(engine, engine.segments.index(segment))
    if following is not None and following.exercise.setup:
        return f"Rest, then start position: {following.exercise.setup}"
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


def _status(segment: Segment) -> str:
    """The side and the set, in one short line under the heading."""
    exercise = segment.exercise
    parts = [side_name(segment.side).capitalize()] if segment.kind is Kind.WORK else []
    if exercise.sets > 1:
        parts.append(f"set {segment.set_number} of {exercise.sets}")
    return " · ".join(parts)


def _side_word(segment: Segment) -> str:
    return "BOTH SIDES" if segment.side == "both" else segment.side.upper()


def _phase_word(engine: Engine, segment: Segment) -> str:
    """The word drawn large: the movement in a guided rep, else the part."""
    if segment.kind is not Kind.WORK:
        return segment.label
    tempo = engine.tempo_phase()
    if tempo is None:
        return _side_word(segment)
    phase, left = tempo
    if phase.is_hold:
        return f"HOLD {max(1, math.ceil(left - 1e-9))}"
    return phase.say.upper()


def _hold_room(seconds: float) -> str:
    """The widest a hold's countdown gets: as many digits, each as wide as any."""
    return "HOLD " + "8" * len(str(max(1, math.ceil(seconds - 1e-9))))


def _phase_fuller(engine: Engine, segment: Segment, phase: str) -> Fuller | None:
    """In a guided left or right side, the side beside the movement: both are read
    from the floor, and the small side line is not."""
    if segment.kind is not Kind.WORK or segment.side == "both" or engine.tempo_phase() is None:
        return None
    side = _side_word(segment) + SIDE_JOIN
    words = {_hold_room(p.seconds) if p.is_hold else p.say.upper() for p in segment.exercise.phases}
    return Fuller(side + phase, tuple(side + word for word in sorted(words)))


def _count(engine: Engine, segment: Segment) -> str:
    if segment.kind is not Kind.WORK or segment.reps is None:
        return ""
    key = engine.key_for(engine.segments.index(segment))
    return f"{engine.side_stats(key).reps}/{segment.reps}"


CLOCK_LABELS = {
    Kind.GET_READY: "until the start",
    Kind.SIDE_REST: "until the next side",
    Kind.SET_REST: "of rest left",
    Kind.REST: "of rest left",
}


def _clock_label(segment: Segment) -> str:
    if segment.kind is Kind.WORK:
        return "left on this side" if segment.timed else "on this side"
    return CLOCK_LABELS[segment.kind]


def _prompt(engine: Engine, segment: Segment) -> str:
    """At the low end of a rep range (8 of 8-10), say how to finish or go on."""
    if segment.kind is not Kind.WORK or segment.timed or segment.reps is None:
        return ""
    reps = engine.side_stats(engine.key_for(engine.segments.index(segment))).reps
    low, high = segment.reps.low, segment.reps.high
    return RANGE_PROMPT if low < high and low <= reps < high else ""


def _next(engine: Engine, index: int, segment: Segment) -> tuple[str, str, Fuller | None]:
    """In a pause: the side that comes next, in a line and in big words (the next
    exercise's name, with its side when there is room)."""
    if segment.kind is Kind.WORK:
        return "", "", None
    nxt = _next_work(engine, index)
    if nxt is None:
        return "", "", None
    title = f"Next: {nxt.exercise.name}, {side_name(nxt.side)}"
    if nxt.exercise.sets > 1:
        title += f", set {nxt.set_number} of {nxt.exercise.sets}"
    if segment.kind in (Kind.SIDE_REST, Kind.SET_REST):  # same exercise: the side says it
        return title, nxt.label, None
    name = nxt.exercise.name
    if nxt.side == "both":
        return title, name, None
    full = name + SIDE_JOIN + _side_word(nxt)
    return title, name, Fuller(full, (full,))


def finished_words(engine: Engine) -> str:
    """The end, said as it went: praise only for a session done to its targets."""
    from .tally import outcome, workout_rows

    rows = workout_rows(engine)
    how = outcome(rows) if engine.status == "completed" else "stopped"
    short = sum(1 for row in rows if row.short)
    if how == "completed":
        return "Well done. That is the session finished."
    if how == "skipped":
        return "Every part was skipped: no reps this time."
    sides = "side" if short == 1 else "sides"
    if how == "partial":
        return f"Finished, with {short} {sides} below the target."
    return f"Ended early, with {short} {sides} below the target. What you did is kept."


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
    total = engine.planned_total()
    elapsed = total if finished and engine.status == "completed" else engine.total_elapsed()
    next_title, next_big, next_fuller = (
        _next(engine, index, segment) if not finished else ("", "", None)
    )
    phase_fuller = None
    label, prompt = _clock_label(segment), ""
    if not engine.started:
        phase, clock = "READY?", clock_text(segment.seconds, True)
        label = "waits for space"  # a clock that stands still says why
        coach = "Press space to start. " + coaching(engine, segment, show_modification)
        # However the session got below the source's dose (the planning screen, an
        # editor), it says so before the start, where it can still be changed; the
        # big name gives it its room (the line above still names what comes first).
        prompt = dose.warning(engine.timeline.session)
        if prompt:
            next_big, next_fuller = "", None
    elif finished:
        phase, clock, label = "DONE", clock_text(engine.active_elapsed(), False), "in all"
        coach = f"{finished_words(engine)}  (space: the summary)"
    else:
        remaining = engine.remaining()
        phase = "PAUSED" if engine.paused else _phase_word(engine, segment)
        phase_fuller = None if engine.paused else _phase_fuller(engine, segment, phase)
        clock = (
            clock_text(engine.elapsed(), False)
            if remaining is None
            else clock_text(remaining, True)
        )
        coach = coaching(engine, segment, show_modification)
        prompt = "" if engine.paused else _prompt(engine, segment)
    self_paced = segment.kind is Kind.WORK and not segment.timed and not finished
    if self_paced and engine.started and not prompt:
        coach = f"{coach}  (space: log a rep)".strip()
    if engine.paused:
        label += " · p goes on"  # PAUSED is the big word; this says how to leave it
    number = segment.exercise_index + 1
    return Display(
        title=title,
        exercise=segment.exercise.name,
        position=f"Exercise {number} of {len(engine.timeline.session.exercises)}",
        phase=phase,
        status="" if finished else _status(segment),
        count="" if finished else _count(engine, segment),
        clock=clock,
        clock_label=label,
        prompt=prompt,
        next_title=next_title,
        next_big=next_big,
        phase_fuller=phase_fuller,
        next_fuller=next_fuller,
        coach=coach,
        up_next="" if finished or next_title else up_next(engine, index),
        elapsed=elapsed,
        total=total,
        times=total_times(engine.active_elapsed(), total - elapsed),
        sides=_sides(engine, segment),
        self_paced=self_paced,
        paused=engine.paused,
        finished=finished,
    )


def seconds_until_change(engine: Engine) -> float | None:
    """Clock seconds until something shown changes by the clock alone: the big
    clock's next second, a guided rep's next part, a hold's next second. None
    when nothing moves (before the start, paused, finished): the screen then
    waits for a key and costs nothing."""
    segment = engine.segment
    if not engine.started or engine.paused or engine.finished or segment is None:
        return None
    remaining = engine.remaining()
    into_second = (remaining if remaining is not None else -engine.elapsed()) % 1.0
    until = into_second or 1.0
    tempo = engine.tempo_phase()
    if tempo is not None:
        _, left = tempo
        until = min(until, left, (left % 1.0) or 1.0)
    return until / engine.speed


LATE = 0.005  # wake this long after a change is due, so it has happened
CUE_AHEAD = LOOKAHEAD / 2  # and this long before a cue, to hand it to the player early


def next_wake(engine: Engine) -> float | None:
    """Clock seconds until the workout view should next wake: just after what it
    shows changes, and a moment before each scheduled moment, so its cue reaches
    the player ahead of time and starts on the beat. None: wait for a key."""
    until = seconds_until_change(engine)
    if until is None:
        return None
    due = engine.next_due()
    ahead = None if due is None else due - CUE_AHEAD - engine.clock()
    if ahead is not None and ahead > 0:
        return min(until + LATE, ahead)
    return until + LATE
