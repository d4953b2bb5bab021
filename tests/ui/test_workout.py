"""The workout view driven with Pilot on a fake clock: what it shows, what it keeps."""

from __future__ import annotations

import pytest

from tests.conftest import FakeClock
from tests.ui.conftest import advance, footer_keys_shown, make_app, text_of
from tuitrainer.history.export import workouts
from tuitrainer.locations import Locations
from tuitrainer.screens.help import HelpScreen, describe_bindings
from tuitrainer.screens.questions import ConfirmScreen
from tuitrainer.screens.summary import SummaryScreen
from tuitrainer.screens.workout import WorkoutScreen

# quick.yaml: get ready 4 s, fire hydrant 3 reps x 2 s per side (left, right) with a 3 s
# switch, rest 5 s, get ready 4 s, reach and rotate self-paced right 3 / left 2 reps.


def saved(locations: Locations) -> list[dict]:
    from tuitrainer.history import HistoryStore

    store, _ = HistoryStore.open(locations.database)
    try:
        return workouts(store)
    finally:
        store.close()


async def test_waits_for_space_then_counts_guided_reps(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape")  # no pain rating before it
        assert isinstance(app.screen, WorkoutScreen)
        assert text_of(app, "#phase") == "READY?"
        assert "Press space to start" in text_of(app, "#coach")
        await advance(pilot, clock, 30)  # nothing runs before space
        assert text_of(app, "#phase") == "READY?"

        await pilot.press("space")
        assert text_of(app, "#phase") == "GET READY"
        assert text_of(app, "#clock") == "0:04"
        assert "Hands and knees." in text_of(app, "#coach")
        await advance(pilot, clock, 4)
        assert text_of(app, "#status") == "Left side"
        assert text_of(app, "#coach") == "Brace your core."
        await advance(pilot, clock, 4.5)
        assert text_of(app, "SidePanel.-left").startswith("2 / 3 reps")
        assert app.screen.query_one("SidePanel.-left").has_class("-active")
        assert not app.screen.query_one("SidePanel.-right").has_class("-active")
        assert text_of(app, "#count") == "2/3"
        assert text_of(app, "#phase") == "LIFT"  # the third rep starts with a lift
        assert text_of(app, "#clock-label") == "left on this side"
        await advance(pilot, clock, 1.5)
        assert text_of(app, "#phase") == "SWITCH SIDES"
        assert text_of(app, "SidePanel.-left").startswith("3 / 3 reps")
        assert text_of(app, "#next-title") == "Next: Fire hydrant, right side"
        assert text_of(app, "#next-big") == "RIGHT SIDE"


async def test_pause_stops_the_countdown(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space")
        await advance(pilot, clock, 1)
        assert text_of(app, "#clock") == "0:03"
        await pilot.press("p")
        assert text_of(app, "#phase") == "PAUSED"
        assert app.screen.has_class("-paused")
        await advance(pilot, clock, 60)
        assert text_of(app, "#clock") == "0:03"
        assert app.screen.engine.active_elapsed() == pytest.approx(1)  # a pause is not workout time
        assert text_of(app, "#times") == "0 min in · 1 min left"
        await pilot.press("p")
        assert text_of(app, "#phase") == "GET READY"
        await advance(pilot, clock, 2)
        assert text_of(app, "#clock") == "0:01"
        assert app.screen.engine.active_elapsed() == pytest.approx(3)


async def test_skip_back_and_self_paced_logging(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space")
        for _ in range(5):  # get ready, left, switch, right, rest
            await pilot.press("n")
        assert text_of(app, "#exercise") == "Reach and rotate"
        assert text_of(app, "#phase") == "GET READY"
        await pilot.press("n")
        assert text_of(app, "#status") == "Right side"
        await advance(pilot, clock, 5)
        assert text_of(app, "#clock") == "0:05"  # self-paced sides count up
        await pilot.press("space", "space")
        assert text_of(app, "SidePanel.-right").startswith("2 / 3 reps")
        await pilot.press("u")
        assert text_of(app, "SidePanel.-right").startswith("1 / 3 reps")
        await pilot.press("space", "space")
        assert text_of(app, "#phase") == "SWITCH SIDES"  # the target moved it on
        await pilot.press("u")  # undo the last rep: back into the side
        assert text_of(app, "#status") == "Right side"
        assert text_of(app, "SidePanel.-right").startswith("2 / 3 reps")
        await pilot.press("space")
        assert text_of(app, "#phase") == "SWITCH SIDES"
        await advance(pilot, clock, 1)
        await pilot.press("b")  # near the start of the pause: back to the side
        assert text_of(app, "#status") == "Right side"
        assert text_of(app, "SidePanel.-right").startswith("0 / 3 reps")


async def test_quit_confirm_summary_and_pain_are_saved(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space")
        await advance(pilot, clock, 4 + 4.1)  # two reps on the left
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, WorkoutScreen)
        assert text_of(app, "#status") == "Left side"  # not left paused
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "ended early" in str(app.screen.query_one("#headline").content)
        table = app.screen.query_one("#sides")
        assert table.row_count == 4
        assert [str(c) for c in table.get_row_at(0)[:3]] == ["Fire hydrant", "left", "2 / 3"]
        await pilot.press("7", "enter")
        await pilot.pause()
    [workout] = saved(locations)
    assert workout["status"] == "stopped"
    assert workout["pain"] == 7
    left = workout["exercises"][0]
    assert (left["name"], left["side"], left["reps_done"], left["reps_target"]) == (
        "Fire hydrant",
        "left",
        2,
        3,
    )
    assert len(left["rep_times"]) == 2


async def test_completed_workout_is_saved_with_every_side(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space")
        await advance(pilot, clock, 4 + 6 + 3 + 6 + 5 + 4)
        assert text_of(app, "#status") == "Right side"
        await pilot.press("space", "space", "space")
        await advance(pilot, clock, 3)
        await pilot.press("space", "space")
        await pilot.pause()
        assert text_of(app, "#phase") == "DONE"  # for a moment, big, before the summary
        assert (text_of(app, "#clock"), text_of(app, "#clock-label")) == ("0:31", "in all")
        await advance(pilot, clock, 1)
        assert text_of(app, "#phase") == "DONE"
        await advance(pilot, clock, 1)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Total: 11 of 11 reps" in str(app.screen.query_one("#total").content)
        await pilot.press("enter")  # no rating
        await pilot.pause()
    [workout] = saved(locations)
    assert workout["status"] == "completed"
    assert workout["pain"] is None
    done = {(e["name"], e["side"]): e["reps_done"] for e in workout["exercises"]}
    assert done == {
        ("Fire hydrant", "left"): 3,
        ("Fire hydrant", "right"): 3,
        ("Reach and rotate", "right"): 3,
        ("Reach and rotate", "left"): 2,
    }
    guided = workout["exercises"][0]
    assert guided["seconds"] == 6.0


async def test_pain_rating_out_of_range_is_refused(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space", "q", "y")
        await pilot.pause()
        await pilot.press("4", "2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)  # 42 is not a rating
        await pilot.press("backspace", "enter")
        await pilot.pause()
    assert saved(locations)[0]["pain"] == 4


async def test_resize_keeps_the_workout_going(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await advance(pilot, clock, 4 + 2.5)
        await pilot.resize_terminal(40, 12)
        await advance(pilot, clock, 0.1)
        assert app.screen.has_class("-narrow") and app.screen.has_class("-short")
        assert text_of(app, "#status") == "Left side"
        assert text_of(app, "SidePanel.-left").startswith("1 / 3 reps")
        assert app.screen.query_one("#count").region.height == 3  # the count stays big
        await pilot.resize_terminal(120, 40)
        await advance(pilot, clock, 2)
        assert text_of(app, "SidePanel.-left").startswith("2 / 3 reps")


async def test_help_and_modification(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space", "t")
        assert text_of(app, "#coach") == "Easier: Lift the knee only a little."
        await pilot.press("t")
        assert "Hands and knees." in text_of(app, "#coach")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = describe_bindings(app.screen.bindings)
        for words in (
            "log one rep",
            "Pause, or go on",
            "Inside a rep range (8 of 8-10) it finishes the side",
            "in its first 3 seconds, go back to the part before",
            "Sound on or off",
            "End the workout early",
            "15 seconds more of the rest",
        ):
            assert words in help_text, words
        assert "ctrl+z pauses the workout" in app.screen.notes  # the keys no binding shows
        await pilot.press("escape")
        assert isinstance(app.screen, WorkoutScreen)


async def test_help_pauses_the_workout_while_it_is_open(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape", "space")  # no pain rating; start
        await advance(pilot, clock, 4 + 2.5)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        clock.advance(60)
        await pilot.press("escape")
        await advance(pilot, clock, 0)
        assert text_of(app, "#status") == "Left side"
        assert text_of(app, "SidePanel.-left").startswith("1 / 3 reps")  # nothing ran on


async def test_a_skipped_through_workout_says_so(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape", "space")
        for _ in range(12):
            await pilot.press("n")
            if app.screen.engine.finished:
                break
        await pilot.press("space")  # no need to wait out DONE
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        headline = str(app.screen.query_one("#headline").content)
        assert headline.startswith("Workout finished, some reps skipped")


def test_the_screen_wakes_only_when_what_it_shows_changes(locations, clock: FakeClock):
    """Never before the start or while paused; else when the clock's second turns or
    the next part of a guided rep begins, and a moment before each cue is due."""
    from tests.ui.conftest import QUICK
    from tuitrainer.config import Preferences
    from tuitrainer.display import CUE_AHEAD, LATE
    from tuitrainer.history import HistoryStore
    from tuitrainer.session import load_session
    from tuitrainer.workouts import Workouts

    store, _ = HistoryStore.open(locations.database)
    workouts = Workouts(store, locations, Preferences(), clock=clock)
    screen = WorkoutScreen(workouts.open(load_session(QUICK)))
    engine = screen.engine
    assert screen._next_tick() is None  # not started: waits for a key
    engine.start()
    clock.advance(0.8)  # get ready: 3.2 s left, the clock shows 0:04 for 0.2 s more
    assert screen._next_tick() == pytest.approx(0.2 - CUE_AHEAD)  # the countdown's cue
    clock.advance(0.1)
    assert screen._next_tick() == pytest.approx(0.1 + LATE)  # the clock turns
    clock.advance(0.1 + 3 + 0.6)  # 0.6 s into the guided left side: lift, 0.4 s more
    engine.tick()
    assert screen._next_tick() == pytest.approx(0.4 - CUE_AHEAD)  # the "down" cue
    clock.advance(0.3)
    assert screen._next_tick() == pytest.approx(0.1 + LATE)  # lower
    engine.pause()
    assert screen._next_tick() is None
    store.close()


def notices(app) -> list[str]:
    """The notice the workout shows now (in its own line, one at a time)."""
    return [app.screen.notice]


async def test_keys_that_change_nothing_say_why(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space", "n")  # start, skip the get-ready: a guided side
        assert text_of(app, "#status") == "Left side"
        await pilot.press("u")
        assert "Guided reps count themselves: there is no logged rep to undo." in notices(app)
        await pilot.press("space")
        assert "Guided reps count themselves: follow the words and the tones." in notices(app)
        await pilot.press("p", "space", "p")  # paused, a guided side still has no rep to log
        assert notices(app)[-1] == "Paused: press p to go on; guided reps count themselves."
        for _ in range(5):  # left, switch, right, rest, get ready: the self-paced side
            await pilot.press("n")
        assert text_of(app, "#status") == "Right side"
        await pilot.press("space", "space", "p", "space")
        assert text_of(app, "SidePanel.-right").startswith("2 / 3 reps")  # not a third
        assert "Paused: press p to go on, then log the rep." in notices(app)
        await pilot.press("p")
        await advance(pilot, clock, 5)  # past the grace: b starts this side again
        await pilot.press("b")
        assert text_of(app, "SidePanel.-right").startswith("0 / 3 reps")
        assert "Right side: 2 logged reps cleared." in notices(app)


async def test_help_scrolls_on_a_small_terminal(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("escape")  # no pain rating before it
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one(".help")
        assert box.region.height <= 12 and box.max_scroll_y > 0  # more keys than lines
        assert app.focused is box
        for _ in range(box.max_scroll_y):
            await pilot.press("down")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y  # the last keys can be read


async def skip_to_done(pilot) -> None:
    """No pain rating, start, then n through every part: the workout shows DONE."""
    await pilot.press("escape", "space")
    while not pilot.app.screen.engine.finished:
        await pilot.press("n")


async def test_help_opened_during_done_still_leads_to_the_summary(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await skip_to_done(pilot)
        assert text_of(app, "#phase") == "DONE"
        workout = app.screen
        await pilot.press("question_mark")
        await advance(pilot, clock, 5)  # DONE's time runs out under the help
        workout.sync()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await advance(pilot, clock, 0.5)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_q_during_done_goes_to_the_summary(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await skip_to_done(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


# -- snapshots: the workout as it is seen from across the room -------------------------


def workout_snapshot(locations: Locations, clock: FakeClock, keys: str, seconds: float):
    """The quick session, started, then `keys` pressed and `seconds` of the clock run."""
    app = make_app(locations, clock)

    async def run_before(pilot) -> None:
        await pilot.press("escape", "space")  # no pain rating; start
        for key in keys.split():
            await pilot.press(key)
        await advance(pilot, clock, seconds)
        app.clear_notifications()  # toasts come and go; the view stays
        await footer_keys_shown(pilot)

    return app, run_before


def test_snapshot_guided_side(snap_compare, locations: Locations, clock: FakeClock):
    """Half-way through the second guided rep of the left side: movement, count, panels."""
    app, before = workout_snapshot(locations, clock, "n", 3.0)
    assert snap_compare(app, run_before=before, terminal_size=(80, 24))


def test_snapshot_self_paced_side_paused(snap_compare, locations: Locations, clock: FakeClock):
    """A self-paced side with one rep logged, paused: the time on it stands still."""
    app, before = workout_snapshot(locations, clock, "n n n n n n space p", 2.0)
    assert snap_compare(app, run_before=before, terminal_size=(80, 24))


def test_snapshot_done(snap_compare, locations: Locations, clock: FakeClock):
    """DONE, big, before the summary."""
    keys = "n n n n n n space space space n space space"  # to the last rep
    app, before = workout_snapshot(locations, clock, keys, 0.5)
    assert snap_compare(app, run_before=before, terminal_size=(80, 24))


def test_snapshot_narrow_and_short(snap_compare, locations: Locations, clock: FakeClock):
    """A 60 by 18 terminal keeps the count big; the rest gives way."""
    app, before = workout_snapshot(locations, clock, "", 1.5)
    assert snap_compare(app, run_before=before, terminal_size=(60, 18))


async def test_the_footer_shows_the_workout_keys_after_the_pain_question(
    locations: Locations, clock: FakeClock
):
    """The footer is composed under the pain question; once that is answered, the keys
    (space, p, ? ...) are there to read, not a blank bar."""
    app = make_app(locations, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await footer_keys_shown(pilot)
        keys = [str(key.description) for key in app.screen.query("FooterKey")]
        assert keys[:3] == ["Start", "Pause", "Help"]  # before the start, space starts


async def test_ctrl_z_pauses_the_workout_before_the_process_stops(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space")
        await advance(pilot, clock, 1)
        app._suspend_signal()  # what Ctrl+Z publishes before SIGTSTP stops the process
        await pilot.pause()
        assert app.screen.workout.paused
        assert text_of(app, "#phase") == "PAUSED"
        clock.advance(600)  # stopped for ten minutes; `fg`
        await pilot.pause()
        assert text_of(app, "#phase") == "PAUSED"


async def test_ctrl_q_in_a_workout_asks_like_q(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape", "space")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.workout.running


async def test_a_space_just_as_the_summary_opens_does_not_skip_the_pain_rating(
    locations, clock: FakeClock
):
    """From the floor, space (the rep key) may land as DONE gives way to the summary:
    the rating is still asked; typed digits and space, or Enter, close it."""
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await skip_to_done(pilot)
        await pilot.press("space")  # DONE: straight to the summary
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("space")  # a beat late: not a skip
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert any("0 to 10" in str(n.message) for n in app._notifications)
        app.screen.opened_at -= 2.0  # a last tap two seconds on: still not a skip
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("4", "space")
        await pilot.pause()
    [workout] = saved(locations)
    assert workout["pain"] == 4


async def test_the_summary_shows_the_pain_before_and_says_a_rehearsal_is_one(
    locations, clock: FakeClock
):
    app = make_app(locations, clock, speed=10)
    async with app.run_test() as pilot:
        await pilot.press("6", "enter")  # pain before: 6
        await pilot.pause()
        await pilot.press("space")
        while not app.screen.engine.finished:
            await pilot.press("n")
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert text_of(app, "#pain-before") == "Pain before you started: 6 of 10"
        assert "rehearsal at 10 times speed" in text_of(app, "#rehearsal")


async def test_the_easier_variant_shown_with_t_goes_when_the_next_exercise_comes(
    locations, clock: FakeClock
):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape", "t")  # before the start: the first exercise's
        assert "Easier: Lift the knee only a little." in text_of(app, "#coach")
        await pilot.press("space")
        assert text_of(app, "#coach") == "Easier: Lift the knee only a little."
        for _ in range(5):  # get ready, left, switch, right, rest: the next get ready
            await pilot.press("n")
        assert (text_of(app, "#phase"), text_of(app, "#exercise")) == (
            "GET READY",
            "Reach and rotate",
        )
        assert text_of(app, "#coach").startswith("Start position")  # not the easier way


async def test_the_footer_says_what_space_does_now(locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape")

        async def space_says() -> str:
            await footer_keys_shown(pilot)
            await pilot.pause()
            [key] = [k for k in app.screen.query("FooterKey") if k.key_display == "space"]
            return key.description

        assert await space_says() == "Start"
        await pilot.press("space")
        assert await space_says() == "Rep"
        while not app.screen.engine.finished:
            await pilot.press("n")
        assert await space_says() == "Summary"


async def test_a_notice_goes_when_the_help_covers_the_workout(locations, clock: FakeClock):
    """Under a dialog it cannot be read, and clearing it later repainted both screens
    with no key pressed: it goes as the dialog opens."""
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape", "space", "n")  # on the guided left side
        await pilot.press("u")
        workout = app.screen
        assert "count themselves" in workout.notice
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert workout.notice == "" and workout._notice_timer is None
