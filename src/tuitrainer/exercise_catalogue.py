"""The exercise catalogue: every distinct exercise the sessions know, once each.

The same exercise sits in several sessions (fire hydrant in the hip routine and
in the low back routine, and in each plan saved from them). Listed once per
session, the add-exercise list repeated it; here exercises are one entry per
id and content, naming every session it comes from. The pauses around an
exercise (rest, get ready) belong to the session's rhythm, not to the exercise,
so they do not make two otherwise equal exercises different.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .locations import Locations
from .session.edit import format_reps
from .session.model import Exercise


@dataclass(frozen=True)
class CatalogueEntry:
    exercise: Exercise
    sources: tuple[str, ...]  # session titles, built-in ones first
    builtin: bool  # found in a built-in session

    def dose(self) -> str:
        """`10 reps a side, guided`: what tells two versions of an exercise apart."""
        ex = self.exercise
        each = "" if ex.sides == ("both",) else " a side"
        sets = f"{ex.sets} x " if ex.sets > 1 else ""
        hold = f", hold {ex.hold_seconds:g} s" if ex.hold_seconds else ""
        return f"{sets}{format_reps(ex)} reps{each}, {ex.mode}{hold}"

    def from_text(self, shown: int = 1) -> str:
        names = list(self.sources[:shown])
        more = len(self.sources) - len(names)
        return ", ".join(names) + (f" and {more} more" if more else "")

    def label(self) -> str:
        return f"{self.exercise.name}  ({self.dose()})  from {self.from_text()}"

    def matches(self, typed: str) -> bool:
        """Every word typed appears in the name or a source (case does not matter)."""
        haystack = " ".join((self.exercise.name, self.exercise.id, *self.sources)).casefold()
        return all(word in haystack for word in typed.casefold().split())


def _key(exercise: Exercise) -> Exercise:
    return replace(exercise, rest_seconds=0.0, get_ready_seconds=0.0)


def catalogue(locations: Locations) -> list[CatalogueEntry]:
    """Every distinct exercise of the valid sessions, by name; built-in sessions first."""
    from .library import discover

    found: dict[Exercise, tuple[Exercise, list[str], bool]] = {}
    entries = sorted(discover(locations), key=lambda e: (e.source != "builtin", e.slug))
    for entry in entries:
        if entry.session is None:
            continue
        for exercise in entry.session.exercises:
            key = _key(exercise)
            if key not in found:
                found[key] = (exercise, [], entry.source == "builtin")
            sources = found[key][1]
            if entry.session.title not in sources:
                sources.append(entry.session.title)
    listed = [CatalogueEntry(ex, tuple(src), builtin) for ex, src, builtin in found.values()]
    return sorted(listed, key=lambda c: (c.exercise.name.casefold(), not c.builtin, c.dose()))


def filtered(entries: list[CatalogueEntry], typed: str) -> list[CatalogueEntry]:
    return [entry for entry in entries if entry.matches(typed)]
