"""Names with markup in them show as written, on every screen, and never crash one.

A session called `Hips [easy] [v2] [/] [@click=app.quit]x` is a legal name; before,
`[/]` crashed the resume prompt at every start, the summary (losing the pain
rating), the progress view and the planning add list, and `[easy]` vanished.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FakeClock
from tests.ui.conftest import make_app
from tuitrainer.history import HistoryStore
from tuitrainer.history.recorder import session_hash
from tuitrainer.locations import Locations
from tuitrainer.screens.exercise_picker import ExercisePickerScreen
from tuitrainer.screens.planning import PlanningScreen
from tuitrainer.screens.progress import ProgressScreen
from tuitrainer.screens.questions import ResumeScreen
from tuitrainer.screens.summary import SummaryScreen
from tuitrainer.screens.workout import WorkoutScreen
from tuitrainer.session import load_session

TITLE = "Hips [easy] [v2] [/] [@click=app.quit]x"
EXERCISE = "Bridge [b]bold[/b] [/]"


def hostile_session(folder: Path) -> Path:
    path = folder / "hostile.yaml"
    path.write_text(
        f'name: "{TITLE}"\n'
        "get_ready_seconds: 3\n"
        "exercises:\n"
        f'  - name: "{EXERCISE}"\n'
        "    sides: [left]\n"
        "    reps: 2\n"
        "    rep_seconds: 2\n"
        '    tips: ["Press [i]gently[/i] [/]"]\n'
    )
    return path


def shown(widget) -> str:
    """What the widget draws (its text after any markup was applied)."""
    drawn = widget.render()
    return drawn.plain if hasattr(drawn, "plain") else str(drawn)


async def test_the_resume_prompt_shows_a_markup_title_as_written(
    locations: Locations, clock: FakeClock
):
    path = hostile_session(locations.user_sessions)
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("hostile", TITLE, session_hash(load_session(path)), 1.0)
    store.conn.execute("UPDATE workouts SET pid = 999999999 WHERE id = ?", (workout,))
    store.close()
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert TITLE in shown(app.screen.query_one(".detail"))
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.query_one("#exercise").content == EXERCISE


async def test_workout_and_summary_show_markup_names_and_keep_the_pain_rating(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=hostile_session(locations.user_sessions))
    async with app.run_test() as pilot:
        await pilot.press("escape")  # no pain rating before
        assert app.screen.query_one("#exercise").content == EXERCISE
        await pilot.press("space", "n")  # into the work
        assert "Press [i]gently[/i] [/]" in shown(app.screen.query_one("#coach"))
        while not app.screen.engine.finished:
            await pilot.press("n")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert TITLE in shown(app.screen.query_one("#headline"))
        table = app.screen.query_one("#sides")
        assert str(table.get_row_at(0)[0]) == EXERCISE
        await pilot.press("4", "enter")
        await pilot.pause()
    store, _ = HistoryStore.open(locations.database)
    row = store.recent()[0]
    assert (row["title"], row["pain_after"]) == (TITLE, 4)
    store.close()


async def test_progress_and_its_detail_show_a_stored_markup_title(
    locations: Locations, clock: FakeClock
):
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("hostile", TITLE, "x", 1.0)
    side = store.side_id(workout, 0, "bridge", EXERCISE, 1, "left", 2)
    store.add_rep(side, 1, "2024-01-01T10:00:00+00:00", 1.0)
    store.end_workout(workout, "completed")
    store.close()
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        table = app.screen.query_one("#workouts")
        assert str(table.get_row_at(0)[1]) == TITLE
        for tab in ("calendar", "balance", "pain", "assessments"):
            app.screen.query_one("TabbedContent").active = tab
            await pilot.pause()
        app.screen.query_one("TabbedContent").active = "recent"
        await pilot.pause()
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert TITLE in shown(app.screen.query_one(".question"))
        assert str(app.screen.query_one("#detail-sides").get_row_at(0)[0]) == EXERCISE


async def test_the_planning_add_list_shows_markup_names(locations: Locations, clock: FakeClock):
    path = hostile_session(locations.user_sessions)
    app = make_app(locations, clock, session_path=None)
    app.first_screen = lambda: PlanningScreen(load_session(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert TITLE in shown(app.screen.query_one("#plan-title"))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ExercisePickerScreen)
        options = app.screen.query_one("OptionList")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(p.startswith(f"{EXERCISE}  (") and TITLE in p for p in prompts), prompts


async def test_a_notice_with_markup_is_shown_as_text_not_run(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.screen.notify("Cannot start [@click=app.quit]x[/] \x1b]0;owned\x07")
        await pilot.pause()
        notes = list(app._notifications)
        assert notes[-1].message == "Cannot start [@click=app.quit]x[/] \\x1b]0;owned\\x07"
        assert not notes[-1].markup
        assert app.is_running


async def test_stored_control_characters_are_shown_escaped_never_sent(
    locations: Locations, clock: FakeClock
):
    """An old history may hold `\\x1b]0;owned\\x07`: the screens show it as an escape."""
    hostile = "Hips \x1b]0;owned\x07 \x1b[2J"
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("hips", hostile, "x", 1.0)
    side = store.side_id(workout, 0, "bridge", hostile, 1, "left", 2)
    store.add_rep(side, 1, "2024-01-01T10:00:00+00:00", 1.0)
    store.conn.execute("UPDATE workouts SET pid = 999999999 WHERE id = ?", (workout,))
    store.close()
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert "Hips \\x1b]0;owned\\x07 \\x1b[2J" in shown(app.screen.query_one(".detail"))
        assert "\x1b" not in app.export_screenshot()
        await pilot.press("escape")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        assert str(app.screen.query_one("#workouts").get_row_at(0)[1]).startswith("Hips \\x1b")
        assert "\x1b" not in app.export_screenshot() and "\x07" not in app.export_screenshot()
