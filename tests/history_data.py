"""Known, generated histories for the progress tests, the report and the scale benchmark.

Workouts are plain values; `insert` writes them (and a row per rep) in one
transaction with executemany, fast enough for ten thousand workouts.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tuitrainer.history.migrations import FIGURE_4_BEFORE

HIP = [
    ("fire-hydrant", "Fire hydrant"),
    ("straight-leg-extension", "Straight-leg extension"),
    ("lateral-swing", "Lateral swing"),
    ("heel-to-ceiling", "Bent knee, heel to ceiling"),
]
THORACIC = [("reach-and-rotate", "Reach and rotate")]
SESSIONS = {
    "hip-mobility": ("Hip mobility", HIP),
    "thoracic-mobility": ("Thoracic mobility", THORACIC),
    "low-back-routine": ("Low back routine", HIP + THORACIC),
}


@dataclass(frozen=True)
class SideSpec:
    exercise_index: int
    exercise_id: str
    name: str
    side: str
    target: int
    done: int
    seconds: float


@dataclass(frozen=True)
class WorkoutSpec:
    started: datetime  # aware, UTC
    session: str
    status: str = "completed"
    minutes: float = 12.0
    pain_before: int | None = None
    pain_after: int | None = None
    sides: tuple[SideSpec, ...] = ()

    @property
    def title(self) -> str:
        return SESSIONS[self.session][0] if self.session in SESSIONS else self.session


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def sides_for(session: str, done: dict[tuple[str, str], int] | None = None) -> tuple:
    """Every exercise of a built-in-like session on both sides, 10 reps of 2.5 s each."""
    done = done or {}
    out = []
    for index, (exercise_id, name) in enumerate(SESSIONS[session][1]):
        for side in ("left", "right"):
            reps = done.get((exercise_id, side), 10)
            out.append(SideSpec(index, exercise_id, name, side, 10, reps, reps * 2.5))
    return tuple(out)


def _rows(
    workouts: Iterable[WorkoutSpec], first_id: int
) -> Iterator[tuple[tuple, list[tuple], list[list]]]:
    for number, spec in enumerate(workouts, first_id):
        ended = spec.started + timedelta(minutes=spec.minutes)
        workout = (
            number,
            spec.session,
            spec.title,
            "0" * 64,
            1.0,
            iso(spec.started),
            None if spec.status == "running" else iso(ended),
            spec.status,
            spec.pain_before,
            spec.pain_after,
        )
        sides, reps = [], []
        for side in spec.sides:
            sides.append(
                (
                    number,
                    side.exercise_index,
                    side.exercise_id,
                    side.name,
                    1,
                    side.side,
                    side.target,
                    side.done,
                    side.seconds,
                    int(side.done >= side.target),
                )
            )
            step = side.seconds / side.done if side.done else 0.0
            reps.append(
                [
                    (rep, iso(spec.started + timedelta(seconds=step * rep)), step * rep)
                    for rep in range(1, side.done + 1)
                ]
            )
        yield workout, sides, reps


def insert(conn: sqlite3.Connection, workouts: Iterable[WorkoutSpec]) -> int:
    """Write workouts, their sides and reps in one transaction; returns how many.

    Ids are given here, so every table is written with one executemany.
    """
    workout_rows: list[tuple] = []
    side_rows: list[tuple] = []
    rep_rows: list[tuple] = []
    side_id = conn.execute("SELECT COALESCE(MAX(id), 0) FROM sides").fetchone()[0]
    first_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM workouts").fetchone()[0]
    for workout, sides, reps in _rows(workouts, first_id):
        workout_rows.append(workout)
        for side, side_reps in zip(sides, reps, strict=True):
            side_id += 1
            side_rows.append((side_id, *side))
            rep_rows += [(side_id, *rep) for rep in side_reps]
    conn.execute("BEGIN")
    try:
        conn.executemany(
            "INSERT INTO workouts (id, session, title, session_hash, speed, started_at,"
            " ended_at, status, pain_before, pain_after) VALUES (?,?,?,?,?,?,?,?,?,?)",
            workout_rows,
        )
        conn.executemany(
            "INSERT INTO sides (id, workout_id, exercise_index, exercise_id, exercise_name,"
            " set_number, side, reps_target, reps_done, seconds, finished)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            side_rows,
        )
        conn.executemany(
            "INSERT INTO reps (side_id, number, at, offset_seconds) VALUES (?,?,?,?)", rep_rows
        )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(workout_rows)


def add_assessments(
    conn: sqlite3.Connection, assessments: Iterable[tuple[datetime, list[tuple]]]
) -> None:
    """Assessments as (taken, [(test_id, side, question_id, answer, finding, label,
    wording), ...]), in a history at the current schema."""
    for taken, answers in assessments:
        assessment_id = conn.execute(
            "INSERT INTO assessments (taken_at) VALUES (?)", (iso(taken),)
        ).lastrowid
        conn.executemany(
            "INSERT INTO assessment_answers (assessment_id, test_id, side, question_id, answer,"
            " finding, label, wording) VALUES (?,?,?,?,?,?,?,?)",
            [(assessment_id, *answer) for answer in answers],
        )


def assessment(hip_flexors_left: bool, knee_left: str, knee_right: str = "less") -> list[tuple]:
    """Both tests on both sides; the left side's results as given, the right side clear.

    The figure-4 answers are from its first wording (both knees bent, about a
    fist-width passed), as a history from before the change keeps them.
    """
    answers = []
    for side in ("left", "right"):
        lifts = hip_flexors_left and side == "left"
        answers += [
            (
                "knee-to-chest",
                side,
                "straight-leg-lifts",
                "yes" if lifts else "no",
                "tight-hip-flexors" if lifts else None,
                "Yes, it lifted" if lifts else "No, it stayed down",
                None,
            ),
            ("knee-to-chest", side, "knee-straightens", "no", None, "No, it stayed bent", None),
        ]
        knee = knee_left if side == "left" else knee_right
        label = {"less": "Less", "fist": "About", "more": "More"}[knee] + " than a fist-width"
        answers.append(
            (
                "figure-4",
                side,
                "knee-height",
                knee,
                "tight-hip" if knee == "more" else None,
                label.replace("About than", "About"),
                FIGURE_4_BEFORE,
            )
        )
    return answers


def scale_history(days: int, per_day: int, end: datetime, seed: int = 7) -> Iterator[WorkoutSpec]:
    """Years of practice: `per_day` workouts a day, pain easing, the left swing lagging."""
    rng = random.Random(seed)
    names = list(SESSIONS)
    start = end - timedelta(days=days)
    for day in range(days):
        for slot in range(per_day):
            moment = start + timedelta(days=day, hours=7 + 5 * slot, minutes=rng.randrange(50))
            pain = max(0, 7 - day * 7 // days + rng.randrange(-1, 2))
            session = names[(day + slot) % len(names)]
            lag = {("lateral-swing", "left"): rng.randrange(6, 11)}
            yield WorkoutSpec(
                moment,
                session,
                "completed" if rng.random() < 0.9 else "stopped",
                10 + rng.random() * 10,
                pain,
                max(0, pain - rng.randrange(3)),
                sides_for(session, lag),
            )


# -- a small known history: 2026-10-12 to 2026-11-20, read on Friday 2026-11-20 -------

KNOWN_TODAY = datetime(2026, 11, 20, 12, tzinfo=UTC).date()


def _on(month: int, day: int, hour: int = 8) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


HIP_, THOR, BACK = "hip-mobility", "thoracic-mobility", "low-back-routine"
# (month, day, hour, session, status, minutes, pain before, after, left swing reps, exercises)
KNOWN = [
    (10, 12, 8.0, HIP_, "completed", 12, 6, 4, 6, 9),
    (10, 14, 8.0, THOR, "completed", 5, 6, 5, 10, 9),
    (10, 14, 18.0, HIP_, "stopped", 4, 5, None, 10, 2),
    (10, 21, 8.0, BACK, "completed", 16, 5, 3, 7, 9),
    (10, 28, 8.0, HIP_, "completed", 12.5, None, None, 10, 9),
    (11, 2, 8.0, HIP_, "completed", 12, 4, 2, 8, 9),
    (11, 9, 23.5, THOR, "completed", 5, 3, 2, 10, 9),
    (11, 16, 8.0, HIP_, "completed", 12, 3, 1, 10, 9),
    (11, 18, 8.0, BACK, "completed", 15, 2, 1, 9, 9),
    (11, 19, 8.0, THOR, "completed", 5, None, 1, 10, 9),
    (11, 20, 7.0, HIP_, "running", 0, 2, None, 10, 1),
]


def known_history() -> list[WorkoutSpec]:
    """Eleven workouts: gaps, a three-day streak, the left lateral swing catching up,
    pain easing, one stopped part-way and one left running by a process that is gone."""
    out = []
    for month, day, hour, session, status, minutes, before, after, swing, count in KNOWN:
        sides = sides_for(session, {("lateral-swing", "left"): swing})
        out.append(
            WorkoutSpec(
                datetime(2026, month, day, tzinfo=UTC) + timedelta(hours=hour),
                session,
                status,
                minutes,
                before,
                after,
                tuple(side for side in sides if side.exercise_index < count),
            )
        )
    return out


KNOWN_ASSESSMENTS = [
    (_on(10, 11, 9), assessment(hip_flexors_left=True, knee_left="more")),
    (_on(11, 15, 9), assessment(hip_flexors_left=False, knee_left="fist")),
]
