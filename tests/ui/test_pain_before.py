"""The optional pain rating before a workout: saved with the workout, skipped with one key."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import QUICK, make_app, text_of
from tuitrainer.history import HistoryStore
from tuitrainer.history.recorder import session_hash
from tuitrainer.locations import Locations
from tuitrainer.screens.pain import PainBeforeScreen
from tuitrainer.screens.workout import WorkoutScreen
from tuitrainer.session import load_session


def pain_saved(locations: Locations) -> list[tuple[int | None, int | None]]:
    store, _ = HistoryStore.open(locations.database)
    try:
        rows = store.conn.execute("SELECT pain_before, pain_after FROM workouts ORDER BY id")
        return [tuple(row) for row in rows]
    finally:
        store.close()


async def test_rating_then_enter_starts_and_is_saved_beside_the_one_after(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PainBeforeScreen)
        await pilot.press("1", "1", "enter")  # out of range: refused, still asked
        assert isinstance(app.screen, PainBeforeScreen)
        assert "0 to 10" in text_of(app, "#pain-problem")  # said in the question itself
        await pilot.press("backspace", "backspace", "4", "enter")
        assert isinstance(app.screen, WorkoutScreen)
        assert not app._notifications  # nothing left over the workout's lines
        assert text_of(app, "#phase") == "GET READY"  # started by the same Enter
        await pilot.press("q", "y")
        await pilot.pause()
        await pilot.press("2", "enter")  # the rating after, on the summary
        await pilot.pause()
    assert pain_saved(locations) == [(4, 2)]


async def test_space_skips_the_rating_and_starts(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space")
        assert isinstance(app.screen, WorkoutScreen)
        assert text_of(app, "#phase") == "GET READY"
        await pilot.press("q", "y")
        await pilot.pause()
    assert pain_saved(locations) == [(None, None)]


async def test_digits_then_space_save_the_rating_and_start(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("1", "2", "space")  # out of range: refused, still asked
        await pilot.pause()
        assert isinstance(app.screen, PainBeforeScreen)
        await pilot.press("backspace", "backspace", "3", "space")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert text_of(app, "#phase") == "GET READY"
        await pilot.press("q", "y")
        await pilot.pause()
        await pilot.press("5", "space")  # the same on the summary
        await pilot.pause()
    assert pain_saved(locations) == [(3, 5)]


async def test_escape_skips_and_the_workout_still_waits(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape")
        assert text_of(app, "#phase") == "READY?"
        await pilot.press("q")  # leaving before the start records nothing
        await pilot.pause()
    assert pain_saved(locations) == []


async def test_the_setting_switches_the_question_off(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock)
    app.preferences.ask_pain_before = False
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert text_of(app, "#phase") == "READY?"


async def test_a_resumed_workout_is_not_asked_again(locations: Locations, clock: FakeClock):
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("quick", "Quick test", session_hash(load_session(QUICK)), 1.0)
    store.set_pain(workout, "before", 6)
    store.conn.execute("UPDATE workouts SET pid = 999999999 WHERE id = ?", (workout,))
    store.close()
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("r")  # resume
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
    assert pain_saved(locations) == [(6, None)]


async def test_a_decimal_rating_is_shown_as_typed_and_refused_in_words(
    locations: Locations, clock: FakeClock
):
    """Dropping the dot turned "5.5" into "55"; it shows as typed, and is refused."""
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("5", "full_stop", "5", "enter")
        assert isinstance(app.screen, PainBeforeScreen)
        assert app.screen.query_one("#pain-before").value == "5.5"
        assert "whole number from 0 to 10" in text_of(app, "#pain-problem")
