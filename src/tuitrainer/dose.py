"""The source routine's dose as a floor that is never crossed without saying so.

The source gives a dose for each of its five exercises: 10 reps a side for the
four hip exercises, 8 to 10 a side for reach and rotate. Fewer may be the right
choice for someone (a clinician's advice, a bad day), so nothing forbids it; but
a plan with fewer must say so, on screen before it is started or saved and in
the saved session's description, so a short "2-minute version" is never taken
for the routine itself. Plain Python: the planning screen and the fit use it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .session.model import Exercise, Session
from .session.origin import ARTICLE
from .session.schema import MAX_TEXT

# The source's dose by exercise id: the fewest reps a side it asks for.
ARTICLE_DOSES = {
    "fire-hydrant": 10,
    "straight-leg-extension": 10,
    "lateral-swing": 10,
    "bent-knee-heel-to-ceiling": 10,
    "reach-and-rotate": 8,
}
NOTE_START = "Below the source routine's dose:"


@dataclass(frozen=True)
class Shortfall:
    """One exercise planned with fewer reps a side than the source asks for."""

    exercise: str  # its name
    reps: int  # reps a side as planned (the fewest side, over all sets)
    dose: int

    def __str__(self) -> str:
        return f"{self.exercise} {self.reps} a side (the source asks for {self.dose})"


def dose_of(exercise: Exercise) -> int | None:
    """The source's dose for an exercise it gives, else None (no floor)."""
    return ARTICLE_DOSES.get(exercise.id) if exercise.source == ARTICLE else None


def planned_reps(exercise: Exercise) -> int:
    """Reps a side as the dose counts them: the low end of a range, over all sets."""
    return min(exercise.reps_for(side).low for side in exercise.sides) * exercise.sets


def shortfalls(session: Session) -> list[Shortfall]:
    """Every exercise of the source's planned below its dose, in plan order."""
    found = []
    for exercise in session.exercises:
        dose = dose_of(exercise)
        if dose is not None and planned_reps(exercise) < dose:
            found.append(Shortfall(exercise.name, planned_reps(exercise), dose))
    return found


def warning(session: Session) -> str:
    """The one-line warning for the screen, or "" when every dose is met."""
    found = shortfalls(session)
    return f"{NOTE_START} {'; '.join(map(str, found))}." if found else ""


def with_note(session: Session) -> Session:
    """The session with its description saying whether it is below the dose: an old
    note is replaced, and dropped once the dose is met again."""
    kept = (session.description or "").split(NOTE_START)[0].rstrip()
    note = warning(session)
    text = f"{kept} {note}".strip() if note else kept
    if len(text) > MAX_TEXT:  # the description has a bound; the note matters more
        text = f"{kept[: MAX_TEXT - len(note) - 2].rstrip()}… {note}"[:MAX_TEXT]
    return replace(session, description=text)
