"""Fit to time: the total lands near the target, within bounds, and every change is told."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from tuitrainer.fit import PAUSE_FLOORS, fit_to_time, parse_duration
from tuitrainer.locations import builtin_dir
from tuitrainer.planner import plan
from tuitrainer.session import load_session

SESSIONS = {
    p.stem: load_session(p, "builtin", sound_dirs=[])
    for p in sorted(builtin_dir("sessions").glob("*.yaml"))
}
QUICK = load_session(DATA / "sessions" / "quick.yaml", sound_dirs=[])


def within_bounds(before, after) -> None:
    """Tempo and sets never move; reps stay in half..double; pauses in their floors..double."""
    for old, new in zip(before.exercises, after.exercises, strict=True):
        assert (new.rep_seconds, new.hold_seconds, new.sets) == (
            old.rep_seconds,
            old.hold_seconds,
            old.sets,
        )
        assert new.sides == old.sides and new.mode == old.mode
        for side in old.sides:
            o, n = old.reps[side], new.reps[side]
            assert max(1, math.ceil(o.high / 2)) <= n.high <= max(o.high, 2 * o.high)
            assert 1 <= n.low <= n.high
        for field, floor in PAUSE_FLOORS.items():
            o, n = getattr(old, field), getattr(new, field)
            assert min(o, floor) <= n <= 2 * o or o == n == 0


def test_ten_minutes_of_the_twelve_minute_routine():
    routine = SESSIONS["low-back-routine"]
    assert plan(routine).total_seconds == 720
    fit = fit_to_time(routine, 600)
    assert fit.reached
    assert abs(plan(fit.session).total_seconds - 600) <= 6
    assert fit.after_seconds == plan(fit.session).total_seconds
    within_bounds(routine, fit.session)
    # Shortening takes the pauses first: 2 minutes go without losing a single rep.
    assert all(
        e.reps == o.reps for e, o in zip(fit.session.exercises, routine.exercises, strict=True)
    )
    lines = fit.lines()
    assert len(lines) == 5  # one line per exercise
    assert lines[0].startswith("Fire hydrant: get ready 10 s -> ")
    assert "reps" not in lines[0]
    # One set each: the rest between sets takes no time, so it is left alone.
    assert all(e.set_rest_seconds == 20 for e in fit.session.exercises)
    assert fit.session.exercises[-1].rest_seconds == 30  # nothing follows the last one
    assert re.match(r"Fitted to (9:5\d|10:0\d) \(asked for 10:00\)", fit.message())


def test_a_much_shorter_plan_cuts_reps_after_pauses():
    hips = SESSIONS["hip-mobility"]
    fit = fit_to_time(hips, 300)
    assert fit.reached
    within_bounds(hips, fit.session)
    assert fit.session.exercises[0].reps["left"].high < 10
    assert any(c.what == "reps" and c.before == "10" for c in fit.changes)


def test_a_longer_plan_grows_reps_first():
    hips = SESSIONS["hip-mobility"]
    fit = fit_to_time(hips, 15 * 60)
    assert fit.reached
    within_bounds(hips, fit.session)
    assert fit.session.exercises[0].reps["left"].high > 10


def test_out_of_reach_stops_at_the_bounds_and_says_so():
    short = SESSIONS["thoracic-mobility"]
    fit = fit_to_time(short, 60 * 60)
    assert not fit.reached
    assert fit.after_seconds == 2 * fit.before_seconds  # every rep and pause doubled
    assert "as close to 1:00:00 as sensible bounds allow" in fit.message()
    tiny = fit_to_time(SESSIONS["hip-mobility"], 10)
    assert not tiny.reached
    within_bounds(SESSIONS["hip-mobility"], tiny.session)


def test_the_same_total_changes_nothing():
    fit = fit_to_time(QUICK, plan(QUICK).total_seconds)
    assert fit.session == QUICK and fit.changes == ()


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(SESSIONS)), st.integers(min_value=60, max_value=3600))
def test_fits_stay_in_bounds_and_never_move_away_from_the_target(name, target):
    session = SESSIONS[name]
    fit = fit_to_time(session, target)
    within_bounds(session, fit.session)
    before = abs(fit.before_seconds - target)
    assert abs(fit.after_seconds - target) <= before + 0.5


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("12", 720),
        ("12 minutes", 720),
        ("12m", 720),
        ("90s", 90),
        ("1:30", 90),
        ("1h", 3600),
        ("7.5 min", 450),
        ("1:00:00", 3600),
    ],
)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "0", "-3", "12 parsecs", "1:xx", "inf"])
def test_parse_duration_refuses(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_a_wanted_time_must_be_positive():
    with pytest.raises(ValueError):
        fit_to_time(QUICK, 0)


def test_an_exercise_in_the_plan_twice_is_told_apart_in_the_changes():
    from dataclasses import replace

    hips = SESSIONS["hip-mobility"]
    twice = replace(hips, exercises=(hips.exercises[0], *hips.exercises))
    fit = fit_to_time(twice, plan(twice).total_seconds * 0.7)
    names = {line.split(":")[0] for line in fit.lines()}
    first = hips.exercises[0].name
    assert {f"{first} (#1)", f"{first} (#2)"} <= names and first not in names


def test_just_past_the_pauses_floor_costs_a_rep_or_two_not_one_from_every_side():
    hips = SESSIONS["hip-mobility"]
    fit = fit_to_time(hips, 7 * 60 + 20)  # the pauses at their floors still leave 7:22
    assert fit.reached
    lost = [
        old.reps[side].high - new.reps[side].high
        for old, new in zip(hips.exercises, fit.session.exercises, strict=True)
        for side in old.sides
    ]
    assert 0 < sum(lost) <= 2
    for exercise in fit.session.exercises:  # both sides of an exercise stay alike
        assert exercise.reps["left"] == exercise.reps["right"]
