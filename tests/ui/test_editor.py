"""The session editor: live problems with lines, saving (atomic, insisting), built-ins."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FakeClock
from tests.ui.conftest import QUICK, make_app
from tuitrainer.library import Listing
from tuitrainer.locations import Locations
from tuitrainer.screens.editor import EditorScreen, yaml_language
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.questions import ChooseScreen, ConfirmScreen
from tuitrainer.screens.workout import WorkoutScreen
from tuitrainer.session import load_session


async def until(pilot, condition, tries: int = 100) -> None:
    """Let the app run (its debounce timer included) until the condition holds."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never held")


def problems(app) -> list[str]:
    options = app.screen.query_one("#problems")
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def quick_copy(locations: Locations) -> Path:
    """The test session as a file of the user's."""
    mine = locations.user_sessions / "quick.yaml"
    mine.write_text(QUICK.read_text())
    return mine


async def open_editor(pilot, path: Path) -> EditorScreen:
    screen = EditorScreen(path)
    pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


async def test_an_error_shows_with_its_line_and_enter_jumps_there(
    locations: Locations, clock: FakeClock
):
    mine = quick_copy(locations)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = await open_editor(pilot, mine)
        assert screen.query_one("#yaml").language == yaml_language() == "yaml"
        assert "Planned time 0:46" in str(screen.query_one("#planned").content)
        assert problems(app) == []
        # Line 8 is "    reps: 3": make it "    reps: 3x".
        area = screen.query_one("#yaml")
        area.move_cursor((7, 11))
        await pilot.press("x")
        await until(pilot, lambda: problems(app) != [])
        [message] = problems(app)
        assert message.startswith("line 8, col 11: reps must be")
        assert "once the problems are fixed" in str(screen.query_one("#planned").content)
        assert "changed, not saved" in str(screen.query_one("#editor-title").content)
        area.move_cursor((0, 0))
        await pilot.press("f2", "enter")
        await pilot.pause()
        assert area.has_focus and area.cursor_location == (7, 10)

        # Saving an invalid file asks; yes saves it, and the list marks it invalid.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert "reps: 3x" in mine.read_text()
        listed = {entry.slug: entry for entry in Listing(locations).sessions()}
        assert not listed["quick"].valid and "reps must be" in listed["quick"].problems[0]

        # Fix it (backspace), the planned time comes back; save; back home and run it.
        await pilot.press("end", "backspace", "backspace", "5")
        await until(pilot, lambda: problems(app) == [])
        assert "Planned time 0:54" in str(screen.query_one("#planned").content)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (locations.user_sessions / "quick.yaml.bak").read_text().count("reps: 3x") == 1
        assert load_session(mine, sound_dirs=[]).exercises[0].reps["left"].high == 5
        await pilot.press("escape", "escape")  # out of the text, then off the screen
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        names = [
            str(app.screen.query_one("#sessions").get_row_at(i)[0])
            for i in range(app.screen.query_one("#sessions").row_count)
        ]
        for _ in range(names.index("Quick test")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        [workout] = [s for s in app.screen_stack if isinstance(s, WorkoutScreen)]
        assert workout.engine.timeline.session.exercises[0].reps["left"].high == 5


async def test_a_builtin_file_is_never_overwritten(locations: Locations, clock: FakeClock):
    builtin = locations.builtin_sessions / "hip-mobility.yaml"
    before = builtin.read_bytes()
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = await open_editor(pilot, builtin)
        assert "never changed" in str(screen.query_one("#side-note").content)
        await pilot.press("x", "ctrl+s")
        await pilot.pause()
        assert builtin.read_bytes() == before
        assert isinstance(app.screen, EditorScreen)
        assert not list(builtin.parent.glob("*.bak")) and not list(builtin.parent.glob(".*.tmp"))


async def test_a_change_on_disk_is_detected_and_the_user_chooses(
    locations: Locations, clock: FakeClock
):
    mine = quick_copy(locations)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await open_editor(pilot, mine)
        theirs = QUICK.read_text().replace("Quick test", "Changed elsewhere")
        mine.write_text(theirs)
        await pilot.press("#", "ctrl+s")  # a comment at the top keeps the file valid
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("escape")  # cancel: nothing written
        await pilot.pause()
        assert mine.read_text() == theirs
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")  # overwrite with mine; theirs is the .bak
        await pilot.pause()
        assert mine.read_text().startswith("## A short session")
        assert (locations.user_sessions / "quick.yaml.bak").read_text() == theirs

        # Again, but this time load theirs: the editor shows the file on disk.
        mine.write_text(theirs)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#yaml").text == theirs
        assert mine.read_text() == theirs


async def test_leaving_with_unsaved_changes_asks(locations: Locations, clock: FakeClock):
    mine = quick_copy(locations)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await open_editor(pilot, mine)
        await pilot.press("z", "escape")  # one escape, even from inside the text
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert mine.read_text() == QUICK.read_text()


async def test_new_session_from_the_home_screen(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"my-hips", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        path = locations.user_sessions / "my-hips.yaml"
        assert app.screen.path == path
        assert load_session(path, sound_dirs=[]).title == "My hips"
        assert problems(app) == []


async def test_the_example_new_name_is_one_that_is_free(locations: Locations, clock: FakeClock):
    from tuitrainer.screens.questions import AskScreen

    (locations.user_sessions / "short-hips.yaml").write_text(QUICK.read_text())
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        detail = str(app.screen.query_one(".detail").content)
        assert detail == "e.g. short-hips-2"  # short-hips is taken
        await pilot.press(*"short-hips-2", "enter")  # the example is taken as it is
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.path == locations.user_sessions / "short-hips-2.yaml"


async def test_a_bad_new_name_is_explained_in_the_dialog_and_kept(
    locations: Locations, clock: FakeClock
):
    from tuitrainer.screens.questions import AskScreen

    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"my routine", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)  # still asking, the text as typed
        answer = app.screen.query_one("#answer")
        assert answer.value == "my routine"
        shown = app.screen.query_one("#ask-problem")
        assert shown.display and "cannot be a session name" in str(shown.content)
        await pilot.press("backspace")  # any edit clears the message
        await pilot.pause()
        assert not shown.display
        answer.value = "my-routine"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert (locations.user_sessions / "my-routine.yaml").is_file()
        await pilot.press("ctrl+s", "escape")  # saved, so it stays
        await pilot.pause()
        await pilot.press("n", *"my-routine", "enter")
        await pilot.pause()
        assert "already have a session named 'my-routine'" in str(
            app.screen.query_one("#ask-problem").content
        )


async def test_quitting_with_unsaved_changes_asks(locations: Locations, clock: FakeClock):
    mine = quick_copy(locations)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await open_editor(pilot, mine)
        await pilot.press("z", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen) and app.is_running
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert not app.is_running


async def test_without_highlighting_the_editor_is_plain_text(
    locations: Locations, clock: FakeClock, monkeypatch
):
    import textual._tree_sitter

    monkeypatch.setattr(textual._tree_sitter, "get_language", lambda name: None)
    assert yaml_language() is None
    mine = quick_copy(locations)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = await open_editor(pilot, mine)
        assert screen.query_one("#yaml").language is None
        await pilot.press("x")
        await until(pilot, lambda: problems(app) != [])


async def test_edit_key_on_a_builtin_offers_a_copy(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("E")  # the first row: hip-mobility, built in
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        copy = locations.user_sessions / "hip-mobility.yaml"
        assert app.screen.path == copy
        assert load_session(copy, sound_dirs=[]).title == "Hip mobility"


async def test_a_new_session_left_unsaved_leaves_no_file(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"tmpnew", "enter")
        await pilot.pause()
        path = locations.user_sessions / "tmpnew.yaml"
        assert isinstance(app.screen, EditorScreen) and path.is_file()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not path.exists()
        table = app.screen.query_one("#sessions")
        assert "Tmpnew" not in [table.get_row_at(i)[0] for i in range(table.row_count)]
        # Saved once, it is the user's: leaving keeps it.
        await pilot.press("n", *"keepme", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert (locations.user_sessions / "keepme.yaml").is_file()
