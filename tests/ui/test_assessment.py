"""The assessment screens with Pilot: safety note, both tests on both sides, results, plan."""

from __future__ import annotations

import pytest
from textual.content import Content

from tests.conftest import FakeClock
from tests.ui.conftest import QUICK, advance, footer_keys_shown, make_app, text_of
from tuitrainer import glyphs
from tuitrainer.history import HistoryStore
from tuitrainer.history.assessments import acknowledge, acknowledged, assessments
from tuitrainer.library import resolve
from tuitrainer.locations import Locations
from tuitrainer.planner import outline, plan
from tuitrainer.screens.assessment import AssessmentScreen
from tuitrainer.screens.assessment_results import AssessmentResultsScreen
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.questions import ConfirmScreen
from tuitrainer.screens.safety import SafetyScreen
from tuitrainer.screens.workout import WorkoutScreen
from tuitrainer.widgets.big_text import BigText

# Answers are typed as keys, in the order the questions come: knee-to-chest left
# (straight leg lifts, knee straightens), right (the same two), figure-4 left
# (knee height), right.


def build(locations: Locations, clock: FakeClock, assess: bool = False):
    """The app as the other UI tests build it (sealed sound); `assess` as `tuitrainer assess`."""
    app = make_app(locations, clock, session_path=None, safety_seen=False)
    app.direct_assess = assess
    return app


def stored(locations: Locations) -> list[dict]:
    store, _ = HistoryStore.open(locations.database)
    try:
        return assessments(store)
    finally:
        store.close()


def acknowledge_safety(locations: Locations) -> None:
    store, _ = HistoryStore.open(locations.database)
    try:
        acknowledge(store)
    finally:
        store.close()


async def answer_all(pilot, keys: str) -> None:
    """From the first instructions: Enter past each test's set-up, then the answers."""
    answers = iter(keys.split())
    walk = pilot.app.screen.walk
    typed = ["enter" if step.question is None else next(answers) for step in walk.steps]
    assert next(answers, None) is None
    await pilot.press(*typed)
    assert walk.reviewing


def plain(app, selector: str) -> str:
    """A widget's text without its markup, as the user reads it."""
    return Content.from_markup(text_of(app, selector)).plain


def rows_of(app, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_safety_note_first_then_stored(locations: Locations, clock: FakeClock):
    app = build(locations, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        assert "runs down a leg" in text_of(app, "#safety-text")
        assert "not confirmed" in text_of(app, "#safety-status")
        await pilot.press("escape")  # not now: back home, nothing stored
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert acknowledged(app.store) is None
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        assert acknowledged(app.store) is not None
        await pilot.press("q")  # nothing answered: leaves at once
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("a")  # acknowledged: straight to the tests
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        await pilot.press("escape")
        await pilot.press("s")  # the note is one key away from home
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        assert "You confirmed this note on" in text_of(app, "#safety-status")


async def test_steps_hold_on_the_clock_and_back(locations: Locations, clock: FakeClock):
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        assert text_of(app, "#test-name") == "Knee-to-chest test"
        assert text_of(app, "#side") == "LEFT SIDE"
        assert "Bring your left knee up to your chest" in text_of(app, "#text")
        assert "Leave your right leg relaxed" in text_of(app, "#text")
        assert not screen.query_one("#hold").region.height
        await pilot.press("space")
        assert screen.query_one("#hold").region.height
        assert text_of(app, "#hold") == "10"
        assert "watch your right leg" in text_of(app, "#cue")
        assert app.audio.played == ["go"]
        await advance(pilot, clock, 3.5)
        assert text_of(app, "#hold") == "7"
        for second in (4, 1, 1):  # 2.5, 1.5 and 0.5 s left: the last three seconds tick
            await advance(pilot, clock, second)
        assert app.audio.played == ["go", "countdown", "countdown", "countdown"]
        await advance(pilot, clock, 0.5)  # the hold ends: on to the first question
        assert app.audio.played[-1] == "exercise_done"
        asked = "Did your straight right leg lift up off the floor or table?"
        assert text_of(app, "#text") == asked
        assert "y (1)  Yes, it lifted" in plain(app, "#answers")
        await pilot.press("x")  # not an answer: nothing happens
        assert screen.walk.answers == {}
        await pilot.press("y")
        assert text_of(app, "#text") == "Did your bent left knee want to straighten?"
        await pilot.press("b")  # back: the first answer is shown and can be changed
        assert "▶ y (1)" in plain(app, "#answers")
        await pilot.press("2")
        assert screen.walk.answers[("knee-to-chest", "left", "straight-leg-lifts")] == "no"
        await pilot.press("b", "b")
        assert text_of(app, "#position") == "Test 1 of 2: left side"
        await pilot.press("b")  # already at the first step
        assert screen.walk.index == 0


CASES = {
    # keys -> (findings table rows, proposed changes); no findings at all: the test below
    "y n n n l m": (
        [
            ["Tight hip flexors", "-", "yes", "RIGHT only"],
            ["Tight front of the thigh", "-", "-", ""],
            ["Stiff hip", "-", "yes", "RIGHT only"],
        ],
        [
            ["Fire hydrant", "right", "10 reps", "12 reps"],
            ["Straight-leg extension", "right", "10 reps", "12 reps"],
            ["Lateral swing", "right", "10 reps", "12 reps"],
        ],
    ),
    # About a fist-width on the left is a stiff hip too: only less than one passes.
    "n y y y a m": (
        [
            ["Tight hip flexors", "yes", "-", "LEFT only"],
            ["Tight front of the thigh", "yes", "yes", ""],
            ["Stiff hip", "yes", "yes", ""],
        ],
        [
            ["Fire hydrant", "left", "10 reps", "12 reps"],
            ["Fire hydrant", "right", "10 reps", "12 reps"],
            ["Straight-leg extension", "left", "10 reps", "12 reps"],
            ["Lateral swing", "left", "10 reps", "12 reps"],
            ["Lateral swing", "right", "10 reps", "12 reps"],
            ["Bent knee, heel to ceiling", "left", "10 reps", "12 reps"],
            ["Bent knee, heel to ceiling", "right", "10 reps", "12 reps"],
        ],
    ),
}


@pytest.mark.parametrize("keys", list(CASES))
async def test_answers_give_findings_plan_and_history(
    locations: Locations, clock: FakeClock, keys: str
):
    findings, changes = CASES[keys]
    acknowledge_safety(locations)
    app = build(locations, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await answer_all(pilot, keys)
        assert text_of(app, "#position") == "Review"
        assert stored(locations) == []  # nothing is kept before Enter on the review
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentResultsScreen)
        assert rows_of(app, "#findings") == findings
        assert rows_of(app, "#changes") == changes
        assert "tuitrainer's suggestion" in text_of(app, "#note")
        heading = text_of(app, "#plan-title")  # the session as the home list names it
        assert heading.startswith("Proposed plan: Low back routine: hips and mid back, with")
        assert "low-back-routine" not in heading
        [saved] = stored(locations)
        answers = {(a["test_id"], a["side"], a["question_id"]): a for a in saved["answers"]}
        assert len(answers) == 6
        typed = keys.split()
        assert (
            answers[("figure-4", "right", "knee-height")]["answer"]
            == {
                "l": "less",
                "a": "about",
                "m": "more",
            }[typed[5]]
        )
        lifted = answers[("knee-to-chest", "left", "straight-leg-lifts")]
        assert (lifted["answer"], lifted["finding"]) == (
            ("yes", "tight-hip-flexors") if typed[0] == "y" else ("no", None)
        )
        await pilot.press("s")
        await pilot.pause()
        slug = app.screen.saved.slug
        assert f"tuitrainer plan {slug}" in text_of(app, "#saved")
        data = outline(plan(resolve(slug, locations)))
        doses = {
            (ex["name"], side): f"{reps} reps"
            for ex in data["exercises"]
            for side, reps in ex["reps"].items()
        }
        for name, side, _, after in changes:
            assert doses[(name, side)] == after
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert slug in [e.slug for e in app.screen.entries]


async def test_the_plan_starts_with_its_per_side_doses(locations: Locations, clock: FakeClock):
    acknowledge_safety(locations)
    locations.config_file.write_text("ask_pain_before = false\n")
    app = build(locations, clock, assess=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await answer_all(pilot, "n n n n m l")  # the left hip is stiff
        await pilot.press("enter")
        await pilot.pause()
        assert rows_of(app, "#changes")[0] == ["Fire hydrant", "left", "10 reps", "12 reps"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        await pilot.press("space")
        await advance(pilot, clock, 10)  # get ready
        assert text_of(app, "#status") == "Left side"
        assert text_of(app, "SidePanel.-left").startswith("0 / 12 reps")
        await advance(pilot, clock, 12 * 4 + 10.1)  # twelve 4 s reps, then switch sides
        assert text_of(app, "#status") == "Right side"
        assert text_of(app, "SidePanel.-left").startswith("12 / 12 reps")
        assert text_of(app, "SidePanel.-right").startswith("0 / 10 reps")
        await advance(pilot, clock, 10 * 4)
        assert text_of(app, "SidePanel.-right").startswith("10 / 10 reps")


async def test_change_an_answer_on_the_review_then_start_the_plan(
    locations: Locations, clock: FakeClock
):
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await answer_all(pilot, "n n n n l m")
        assert "Stiff hip" in text_of(app, "#text")
        review = text_of(app, "#text")
        assert "6. Figure-4 test, right side: How big was the gap between your right knee" in review
        assert f"{'Stiff hip':<27}{'-':<8}{'yes':<8}<- uneven" in review
        await pilot.press("6")  # the sixth answer: figure-4, right side
        assert text_of(app, "#side") == "RIGHT SIDE"
        assert "▶ m (3)" in plain(app, "#answers")
        await pilot.press("l")
        assert app.screen.walk.reviewing  # straight back to the review
        assert "floor?\n     -> Less than a fist-width" in text_of(app, "#text")
        await pilot.press("1", "y")  # the first one changed, then changed back
        assert app.screen.walk.answers[("knee-to-chest", "left", "straight-leg-lifts")] == "yes"
        await pilot.press("1", "n")
        assert app.screen.walk.reviewing
        await pilot.press("enter")
        await pilot.pause()
        assert [row[1:3] for row in rows_of(app, "#findings")] == [["-", "-"]] * 3
        assert rows_of(app, "#changes") == []
        assert "no changes needed" in text_of(app, "#plan-title")
        await pilot.press("enter")  # save and start
        await pilot.pause()
        # The workout opens (a question may sit on top of it, such as the pain before).
        [workout] = [s for s in app.screen_stack if isinstance(s, WorkoutScreen)]
        assert workout.engine.timeline.session.title.startswith("Hip plan of")
        [saved] = stored(locations)
        assert {a["answer"] for a in saved["answers"] if a["test_id"] == "figure-4"} == {
            "less",
        }


async def test_leaving_midway_asks_and_keeps_nothing(locations: Locations, clock: FakeClock):
    acknowledge_safety(locations)
    app = build(locations, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter", "y")
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: carry on where it was
        assert isinstance(app.screen, AssessmentScreen)
        assert text_of(app, "#text") == "Did your bent left knee want to straighten?"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert stored(locations) == []


def snapshot_app(locations: Locations, clock: FakeClock, keys: str, review: bool = False):
    """`tuitrainer assess` answered with `keys`; on the review, or saved and on the results."""
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)

    async def run_before(pilot) -> None:
        await pilot.pause()
        await answer_all(pilot, keys)
        if not review:
            await pilot.press("enter")
        await pilot.pause()

    return app, run_before


def test_snapshot_review(snap_compare, locations: Locations, clock: FakeClock):
    app, before = snapshot_app(locations, clock, "y n n y m l", review=True)
    assert snap_compare(app, run_before=before, terminal_size=(90, 30))


def test_snapshot_results(snap_compare, locations: Locations, clock: FakeClock):
    app, before = snapshot_app(locations, clock, "y n n y m l")
    assert snap_compare(app, run_before=before, terminal_size=(90, 34))


async def test_the_review_scrolls_on_a_24_line_terminal(locations: Locations, clock: FakeClock):
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer_all(pilot, "y n n y m l")
        await pilot.pause()
        body = app.screen.query_one("#body")
        assert body.max_scroll_y > 0  # more than fits: the last answers are below
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("2")  # a number still reopens an answer
        await pilot.pause()
        assert not app.screen.walk.reviewing


async def test_b_during_the_hold_stops_it(locations: Locations, clock: FakeClock):
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        while screen.walk.step.test.hold_seconds == 0 or screen.walk.step.question is not None:
            await pilot.press("enter" if screen.walk.step.question is None else "y")
        await pilot.press("space")
        assert screen.hold is not None and screen.hold.running
        before = screen.walk.step
        await pilot.press("b")
        await pilot.pause()
        assert screen.hold is None and screen.walk.step == before
        assert not screen.query_one("#hold").region.height  # no frozen countdown left up
        assert any("Hold stopped" in n.message for n in app._notifications)


async def test_a_second_plan_the_same_day_has_its_own_title(locations: Locations, clock: FakeClock):
    from datetime import date

    first = locations.user_sessions / f"hip-plan-{date.today().isoformat()}.yaml"
    first.write_text(QUICK.read_text())
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)
    async with app.run_test(size=(90, 34)) as pilot:
        await pilot.pause()
        await answer_all(pilot, "y n n y m l")
        await pilot.press("enter")
        await pilot.pause()
        session = app.screen.proposal.session
        assert session.slug.endswith("-2")
        assert session.title.endswith(" (2)")
        await pilot.press("s")
        await pilot.pause()
        saved = app.screen.query_one("#saved")
        assert f"tuitrainer plan {session.slug}" in str(saved.content)
        assert saved.region.right <= 90 and saved.region.height >= 1


def visible(widget, inside) -> bool:
    """Whether all of `widget` is on screen inside `inside` (nothing of it cut)."""
    outer, region = inside.region, widget.region
    return region.height > 0 and outer.contains_region(region)


@pytest.mark.parametrize(
    ("size", "rows"), [((80, 24), 8), ((40, 12), 5), ((120, 40), 10), ((70, 12), 5), ((100, 14), 5)]
)
async def test_the_hold_countdown_is_big_enough_to_read_from_the_floor(
    locations: Locations, clock: FakeClock, size: tuple[int, int], rows: int
):
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("space")
        await advance(pilot, clock, 2.5)
        countdown = screen.query_one("#hold", BigText)
        assert countdown.drawn == "8"
        assert glyphs.rows(countdown.scale) >= rows
        drawn = [line for line in countdown.render().plain.splitlines() if line.strip()]
        assert len(drawn) >= rows  # the glyphs themselves, not padding
        body = screen.query_one("#body")
        assert body.max_scroll_y == 0  # nothing below the fold
        for shown in (countdown, screen.query_one("#cue")):
            assert visible(shown, body), shown
        figure = screen.query_one("#test-figure")
        assert not figure.region.height or visible(figure, body)  # whole, or left out
        await advance(pilot, clock, 1)  # the next second, as big
        assert countdown.drawn == "7" and len(countdown.render().plain.splitlines()) >= rows


async def test_the_keys_during_a_hold_say_what_they_do(locations: Locations, clock: FakeClock):
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "Space start the 10 s hold" in plain(app, "#keys")
        await pilot.press("space")
        await footer_keys_shown(pilot)
        keys = plain(app, "#keys")
        assert "Space" not in keys  # space does nothing while the hold runs
        assert "b stop the hold" in keys and "Enter answer now" in keys
        footer = [k.description for k in screen.query("FooterKey")]
        assert "Start hold" not in footer and "Back" in footer
        await pilot.press("space")  # pressed again: the hold runs on, not restarted
        await advance(pilot, clock, 1)
        assert text_of(app, "#hold") == "9" and app.audio.played == ["go"]
        await pilot.press("enter")  # answer now: the hold ends, the first question comes
        assert screen.hold is None and screen.walk.step.question is not None


@pytest.mark.parametrize("size", [(80, 24), (90, 30)])
async def test_the_figure_stays_beside_the_countdown(
    locations: Locations, clock: FakeClock, size: tuple[int, int]
):
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        figure = app.screen.query_one("#test-figure")
        countdown = app.screen.query_one("#hold")
        assert figure.display and visible(figure, app.screen.query_one("#body"))
        assert figure.region.x >= countdown.region.right  # beside it, not under it
        assert figure.picture is not None


def test_snapshot_hold(snap_compare, locations: Locations, clock: FakeClock):
    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("space")
        await advance(pilot, clock, 2.5)
        await footer_keys_shown(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))
