"""Changes to a session plan, each returning a new frozen Session.

The planning screen calls these on key presses; keeping them here (no UI)
means every bound is checked once, against the same schema table the
validator uses, and a plan can never hold a value its file could not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Any

from .model import Exercise, RepRange, Session
from .schema import EXERCISE_FIELDS, MAX_REPS, MODES


class EditError(ValueError):
    """A change that would make the plan invalid; the message says why, for the user."""


@dataclass(frozen=True)
class Knob:
    """A number in an exercise the planning screen can change in place.

    `step` is what one press of up/down or +/- adds; `floor` keeps a step from
    going below a sensible value (typing a number may go down to the schema's bound).
    `label` is the planning column's heading; `words` names the value in a
    refusal as that column does, in full ("Get ready" for "Ready s"), since the
    user never sees the file's field name there.
    """

    field: str
    label: str
    step: float
    floor: float
    integer: bool = False
    words: str = ""

    @property
    def seconds(self) -> bool:
        return self.field.endswith("_seconds")


KNOBS: tuple[Knob, ...] = (
    Knob("sets", "Sets", 1, 1, integer=True, words="Sets"),
    Knob("reps", "Reps", 1, 1, integer=True, words="Reps"),
    Knob("rep_seconds", "Rep s", 0.5, 0.5, words="Rep time"),
    Knob("hold_seconds", "Hold s", 1, 0, words="Hold"),
    Knob("side_rest_seconds", "Switch s", 5, 0, words="Switch sides"),
    Knob("set_rest_seconds", "Set rest s", 5, 0, words="Set rest"),
    Knob("rest_seconds", "Rest s", 5, 0, words="Rest"),
    Knob("get_ready_seconds", "Ready s", 1, 0, words="Get ready"),
)
KNOB_BY_FIELD = {knob.field: knob for knob in KNOBS}


def _knob(field: str) -> Knob:
    """The field's knob; a field without one is named by itself."""
    return KNOB_BY_FIELD.get(field) or Knob(field, field, 1, 0, words=field)


_BOUNDS = {f.name: f for f in EXERCISE_FIELDS}
_REPS = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")


def _exercise(session: Session, index: int) -> Exercise:
    if not 0 <= index < len(session.exercises):
        raise EditError(f"there is no exercise {index + 1}")
    return session.exercises[index]


def _with(session: Session, index: int, exercise: Exercise) -> Session:
    exercises = list(session.exercises)
    exercises[index] = exercise
    return replace(session, exercises=tuple(exercises))


def check_number(field: str, value: float) -> float:
    """The value if the schema allows it in `field`, else EditError saying the bounds."""
    bound = _BOUNDS[field]
    low = bound.minimum if bound.minimum is not None else 0
    high = bound.maximum if bound.maximum is not None else math.inf
    too_low = value <= low if bound.exclusive_minimum else value < low
    knob = _knob(field)
    if math.isnan(value) or too_low or value > high:
        word = "more than" if bound.exclusive_minimum else "from"
        unit = " seconds" if knob.seconds else ""
        raise EditError(f"{knob.words} must be {word} {low:g} up to {high:g}{unit}, not {value:g}")
    if knob.integer and value != int(value):
        raise EditError(f"{knob.words} must be a whole number, not {value:g}")
    return value


def format_reps(exercise: Exercise) -> str:
    """Reps as the table shows them: `10`, `8-10`, or `10/12` in side order when they differ."""
    ranges = [exercise.reps[side] for side in exercise.sides]
    if all(r == ranges[0] for r in ranges):
        return str(ranges[0])
    return "/".join(str(r) for r in ranges)


def parse_reps(exercise: Exercise, text: str) -> dict[str, RepRange]:
    """`10`, `8-10`, or `10/12` (one per side, in side order) -> reps by side."""
    parts = text.split("/")
    if len(parts) not in (1, len(exercise.sides)):
        raise EditError(f"Reps: give one count, or {len(exercise.sides)} joined by '/'")
    ranges = []
    for part in parts:
        match = _REPS.match(part)
        if not match:
            raise EditError(f"Reps must be a number or a range such as 8-10, not {part!r}")
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if low > high:
            raise EditError(f"Reps: the range {low}-{high} runs backwards; write {high}-{low}")
        if not (low >= 1 and high <= MAX_REPS):
            raise EditError(f"Reps must be from 1 up to {MAX_REPS}, not {part.strip()}")
        ranges.append(RepRange(low, high))
    if len(ranges) == 1:
        ranges *= len(exercise.sides)
    return dict(zip(exercise.sides, ranges, strict=True))


def set_reps(session: Session, index: int, reps: dict[str, RepRange]) -> Session:
    exercise = _exercise(session, index)
    if set(reps) != set(exercise.sides):
        raise EditError("reps must name exactly the exercise's sides")
    return _with(session, index, replace(exercise, reps=dict(reps)))


def set_value(session: Session, index: int, field: str, value: float) -> Session:
    """Set one number of an exercise, refused outside the schema's bounds."""
    exercise = _exercise(session, index)
    if field == "reps":
        count = int(value)
        if count != value:
            raise EditError("Reps must be a whole number")
        return set_reps(session, index, parse_reps(exercise, str(count)))
    if field not in KNOB_BY_FIELD:
        raise EditError(f"{field} cannot be changed here")
    value = check_number(field, value)
    new_value: float | int = int(value) if KNOB_BY_FIELD[field].integer else float(value)
    change: dict[str, Any] = {field: new_value}
    return _with(session, index, replace(exercise, **change))


def set_text(session: Session, index: int, field: str, text: str) -> Session:
    """A value typed by the user: reps as `10`, `8-10` or `10/12`; other fields a number."""
    if field == "reps":
        return set_reps(session, index, parse_reps(_exercise(session, index), text))
    try:
        value = float(text.strip().removesuffix("s"))
    except ValueError:
        knob = _knob(field)
        kind = "a number of seconds" if knob.seconds else "a whole number"
        raise EditError(f"{knob.words} must be {kind}, not {text!r}") from None
    return set_value(session, index, field, value)


def step(session: Session, index: int, field: str, direction: int) -> Session:
    """One press of up or down: move a number by its step, stopping at its floor and bound.

    Reps move every side and both ends of a range together, so `8-10` becomes `9-11`.
    """
    knob = KNOB_BY_FIELD[field]
    exercise = _exercise(session, index)
    if field == "reps":
        reps = {}
        for side, r in exercise.reps.items():
            shift = max(1 - r.low, min(MAX_REPS - r.high, direction))
            reps[side] = RepRange(r.low + shift, r.high + shift)
        return set_reps(session, index, reps)
    current = float(getattr(exercise, field))
    wanted = current + direction * knob.step
    bound = _BOUNDS[field]
    high = bound.maximum if bound.maximum is not None else math.inf
    wanted = min(high, max(min(knob.floor, current), wanted))
    if wanted == current:
        return session
    return set_value(session, index, field, wanted)


def move(session: Session, index: int, delta: int) -> Session:
    """Move an exercise up (delta -1) or down (+1); it stays put at either end."""
    _exercise(session, index)
    target = index + delta
    if not 0 <= target < len(session.exercises):
        return session
    exercises = list(session.exercises)
    exercises.insert(target, exercises.pop(index))
    return replace(session, exercises=tuple(exercises))


def drop(session: Session, index: int) -> Session:
    """Leave an exercise out; the last one cannot go (a session needs one)."""
    _exercise(session, index)
    if len(session.exercises) == 1:
        raise EditError("a session needs at least one exercise")
    exercises = list(session.exercises)
    del exercises[index]
    return replace(session, exercises=tuple(exercises))


def unique_id(session: Session, wanted: str) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... so that no two exercises share an id."""
    taken = {exercise.id for exercise in session.exercises}
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


def add(session: Session, exercise: Exercise, at: int | None = None) -> Session:
    """Add an exercise (from another session, say) after `at`, or at the end."""
    fresh = replace(exercise, id=unique_id(session, exercise.id))
    exercises = list(session.exercises)
    position = len(exercises) if at is None else max(0, min(len(exercises), at + 1))
    exercises.insert(position, fresh)
    return replace(session, exercises=tuple(exercises))


def switch_mode(session: Session, index: int) -> Session:
    """Guided becomes self-paced and back."""
    exercise = _exercise(session, index)
    mode = MODES[(MODES.index(exercise.mode) + 1) % len(MODES)]
    return _with(session, index, replace(exercise, mode=mode))


def swap_sides(session: Session, index: int) -> Session:
    """Work the other side first; refused when there is only one side."""
    exercise = _exercise(session, index)
    if len(exercise.sides) < 2:
        raise EditError(f"{exercise.name} works one side only; there is no order to swap")
    return _with(session, index, replace(exercise, sides=tuple(reversed(exercise.sides))))


def retitle(session: Session, slug: str, title: str | None = None) -> Session:
    """The plan under a new file name (and title), as a user session not yet saved."""
    return replace(session, slug=slug, title=title or session.title, path=None, source="user")
