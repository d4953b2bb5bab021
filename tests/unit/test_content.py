"""The built-in tests and sessions against the source article, fact by fact.

The article gives two hip tests, five exercises with their cues and doses, and one
easier variant (reach and rotate with the hand behind the head). These tests
read the shipped YAML as a patient would and fail when a fact drifts.
"""

from __future__ import annotations

import io

import pytest

from tuitrainer.assessment.load import load_battery
from tuitrainer.assessment.model import Battery, HipTest
from tuitrainer.cli import main
from tuitrainer.locations import builtin_dir
from tuitrainer.session import load_session
from tuitrainer.session.model import Session
from tuitrainer.session.origin import ARTICLE, OWN, easier_text, modification_source


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
    # Someone on a table is never told of "the floor" alone in the steps or questions.
    test = hip_test(battery, "knee-to-chest")
    for text in [*test.steps, test.hold_cue, *(q.prompt for q in test.questions)]:
        assert "floor" not in text or "table" in text, text


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


# -- the exercises: the article's five, and whose each part is -------------------------

ARTICLE_DOSES = {
    "fire-hydrant": "10",
    "straight-leg-extension": "10",
    "lateral-swing": "10",
    "bent-knee-heel-to-ceiling": "10",
    "reach-and-rotate": "8-10",
}
ROUTINE_SESSIONS = ("hip-mobility", "thoracic-mobility", "low-back-routine")


def builtin(name: str) -> Session:
    return load_session(builtin_dir("sessions") / f"{name}.yaml", source="builtin")


def every_builtin() -> list[Session]:
    return [builtin(path.stem) for path in sorted(builtin_dir("sessions").glob("*.yaml"))]


def test_the_article_doses_on_each_side() -> None:
    """10 a side for the four hip exercises, 8 to 10 a side for reach and rotate."""
    for name in ROUTINE_SESSIONS:
        for exercise in builtin(name).exercises:
            assert exercise.sides == ("left", "right"), exercise.id
            assert exercise.sets == 1
            for side in exercise.sides:
                assert str(exercise.reps_for(side)) == ARTICLE_DOSES[exercise.id], exercise.id


def test_the_dose_floor_is_the_article_dose() -> None:
    """The floor the planner warns below is the low end of the article's dose."""
    from tuitrainer.dose import ARTICLE_DOSES as FLOORS

    assert {key: int(value.split("-")[0]) for key, value in ARTICLE_DOSES.items()} == FLOORS


def test_the_sessions_hold_the_article_exercises() -> None:
    hips = list(ARTICLE_DOSES)[:4]
    assert [e.id for e in builtin("hip-mobility").exercises] == hips
    assert [e.id for e in builtin("thoracic-mobility").exercises] == ["reach-and-rotate"]
    assert [e.id for e in builtin("low-back-routine").exercises] == list(ARTICLE_DOSES)


def test_key_cues_of_the_article() -> None:
    by_id = {e.id: e for e in builtin("low-back-routine").exercises}
    for exercise in by_id.values():  # all on hands and knees
        assert "hands under your shoulders" in exercise.setup
        assert "knees under your hips" in exercise.setup
    tips = {key: " ".join(e.tips).lower() for key, e in by_id.items()}
    assert "knee bent" in tips["fire-hydrant"] and "hips still" in tips["fire-hydrant"]
    assert "lead with your heel" in tips["straight-leg-extension"]
    assert "level with the floor" in tips["straight-leg-extension"]
    assert "arms straight" in tips["lateral-swing"] and "lean" in tips["lateral-swing"]
    assert "sags nor arches" in tips["bent-knee-heel-to-ceiling"]
    assert "under your chest" in tips["reach-and-rotate"]
    assert "ceiling" in tips["reach-and-rotate"]
    assert "right angle" in by_id["bent-knee-heel-to-ceiling"].setup


def test_the_one_article_modification() -> None:
    """Reach and rotate with the hand behind the head, the elbow leading: the article's."""
    for name in ("thoracic-mobility", "low-back-routine"):
        reach = next(e for e in builtin(name).exercises if e.id == "reach-and-rotate")
        assert "hand behind your head" in reach.modification
        assert "elbow lead" in reach.modification
        assert modification_source(reach) == ARTICLE


def test_every_exercise_says_whose_it_is() -> None:
    """The article's five are `article`; every other exercise is tuitrainer's."""
    for session in every_builtin():
        for exercise in session.exercises:
            expected = ARTICLE if exercise.id in ARTICLE_DOSES else OWN
            assert exercise.source == expected, (session.slug, exercise.id)


def test_every_variant_but_the_articles_one_is_labelled_tuitrainers() -> None:
    for session in every_builtin():
        for exercise in session.exercises:
            if not exercise.modification:
                continue
            expected = ARTICLE if exercise.id == "reach-and-rotate" else OWN
            assert modification_source(exercise) == expected, (session.slug, exercise.id)
            if expected == OWN:
                assert easier_text(exercise).startswith("Easier (tuitrainer's suggestion): ")


def test_plan_labels_every_suggestion_and_every_timing() -> None:
    """`tuitrainer plan`: tuitrainer's exercises and variants, and the times, labelled."""
    for session in every_builtin():
        out, err = io.StringIO(), io.StringIO()
        assert main(["plan", session.slug], out, err) == 0
        text = out.getvalue()
        assert "Tempo, holds, rests and get-ready times are tuitrainer's suggestion" in text
        for exercise in session.exercises:
            line = next(x for x in text.splitlines() if f". {exercise.name}  [" in x)
            assert line.endswith("(tuitrainer's suggestion)") == (exercise.source == OWN)
            if modification_source(exercise) == OWN and exercise.id in ARTICLE_DOSES:
                assert f"easier (tuitrainer's suggestion): {exercise.modification}" in text
        assert "easier (tuitrainer's suggestion): Put your hand behind" not in text
        for exercise in session.exercises:  # the article's one variant is shown, as its own
            if exercise.modification and modification_source(exercise) == "article":
                assert f"easier (from the source routine): {exercise.modification}" in text
