"""What is tuitrainer's own is labelled where it is shown: `t` in a workout, planning."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import make_app, text_of
from tuitrainer.library import resolve
from tuitrainer.locations import Locations
from tuitrainer.screens.messages import StartSession
from tuitrainer.screens.planning import FIELDS, PlanningScreen
from tuitrainer.screens.workout import WorkoutScreen


async def test_t_in_a_workout_labels_a_variant_of_tuitrainers(
    locations: Locations, clock: FakeClock
):
    session = resolve("low-back-routine", locations)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.post_message(StartSession(session))
        await pilot.pause()
        while not isinstance(app.screen, WorkoutScreen):  # the pain question first
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("t")
        coach = text_of(app, "#coach")
        assert "Easier (tuitrainer's suggestion): Raise your knee only partway" in coach


async def test_planning_shows_whose_each_exercise_is(locations: Locations, clock: FakeClock):
    session = resolve("low-back-routine", locations)
    app = make_app(locations, clock, session_path=None)
    app.first_screen = lambda: PlanningScreen(session)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanningScreen)
        table = screen.query_one("#plan")
        column = FIELDS.index("source")
        assert [str(table.get_cell_at((r, column))) for r in range(5)] == ["article"] * 5
        origin = text_of(app, "#origin")
        assert "From the source routine" in origin
        assert "Tempo, holds, rests and get-ready times: tuitrainer's suggestion" in origin
        assert "Easier (tuitrainer's suggestion): Raise your knee" in origin
        for _ in range(4):  # down to reach and rotate: the article's own variant
            await pilot.press("down")
        origin = text_of(app, "#origin")
        assert "Easier (from the source routine): Put your hand behind your head" in origin


async def test_planning_marks_a_session_of_tuitrainers_own(locations: Locations, clock: FakeClock):
    session = resolve("lumbar-stability", locations)
    app = make_app(locations, clock, session_path=None)
    app.first_screen = lambda: PlanningScreen(session)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#plan")
        column = FIELDS.index("source")
        assert [str(table.get_cell_at((r, column))) for r in range(4)] == ["tuitrainer"] * 4
        assert "Not in the source routine" in text_of(app, "#origin")
        assert "Easier (tuitrainer's suggestion): " in text_of(app, "#origin")
