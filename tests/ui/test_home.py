"""The home screen: sessions listed with time and last done; Enter starts; resume offer."""

from __future__ import annotations

import os

import pytest

from tests.conftest import FakeClock
from tests.ui.conftest import QUICK, advance, make_app
from tuitrainer.history import HistoryStore
from tuitrainer.history.recorder import session_hash
from tuitrainer.locations import Locations
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.questions import ResumeScreen
from tuitrainer.screens.summary import SummaryScreen
from tuitrainer.screens.workout import WorkoutScreen
from tuitrainer.session import load_session


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#sessions")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_lists_builtin_and_user_sessions(locations: Locations, clock: FakeClock):
    (locations.user_sessions / "quick.yaml").write_text(QUICK.read_text())
    (locations.user_sessions / "broken.yaml").write_text("name: Broken\nexercises: []\n")
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = {row[0]: row for row in rows(app)}
        assert table["Hip mobility"][1:] == ["9:10", "never", "builtin"]
        assert table["Quick test"][1:] == ["0:46", "never", "user"]
        assert table["broken"][1] == "INVALID"
        # The broken file's first problem shows when its row is highlighted.
        names = [row[0] for row in rows(app)]
        for _ in range(names.index("broken")):
            await pilot.press("down")
        problem = str(app.screen.query_one("#problem").content)
        assert "broken.yaml:2:12: exercises is empty" in problem
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)  # an invalid session does not start


async def test_enter_starts_and_last_done_updates(locations: Locations, clock: FakeClock):
    (locations.user_sessions / "quick.yaml").write_text(QUICK.read_text())
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        names = [row[0] for row in rows(app)]
        for _ in range(names.index("Quick test")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.press("escape")  # no pain rating before it
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.engine.timeline.session.slug == "quick"
        await pilot.press("space")
        await advance(pilot, clock, 2)
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = {row[0]: row for row in rows(app)}
        assert table["Quick test"][2] == "never"  # stopped early: not the session done
        workout = app.store.recent()[0]
        app.store.conn.execute(
            "UPDATE workouts SET status = 'completed' WHERE id = ?", (workout["id"],)
        )
        app.screen.reload()
        table = {row[0]: row for row in rows(app)}
        assert table["Quick test"][2] != "never"


def left_unfinished(locations: Locations) -> None:
    """A real-time run of the quick session, left running by a process that is gone."""
    (locations.user_sessions / "quick.yaml").write_text(QUICK.read_text())
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("quick", "Quick test", session_hash(load_session(QUICK)), 1.0)
    store.conn.execute(
        "UPDATE workouts SET pid = 999999999, segment_index = 6 WHERE id = ?", (workout,)
    )
    store.close()


async def test_home_offers_to_resume_an_interrupted_workout(locations: Locations, clock: FakeClock):
    left_unfinished(locations)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert "Quick test" in str(app.screen.query_one(".detail").content)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.query_one("#exercise").content == "Reach and rotate"


async def test_a_resumed_workout_left_before_its_first_key_is_stopped(
    locations: Locations, clock: FakeClock
):
    left_unfinished(locations)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("r")  # resume, then leave the ready view at once
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    store, _ = HistoryStore.open(locations.database)
    assert [row["status"] for row in store.recent()] == ["stopped"]
    assert store.interrupted() == []  # the next start does not offer it again
    store.close()


async def test_closing_an_interrupted_workout_marks_it(locations: Locations, clock: FakeClock):
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("hip-mobility", "Hip mobility", "x", 1.0)
    store.conn.execute("UPDATE workouts SET pid = 999999999 WHERE id = ?", (workout,))
    store.close()
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    store, _ = HistoryStore.open(locations.database)
    assert store.workout(workout)["status"] == "interrupted"
    store.close()


async def test_an_unfinished_workout_of_a_changed_session_is_closed_not_resumed(
    locations: Locations, clock: FakeClock
):
    (locations.user_sessions / "quick.yaml").write_text(QUICK.read_text())
    store, _ = HistoryStore.open(locations.database)
    old = load_session(QUICK)
    workout = store.start_workout("quick", "Quick test", session_hash(old), 1.0)
    store.conn.execute(
        "UPDATE workouts SET pid = 999999999, segment_index = 6 WHERE id = ?", (workout,)
    )
    store.close()
    # The user edits the session since: fewer reps, so the parts no longer line up.
    changed = QUICK.read_text().replace("    reps: 3\n", "    reps: 2\n", 1)
    (locations.user_sessions / "quick.yaml").write_text(changed)
    app = make_app(locations, clock, session_path=locations.user_sessions / "quick.yaml")
    async with app.run_test() as pilot:
        await pilot.pause()
        # No offer to resume a different plan: a fresh start (the pain question first).
        assert not isinstance(app.screen, ResumeScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.engine.index == -1
    store, _ = HistoryStore.open(locations.database)
    assert store.workout(workout)["status"] == "interrupted"
    store.close()


def shown_lines(app) -> list[str]:
    """The session table's lines as drawn now: header first, then the visible rows."""
    table = app.screen.query_one("#sessions")
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_home_is_laid_out_as_styled(locations: Locations, clock: FakeClock):
    # The base screen's styles load with the app (a screen's own CSS_PATH is read only
    # when it is pushed): a full-width title bar, a blank line around the hint.
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#title").region.width == 80
        assert screen.query_one("#hint").region.y == 2
        assert screen.query_one("#sessions").region.y == 3
        assert screen.query_one("Footer").region.width == 80


async def test_many_sessions_scroll_with_the_cursor(locations: Locations, clock: FakeClock):
    for number in range(30):
        text = QUICK.read_text().replace("name: Quick test", f"name: Extra {number:02d}")
        (locations.user_sessions / f"extra{number:02d}.yaml").write_text(text)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions")
        assert table.row_count == 34
        assert shown_lines(app)[0].split()[:2] == ["Session", "Time"]  # header stays
        # The list scrolls inside itself: title and description stay on the screen.
        screen = app.screen
        assert screen.scroll_y == 0 and screen.query_one("#title").region.y == 0
        problem, footer = screen.query_one("#problem").region, screen.query_one("Footer").region
        assert problem.height >= 1 and problem.bottom <= footer.y
        await pilot.press("end")
        await pilot.pause()
        last = rows(app)[-1][0]
        assert table.cursor_row == 33
        assert any(last in line for line in shown_lines(app)[1:])
        assert shown_lines(app)[0].split()[0] == "Session"
        await pilot.press("home")
        await pilot.pause()
        assert rows(app)[0][0] in shown_lines(app)[1]


async def test_a_narrow_terminal_shortens_titles_then_drops_the_source(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown_lines(app)[0].split() == ["Session", "Time", "Last", "done", "Source"]
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        lines = shown_lines(app)
        assert all(len(line.rstrip()) <= 38 for line in lines)
        assert lines[0].split() == ["Session", "Time", "Last", "done"]
        long = next(line for line in lines if "Low back" in line)
        assert "…" in long and long.split()[-2:] == ["12:00", "never"]


async def test_click_highlights_and_double_click_starts(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions")
        await pilot.click("#sessions", offset=(3, 1))  # the first row, highlighted already
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # one click never starts a workout
        await pilot.click("#sessions", offset=(3, 2))  # header, then the second row
        await pilot.pause()
        assert table.cursor_row == 1
        assert "mid-back rotation" in str(app.screen.query_one("#problem").content)
        await pilot.double_click("#sessions", offset=(3, 2))
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)  # the pain question, then the workout


def test_control_characters_in_a_name_never_reach_the_terminal():
    from tuitrainer.widgets.row_table import printable

    assert printable("Quick\ttest\x1b[2J\n!") == "Quick test\\x1b[2J !"
    assert printable("Straße ストレッチ") == "Straße ストレッチ"


async def test_a_resumed_workout_keeps_the_speed_it_began_at(
    locations: Locations, clock: FakeClock
):
    left_unfinished(locations)
    # `tuitrainer run quick --speed 5` meets the real workout left unfinished.
    app = make_app(locations, clock, session_path=locations.user_sessions / "quick.yaml", speed=5)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.engine.speed == 1.0
        assert any("speed it began at: 1x" in n.message for n in app._notifications)


async def test_an_unfinished_workout_taken_by_another_window_is_not_taken_twice(
    locations: Locations, clock: FakeClock
):
    """Both windows offered the resume; the other one took it first: this one says so."""
    left_unfinished(locations)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        other, _ = HistoryStore.open(locations.database)  # the other window resumes it
        [row] = other.interrupted()
        assert other.conn.execute(
            "UPDATE workouts SET pid = ? WHERE id = ? AND pid IS ?",
            (os.getppid(), row["id"], row["pid"]),
        ).rowcount
        other.close()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # not a second workout on the same row
        assert any("open in another window" in str(n.message) for n in app._notifications)
    store, _ = HistoryStore.open(locations.database)
    assert store.workout(row["id"])["status"] == "running"
    store.close()


def test_a_claim_has_exactly_one_winner(locations: Locations):
    left_unfinished(locations)
    first, _ = HistoryStore.open(locations.database)
    second, _ = HistoryStore.open(locations.database)
    [row] = first.interrupted()
    assert first.claim(row["id"], row["pid"]) is True
    assert second.claim(row["id"], row["pid"]) is False  # it saw the same gone pid
    assert second.close_unfinished(row["id"], row["pid"]) is False
    first.close()
    second.close()


@pytest.mark.parametrize(("width", "shown"), [(90, False), (130, True)])
async def test_the_footer_shows_whole_keys_only_and_schedule_and_psfs_where_they_fit(
    locations: Locations, clock: FakeClock, width: int, shown: bool
):
    """A key cut in half ("S Schedul") is left out instead; help (?) lists them all."""
    from tests.ui.conftest import footer_keys_shown

    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(width, 30)) as pilot:
        await footer_keys_shown(pilot)
        await pilot.pause()
        keys = [key for key in app.screen.query("FooterKey") if key.display]
        assert all(key.region.right <= width for key in keys)
        descriptions = {key.description for key in keys}
        assert {"Help", "Quit"} <= descriptions
        assert ({"Schedule", "Daily life"} <= descriptions) is shown


async def test_the_resume_question_keeps_its_keys_in_view_at_40x12(
    locations: Locations, clock: FakeClock
):
    left_unfinished(locations)
    app = make_app(locations, clock, session_path=None)  # offered on the home screen
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        keys = app.screen.query_one(".keys")
        assert keys.region.height >= 1 and keys.region.bottom <= 12
        dialog = app.screen.query_one(".dialog")
        assert keys.region.bottom <= dialog.content_region.bottom  # inside its box, not cut off
