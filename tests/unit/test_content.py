"""The built-in tests and sessions against the source article, fact by fact.

The article gives two hip tests, five exercises with their cues and doses, and one
easier variant (reach and rotate with the hand behind the head). These tests
read the shipped YAML as a patient would and fail when a fact drifts.
"""

from __future__ import annotations

import pytest

from tuitrainer.assessment.load import load_battery
from tuitrainer.assessment.model import Battery, HipTest
from tuitrainer.locations import builtin_dir


@pytest.fixture(scope="module")
def battery() -> Battery:
    return load_battery(builtin_dir("assessments") / "hip-tests.yaml")


def hip_test(battery: Battery, test_id: str) -> HipTest:
    test = battery.test(test_id)
    assert test is not None
    return test


# -- knee-to-chest -------------------------------------------------------------------


def test_knee_to_chest_may_be_done_on_the_floor_or_a_table(battery: Battery) -> None:
    setup = hip_test(battery, "knee-to-chest").setup.lower()
    assert "floor" in setup and "table" in setup
    assert "legs out straight" in setup


def test_knee_to_chest_pulls_the_knee_straight_in(battery: Battery) -> None:
    steps = " ".join(hip_test(battery, "knee-to-chest").steps).lower()
    assert "chest" in steps and "not out to the side" in steps


def test_knee_to_chest_criteria(battery: Battery) -> None:
    """A straight leg that lifts: tight hip flexors of that (other) hip; a bent knee
    that wants to straighten: tight quadriceps on the side tested."""
    test = hip_test(battery, "knee-to-chest")
    lifts = test.question("straight-leg-lifts")
    straightens = test.question("knee-straightens")
    assert lifts is not None and straightens is not None
    yes = lifts.answer("yes")
    assert yes is not None and yes.finding == "tight-hip-flexors" and yes.finding_side == "other"
    no = lifts.answer("no")
    assert no is not None and no.finding is None
    yes = straightens.answer("yes")
    assert yes is not None and yes.finding == "tight-quadriceps" and yes.finding_side == "same"
    no = straightens.answer("no")
    assert no is not None and no.finding is None


# -- figure-4 ------------------------------------------------------------------------


def test_figure_4_starts_with_the_other_leg_straight_on_the_floor(battery: Battery) -> None:
    """Not both knees bent: that holds the tested knee high and almost everyone fails."""
    test = hip_test(battery, "figure-4")
    assert "legs out straight" in test.setup
    assert "knees bent" not in test.setup and "feet flat" not in test.setup
    steps = " ".join(test.steps)
    assert "{other} leg straight on the floor" in steps
    assert "{side} ankle across the front of your {other} thigh, just above the knee" in steps


def test_figure_4_passes_only_below_a_fist_width(battery: Battery) -> None:
    """Less than a fist-width between knee and floor passes; about one or more is a
    tight hip on the side of the bent knee."""
    [question] = hip_test(battery, "figure-4").questions
    found = {a.id: (a.label, a.finding, a.finding_side) for a in question.answers}
    assert found == {
        "less": ("Less than a fist-width", None, "same"),
        "about": ("About a fist-width", "tight-hip", "same"),
        "more": ("More than a fist-width", "tight-hip", "same"),
    }


def test_figure_4_names_its_wording_so_old_answers_keep_theirs(battery: Battery) -> None:
    from tuitrainer.history.migrations import FIGURE_4_BEFORE

    wording = hip_test(battery, "figure-4").wording
    assert wording and wording != FIGURE_4_BEFORE
