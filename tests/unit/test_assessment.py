"""The assessment core: files, walk, findings, rules and the proposed plan (no Textual)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tuitrainer.assessment.findings import finding_table, findings_by_side
from tuitrainer.assessment.load import (
    RULES_FILE,
    TESTS_FILE,
    assessment_file,
    check_battery,
    check_rules,
    load_for,
)
from tuitrainer.assessment.plan import plan_slug, propose, save_plan, to_yaml
from tuitrainer.assessment.walk import Walk
from tuitrainer.library import resolve
from tuitrainer.locations import Locations
from tuitrainer.planner import outline, plan
from tuitrainer.session.load import check_text
from tuitrainer.session.problems import SessionError


@pytest.fixture
def files(locations: Locations):
    return load_for(locations)


def walk_through(battery, answers: dict[tuple[str, str, str], str]) -> Walk:
    """Answer every question by key, the way the screen does."""
    walk = Walk(battery)
    while not walk.reviewing:
        step = walk.step
        assert step is not None
        if step.question is None:
            assert walk.forward()
            continue
        answer = step.question.answer(answers[step.key])
        assert answer is not None
        assert walk.choose(answer.key)
    return walk


def all_answers(k2c_left=("no", "no"), k2c_right=("no", "no"), fig_left="less", fig_right="less"):
    return {
        ("knee-to-chest", "left", "straight-leg-lifts"): k2c_left[0],
        ("knee-to-chest", "left", "knee-straightens"): k2c_left[1],
        ("knee-to-chest", "right", "straight-leg-lifts"): k2c_right[0],
        ("knee-to-chest", "right", "knee-straightens"): k2c_right[1],
        ("figure-4", "left", "knee-height"): fig_left,
        ("figure-4", "right", "knee-height"): fig_right,
    }


def test_builtin_files_load_and_are_the_ones_shipped(locations, files):
    battery, rules = files
    assert [t.id for t in battery.tests] == ["knee-to-chest", "figure-4"]
    assert [t.sides for t in battery.tests] == [("left", "right"), ("left", "right")]
    k2c, fig = battery.tests
    assert [q.id for q in k2c.questions] == ["straight-leg-lifts", "knee-straightens"]
    assert [a.id for a in fig.questions[0].answers] == ["less", "about", "more"]
    assert "suggestion" in rules.note and "not part of the original routine" in rules.note
    assert rules.base == "low-back-routine"
    assert assessment_file(locations, TESTS_FILE).name == TESTS_FILE
    assert len(battery.digest) == 64


def test_a_user_copy_replaces_the_builtin_rules(locations, files):
    battery, _ = files
    mine = locations.data_dir / "assessments"
    mine.mkdir()
    (mine / RULES_FILE).write_text(
        "name: Clinic rules\nrules:\n  - finding: tight-hip\n    exercises: [fire-hydrant]\n"
        "    extra_sets: 1\n    why: Ask me.\n"
    )
    _, rules = load_for(locations)
    assert rules.title == "Clinic rules"
    assert rules.rules[0].extra_sets == 1


BROKEN_TESTS = """\
name: Broken
findings:
  - id: tight-hip
    name: Stiff hip
tests:
  - id: figure-4
    name: Figure 4
    steps: [Cross the ankle.]
    sides: [both]
    hold_seconds: -3
    questions:
      - id: knee-height
        prompt: How far?
        answers:
          - {id: less, key: l, label: Less}
          - {id: more, key: l, label: More, finding: tight-hips}
          - {id: fist, key: b, label: Fist, finding_side: opposite}
  - id: figure-4
    name: Again
    steps: []
    questions: []
    colour: red
"""


def test_broken_tests_file_gives_every_problem_with_its_line():
    battery, problems = check_battery(BROKEN_TESTS, "t.yaml")
    assert battery is None
    assert [str(p) for p in problems] == [
        "t.yaml:9:12: a test is done on the left and the right, not [both]",
        "t.yaml:10:19: hold_seconds cannot be negative (-3)",
        "t.yaml:16:29: key 'l' is used twice; each needs its own",
        "t.yaml:16:54: finding 'tight-hips' is not in the file's findings "
        "(did you mean 'tight-hip'?)",
        "t.yaml:17:29: key 'b' is taken: b goes back and q leaves the assessment",
        "t.yaml:17:59: finding_side must be same or other, not the text 'opposite'",
        "t.yaml:18:9: test id 'figure-4' is used twice; each needs its own",
        "t.yaml:20:12: steps is empty; it needs at least one item",
        "t.yaml:21:16: questions is empty; it needs at least one item",
        "t.yaml:22:5: unknown field 'colour' in test 2",
    ]


def test_rules_name_only_findings_the_tests_give(files):
    battery, _ = files
    text = (
        "name: R\nrules:\n  - finding: tight-hamstrings\n    exercises: [fire-hydrant]\n"
        "    why: x\n  - finding: tight-hip\n    exercises: [fire-hydrant]\n    why: y\n"
    )
    rules, problems = check_rules(text, "r.yaml", battery)
    assert rules is None
    assert [str(p) for p in problems] == [
        "r.yaml:3:5: rule 1 changes nothing; give extra_reps or extra_sets",
        "r.yaml:3:14: finding 'tight-hamstrings' is not one the tests give "
        "(did you mean 'tight-hip'?); findings are tight-hip, tight-hip-flexors, tight-quadriceps",
        "r.yaml:6:5: rule 2 changes nothing; give extra_reps or extra_sets",
    ]


def test_empty_and_syntax_errors_are_line_numbered():
    assert [str(p) for p in check_battery("# nothing\n", "e.yaml")[1]] == [
        "e.yaml:1:1: the file is empty (or only comments)"
    ]
    problems = check_battery("name: [x\n", "s.yaml")[1]
    assert problems[0].line == 1 and "YAML syntax error" in problems[0].message


def test_walk_goes_back_and_keeps_answers(files):
    battery, _ = files
    walk = Walk(battery)
    assert walk.position() == "Test 1 of 2: left side"
    assert walk.step.question is None  # instructions first
    assert not walk.choose("y")  # no question yet
    assert walk.forward()
    assert walk.choose("y")  # straight leg lifted
    assert walk.choose("2")  # the second answer by number: no
    assert walk.answers[("knee-to-chest", "left", "knee-straightens")] == "no"
    assert walk.back() and walk.back()
    assert walk.current_answer() == "yes"
    assert not walk.choose("x")  # not an answer
    assert walk.choose("n")  # changed
    assert walk.answers[("knee-to-chest", "left", "straight-leg-lifts")] == "no"
    assert walk.forward()  # already answered: keep it
    assert walk.position() == "Test 1 of 2: right side"
    assert not walk.complete


def test_knee_to_chest_reads_the_hip_flexors_of_the_leg_left_straight(files):
    battery, _ = files
    walk = walk_through(battery, all_answers(k2c_left=("yes", "no")))
    assert walk.complete
    assert findings_by_side(walk.responses()) == {"left": [], "right": ["tight-hip-flexors"]}
    [lifted] = [r for r in walk.responses() if r.finding]
    assert (lifted.test_id, lifted.side, lifted.finding) == (
        "knee-to-chest",
        "left",
        "tight-hip-flexors",
    )


FINDINGS = {
    # (k2c left, k2c right, figure-4 left, figure-4 right) -> findings by side
    (("no", "no"), ("no", "no"), "less", "less"): ([], []),
    (("no", "no"), ("no", "no"), "less", "about"): ([], ["tight-hip"]),
    (("no", "yes"), ("no", "no"), "about", "more"): (
        ["tight-quadriceps", "tight-hip"],
        ["tight-hip"],
    ),
    (("no", "no"), ("yes", "yes"), "more", "less"): (
        ["tight-hip-flexors", "tight-hip"],
        ["tight-quadriceps"],
    ),
    (("yes", "yes"), ("yes", "yes"), "more", "more"): (
        ["tight-hip-flexors", "tight-hip", "tight-quadriceps"],
        ["tight-quadriceps", "tight-hip-flexors", "tight-hip"],
    ),
}


@pytest.mark.parametrize("given,expected", FINDINGS.items())
def test_findings_for_answer_combinations(files, given, expected):
    battery, _ = files
    walk = walk_through(battery, all_answers(*given))
    by_side = findings_by_side(walk.responses())
    assert sorted(by_side["left"]) == sorted(expected[0])
    assert sorted(by_side["right"]) == sorted(expected[1])


def test_every_figure_4_answer_on_each_side(files):
    battery, _ = files
    for left, right in itertools.product(("less", "about", "more"), repeat=2):
        walk = walk_through(battery, all_answers(fig_left=left, fig_right=right))
        table = {row.finding.id: row for row in finding_table(battery, walk.responses())}
        # Only less than a fist-width passes; about a fist-width is a tight hip too.
        assert table["tight-hip"].left == (left != "less")
        assert table["tight-hip"].right == (right != "less")
        assert table["tight-hip-flexors"].where == "neither side"


def test_one_sided_findings_are_marked_as_such(files):
    battery, _ = files
    walk = walk_through(battery, all_answers(fig_left="more", k2c_left=("yes", "yes")))
    where = {row.finding.id: row.where for row in finding_table(battery, walk.responses())}
    assert where == {
        "tight-hip-flexors": "RIGHT only",
        "tight-quadriceps": "LEFT only",
        "tight-hip": "LEFT only",
    }


def test_proposal_adds_reps_on_the_tight_side_only(locations, files):
    battery, rules = files
    base = resolve("low-back-routine", locations)
    by_side = {"left": ["tight-hip"], "right": ["tight-hip-flexors"]}
    proposal = propose(base, by_side, rules, battery, "hip-plan-x", "My hip plan")
    reps = {e.id: {s: str(e.reps[s]) for s in e.sides} for e in proposal.session.exercises}
    assert reps["fire-hydrant"] == {"left": "12", "right": "10"}
    assert reps["lateral-swing"] == {"left": "12", "right": "10"}
    assert reps["straight-leg-extension"] == {"left": "10", "right": "12"}
    assert reps["bent-knee-heel-to-ceiling"] == {"left": "10", "right": "10"}
    assert reps["reach-and-rotate"] == {"left": "8-10", "right": "8-10"}
    changed = {(c.exercise, c.side): (c.before, c.after) for c in proposal.changes}
    assert changed == {
        ("Fire hydrant", "left"): ("10 reps", "12 reps"),
        ("Lateral swing", "left"): ("10 reps", "12 reps"),
        ("Straight-leg extension", "right"): ("10 reps", "12 reps"),
    }
    assert all("Stiff hip:" in c.why for c in proposal.changes if c.exercise == "Fire hydrant")
    assert proposal.unmatched == ()
    assert "suggestion" in proposal.session.description


def test_no_findings_no_changes_and_rules_do_not_add_up(locations, files):
    battery, rules = files
    base = resolve("low-back-routine", locations)
    same = propose(base, {"left": [], "right": []}, rules, battery, "p", "P")
    assert same.changes == ()
    assert same.session.exercises == base.exercises
    stacked = type(rules)(
        "R",
        rules.rules + (type(rules.rules[0])("tight-hip", ("fire-hydrant",), "more", 5, 1),),
    )
    both = propose(base, {"left": ["tight-hip"], "right": []}, stacked, battery, "p", "P")
    hydrant = both.session.exercises[0]
    assert (str(hydrant.reps["left"]), str(hydrant.reps["right"]), hydrant.sets) == ("15", "10", 2)


def test_saved_plan_is_a_valid_user_session_with_per_side_doses(locations, files):
    battery, rules = files
    base = resolve("low-back-routine", locations)
    slug = plan_slug(locations, {"low-back-routine"})
    proposal = propose(base, {"left": [], "right": ["tight-hip"]}, rules, battery, slug, "Plan")
    text = to_yaml(proposal)
    assert "tuitrainer's suggestion" in text
    assert "# - Fire hydrant, right: 10 reps -> 12 reps." in text
    saved = save_plan(locations, proposal, {"low-back-routine"})
    assert saved.path == locations.user_sessions / f"{slug}.yaml"
    assert [p.name for p in locations.user_sessions.iterdir()] == [f"{slug}.yaml"]  # no temp
    again = resolve(slug, locations)
    data = outline(plan(again))
    assert data["exercises"][0]["reps"] == {"left": "10", "right": "12"}
    assert check_text(saved.path.read_text(), str(saved.path))[1] == []
    assert plan_slug(locations, set()) == f"{slug}-2"  # the next plan gets its own name


def test_a_plan_never_replaces_a_builtin_session(locations, files):
    battery, rules = files
    base = resolve("low-back-routine", locations)
    proposal = propose(base, {}, rules, battery, "low-back-routine", "Mine")
    with pytest.raises(ValueError, match="built-in"):
        save_plan(locations, proposal, {"low-back-routine"})
    assert not (locations.user_sessions / "low-back-routine.yaml").exists()


def test_rules_for_missing_exercises_are_reported(locations, files, tmp_path: Path):
    battery, _ = files
    rules, problems = check_rules(
        "name: R\nrules:\n  - finding: tight-hip\n    exercises: [pigeon]\n"
        "    extra_reps: 2\n    why: x\n",
        "r.yaml",
        battery,
    )
    assert problems == []
    base = resolve("low-back-routine", locations)
    proposal = propose(base, {"left": ["tight-hip"]}, rules, battery, "p", "P")
    assert proposal.changes == ()
    assert proposal.unmatched == (
        "a rule for tight-hip names the exercise 'pigeon', which low-back-routine does not have",
    )


def test_load_errors_raise_with_problems(tmp_path: Path):
    from tuitrainer.assessment.load import load_battery

    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\n")
    with pytest.raises(SessionError) as error:
        load_battery(bad)
    assert "missing the required field 'findings'" in str(error.value)


def test_a_plan_never_overwrites_a_file_of_the_same_name(locations, files):
    from tuitrainer.session.save import ChangedOnDisk

    battery, rules = files
    base = resolve("low-back-routine", locations)
    proposal = propose(base, {}, rules, battery, "hip-plan-x", "Mine")
    existing = locations.user_sessions / "hip-plan-x.yaml"
    existing.write_text("# written by hand meanwhile\n")
    with pytest.raises(ChangedOnDisk):
        save_plan(locations, proposal, set())
    assert existing.read_text() == "# written by hand meanwhile\n"


def test_the_review_reopens_one_answer_and_returns(files):
    battery, _ = files
    walk = walk_through(battery, all_answers())
    assert not walk.reopen(7)  # only six answers
    assert walk.reopen(5)  # figure-4, left side
    assert walk.step.key == ("figure-4", "left", "knee-height")
    assert walk.choose("m")
    assert walk.reviewing
    assert walk.answers[("figure-4", "left", "knee-height")] == "more"
    assert walk.reopen(1) and walk.back()  # going back ends the shortcut
    assert walk.step.question is None and walk.forward() and walk.choose("y")
    assert walk.step.key == ("knee-to-chest", "left", "knee-straightens")
