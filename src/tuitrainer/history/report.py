"""`tuitrainer report`: a Markdown summary a person can hand to a physiotherapist.

Built only from the aggregate queries in `progress`, so it stays quick on
years of history. Everything in it depends on the history and `Scope.today`,
never on the wall clock, so a known history always gives the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..assessment.model import Battery
from ..counts import counted
from ..durations import format_duration
from . import progress
from .assessment_trend import AssessmentResult, assessment_times, assessment_trend
from .markdown import md_code, md_text, table
from .report_daily import Extras, psfs_lines, schedule_lines
from .report_findings import found_rows
from .scope import Scope, local_day, local_offset

if TYPE_CHECKING:
    from .store import HistoryStore

MONTHLY_AFTER_WEEKS = 16  # a longer period shows pain by month, not by week
NOTE = (
    "Recorded by tuitrainer, a home routine of hip and mid-back mobility and lower-back "
    "stability exercises. Ratings are the person's own, from 0 (no pain) to 10 (worst "
    "imaginable); the self-assessment is a screening aid, not a diagnosis."
)


def rating(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def span(store: HistoryStore, scope: Scope) -> tuple[date, date] | None:
    """The first and last local day with a workout (or an assessment) in the scope."""
    conn = store.conn
    where, args = scope.where()
    first, last = conn.execute(
        f"SELECT MIN(w.started_at), MAX(w.started_at) FROM workouts w WHERE {where}", args
    ).fetchone()
    tests = assessment_times(store, scope)
    if tests:
        first = min(first or tests[0], tests[0])
        last = max(last or tests[-1], tests[-1])
    if first is None:
        return None
    return local_day(first, scope), local_day(last, scope)


def workout_count(store: HistoryStore, scope: Scope) -> int:
    where, args = scope.where()
    return int(
        store.conn.execute(f"SELECT COUNT(*) FROM workouts w WHERE {where}", args).fetchone()[0]
    )


@dataclass(frozen=True)
class Period:
    """What a report covers: its first and last day, and what was recorded in it."""

    start: date
    end: date
    workouts: int  # in the scope, rehearsals left out
    recorded: bool  # anything at all: workouts, self-assessments, functional-scale ratings

    @property
    def weeks(self) -> int:
        return max(1, ((self.end - self.start).days + 7) // 7)


def period(store: HistoryStore, scope: Scope, extras: Extras) -> Period:
    """The report's period: from the range's start, or the first record of any kind
    (a workout, an assessment, a functional-scale rating), to its end or today."""
    found = span(store, scope)
    rated = [rating.day() for rating in extras.psfs]
    if rated:
        found = (
            (min(found[0], rated[0]), max(found[1], rated[-1])) if found else (rated[0], rated[-1])
        )
    start = scope.since or (found[0] if found else scope.today)
    if scope.since is not None and found:
        ever = span(store, replace(scope, since=None))  # the first record of any kind
        first = min([*([ever[0]] if ever else []), *rated], default=None)
        if first and scope.since < first:
            start = first  # nothing was ever recorded before: the period starts there
    end = min(scope.until or scope.today, scope.today)
    return Period(start, end, workout_count(store, scope), found is not None)


def adherence_section(store: HistoryStore, scope: Scope, scheduled: bool = False) -> list[str]:
    """Workouts, weeks, reps; the streak of days in a row only without a schedule
    (with one, the streak of due days is the one that counts: one streak, not two)."""
    facts = progress.adherence(store, scope)
    weeks = progress.weekly_counts(store, scope)
    per_week = facts.workouts / len(weeks) if weeks else 0.0
    lines = [
        "## Adherence",
        "",
        f"- Workouts: {facts.workouts} ({facts.ended_text()}) "
        f"on {counted(facts.active_days, 'day')}",
        f"- Weeks: {len(weeks)}, on average {per_week:.1f} workouts a week; "
        f"{counted(sum(1 for w in weeks if w.workouts == 0), 'week')} without any",
        f"- {facts.dose_text().capitalize()}",
    ]
    if not scheduled:
        lines.insert(
            -1,
            f"- Current streak: {counted(facts.streak, 'day')} in a row "
            f"(up to {scope.today.isoformat()}; no schedule set)",
        )
    rehearsed = progress.rehearsals(store, scope)
    if rehearsed:
        lines.append(f"- Rehearsals at another speed (`run --speed`), left out: {rehearsed}")
    lines.append("")
    lines += table(
        ["Week of", "#Workouts", "#Days"],
        ([w.week.isoformat(), str(w.workouts), str(w.days)] for w in weeks),
    )
    return lines + [""]


def sessions_section(store: HistoryStore, scope: Scope) -> list[str]:
    used = progress.sessions_used(store, scope)
    lines = ["## Sessions used", ""]
    if not used:
        return lines + ["No workouts in this period.", ""]
    lines += table(
        ["Session", "#Workouts", "#Done to the end", "Last done"],
        (
            [
                f"{md_text(u.title)} ({md_code(u.session)})",
                str(u.workouts),
                str(u.completed),
                local_day(u.last, scope).isoformat(),
            ]
            for u in used
        ),
    )
    return lines + [""]


def balance_cells(b: progress.Balance) -> list[str]:
    """One exercise's row of the left/right table, as both reports show it (unescaped)."""
    return [
        b.name,
        f"{b.left.reps} / {b.left.target}",
        f"{b.right.reps} / {b.right.target}",
        format_duration(b.left.seconds),
        format_duration(b.right.seconds),
        b.lagging or "-",
    ]


def balance_section(store: HistoryStore, scope: Scope) -> list[str]:
    rows = progress.balance(store, scope)
    lines = [
        "## Left and right",
        "",
        "Reps done against the target and time under work, per side. A side is marked "
        f"when it did at least {progress.LAG_POINTS} percentage points less of its target.",
        "",
    ]
    if not rows:
        return lines + ["No exercise done on both sides in this period.", ""]
    lines += table(
        ["Exercise", "Left reps", "Right reps", "#Left time", "#Right time", "Lagging side"],
        ([md_text(name), *rest] for name, *rest in map(balance_cells, rows)),
    )
    return lines + [""]


def pain_section(store: HistoryStore, scope: Scope, weeks: int) -> list[str]:
    period = "month" if weeks > MONTHLY_AFTER_WEEKS else "week"
    trend = progress.pain_trend(store, scope, period)
    lines = ["## Pain", ""]
    if not trend:
        return lines + ["No pain ratings in this period.", ""]
    first, last = trend[0], trend[-1]
    lines += [
        f"Average rating by {period}, before and after the workouts (0 to 10). "
        f"First {period}: {rating(first.before)} before, {rating(first.after)} after; "
        f"last {period}: {rating(last.before)} before, {rating(last.after)} after.",
        "",
    ]
    label = "Week of" if period == "week" else "Month"
    lines += table(
        [label, "#Before", "#After", "#Rated workouts"],
        (
            [
                p.week.isoformat() if period == "week" else p.week.strftime("%Y-%m"),
                rating(p.before),
                rating(p.after),
                str(p.rated),
            ]
            for p in trend
        ),
    )
    return lines + [""]


ASSESSMENT_HEADER = ["Date", "Test", "Finding", "Found on"]
HIPS_NOTE = (
    "Each finding is shown with the hip it was found on (LEFT only, RIGHT only or both "
    "sides), in the words tuitrainer's results screen uses. That hip is not always the "
    "side tested: in the knee-to-chest test, tight hip flexors show in the leg left "
    "straight on the floor."
)


def assessment_rows(
    results: list[AssessmentResult], scope: Scope, battery: Battery
) -> list[list[str]]:
    """Date, test (with the wording then, if it was worded otherwise), finding and the
    hips it was found on: the self-assessment table of both reports, unescaped."""
    return [
        [local_day(f.taken_at, scope).isoformat(), f.test_text(), f.row.finding.name, f.where]
        for f in found_rows(results, battery)
    ]


def assessment_section(store: HistoryStore, scope: Scope, battery: Battery) -> list[str]:
    results = assessment_trend(store, scope, battery)
    lines = ["## Self-assessment", ""]
    if not results:
        return lines + ["No self-assessment in this period.", ""]
    lines += ["What each finding means:", "", *finding_legend(battery), "", HIPS_NOTE, ""]
    rows = assessment_rows(results, scope, battery)
    lines += table(ASSESSMENT_HEADER, ([d, md_text(t), md_text(f), w] for d, t, f, w in rows))
    return lines + [""]


def legend_entries(battery: Battery) -> list[tuple[str, str, str]]:
    """Each finding's name, the tests that give it and what it means, in the tests
    file's words (unescaped: both reports escape them their own way)."""
    entries = []
    for info in battery.findings:
        tests = [
            test.name
            for test in battery.tests
            if any(a.finding == info.id for q in test.questions for a in q.answers)
        ]
        entries.append((info.name, ", ".join(tests), info.meaning))
    return entries


def finding_legend(battery: Battery) -> list[str]:
    """What each finding means and which test gives it, as a Markdown list."""
    lines = []
    for name, tests, meaning in legend_entries(battery):
        source = f" ({md_text(tests)})" if tests else ""
        said = f": {md_text(meaning)}" if meaning else ""
        lines.append(f"- **{md_text(name)}**{source}{said}")
    return lines


def render(
    store: HistoryStore, scope: Scope, battery: Battery, extras: Extras | None = None
) -> str:
    """The whole report as Markdown text; `battery` names the self-assessment's tests."""
    extras = extras or Extras()
    covered = period(store, scope, extras)
    lines = [
        "# Exercise and pain report",
        "",
        f"Period: {covered.start.isoformat()} to {covered.end.isoformat()}"
        + (f", session {md_code(scope.session)} only" if scope.session else "")
        + f". Made on {scope.today.isoformat()}.",
        "",
        NOTE,
        "",
    ]
    rehearsed = progress.rehearsals(store, scope)
    if not covered.recorded:
        lines.append("Nothing was recorded in this period.")
        if rehearsed:
            lines.append(f"Rehearsals at another speed (`run --speed`), left out: {rehearsed}")
        return "\n".join(lines) + "\n"
    if covered.workouts:
        lines += adherence_section(store, scope, scheduled=extras.schedule is not None)
    else:  # a first visit: the scale and the self-assessment, before any workout
        lines += ["## Adherence", "", "No workouts in this period."]
        if rehearsed:
            lines.append(f"Rehearsals at another speed (`run --speed`), left out: {rehearsed}")
        lines.append("")
    lines += schedule_lines(extras)
    if covered.workouts:
        for section in (sessions_section, balance_section):
            lines += section(store, scope)
        lines += pain_section(store, scope, covered.weeks)
    lines += psfs_lines(extras)
    lines += assessment_section(store, scope, battery)
    return "\n".join(lines).rstrip() + "\n"


def today() -> date:
    """The local date the report is made on (tests replace it)."""
    return date.today()


def scope_for(
    since: date | None = None, session: str | None = None, until: date | None = None
) -> Scope:
    """The report's scope on this machine: today, in its time zone."""
    return Scope(today(), since, until, session, utc_offset=local_offset())
