"""The source's dose as a floor: fit and manual changes say when they cross it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tuitrainer import dose
from tuitrainer.fit import fit_to_time
from tuitrainer.locations import builtin_dir
from tuitrainer.planner import plan
from tuitrainer.session import check_text, load_session
from tuitrainer.session.dump import dump_session
from tuitrainer.session.edit import set_text
from tuitrainer.session.model import Session


def builtin(name: str) -> Session:
    return load_session(builtin_dir("sessions") / f"{name}.yaml", "builtin", sound_dirs=[])


ROUTINE = builtin("low-back-routine")


def test_the_built_in_routine_meets_the_dose() -> None:
    assert dose.shortfalls(ROUTINE) == []
    assert dose.warning(ROUTINE) == ""
    for exercise in ROUTINE.exercises:
        assert dose.planned_reps(exercise) == dose.ARTICLE_DOSES[exercise.id]


def test_two_minutes_of_the_routine_warns_of_every_exercise_below_the_dose() -> None:
    fit = fit_to_time(ROUTINE, 120)
    found = dose.shortfalls(fit.session)
    assert [s.exercise for s in found] == [e.name for e in ROUTINE.exercises]
    assert all(s.reps < s.dose for s in found)
    text = dose.warning(fit.session)
    assert text.startswith("Below the source routine's dose: Fire hydrant ")
    assert "(the source asks for 10)" in text and "(the source asks for 8)" in text


def test_fit_never_cuts_a_switch_below_5_s_nor_a_rest_below_10_s() -> None:
    for target in (60, 120, 300):
        fitted = fit_to_time(ROUTINE, target).session
        for index, exercise in enumerate(fitted.exercises):
            assert exercise.side_rest_seconds >= 5
            if index < len(fitted.exercises) - 1:  # no rest after the last one
                assert exercise.rest_seconds >= 10
    two = fit_to_time(ROUTINE, 120).session
    assert {e.side_rest_seconds for e in two.exercises} == {5}
    assert {e.rest_seconds for e in two.exercises[:-1]} == {10}
    sets = check_text(
        "name: S\nexercises:\n  - name: A\n    sets: 3\n    reps: 10\n    set_rest_seconds: 40\n",
        "s.yaml",
    )[0]
    assert sets is not None
    assert fit_to_time(sets, 60).session.exercises[0].set_rest_seconds == 10


def test_shorter_pauses_are_not_raised_to_the_floor() -> None:
    short = replace(
        ROUTINE, exercises=tuple(replace(e, side_rest_seconds=2) for e in ROUTINE.exercises)
    )
    fitted = fit_to_time(short, 300).session
    assert {e.side_rest_seconds for e in fitted.exercises} == {2}


def test_keeping_the_dose_never_cuts_below_it() -> None:
    kept = fit_to_time(ROUTINE, 120, keep_dose=True)
    assert dose.shortfalls(kept.session) == []
    assert not kept.reached  # two minutes cannot hold the five exercises at their dose
    assert plan(kept.session).total_seconds > 120
    hips = builtin("hip-mobility")
    one = replace(hips, exercises=hips.exercises[:1])
    assert fit_to_time(one, 120, keep_dose=True).reached  # one exercise fits 2:00


def test_a_manual_change_below_the_dose_warns() -> None:
    fewer = set_text(ROUTINE, 0, "reps", "6")
    assert dose.warning(fewer) == (
        "Below the source routine's dose: Fire hydrant 6 a side (the source asks for 10)."
    )
    # The low end of a range counts: 7-10 of reach and rotate is below 8.
    assert "Reach and rotate (thread the needle) 7 a side" in dose.warning(
        set_text(ROUTINE, 4, "reps", "7-10")
    )
    assert dose.warning(set_text(ROUTINE, 4, "reps", "8")) == ""


def test_exercises_not_from_the_source_have_no_floor() -> None:
    lumbar = builtin("lumbar-stability")
    assert dose.shortfalls(fit_to_time(lumbar, 60).session) == []
    mine = replace(ROUTINE, exercises=tuple(replace(e, source="") for e in ROUTINE.exercises))
    assert dose.shortfalls(set_text(mine, 0, "reps", "2")) == []


@pytest.mark.parametrize("description", ["", "My morning version."])
def test_the_description_says_so_once_and_drops_it_when_met(description: str) -> None:
    below = replace(set_text(ROUTINE, 0, "reps", "6"), description=description)
    noted = dose.with_note(below)
    assert noted.description.endswith(dose.warning(below))
    assert noted.description.startswith(description)
    assert dose.with_note(noted).description == noted.description  # not twice
    again = dose.with_note(set_text(noted, 0, "reps", "10"))
    assert again.description == description  # met again: the note goes
    saved, problems = check_text(dump_session(noted), "mine.yaml")
    assert problems == [] and saved is not None
    assert "Below the source routine's dose: Fire hydrant 6 a side" in saved.description
