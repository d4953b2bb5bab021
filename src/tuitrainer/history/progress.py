"""Progress figures from the history: aggregate SQL, never every rep in Python.

Each query takes the history and a `scope.Scope` (the days, the session), and
depends on nothing else, so the same history always gives the same figures.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .scope import Scope, local_day, week_start
from .store import DONE

if TYPE_CHECKING:
    from .store import HistoryStore

SIDES = ("left", "right")
# A side's target as its reps are measured against it: within a rep range the reps
# done, below it the low end, above it the top (RepRange.met says the same in Python).
MET = "MAX(COALESCE(s.reps_low, s.reps_target), MIN(s.reps_done, s.reps_target))"
LAG_POINTS = 10  # percentage points of target done: below this a difference is noise
RECENT_LIMIT = 50


# -- adherence ---------------------------------------------------------------------


@dataclass(frozen=True)
class Adherence:
    """Which days had a workout, for a calendar of whole weeks ending this week."""

    first_day: date  # a Monday
    last_day: date  # the range's end, or today
    days: dict[date, int]  # workouts per day, in the calendar's span, days with any
    streak: int  # consecutive days with a workout done, ending today (or yesterday)
    workouts: int  # in the scope
    active_days: int  # in the scope
    completed: int  # in the scope
    reps_done: int = 0  # in the scope, every side of every workout
    reps_target: int = 0  # what those sides planned: together, the dose actually done
    done_days: dict[date, int] = field(default_factory=dict)  # of `days`: done to the end

    def dose_text(self) -> str:
        """Reps done against the plan, where skipped parts and early stops show, as a
        phrase of its own ("reps done: 630 of 640 planned (98%)"; "no reps recorded")."""
        if not self.reps_target:
            return f"reps done: {self.reps_done}" if self.reps_done else "no reps recorded"
        share = 100 * self.reps_done / self.reps_target
        return f"reps done: {self.reps_done} of {self.reps_target} planned ({share:.0f}%)"

    def ended_text(self) -> str:
        """How many workouts ran to their end: "9 done to the end", "none done to the end"."""
        return f"{self.completed or 'none'} done to the end"

    def weeks(self) -> list[list[date]]:
        """The calendar: one list of seven days per week, Monday first."""
        out, day = [], self.first_day
        while day <= self.last_day:
            out.append([day + timedelta(days=n) for n in range(7)])
            day += timedelta(days=7)
        return out


def adherence(store: HistoryStore, scope: Scope, weeks: int = 8) -> Adherence:
    """The calendar of `weeks` weeks up to the range's end, the current streak (up to
    today, whatever the range), and counts in the scope."""
    conn = store.conn
    end = min(scope.until or scope.today, scope.today)
    first = week_start(end) - timedelta(weeks=weeks - 1)
    calendar_scope = replace(scope, since=max(first, scope.since or first), until=end)
    where, args = calendar_scope.where()
    day = f"date(w.started_at, '{scope.modifier}')"
    rows = conn.execute(
        f"SELECT {day} AS day, COUNT(*), SUM(CASE WHEN {DONE} THEN 1 ELSE 0 END)"
        f" FROM workouts w WHERE {where} GROUP BY day",
        args,
    ).fetchall()
    days = {date.fromisoformat(row[0]): row[1] for row in rows}
    done_days = {date.fromisoformat(row[0]): row[2] for row in rows if row[2]}

    where, args = replace(scope, since=None, until=scope.today).where()
    active = conn.execute(
        f"SELECT DISTINCT {day} AS day FROM workouts w WHERE {where} AND {DONE} ORDER BY day DESC",
        args,
    ).fetchall()
    streak = _streak([date.fromisoformat(row[0]) for row in active], scope.today)

    where, args = scope.where()
    total, active_days, completed = conn.execute(
        f"SELECT COUNT(*), COUNT(DISTINCT {day}), COALESCE(SUM(w.status = 'completed'), 0)"
        f" FROM workouts w WHERE {where}",
        args,
    ).fetchone()
    reps_done, reps_target = conn.execute(
        f"SELECT COALESCE(SUM(s.reps_done), 0), COALESCE(SUM({MET}), 0)"
        f" FROM sides s JOIN workouts w ON w.id = s.workout_id WHERE {where}",
        args,
    ).fetchone()
    return Adherence(
        first, end, days, streak, total, active_days, completed, reps_done, reps_target, done_days
    )


@dataclass(frozen=True)
class WeekCount:
    week: date  # its Monday
    workouts: int
    days: int  # days with a workout


def weekly_counts(store: HistoryStore, scope: Scope) -> list[WeekCount]:
    """Workouts and active days per week in the scope, weeks without any included."""
    conn = store.conn
    where, args = scope.where()
    day = f"date(w.started_at, '{scope.modifier}')"
    rows = conn.execute(
        f"SELECT date({day}, 'weekday 0', '-6 days') AS week, COUNT(*), COUNT(DISTINCT {day})"
        f" FROM workouts w WHERE {where} GROUP BY week ORDER BY week",
        args,
    ).fetchall()
    found = {
        date.fromisoformat(r[0]): WeekCount(date.fromisoformat(r[0]), r[1], r[2]) for r in rows
    }
    if not found:
        return []
    first = min(found)
    if scope.since is not None:
        # Empty weeks count from the start of the range, but not from before the first
        # workout ever: `--since 1900-01-01` means everything, not 6,000 empty weeks.
        first = week_start(max(scope.since, first_workout_day(store, scope) or scope.since))
    last = week_start(min(scope.until or scope.today, scope.today))
    out, week = [], first
    while week <= last:
        out.append(found.get(week, WeekCount(week, 0, 0)))
        week += timedelta(weeks=1)
    return out


def _streak(days_newest_first: list[date], today: date) -> int:
    """Days in a row with a workout up to today; a streak still counts until today ends."""
    expected = today
    if days_newest_first and days_newest_first[0] < today:
        expected = today - timedelta(days=1)
    count = 0
    for day in days_newest_first:
        if day > expected:
            continue
        if day != expected:
            break
        count += 1
        expected -= timedelta(days=1)
    return count


# -- left/right balance -----------------------------------------------------------


@dataclass(frozen=True)
class SideTotals:
    reps: int = 0
    target: int = 0
    seconds: float = 0.0

    @property
    def share(self) -> float | None:
        """Reps done as a fraction of the target (None without a target)."""
        return self.reps / self.target if self.target else None


@dataclass(frozen=True)
class Balance:
    """One exercise's left and right sides, in total and by week."""

    exercise_id: str
    name: str
    left: SideTotals
    right: SideTotals
    weekly: dict[date, dict[str, SideTotals]]  # week's Monday -> side -> totals

    @property
    def lagging(self) -> str | None:
        """The side that did clearly less of its target (or fewer reps), if one did."""
        left, right = self.left.share, self.right.share
        if left is None or right is None:
            left, right = self.left.reps, self.right.reps
            top = max(left, right)
            if not top or abs(left - right) * 100 < LAG_POINTS * top:
                return None
        elif abs(left - right) * 100 < LAG_POINTS:
            return None
        return "left" if left < right else "right"

    def series(self, side: str, weeks: list[date]) -> list[int]:
        """Reps per week on one side, zero for a week without it."""
        return [self.weekly.get(week, {}).get(side, SideTotals()).reps for week in weeks]


def balance(store: HistoryStore, scope: Scope) -> list[Balance]:
    """Per exercise done on both sides: reps, target and time per side, by week."""
    conn = store.conn
    where, args = scope.where()
    week = f"date(w.started_at, '{scope.modifier}', 'weekday 0', '-6 days')"
    rows = conn.execute(
        f"SELECT s.exercise_id, MAX(s.exercise_name), s.side, {week} AS week,"
        f" SUM(s.reps_done), SUM({MET}), SUM(s.seconds)"
        f" FROM sides s JOIN workouts w ON w.id = s.workout_id"
        f" WHERE {where} AND s.side IN ('left', 'right')"
        " GROUP BY s.exercise_id, s.side, week",
        args,
    ).fetchall()
    names: dict[str, str] = {}
    weekly: dict[str, dict[date, dict[str, SideTotals]]] = {}
    for exercise_id, name, side, week_text, reps, target, seconds in rows:
        names[exercise_id] = name
        weeks = weekly.setdefault(exercise_id, {})
        weeks.setdefault(date.fromisoformat(week_text), {})[side] = SideTotals(
            reps, target, seconds
        )
    out = []
    for exercise_id, weeks in weekly.items():
        totals = {side: _sum(w.get(side) for w in weeks.values()) for side in SIDES}
        if not (totals["left"].target or totals["left"].reps) or not (
            totals["right"].target or totals["right"].reps
        ):
            continue  # one side only: nothing to balance
        out.append(Balance(exercise_id, names[exercise_id], **totals, weekly=weeks))
    return sorted(out, key=lambda b: b.name.lower())


def _sum(parts: Any) -> SideTotals:
    reps, target, seconds = 0, 0, 0.0
    for part in parts:
        if part is not None:
            reps, target, seconds = reps + part.reps, target + part.target, seconds + part.seconds
    return SideTotals(reps, target, seconds)


# -- pain --------------------------------------------------------------------------


@dataclass(frozen=True)
class PainWeek:
    week: date  # its Monday (or the first of its month)
    before: float | None  # the average rating before workouts that week
    after: float | None
    rated: int  # workouts with a rating


PERIODS = {"week": "'weekday 0', '-6 days'", "month": "'start of month'"}


def pain_trend(store: HistoryStore, scope: Scope, period: str = "week") -> list[PainWeek]:
    """Average pain before and after by week (or month), for periods with any rating."""
    conn = store.conn
    where, args = scope.where()
    week = f"date(w.started_at, '{scope.modifier}', {PERIODS[period]})"
    rows = conn.execute(
        f"SELECT {week} AS week, AVG(w.pain_before), AVG(w.pain_after), COUNT(*)"
        f" FROM workouts w WHERE {where}"
        " AND (w.pain_before IS NOT NULL OR w.pain_after IS NOT NULL)"
        " GROUP BY week ORDER BY week",
        args,
    ).fetchall()
    return [PainWeek(date.fromisoformat(r[0]), r[1], r[2], r[3]) for r in rows]


# -- recent workouts ---------------------------------------------------------------


@dataclass(frozen=True)
class WorkoutLine:
    """One workout in the recent list."""

    id: int
    started_at: str
    session: str
    title: str
    status: str
    seconds: float | None  # from start to end; None while running
    reps_done: int
    reps_target: int
    pain_before: int | None
    pain_after: int | None


def recent(store: HistoryStore, scope: Scope, limit: int = RECENT_LIMIT) -> list[sqlite3.Row]:
    """The newest workouts in the scope with their rep totals (raw rows; see `lines`)."""
    conn = store.conn
    where, args = scope.where()
    return conn.execute(
        "SELECT w.*, (julianday(w.ended_at) - julianday(w.started_at)) * 86400 AS seconds,"
        " (SELECT COALESCE(SUM(s.reps_done), 0) FROM sides s WHERE s.workout_id = w.id)"
        " AS reps_done,"
        f" (SELECT COALESCE(SUM({MET}), 0) FROM sides s WHERE s.workout_id = w.id)"
        " AS reps_target"
        f" FROM workouts w WHERE {where} ORDER BY w.started_at DESC, w.id DESC LIMIT ?",
        [*args, limit],
    ).fetchall()


def line_of(row: sqlite3.Row, status: str) -> WorkoutLine:
    """A recent-list row as a value; `status` comes from the store (it knows dead runs)."""
    return WorkoutLine(
        row["id"],
        row["started_at"],
        row["session"],
        row["title"],
        status,
        row["seconds"],
        row["reps_done"],
        row["reps_target"],
        row["pain_before"],
        row["pain_after"],
    )


# -- sessions used -----------------------------------------------------------------


@dataclass(frozen=True)
class SessionUse:
    session: str
    title: str
    workouts: int
    completed: int
    last: str


def sessions_used(store: HistoryStore, scope: Scope) -> list[SessionUse]:
    """Each session done in the scope: how often, how often to the end, and when last."""
    conn = store.conn
    where, args = scope.where()
    rows = conn.execute(
        "SELECT w.session, MAX(w.title), COUNT(*), SUM(w.status = 'completed'),"
        f" MAX(w.started_at) FROM workouts w WHERE {where}"
        " GROUP BY w.session ORDER BY COUNT(*) DESC, w.session",
        args,
    ).fetchall()
    return [SessionUse(*row) for row in rows]


def rehearsals(store: HistoryStore, scope: Scope) -> int:
    """Workouts in the scope run at another speed (`run --speed`), which no figure counts."""
    conn = store.conn
    where, args = scope.where(speed="!= 1")
    return int(conn.execute(f"SELECT COUNT(*) FROM workouts w WHERE {where}", args).fetchone()[0])


def session_names(store: HistoryStore) -> list[str]:
    """Every session name in the history, for the session filter."""
    conn = store.conn
    rows = conn.execute("SELECT DISTINCT session FROM workouts ORDER BY session").fetchall()
    return [row[0] for row in rows]


def first_workout_day(store: HistoryStore, scope: Scope) -> date | None:
    """The local day of the first real workout ever, whatever the scope's range."""
    conn = store.conn
    first = conn.execute("SELECT MIN(started_at) FROM workouts w WHERE w.speed = 1").fetchone()[0]
    return None if first is None else local_day(first, scope)
