"""Fit a session to a wanted total time by scaling its reps and pauses.

People ask for "a ten-minute version". The tempo (rep and hold seconds) and
the number of sets stay as they are: they are about form, not about time.
What moves is the pauses (get ready, switch sides, rests) and the reps, each
within bounds that keep the session sensible:

- reps from half to twice the original count (never below 1 or above 1000);
- pauses from a quarter to twice the original, never below a floor (3 s to get
  ready, 5 s to switch sides, 10 s to rest) unless they were shorter already.

With `keep_dose`, an exercise of the source routine keeps at least the source's
dose (`dose.py`); a time that cannot be met so is met by dropping exercises,
which the user chooses (the planning screen asks).

To shorten, the pauses give way first and the reps only after; to lengthen,
the reps grow first. One parameter `t` runs along that path, the total is
monotonic in it, and a bisection finds the `t` whose total comes closest.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .dose import dose_of
from .planner import format_duration, plan
from .session.model import Exercise, RepRange, Session, Side
from .session.schema import MAX_REPS, MAX_REST_SECONDS

REPS_LOW, REPS_HIGH = 0.5, 2.0
PAUSE_LOW, PAUSE_HIGH = 0.25, 2.0
PAUSE_FLOORS = {
    "get_ready_seconds": 3.0,
    "side_rest_seconds": 5.0,  # time to turn over and set up the other side
    "set_rest_seconds": 10.0,
    "rest_seconds": 10.0,
}
PAUSE_LABELS = {
    "get_ready_seconds": "get ready",
    "side_rest_seconds": "switch sides",
    "set_rest_seconds": "rest between sets",
    "rest_seconds": "rest after",
}
# Close enough: within 5 seconds, or 1% of the wanted total.
TOLERANCE_SECONDS, TOLERANCE_SHARE = 5.0, 0.01


@dataclass(frozen=True)
class Change:
    """One value the fit changed, in words for the user."""

    exercise: str  # the exercise's name
    what: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.exercise}: {self.what} {self.before} -> {self.after}"


@dataclass(frozen=True)
class Fit:
    session: Session
    target_seconds: float
    before_seconds: float
    after_seconds: float
    changes: tuple[Change, ...]

    @property
    def reached(self) -> bool:
        """Whether the total is close enough to the target to call it a fit."""
        slack = max(TOLERANCE_SECONDS, TOLERANCE_SHARE * self.target_seconds)
        return abs(self.after_seconds - self.target_seconds) <= slack

    def lines(self) -> list[str]:
        """The changes, one line per exercise: `Fire hydrant: reps 10 -> 8, rest after ...`."""
        by_exercise: dict[str, list[str]] = {}
        for change in self.changes:
            text = f"{change.what} {change.before} -> {change.after}"
            by_exercise.setdefault(change.exercise, []).append(text)
        return [f"{name}: {', '.join(texts)}" for name, texts in by_exercise.items()]

    def message(self) -> str:
        """One line for the user: what the plan now takes, and whether that is the target."""
        got = format_duration(self.after_seconds)
        wanted = format_duration(self.target_seconds)
        if self.reached:
            return f"Fitted to {got} (asked for {wanted}); {len(self.changes)} values changed."
        return (
            f"{got} is as close to {wanted} as sensible bounds allow; "
            f"{len(self.changes)} values changed."
        )


def _scale_pause(value: float, factor: float, field: str) -> float:
    if value <= 0:
        return value
    low = min(value, max(PAUSE_FLOORS[field], value * PAUSE_LOW))
    high = min(MAX_REST_SECONDS, max(value, value * PAUSE_HIGH))
    return float(min(high, max(low, round(value * factor))))


def _scale_count(count: int, factor: float, phase: float = 0.5) -> int:
    """`count` scaled by `factor`, rounded at `phase` (0.5 is plain rounding).

    Each exercise rounds at its own phase, so as the factor moves the exercises
    change one rep at a time, one after another, not all at once: a plan a few
    seconds too long loses a rep or two, not one from every side.
    """
    low = max(1, math.ceil(count * REPS_LOW))
    high = min(MAX_REPS, max(count, math.floor(count * REPS_HIGH)))
    return int(min(high, max(low, math.floor(count * factor + phase))))


def _scale_reps(reps: RepRange, factor: float, phase: float = 0.5) -> RepRange:
    high = _scale_count(reps.high, factor, phase)
    low = high if reps.low == reps.high else min(high, _scale_count(reps.low, factor, phase))
    return RepRange(low, high)


def _phase(index: int, count: int) -> float:
    """Where exercise `index` of `count` rounds: the last gives a rep first when
    shortening, the first gains one first when lengthening. Both sides of an
    exercise share it, so they stay alike."""
    return (count - index - 0.5) / count


def takes_time(exercise: Exercise, field: str, last: bool) -> bool:
    """Whether a pause is in the timeline: no switch with one side, no set rest with one set,
    no rest after the last exercise. The others are left as they are, and not reported."""
    if field == "side_rest_seconds":
        return len(exercise.sides) > 1
    if field == "set_rest_seconds":
        return exercise.sets > 1
    if field == "rest_seconds":
        return not last
    return True


def _dose_kept(ex: Exercise, scaled: dict[Side, RepRange]) -> dict[Side, RepRange]:
    """The scaled reps, or the original ones where scaling would cross the source's
    dose (an exercise already below it is scaled as it comes)."""
    dose = dose_of(ex)
    if dose is None:
        return scaled
    return {
        side: ex.reps[side] if r.low * ex.sets < min(dose, ex.reps[side].low * ex.sets) else r
        for side, r in scaled.items()
    }


def _scaled(
    session: Session, reps_factor: float, pause_factor: float, keep_dose: bool = False
) -> Session:
    count = len(session.exercises)

    def exercise(index: int, ex: Exercise) -> Exercise:
        pauses: dict[str, Any] = {
            f: _scale_pause(getattr(ex, f), pause_factor, f)
            for f in PAUSE_FLOORS
            if takes_time(ex, f, index == count - 1)
        }
        phase = _phase(index, count)
        reps = {side: _scale_reps(r, reps_factor, phase) for side, r in ex.reps.items()}
        if keep_dose:
            reps = _dose_kept(ex, reps)
        return replace(ex, reps=reps, **pauses)

    # The session's own defaults move too, so the saved file keeps them in one place.
    return replace(
        session,
        exercises=tuple(exercise(i, ex) for i, ex in enumerate(session.exercises)),
        rest_seconds=_scale_pause(session.rest_seconds, pause_factor, "rest_seconds"),
        get_ready_seconds=_scale_pause(
            session.get_ready_seconds, pause_factor, "get_ready_seconds"
        ),
    )


def _total(session: Session) -> float:
    return plan(session).total_seconds


def _bracket(
    total_at: Callable[[float], float], low: float, high: float, target: float
) -> tuple[float, float]:
    """Factors just within and just past `target` in [low, high] (equal at either end).

    The total grows with the factor in steps (reps and seconds are whole), so a
    bisection finds the edge of the last step that still fits.
    """
    if total_at(high) <= target:
        return high, high
    if total_at(low) > target:
        return low, low
    for _ in range(40):
        middle = (low + high) / 2
        if total_at(middle) <= target:
            low = middle
        else:
            high = middle
    return low, high


def _closest(total_at: Callable[[float], float], low: float, high: float, target: float) -> float:
    """The factor in [low, high] whose total is nearest `target`."""
    within, past = _bracket(total_at, low, high, target)
    return min((within, past), key=lambda f: abs(total_at(f) - target))


def fit_to_time(session: Session, target_seconds: float, keep_dose: bool = False) -> Fit:
    """The session scaled so its planned total comes as near `target_seconds` as bounds allow.

    To shorten, pauses shrink first; if that is not enough, reps shrink to the last
    step that still fits, and the pauses then fill back up to the target. To
    lengthen, reps grow to the last step that fits, then pauses fill the rest.
    `keep_dose`: reps of the source's exercises stop at its dose (`Fit.reached`
    then says whether the time was met).
    """
    if not math.isfinite(target_seconds) or target_seconds <= 0:
        raise ValueError("the wanted time must be more than zero")
    before = _total(session)

    def total(reps: float, pauses: float) -> float:
        return _total(_scaled(session, reps, pauses, keep_dose))

    if abs(target_seconds - before) <= 0.5:
        reps, pauses = 1.0, 1.0
    elif target_seconds < before:
        reps = 1.0
        if total(1.0, PAUSE_LOW) > target_seconds:
            reps = _bracket(lambda r: total(r, PAUSE_LOW), REPS_LOW, 1.0, target_seconds)[0]
        pauses = _closest(lambda p: total(reps, p), PAUSE_LOW, 1.0, target_seconds)
    else:
        reps = _bracket(lambda r: total(r, 1.0), 1.0, REPS_HIGH, target_seconds)[0]
        pauses = _closest(lambda p: total(reps, p), 1.0, PAUSE_HIGH, target_seconds)
    fitted = _scaled(session, reps, pauses, keep_dose)
    after = _total(fitted)
    return Fit(fitted, target_seconds, before, after, tuple(changes(session, fitted)))


def _seconds(value: float) -> str:
    return f"{value:g} s"


def changes(before: Session, after: Session) -> list[Change]:
    """Every value that differs between two versions of the same exercises, in words.

    Reps that changed alike on every side read as one change (`reps 10 -> 8`).
    """
    from .session.edit import format_reps

    names = [exercise.name for exercise in before.exercises]
    found: list[Change] = []
    for number, (old_ex, new_ex) in enumerate(
        zip(before.exercises, after.exercises, strict=False), start=1
    ):
        # An exercise that is in the plan twice is told apart by its place.
        name = old_ex.name if names.count(old_ex.name) == 1 else f"{old_ex.name} (#{number})"
        old_r, new_r = format_reps(old_ex), format_reps(new_ex)
        if old_r != new_r:
            found.append(Change(name, "reps", old_r, new_r))
        for field, label in PAUSE_LABELS.items():
            old, new = getattr(old_ex, field), getattr(new_ex, field)
            if old != new:
                found.append(Change(name, label, _seconds(old), _seconds(new)))
    return found


def parse_duration(text: str) -> float:
    """`12`, `12 min`, `12 minutes`, `12m`, `90s`, `1:30`, `1h` -> seconds; ValueError if not.

    A bare number means minutes: people ask for "a twelve-minute version".
    """
    raw = text.strip().lower()
    if ":" in raw:
        parts = raw.split(":")
        if len(parts) > 3 or not all(p.strip().isdigit() for p in parts):
            raise ValueError(f"not a time: {text!r}")
        total = 0
        for part in parts:
            total = total * 60 + int(part)
        return float(total)
    units = {
        "": 60,
        "m": 60,
        "min": 60,
        "mins": 60,
        "minute": 60,
        "minutes": 60,
        "s": 1,
        "sec": 1,
        "secs": 1,
        "second": 1,
        "seconds": 1,
        "h": 3600,
        "hour": 3600,
        "hours": 3600,
    }
    number = raw.rstrip("abcdefghijklmnopqrstuvwxyz ")
    unit = raw[len(number) :].strip()
    if unit not in units:
        raise ValueError(f"not a time: {text!r}")
    try:
        value = float(number)
    except ValueError:
        raise ValueError(f"not a time: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise ValueError("the wanted time must be more than zero")
    return value * units[unit]
