"""What a key that changed nothing says instead.

Across the room a silent key reads as a lost rep: space that logged no rep, `u`
that took nothing back, `b` that threw logged reps away each get a short reason,
the same in the workout screen and in plain mode.
"""

from __future__ import annotations

from .display import side_name
from .engine import Engine
from .events import SideKey
from .planner import Kind


def no_rep_reason(engine: Engine) -> str:
    """Why space logged no rep just now."""
    segment = engine.segment
    if engine.finished or segment is None:
        return ""
    guided = segment.kind is Kind.WORK and segment.timed
    if engine.paused:  # a guided side has no rep to log, paused or not
        if guided:
            return "Paused: press p to go on; guided reps count themselves."
        return "Paused: press p to go on, then log the rep."
    if guided:
        return "Guided reps count themselves: follow the words and the tones."
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
    side = side_name(before.side).capitalize()
    plural = "s" if reps_before != 1 else ""
    return f"{side}: {reps_before} logged rep{plural} cleared."
