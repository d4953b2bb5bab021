"""Session -> timeline: the ordered segments a workout runs through, with times.

The planner knows nothing of clocks. It says what comes in which order and how
long each part is planned to last (at speed 1); the engine runs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .durations import format_duration as format_duration  # re-exported
from .session.model import Exercise, RepRange, Session, Side
from .session.origin import modification_source


class Kind(StrEnum):
    GET_READY = "get_ready"
    WORK = "work"
    SIDE_REST = "side_rest"
    SET_REST = "set_rest"
    REST = "rest"


@dataclass(frozen=True)
class Segment:
    """One stretch of the workout.

    For WORK, `side` is the side being worked; for GET_READY and SIDE_REST it is
    the side that comes next. `seconds` is the planned length at speed 1; for a
    self-paced side it is an estimate from the exercise's tempo.
    """

    kind: Kind
    exercise_index: int
    exercise: Exercise
    set_number: int
    side: Side
    seconds: float
    reps: RepRange | None = None

    @property
    def timed(self) -> bool:
        """Whether the clock ends this segment (else the user's last rep does)."""
        return self.kind is not Kind.WORK or self.exercise.guided

    @property
    def label(self) -> str:
        """The phase in words, as it is shown large on screen."""
        if self.kind is Kind.WORK:
            return "BOTH SIDES" if self.side == "both" else f"{self.side.upper()} SIDE"
        return {
            Kind.GET_READY: "GET READY",
            Kind.SIDE_REST: "SWITCH SIDES",
            Kind.SET_REST: "REST",
            Kind.REST: "REST",
        }[self.kind]


@dataclass(frozen=True)
class Timeline:
    session: Session
    segments: tuple[Segment, ...]

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.segments)

    def __len__(self) -> int:
        return len(self.segments)


def _work_seconds(exercise: Exercise, reps: RepRange) -> float:
    return reps.high * exercise.seconds_per_rep


def _exercise_segments(index: int, exercise: Exercise, last: bool) -> list[Segment]:
    def seg(
        kind: Kind, set_no: int, side: Side, seconds: float, reps: RepRange | None = None
    ) -> Segment:
        return Segment(kind, index, exercise, set_no, side, float(seconds), reps)

    first = exercise.sides[0]
    out = [seg(Kind.GET_READY, 1, first, exercise.get_ready_seconds)]
    for set_no in range(1, exercise.sets + 1):
        if set_no > 1:
            out.append(seg(Kind.SET_REST, set_no, first, exercise.set_rest_seconds))
        for position, side in enumerate(exercise.sides):
            if position > 0:
                out.append(seg(Kind.SIDE_REST, set_no, side, exercise.side_rest_seconds))
            reps = exercise.reps_for(side)
            out.append(seg(Kind.WORK, set_no, side, _work_seconds(exercise, reps), reps))
    if not last:
        out.append(seg(Kind.REST, exercise.sets, exercise.sides[-1], exercise.rest_seconds))
    # Zero-length pauses are left out: a rest of 0 means "go straight on".
    return [s for s in out if s.kind is Kind.WORK or s.seconds > 0]


def plan(session: Session) -> Timeline:
    """The full timeline of a session, in order."""
    segments: list[Segment] = []
    count = len(session.exercises)
    for index, exercise in enumerate(session.exercises):
        segments.extend(_exercise_segments(index, exercise, index == count - 1))
    return Timeline(session, tuple(segments))


def outline(timeline: Timeline, speed: float = 1.0) -> dict[str, Any]:
    """The plan by exercise and side, as `tuitrainer plan --json` prints it.

    Seconds are wall-clock seconds at the given speed.
    """
    exercises: list[dict[str, Any]] = []
    for index, exercise in enumerate(timeline.session.exercises):
        own = [s for s in timeline.segments if s.exercise_index == index]
        side_seconds = {
            side: sum(s.seconds for s in own if s.kind is Kind.WORK and s.side == side) / speed
            for side in exercise.sides
        }
        exercises.append(
            {
                "id": exercise.id,
                "name": exercise.name,
                "sides": list(exercise.sides),
                "sets": exercise.sets,
                "reps": {side: str(exercise.reps_for(side)) for side in exercise.sides},
                "mode": exercise.mode,
                "rep_seconds": exercise.rep_seconds,
                "hold_seconds": exercise.hold_seconds,
                "side_seconds": side_seconds,
                "seconds": sum(s.seconds for s in own) / speed,
                "source": exercise.source or None,
                "modification": exercise.modification or None,
                "modification_source": modification_source(exercise) or None,
            }
        )
    return {
        "name": timeline.session.slug,
        "title": timeline.session.title,
        "speed": speed,
        "total_seconds": timeline.total_seconds / speed,
        "exercises": exercises,
    }
