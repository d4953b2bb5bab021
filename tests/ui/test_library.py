"""Home keys d (delete, undo with u), r (rename), c (duplicate); the add list once, filtered."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import QUICK, make_app
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations
from tuitrainer.screens.editor import EditorScreen
from tuitrainer.screens.exercise_picker import ExercisePickerScreen
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.planning import PlanningScreen
from tuitrainer.screens.questions import AskScreen, ConfirmScreen
from tuitrainer.session import load_session


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#sessions")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def highlight(pilot, title: str) -> None:
    names = [row[0] for row in rows(pilot.app)]
    pilot.app.screen.query_one("#sessions").move_cursor(names.index(title))
    await pilot.pause()


def mine(locations: Locations, name: str, title: str) -> None:
    text = QUICK.read_text().replace("name: Quick test", f"name: {title}")
    (locations.user_sessions / f"{name}.yaml").write_text(text)


async def test_delete_asks_moves_to_the_trash_and_u_undoes(locations: Locations, clock: FakeClock):
    mine(locations, "my-hips", "My hips")
    path = locations.user_sessions / "my-hips.yaml"
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await highlight(pilot, "My hips")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert path.is_file()
        await pilot.press("d", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not path.exists()
        trashed = locations.trash / "my-hips.yaml"
        assert trashed.is_file()
        assert "My hips" not in [row[0] for row in rows(app)]
        assert any(str(trashed) in n and "u undoes" in n for n in notices(app))
        await pilot.press("u")
        await pilot.pause()
        assert path.is_file() and not trashed.exists()
        assert "My hips" in [row[0] for row in rows(app)]
        assert rows(app)[app.screen.query_one("#sessions").cursor_row][0] == "My hips"
        await pilot.press("u")  # once only
        await pilot.pause()
        assert "Nothing to undo" in notices(app)[-1]


async def test_a_builtin_cannot_be_deleted_or_renamed(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await highlight(pilot, "Hip mobility")
        for key in ("d", "r"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "built-in session" in notices(app)[-1]


async def test_rename_keeps_the_history_linked(locations: Locations, clock: FakeClock):
    mine(locations, "my-hips", "My hips")
    store, _ = HistoryStore.open(locations.database)
    done = store.start_workout("my-hips", "My hips", "x", 1.0)
    store.end_workout(done, "completed")
    store.close()
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        before = {row[0]: row for row in rows(app)}["My hips"]
        assert before[2] != "never"
        await highlight(pilot, "My hips")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("ctrl+u", *"evening-hips", "enter")  # replace the name shown
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not (locations.user_sessions / "my-hips.yaml").exists()
        assert (locations.user_sessions / "evening-hips.yaml").is_file()
        after = {row[0]: row for row in rows(app)}
        assert "My hips" not in after
        assert after["Evening hips"][2] == before[2]  # still "last done" that day
        assert app.store.last_done().keys() == {"evening-hips"}
        assert "1 past workout follow" in notices(app)[-1]


async def test_duplicate_makes_a_copy_under_a_free_name(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await highlight(pilot, "Hip mobility")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        assert app.screen.query_one("#answer").value == "hip-mobility-copy"
        await pilot.press("enter")
        await pilot.pause()
        copy = locations.user_sessions / "hip-mobility-copy.yaml"
        assert load_session(copy, sound_dirs=[]).title == "Hip mobility copy"
        names = [row[0] for row in rows(app)]
        assert "Hip mobility" in names and "Hip mobility copy" in names
        assert names[app.screen.query_one("#sessions").cursor_row] == "Hip mobility copy"
        # Again: the suggestion moves on to a name still free.
        await highlight(pilot, "Hip mobility")
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one("#answer").value == "hip-mobility-copy-2"


async def test_the_add_list_shows_each_exercise_once_and_filters(
    locations: Locations, clock: FakeClock
):
    builtin = {
        p.stem: load_session(p, "builtin") for p in locations.builtin_sessions.glob("*.yaml")
    }
    # A saved copy repeats the built-in exercises; one changed dose is an exercise apart.
    text = (locations.builtin_sessions / "hip-mobility.yaml").read_text()
    (locations.user_sessions / "hips-again.yaml").write_text(text)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e", "a")
        await pilot.pause()
        assert isinstance(app.screen, ExercisePickerScreen)
        shown = app.screen.shown
        distinct = {ex.id for s in builtin.values() for ex in s.exercises}
        assert len(shown) == len(distinct)  # each once, however many sessions hold it
        assert len({entry.exercise.id for entry in shown}) == len(shown)
        hydrant = next(e for e in shown if e.exercise.id == "fire-hydrant")
        assert hydrant.sources == (
            builtin["hip-mobility"].title,
            builtin["low-back-routine"].title,
        )
        await pilot.press(*"BIRD")  # case does not matter
        await pilot.pause()
        options = app.screen.query_one("OptionList")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(prompts) == 1 and prompts[0].startswith("Bird dog  (")
        await pilot.press(*["backspace"] * 4, *"low back")  # a session's title
        await pilot.pause()
        low_back = {ex.name for ex in builtin["low-back-routine"].exercises}
        assert {e.exercise.name for e in app.screen.shown} == low_back
        await pilot.press(*"zzz")
        await pilot.pause()
        assert app.screen.shown == []
        assert "No exercise matches" in str(app.screen.query_one("#count").content)
        await pilot.press(*["backspace"] * 11, *"dead", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        table = app.screen.query_one("#plan")
        assert str(table.get_row_at(1)[0]) == "Dead bug"  # added after the first row


async def test_the_value_entry_names_exercise_side_and_field(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e", "enter")  # hip-mobility; the cursor starts on reps
        await pilot.pause()
        hint = str(app.screen.query_one("#entry-hint").content)
        assert hint.startswith("Fire hydrant, reps (left and right side: one count, or")
        await pilot.press("escape", "right", "right", "enter")
        await pilot.pause()
        hint = str(app.screen.query_one("#entry-hint").content)
        assert hint.startswith("Fire hydrant, hold seconds (left and right side alike)")


async def test_a_copy_of_a_builtin_left_unsaved_is_not_kept(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("E", "y")  # hip-mobility, built in: a copy of one's own
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        copy = locations.user_sessions / "hip-mobility.yaml"
        assert copy.is_file()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and not copy.exists()
        assert {row[0]: row for row in rows(app)}["Hip mobility"][3] == "builtin"


async def test_a_file_name_with_brackets_is_shown_as_written(
    locations: Locations, clock: FakeClock
):
    (locations.user_sessions / "a[b]c.yaml").write_text(QUICK.read_text())
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await highlight(pilot, "Quick test")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "'a[b]c'" in str(app.screen.query_one(".question").render())
        await pilot.press("y")
        await pilot.pause()
        assert (locations.trash / "a[b]c.yaml").is_file()
        await pilot.press("u", "c")
        await pilot.pause()
        assert app.screen.query_one("#answer").value == "a-b-c-copy"
