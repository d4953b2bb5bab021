"""Progress figures from SQL, checked against the same figures worked out in Python."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.history_data import (
    KNOWN_ASSESSMENTS,
    KNOWN_TODAY,
    WorkoutSpec,
    add_assessments,
    insert,
    known_history,
    sides_for,
)
from tuitrainer.assessment.load import TESTS_FILE, load_battery
from tuitrainer.history import HistoryStore
from tuitrainer.history import progress as q
from tuitrainer.history.assessment_trend import assessment_trend
from tuitrainer.history.migrations import FIGURE_4_BEFORE
from tuitrainer.history.scope import Scope, parse_range
from tuitrainer.locations import builtin_dir


@pytest.fixture
def store(tmp_path: Path):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    insert(store.conn, known_history())
    add_assessments(store.conn, KNOWN_ASSESSMENTS)
    yield store
    store.close()


BATTERY = load_battery(builtin_dir("assessments") / TESTS_FILE)


def scope(**kw) -> Scope:
    return Scope(KNOWN_TODAY, utc_offset=timedelta(0), **kw)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def in_scope(spec: WorkoutSpec, since: date | None = None, session: str | None = None) -> bool:
    return (since is None or spec.started.date() >= since) and session in (None, spec.session)


def test_adherence_matches_the_history(store):
    specs = known_history()
    facts = q.adherence(store, scope(), weeks=8)
    per_day: dict[date, int] = defaultdict(int)
    for spec in specs:
        per_day[spec.started.date()] += 1
    assert facts.days == {d: n for d, n in per_day.items() if d >= facts.first_day}
    assert facts.first_day == monday(KNOWN_TODAY) - timedelta(weeks=7)
    assert facts.workouts == len(specs)
    assert facts.active_days == len(per_day)
    assert facts.completed == sum(spec.status == "completed" for spec in specs)
    assert facts.reps_done == sum(side.done for spec in specs for side in spec.sides)
    assert facts.reps_target == sum(side.target for spec in specs for side in spec.sides)
    assert facts.reps_done < facts.reps_target  # one workout was stopped part-way
    done = {spec.started.date() for spec in specs if spec.status == "completed"}
    assert KNOWN_TODAY not in done  # today's run is unfinished: yesterday's streak holds
    streak, day = 0, KNOWN_TODAY - timedelta(days=1)
    while day in done:
        streak, day = streak + 1, day - timedelta(days=1)
    assert facts.streak == streak == 2
    assert [week[0].weekday() for week in facts.weeks()] == [0] * 8


def test_streak_counts_until_the_day_ends_and_breaks_on_a_gap():
    today = date(2026, 5, 10)
    days = [today - timedelta(days=n) for n in (1, 2, 3, 5)]
    assert q._streak(days, today) == 3  # today not done yet: yesterday's streak holds
    assert q._streak([today, *days], today) == 4
    assert q._streak([today - timedelta(days=2)], today) == 0
    assert q._streak([], today) == 0


def test_local_days_follow_the_offset(store):
    """23:30 UTC on 9 Nov is 10 Nov two hours east of Greenwich."""
    east = Scope(KNOWN_TODAY, utc_offset=timedelta(hours=2))
    days = q.adherence(store, east).days
    assert date(2026, 11, 10) in days and date(2026, 11, 9) not in days


def test_balance_sums_each_side_and_flags_the_lagging_one(store):
    specs = known_history()
    expected: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for spec in specs:
        for side in spec.sides:
            totals = expected[(side.exercise_id, side.side)]
            totals[0] += side.done
            totals[1] += side.target
            totals[2] += side.seconds
    rows = {b.exercise_id: b for b in q.balance(store, scope())}
    assert set(rows) == {exercise for exercise, _ in expected}
    for (exercise, side), (done, target, seconds) in expected.items():
        totals = getattr(rows[exercise], side)
        assert (totals.reps, totals.target) == (done, target)
        assert totals.seconds == pytest.approx(seconds)
    assert rows["lateral-swing"].lagging == "left"
    assert rows["lateral-swing"].left.reps < rows["lateral-swing"].right.reps
    assert all(b.lagging is None for key, b in rows.items() if key != "lateral-swing")


def test_balance_by_week_and_with_a_session_filter(store):
    specs = [s for s in known_history() if in_scope(s, session="low-back-routine")]
    rows = {b.exercise_id: b for b in q.balance(store, scope(session="low-back-routine"))}
    swing = rows["lateral-swing"]
    weeks = sorted(swing.weekly)
    assert weeks == sorted({monday(s.started.date()) for s in specs})
    expected = [
        sum(
            side.done
            for s in specs
            if monday(s.started.date()) == week
            for side in s.sides
            if (side.exercise_id, side.side) == ("lateral-swing", "left")
        )
        for week in weeks
    ]
    assert swing.series("left", weeks) == expected == [7, 9]


def test_a_small_difference_is_not_a_lag():
    even = q.SideTotals(10, 10, 25.0)
    near = q.Balance("x", "X", q.SideTotals(95, 100, 0), q.SideTotals(100, 100, 0), {})
    assert near.lagging is None
    assert q.Balance("x", "X", even, even, {}).lagging is None
    no_target = q.Balance("x", "X", q.SideTotals(5, 0, 0), q.SideTotals(8, 0, 0), {})
    assert no_target.lagging == "left"


def test_pain_trend_is_the_weekly_average(store):
    since = date(2026, 10, 20)
    by_week: dict[date, dict[str, list[int]]] = defaultdict(lambda: {"b": [], "a": []})
    for spec in known_history():
        if spec.started.date() < since:
            continue
        week = by_week[monday(spec.started.date())]
        if spec.pain_before is not None:
            week["b"].append(spec.pain_before)
        if spec.pain_after is not None:
            week["a"].append(spec.pain_after)

    def mean(values: list[int]) -> float | None:
        return sum(values) / len(values) if values else None

    expected = [
        (week, mean(v["b"]), mean(v["a"]))
        for week, v in sorted(by_week.items())
        if v["b"] or v["a"]
    ]
    trend = q.pain_trend(store, scope(since=since))
    assert [(p.week, p.before, p.after) for p in trend] == expected
    assert trend[0].week == date(2026, 10, 19)  # the workout on the 28th had no rating


def test_assessment_trend_by_test_and_side(store):
    results = assessment_trend(store, scope(), BATTERY)
    first = {(r.test_id, r.side): r for r in results if r.taken_at.startswith("2026-10-11")}
    last = {(r.test_id, r.side): r for r in results if r.taken_at.startswith("2026-11-15")}
    # In the order the tests are taken (the tests file's), each left then right.
    assert [(r.test_id, r.side) for r in results[:4]] == [
        ("knee-to-chest", "left"),
        ("knee-to-chest", "right"),
        ("figure-4", "left"),
        ("figure-4", "right"),
    ]
    # Names and labels are the tests file's, not words of the progress view's own.
    assert first["knee-to-chest", "left"].test_name == "Knee-to-chest test"
    assert first["knee-to-chest", "left"].summary == "Tight hip flexors"
    assert first["knee-to-chest", "left"].tight
    fig = first["figure-4", "left"]
    assert fig.test_name == "Figure-4 test"
    assert fig.summary == "More than a fist-width" and fig.tight
    assert fig.wording == FIGURE_4_BEFORE  # an answer from the test's earlier wording
    assert first["knee-to-chest", "left"].wording == ""
    assert first["figure-4", "right"].summary == "Less than a fist-width"
    assert last["knee-to-chest", "left"].summary == "clear"
    # "About a fist-width" passed under that wording: it is still no finding.
    assert last["figure-4", "left"].summary == "About a fist-width"
    assert not last["figure-4", "left"].tight
    assert len(results) == 8
    assert assessment_trend(store, scope(since=date(2026, 11, 1)), BATTERY) == [
        r for r in results if r.taken_at >= "2026-11"
    ]


def test_no_assessment_tables_is_no_trend(tmp_path: Path):
    store, _ = HistoryStore.open(tmp_path / "old.sqlite3")
    store.conn.execute("DROP TABLE IF EXISTS assessment_answers")
    store.conn.execute("DROP TABLE IF EXISTS assessments")
    assert assessment_trend(store, scope(), BATTERY) == []
    store.close()


def test_recent_lists_newest_first_with_rep_totals(store):
    specs = sorted(known_history(), key=lambda s: s.started, reverse=True)
    rows = q.recent(store, scope(), limit=5)
    assert [r["started_at"][:16] for r in rows] == [s.started.isoformat()[:16] for s in specs[:5]]
    for row, spec in zip(rows, specs, strict=False):
        line = q.line_of(row, store.status_of(row))
        assert line.reps_done == sum(side.done for side in spec.sides)
        assert line.reps_target == sum(side.target for side in spec.sides)
        assert (line.pain_before, line.pain_after) == (spec.pain_before, spec.pain_after)
    newest = q.line_of(rows[0], store.status_of(rows[0]))
    assert newest.status == "interrupted" and newest.seconds is None
    assert q.line_of(rows[1], "completed").seconds == pytest.approx(specs[1].minutes * 60)


def test_sessions_used_and_weekly_counts(store):
    specs = known_history()
    used = {u.session: u for u in q.sessions_used(store, scope())}
    for name in {s.session for s in specs}:
        mine = [s for s in specs if s.session == name]
        assert used[name].workouts == len(mine)
        assert used[name].completed == sum(s.status == "completed" for s in mine)
    weeks = q.weekly_counts(store, scope())
    assert weeks[0].week == date(2026, 10, 12) and weeks[-1].week == date(2026, 11, 16)
    assert sum(w.workouts for w in weeks) == len(specs)
    assert [w.week for w in weeks] == [date(2026, 10, 12) + timedelta(weeks=n) for n in range(6)]


def test_date_range_bounds_are_local_midnights(tmp_path: Path):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    late = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)  # 2 March, 01:00 two hours east
    insert(store.conn, [WorkoutSpec(late, "hip-mobility", sides=sides_for("hip-mobility"))])
    east = Scope(date(2026, 3, 5), since=date(2026, 3, 2), utc_offset=timedelta(hours=2))
    assert q.adherence(store, east).workouts == 1
    utc = Scope(date(2026, 3, 5), since=date(2026, 3, 2), utc_offset=timedelta(0))
    assert q.adherence(store, utc).workouts == 0
    store.close()


def test_parse_range_takes_open_ends_and_refuses_nonsense():
    assert parse_range("2026-10-01", " 2026-10-31 ") == (date(2026, 10, 1), date(2026, 10, 31))
    assert parse_range("", "2026-10-31") == (None, date(2026, 10, 31))
    assert parse_range("", "") == (None, None)
    with pytest.raises(ValueError, match="not a date"):
        parse_range("2026-13-01", "")
    with pytest.raises(ValueError, match="ends before it starts"):
        parse_range("2026-10-31", "2026-10-01")


def test_a_range_that_ends_in_the_past_ends_the_calendar_there(store):
    until = date(2026, 10, 25)
    facts = q.adherence(store, scope(until=until), weeks=2)
    assert facts.last_day == until and facts.first_day == date(2026, 10, 12)
    assert facts.days == {date(2026, 10, 12): 1, date(2026, 10, 14): 2, date(2026, 10, 21): 1}
    assert facts.workouts == sum(s.started.date() <= until for s in known_history())
    assert facts.streak == 2  # the current streak does not depend on the range


def test_a_finding_on_the_other_hip_says_which(tmp_path: Path):
    """Knee to chest on the left: a straight right leg that lifts is the right hip's."""
    from tuitrainer.assessment.findings import Response
    from tuitrainer.history.assessments import save_assessment

    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    save_assessment(
        store,
        [
            Response(
                "knee-to-chest", "left", "straight-leg-lifts", "yes", "tight-hip-flexors", "right"
            ),
            Response(
                "knee-to-chest", "left", "knee-straightens", "yes", "tight-quadriceps", "left"
            ),
        ],
        taken_at="2026-11-10T09:00:00.000+00:00",
    )
    [result] = assessment_trend(store, scope(), BATTERY)
    assert result.summary == "Tight front of the thigh, Tight hip flexors (right hip)"
    store.close()


def test_rehearsals_at_another_speed_count_nowhere(store):
    """A `run --speed 50` preview is not exercise done: no figure changes, and it is counted."""

    def figures():
        return (
            q.adherence(store, scope()),
            q.weekly_counts(store, scope()),
            q.balance(store, scope()),
            q.pain_trend(store, scope()),
            [row["id"] for row in q.recent(store, scope())],
            q.sessions_used(store, scope()),
            store.last_done(),
        )

    before = figures()
    assert q.rehearsals(store, scope()) == 0
    today = datetime.combine(KNOWN_TODAY, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)
    rehearsal = WorkoutSpec(
        today, "hip-mobility", pain_before=9, pain_after=9, sides=sides_for("hip-mobility")
    )
    first = store.conn.execute("SELECT MAX(id) + 1 FROM workouts").fetchone()[0]
    insert(store.conn, [rehearsal, rehearsal])
    store.conn.execute("UPDATE workouts SET speed = 50 WHERE id >= ?", (first,))
    assert figures() == before
    assert q.rehearsals(store, scope()) == 2
    assert q.rehearsals(store, scope(session="thoracic-mobility")) == 0
