"""The exercise's figure in the workout: start pose while getting ready, moving with the
guided tempo, drawn for the side being worked, still when self-paced, hidden on request."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import advance, make_app
from tuitrainer.config import Preferences, save
from tuitrainer.locations import Locations
from tuitrainer.poses import Figure, render
from tuitrainer.session.poses import builtin_poses
from tuitrainer.widgets.figure import FigureWidget

# quick.yaml: get ready 4 s, fire hydrant 3 reps x 2 s per side (left, right) with a 3 s
# switch, rest 5 s, get ready 4 s, reach and rotate self-paced right 3 / left 2 reps.
HYDRANT = builtin_poses()["fire-hydrant"]


def figure(app) -> FigureWidget:
    return app.screen.query_one("#pose-figure", FigureWidget)


def visible(app) -> bool:
    return app.screen.query_one("#figure").display and figure(app).display


def shown(app) -> tuple[str, ...]:
    widget = figure(app)
    assert visible(app) and widget.picture is not None
    return widget.picture.lines


def expected(app, side: str, fraction: float) -> tuple[str, ...]:
    size = figure(app).size
    return render(Figure(HYDRANT, side), size.width, size.height, fraction).lines


async def test_the_figure_moves_with_each_guided_rep_and_follows_the_side(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("escape")  # no pain rating before it
        await pilot.press("space")
        await pilot.pause()
        assert shown(app) == expected(app, "left", 0.0)  # get ready: the start pose
        await advance(pilot, clock, 4)  # the left side starts; a rep takes 2 s
        await advance(pilot, clock, 0.5)  # a quarter in: halfway out
        out = shown(app)
        assert out == expected(app, "left", 0.5)
        await advance(pilot, clock, 0.5)  # half a rep: the end pose
        assert shown(app) == expected(app, "left", 1.0)
        assert shown(app) != out
        await advance(pilot, clock, 0.5)  # three quarters: halfway back
        assert shown(app) == out
        await advance(pilot, clock, 4.5 + 3 + 0.5)  # past the switch: the right side, a quarter in
        right = shown(app)
        assert right == expected(app, "right", 0.5)
        assert right != out  # drawn for the other side


async def test_a_self_paced_side_shows_a_still_figure(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("escape", "space")
        for _ in range(6):  # get ready, left, switch, right, rest, get ready
            await pilot.press("n")
        first = shown(app)
        await advance(pilot, clock, 2.7)
        assert shown(app) == first
        spec = builtin_poses()["reach-and-rotate"]
        size = figure(app).size
        still = Figure(spec, "right", still=True)  # framed alone: larger than a moving one
        assert first == render(still, size.width, size.height, 0.0).lines
        await pilot.press("t")  # the easier variant has its own figure
        size = figure(app).size
        easier = builtin_poses()["reach-and-rotate-elbow-leads"]
        assert shown(app) == render(Figure(easier, "right", True), size.width, size.height).lines


async def test_v_hides_the_figure_and_the_setting_starts_without_it(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("escape", "space")
        await pilot.pause()
        assert visible(app)
        await pilot.press("v")
        await pilot.pause()
        assert not visible(app)
        await pilot.press("v")
        await pilot.pause()
        assert visible(app)
    save(Preferences(show_figure=False), locations.config_file)
    app = make_app(locations, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("escape", "space")
        await pilot.pause()
        assert not visible(app)


async def test_the_figure_gives_way_on_a_short_terminal(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test(size=(100, 36)) as pilot:  # too narrow beside the big count
        await pilot.press("escape", "space")
        await pilot.pause()
        assert not visible(app)
        assert app.screen.query_one("#clock").display


def test_show_figure_is_kept_in_the_settings_and_a_bad_value_is_named(tmp_path):
    from tuitrainer.config import dumps, load

    path = tmp_path / "settings.toml"
    path.write_text(dumps(Preferences(show_figure=False)))
    assert load(path) == (Preferences(show_figure=False), [])
    path.write_text("volume = 0.5\nshow_figure = 'no'\n")
    prefs, problems = load(path)
    assert prefs.show_figure is True
    assert problems == [f"{path}:2: show_figure must be true or false, not 'no'"]


async def test_the_assessment_shows_each_tests_position_for_the_side_tested(
    locations: Locations, clock: FakeClock
):
    from tests.ui.test_assessment import acknowledge_safety, build

    acknowledge_safety(locations)
    app = build(locations, clock, assess=True)
    async with app.run_test(size=(90, 32)) as pilot:
        await pilot.pause()
        widget = app.screen.query_one("#test-figure", FigureWidget)
        assert widget.display and widget.figure is not None
        assert (widget.figure.spec.id, widget.figure.side) == ("knee-to-chest", "left")
        await pilot.press("space")  # the hold: the figure stays, beside its countdown
        await pilot.pause()
        assert widget.display and widget.region.height
        assert widget.region.x >= app.screen.query_one("#hold").region.right


async def test_the_planning_screen_shows_start_and_end_of_the_exercise_under_the_cursor(
    locations: Locations, clock: FakeClock
):
    from tests.ui.conftest import QUICK
    from tuitrainer.screens.planning import PlanningScreen
    from tuitrainer.session import load_session

    app = make_app(locations, clock, session_path=None)
    session = load_session(QUICK)
    app.first_screen = lambda: PlanningScreen(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        start = app.screen.query_one("#plan-start", FigureWidget)
        end = app.screen.query_one("#plan-end", FigureWidget)
        assert start.figure.spec.id == end.figure.spec.id == "fire-hydrant"
        assert (start.fraction, end.fraction) == (0.0, 1.0)
        assert start.picture != end.picture
        await pilot.press("down")
        await pilot.pause()
        assert start.figure.spec.id == "reach-and-rotate"
        assert start.figure.side == "right"  # that exercise starts on the right
