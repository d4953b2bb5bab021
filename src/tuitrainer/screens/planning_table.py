"""The planning table in words: its columns, what each cell shows, what an entry changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..session.dump import number
from ..session.edit import KNOBS, format_reps

if TYPE_CHECKING:
    from ..session.model import Exercise

COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "Exercise"),
    ("time", "Time"),
    ("sides", "Sides"),
    *((knob.field, knob.label) for knob in KNOBS),
    ("mode", "Mode"),
    ("source", "From"),
)
FIELDS = [key for key, _ in COLUMNS]


def cell_text(exercise: Exercise, field: str) -> str:
    if field == "name":
        return exercise.name
    if field == "sides":  # in order: "L, R", "R, L", "L", "R" or "both"
        return ", ".join(s[0].upper() if s != "both" else s for s in exercise.sides)
    if field == "reps":
        return format_reps(exercise)
    if field == "mode":
        return exercise.mode
    if field == "source":  # the source routine's, or tuitrainer's suggestion
        return exercise.source
    return number(getattr(exercise, field))


FIELD_WORDS = {
    "sets": "sets",
    "reps": "reps",
    "rep_seconds": "seconds per rep",
    "hold_seconds": "hold seconds",
    "side_rest_seconds": "switch-sides pause (s)",
    "set_rest_seconds": "rest between sets (s)",
    "rest_seconds": "rest after it (s)",
    "get_ready_seconds": "get-ready countdown (s)",
}


def value_hint(exercise: Exercise, field: str) -> str:
    """What the entry line changes, in words: the exercise, its sides and the field."""
    sides = exercise.sides
    if sides == ("both",):
        where = "no sides"
    elif len(sides) == 1:
        where = f"{sides[0]} side only"
    elif field == "reps":
        where = f"{sides[0]} and {sides[1]} side: one count, or {sides[0]}/{sides[1]} as 10/12"
    else:
        where = f"{sides[0]} and {sides[1]} side alike"
    return f"{exercise.name}, {FIELD_WORDS[field]} ({where}): new value, then Enter"
