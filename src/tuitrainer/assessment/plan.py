"""Findings + rules -> a proposed plan: the base session with per-side doses.

The proposal keeps every change with its reason, so the results screen can
show what changed and why, and the saved file says it in comments too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from ..locations import Locations
from ..session.dump import SCHEMA_LINE, dump_session
from ..session.files import SUFFIXES
from ..session.load import check_text
from ..session.model import Exercise, RepRange, Session
from ..session.problems import SessionError
from ..session.save import save_text
from .model import Battery, Rule, Rules


@dataclass(frozen=True)
class Change:
    """One dose changed: which exercise and side, from what to what, and why."""

    exercise: str  # the exercise's name
    side: str  # "left", "right", or "both" for extra sets
    before: str
    after: str
    why: str


@dataclass(frozen=True)
class Proposal:
    session: Session
    changes: tuple[Change, ...]
    note: str  # who suggests the changes (the rules file's note)
    unmatched: tuple[str, ...] = ()  # rules naming exercises the base session lacks
    base_title: str = ""  # the title of the session it starts from, as the home list shows it


def _applying(rules: Rules, exercise_id: str, findings: list[str]) -> list[Rule]:
    return [r for r in rules.rules if exercise_id in r.exercises and r.finding in findings]


def _reasons(rules: list[Rule], battery: Battery) -> str:
    """`Tight hip flexors: kicking the leg back ...`, one reason per finding."""
    parts = []
    for rule in rules:
        info = battery.finding(rule.finding)
        parts.append(f"{info.name if info else rule.finding}: {rule.why}")
    return " ".join(dict.fromkeys(parts))


def _more(reps: RepRange, extra: int) -> RepRange:
    return RepRange(reps.low + extra, reps.high + extra)


def _dose(exercise: Exercise, side: str) -> str:
    sets = f"{exercise.sets} sets x " if exercise.sets > 1 else ""
    return f"{sets}{exercise.reps_for(side)} reps"


def _change_exercise(
    exercise: Exercise, by_side: Mapping[str, list[str]], rules: Rules, battery: Battery
) -> tuple[Exercise, list[Change]]:
    """The exercise with its changed doses (the largest rule wins; rules never add up)."""
    changes: list[Change] = []
    reps = dict(exercise.reps)
    if "both" not in exercise.sides:
        for side in exercise.sides:
            applying = [r for r in _applying(rules, exercise.id, by_side[side]) if r.extra_reps]
            if applying:
                extra = max(r.extra_reps for r in applying)
                reps[side] = _more(exercise.reps[side], extra)
                before = _dose(exercise, side)
                after = _dose(replace(exercise, reps=reps), side)
                changes.append(
                    Change(exercise.name, side, before, after, _reasons(applying, battery))
                )
    every = sorted({f for ids in by_side.values() for f in ids})
    applying = [r for r in _applying(rules, exercise.id, every) if r.extra_sets]
    sets = exercise.sets
    if applying:
        sets = min(50, exercise.sets + max(r.extra_sets for r in applying))
        changes.append(
            Change(
                exercise.name,
                "both",
                f"{exercise.sets} set{'s' if exercise.sets > 1 else ''}",
                f"{sets} sets",
                _reasons(applying, battery),
            )
        )
    return replace(exercise, reps=reps, sets=sets), changes


def propose(
    base: Session,
    by_side: Mapping[str, list[str]],
    rules: Rules,
    battery: Battery,
    slug: str,
    title: str,
) -> Proposal:
    """The base session with the rules' changes for the findings on each side."""
    by_side = {"left": list(by_side.get("left", [])), "right": list(by_side.get("right", []))}
    exercises = []
    changes: list[Change] = []
    for exercise in base.exercises:
        changed, why = _change_exercise(exercise, by_side, rules, battery)
        exercises.append(changed)
        changes.extend(why)
    known = {e.id for e in base.exercises}
    unmatched = tuple(
        f"a rule for {rule.finding} names the exercise {name!r}, which {base.slug} does not have"
        for rule in rules.rules
        for name in rule.exercises
        if name not in known
    )
    found = [f for f in ("left", "right") if by_side[f]]
    description = (
        f"{base.title}, adjusted after your hip self-assessment"
        + (f" (findings on the {' and '.join(found)} side)" if found else " (no findings)")
        + ". The changes are tuitrainer's suggestion, not the original routine's."
    )
    session = replace(
        base,
        slug=slug,
        title=title,
        description=description,
        exercises=tuple(exercises),
        path=None,
        source="user",
    )
    return Proposal(session, tuple(changes), rules.note, unmatched, base.title)


def to_yaml(proposal: Proposal) -> str:
    """The proposed plan as a session file, its changes and reasons in comments."""
    session = proposal.session
    lines = [SCHEMA_LINE, f"# {session.title}: made by tuitrainer from a hip self-assessment."]
    lines.append(f"# {proposal.note}" if proposal.note else "# The changes are a suggestion.")
    for change in proposal.changes:
        lines.append(
            f"# - {change.exercise}, {change.side}: {change.before} -> {change.after}. {change.why}"
        )
    return dump_session(session, header="\n".join(lines))


def plan_slug(locations: Locations, taken: set[str], day: date | None = None) -> str:
    """`hip-plan-2026-11-24`, with `-2`, `-3`... when that name is in use."""
    stem = f"hip-plan-{(day or date.today()).isoformat()}"
    folder = locations.user_sessions
    slug, n = stem, 1
    while slug in taken or any((folder / f"{slug}{s}").exists() for s in SUFFIXES):
        n += 1
        slug = f"{stem}-{n}"
    return slug


def save_plan(locations: Locations, proposal: Proposal, builtin: set[str]) -> Session:
    """Write the plan as a new user session; returns it as loaded from the file.

    Refuses a name that would shadow a built-in session and never overwrites a
    file; the text is checked by the session validator before it is written,
    and the write is atomic (temp file + rename, `session.save`).
    """
    slug = proposal.session.slug
    if slug in builtin:
        raise ValueError(f"{slug} is a built-in session; a plan never replaces one")
    path = locations.user_sessions / f"{slug}.yaml"
    text = to_yaml(proposal)
    session, problems = check_text(text, str(path), slug)
    if session is None:
        raise SessionError(problems)
    save_text(path, text, expected=None, builtin_dir=locations.builtin_sessions)
    return replace(session, path=path)
