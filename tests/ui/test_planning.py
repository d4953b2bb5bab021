"""The planning screen: change values with keys, reorder, fit to time, start, save as."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import QUICK, footer_keys_shown, make_app
from tuitrainer.locations import Locations
from tuitrainer.screens.exercise_picker import ExercisePickerScreen
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.planning import FIELDS, PlanningScreen, open_planning
from tuitrainer.screens.questions import AskScreen, ConfirmScreen
from tuitrainer.screens.workout import WorkoutScreen
from tuitrainer.session import load_session


def table_rows(app) -> list[list[str]]:
    table = app.screen.query_one("#plan")
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def column(name: str) -> int:
    return FIELDS.index(name)


def label(app, selector: str) -> str:
    return str(app.screen.query_one(selector).content)


def session_names(app) -> list[str]:
    table = app.screen.query_one("#sessions")
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def goto(pilot, row: int, field: str) -> None:
    table = pilot.app.screen.query_one("#plan")
    table.move_cursor(row=row, column=column(field))
    await pilot.pause()


async def test_change_values_reorder_fit_and_save(locations: Locations, clock: FakeClock):
    (locations.user_sessions / "quick.yaml").write_text(QUICK.read_text())
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        index = session_names(app).index("Quick test")
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        assert [r[0] for r in table_rows(app)] == ["Fire hydrant", "Reach and rotate"]
        assert "0:46" in label(app, "#total")

        # + on the reps cell: 3 -> 4 reps, 2 seconds more a side, the total follows.
        await goto(pilot, 0, "reps")
        await pilot.press("plus")
        assert table_rows(app)[0][column("reps")] == "4"
        assert "0:50" in label(app, "#total")
        assert "changed, not saved" in label(app, "#plan-title")

        # Typing a number on a cell replaces the value.
        await goto(pilot, 0, "rest_seconds")
        await pilot.press("1", "2", "enter")
        assert table_rows(app)[0][column("rest_seconds")] == "12"
        # An out-of-bounds value is refused with the reason, the line open to correct it.
        await goto(pilot, 0, "sets")
        await pilot.press("9", "9", "enter")
        assert table_rows(app)[0][column("sets")] == "1"
        assert label(app, "#entry-hint").startswith("Sets must be from 1 up to 50, not 99")
        await pilot.press("escape")  # cancel: nothing changed
        assert not app.screen.query_one("#entry").display
        assert table_rows(app)[0][column("sets")] == "1"

        # Mode, side order, reorder.
        await pilot.press("m")
        assert table_rows(app)[0][column("mode")] == "self-paced"
        await pilot.press("s")
        assert table_rows(app)[0][column("sides")] == "R, L"
        await pilot.press("J")
        assert [r[0] for r in table_rows(app)] == ["Reach and rotate", "Fire hydrant"]
        assert app.screen.query_one("#plan").cursor_row == 1
        await pilot.press("u")  # undo the move
        assert [r[0] for r in table_rows(app)] == ["Fire hydrant", "Reach and rotate"]

        # Fit to time: ask for 1 minute; the changes are listed.
        await pilot.press("f")
        await pilot.press(*"1 min", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanningScreen)
        assert abs(screen.total_seconds() - 60) <= 5
        assert "1:0" in label(app, "#total") or "0:5" in label(app, "#total")
        changes = label(app, "#changes")
        assert changes.startswith("Fitted to")
        assert "Fire hydrant: " in changes

        # Save as a new user session.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press(*"short-one", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        saved = locations.user_sessions / "short-one.yaml"
        reread = load_session(saved, sound_dirs=[])
        assert reread.title == "Short one"
        assert reread.exercises == app.screen.session.exercises
        assert "changed, not saved" not in label(app, "#plan-title")
        assert saved.read_text().startswith(
            "# yaml-language-server: $schema=../session.schema.json"
        )

        # Back home: the new session is listed with its planned time.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        listed = {
            str(app.screen.query_one("#sessions").get_row_at(i)[0])
            for i in range(app.screen.query_one("#sessions").row_count)
        }
        assert "Short one" in listed


async def test_add_drop_and_start_an_unsaved_plan(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")  # the first session: hip-mobility
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        assert len(table_rows(app)) == 4
        await pilot.press("x", "x", "x")
        assert [r[0] for r in table_rows(app)] == ["Bent knee, heel to ceiling"]
        await pilot.press("x")  # the last one stays
        assert len(table_rows(app)) == 1
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ExercisePickerScreen)
        await pilot.press(*"bird", "enter")  # typed text narrows the list; Enter adds
        await pilot.pause()
        assert [r[0] for r in table_rows(app)] == ["Bent knee, heel to ceiling", "Bird dog"]
        await pilot.press("r")
        await pilot.pause()
        [workout] = [s for s in app.screen_stack if isinstance(s, WorkoutScreen)]
        names = [e.name for e in workout.engine.timeline.session.exercises]
        assert names == ["Bent knee, heel to ceiling", "Bird dog"]


async def test_leaving_with_changes_asks_and_replacing_warns_of_comments(
    locations: Locations, clock: FakeClock
):
    mine = locations.user_sessions / "quick.yaml"
    mine.write_text(QUICK.read_text())
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        from tuitrainer.screens.planning import open_planning

        open_planning(app, mine, "user")
        await pilot.pause()
        await goto(pilot, 1, "reps")
        await pilot.press("minus")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)

        # Saving over the user's own file: the comment on line 1 would go, so it asks.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#answer").value == "quick"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "comments (lines 1)" in str(app.screen.query_one(".detail").content)
        await pilot.press("n")
        await pilot.pause()
        assert mine.read_text() == QUICK.read_text()  # nothing lost
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert load_session(mine, sound_dirs=[]).exercises[1].reps["right"].high == 2
        assert (locations.user_sessions / "quick.yaml.bak").read_text() == QUICK.read_text()
        await pilot.press("escape")  # saved: leaves without a question
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_plan_edit_opens_the_planning_screen_and_escape_quits(
    locations: Locations, clock: FakeClock
):
    """`tuitrainer plan SESSION --edit`: the app opens on the plan; leaving it ends the app."""
    from tuitrainer.library import resolve

    session = resolve("thoracic-mobility", locations)
    app = make_app(locations, clock, session_path=None)
    app.first_screen = lambda: PlanningScreen(session)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        assert "2:20" in label(app, "#total")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running


async def test_the_add_list_fits_a_24_line_terminal(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e", "a")
        await pilot.pause()
        assert isinstance(app.screen, ExercisePickerScreen)
        box = app.screen.query_one(".dialog").region
        keys = app.screen.query_one(".keys").region
        assert box.bottom <= 24 and keys.bottom <= box.bottom  # the keys line is in the box
        options = app.screen.query_one("OptionList")
        assert options.region.bottom <= keys.y
        await pilot.press("down", "end")
        await pilot.pause()
        last = options.highlighted
        assert last == len(app.screen.shown) - 1
        assert options.scroll_y > 0  # the list scrolled to show it


async def test_the_entry_line_is_brought_into_view_on_a_small_terminal(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("e", "f")
        await pilot.pause()
        entry = app.screen.query_one("#entry")
        assert app.focused is entry
        assert entry.region.y >= 0 and entry.region.bottom <= 11  # above the footer


async def open_quick(locations: Locations, clock: FakeClock, pilot, app) -> PlanningScreen:
    (locations.user_sessions / "quick.yaml").write_text(QUICK.read_text())
    await pilot.pause()
    open_planning(app, locations.user_sessions / "quick.yaml", "user")
    await footer_keys_shown(pilot)
    assert isinstance(app.screen, PlanningScreen)
    return app.screen


def footer_words(screen) -> list[str]:
    return [str(w.render()).strip() for w in screen.query("Footer FooterKey, Footer FooterLabel")]


async def test_a_refused_value_says_why_in_the_columns_words_and_stays_to_be_corrected(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quick(locations, clock, pilot, app)
        entry = screen.query_one("#entry")
        await goto(pilot, 0, "get_ready_seconds")
        await pilot.press("enter", *"abc", "enter")
        hint = label(app, "#entry-hint")
        assert hint.startswith("Get ready must be a number of seconds, not 'abc'"), hint
        assert "get_ready" not in hint and not app._notifications
        assert entry.display and app.focused is entry and entry.value == "abc"
        assert table_rows(app)[0][column("get_ready_seconds")] == "4"
        await pilot.press("backspace", "backspace", "backspace", *"99999", "enter")
        hint = label(app, "#entry-hint")
        assert hint.startswith("Get ready must be from 0 up to 3600 seconds, not 99999"), hint
        assert entry.value == "99999"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "enter")
        assert table_rows(app)[0][column("get_ready_seconds")] == "9"  # corrected, taken
        assert not entry.display and label(app, "#entry-hint") == ""
        await pilot.press("f", *"soon", "enter")  # a time to fit to: the same
        assert entry.display and entry.value == "soon"
        assert label(app, "#entry-hint").startswith("Not a time: 'soon'")
        await pilot.press("escape")  # escape still cancels
        assert not entry.display and app.focused is screen.query_one("#plan")
        assert not screen.undo[1:]  # the one change made, nothing from the refusals


async def test_while_typing_a_value_the_footer_shows_only_the_keys_that_work(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quick(locations, clock, pilot, app)
        await goto(pilot, 0, "rest_seconds")
        await pilot.press("enter")
        await footer_keys_shown(pilot)
        words = footer_words(screen)
        assert words == ["⏎ Set", "esc Cancel"], words
        await pilot.press("plus", "m")  # typed, not a step or a mode change
        assert screen.query_one("#entry").value.endswith("+m")
        assert table_rows(app)[0][column("mode")] == "guided"
        await pilot.press("escape")
        await footer_keys_shown(pilot)
        assert "r Start" in footer_words(screen)
        assert table_rows(app)[0][column("rest_seconds")] == "5"


async def test_save_as_of_a_built_in_plan_suggests_a_name_still_free(
    locations: Locations, clock: FakeClock
):
    from tuitrainer.library import resolve

    (locations.user_sessions / "thoracic-mobility-2.yaml").write_text(QUICK.read_text())
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(PlanningScreen(resolve("thoracic-mobility", locations)))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        assert app.screen.query_one("#answer").value == "thoracic-mobility-3"
        await pilot.press("enter")  # taken as it is: a copy beside the built-in one
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        assert (locations.user_sessions / "thoracic-mobility-3.yaml").is_file()
