"""The workout core driven as a plain-text runner would: no Textual, a fake clock."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, FakeClock
from tuitrainer.assessment.hold import Hold
from tuitrainer.audio.outputs import SilentOutput
from tuitrainer.config import Preferences
from tuitrainer.events import Event, PhaseStarted, RepCounted, WorkoutFinished, WorkoutStarted
from tuitrainer.history import HistoryStore
from tuitrainer.history.recorder import session_hash
from tuitrainer.locations import Locations
from tuitrainer.session import load_session
from tuitrainer.workouts import Notice, Workouts

QUICK = DATA / "sessions" / "quick.yaml"


@pytest.fixture
def store(locations: Locations):
    store, _ = HistoryStore.open(locations.database)
    yield store
    store.close()


def desk(store, locations, clock, output=None, speed=1.0, prefs=None):
    told: list[Notice] = []
    workouts = Workouts(
        store,
        locations,
        prefs or Preferences(voice="off"),  # speech has its own tests (test_workout_voice.py)
        clock=clock,
        speed=speed,
        output=lambda: output,
        tell=told.append,
    )
    return workouts, told


def run_to_end(workout, clock: FakeClock) -> None:
    """What a driver's loop does: advance on the clock, log reps where asked."""
    for _ in range(1000):
        if workout.finished:
            return
        due = workout.next_due()
        if due is None:  # a self-paced side waits for the person
            workout.rep()
        else:
            clock.now = max(clock.now, due)
            workout.advance()
    raise AssertionError("the workout never ended")


def test_a_driver_runs_a_workout_and_the_history_keeps_it(store, locations, clock: FakeClock):
    output = SilentOutput()
    workouts, _ = desk(store, locations, clock, output)
    workout = workouts.open(load_session(QUICK))
    seen: list[Event] = []
    workout.listen(seen.append)
    workout.pain_before = 3
    workout.start()
    run_to_end(workout, clock)
    workout.finish(pain_after=2)

    assert isinstance(seen[0], WorkoutStarted)
    assert isinstance(seen[-1], WorkoutFinished) and seen[-1].status == "completed"
    row = store.workout(workout.recorder.workout_id)
    assert row["status"] == "completed"
    assert (row["pain_before"], row["pain_after"]) == (3, 2)
    done = {(s["side"], s["reps_done"]) for s in store.sides(row["id"])}
    assert done == {("left", 3), ("right", 3), ("left", 2)}
    assert "go" in output.played and output.played[-1] == "workout_done"


def test_listeners_hear_events_after_the_history_has_them(store, locations, clock: FakeClock):
    workouts, _ = desk(store, locations, clock)
    workout = workouts.open(load_session(QUICK))
    rows_when_told: list[int] = []

    def listener(event: Event) -> None:
        if isinstance(event, WorkoutStarted):
            rows_when_told.append(len(store.recent()))

    workout.listen(listener)
    workout.start()
    assert rows_when_told == [1]


def test_next_before_the_start_starts_and_skips_the_get_ready(store, locations, clock):
    workouts, _ = desk(store, locations, clock)
    workout = workouts.open(load_session(QUICK))
    events = workout.next()
    assert workout.started and workout.engine.index == 1
    assert any(isinstance(e, PhaseStarted) and e.index == 1 for e in events)


def test_pause_freezes_the_clock_and_nothing_is_due(store, locations, clock: FakeClock):
    workouts, _ = desk(store, locations, clock)
    workout = workouts.open(load_session(QUICK))
    workout.start()
    assert workout.next_due() == pytest.approx(clock.now + 1)  # the countdown's first tick
    workout.pause()
    assert workout.paused and workout.next_due() is None
    clock.advance(60)
    assert workout.advance() == []
    workout.resume()
    assert workout.running


def test_mute_withdraws_the_sound_for_the_run_only(store, locations, clock: FakeClock):
    output = SilentOutput()
    prefs = Preferences()
    workouts, _ = desk(store, locations, clock, output, prefs=prefs)
    workout = workouts.open(load_session(QUICK))
    assert workout.toggle_mute() is True
    workout.start()
    assert output.played == []
    assert workout.toggle_mute() is False
    workout.next()
    assert output.played == ["go"]


def left_unfinished(store, locations: Locations, speed: float = 1.0) -> int:
    (locations.user_sessions / "quick.yaml").write_text(QUICK.read_text())
    workout_id = store.start_workout(
        "quick", "Quick test", session_hash(load_session(QUICK)), speed
    )
    store.conn.execute(
        "UPDATE workouts SET pid = 999999999, segment_index = 2 WHERE id = ?", (workout_id,)
    )
    return workout_id


def test_an_unfinished_workout_is_offered_and_goes_on_where_it_stopped(
    store, locations, clock: FakeClock
):
    workout_id = left_unfinished(store, locations)
    workouts, told = desk(store, locations, clock)
    unfinished = workouts.unfinished()
    assert unfinished is not None and unfinished.workout_id == workout_id
    assert "Quick test from" in unfinished.question and "(0 reps logged)" in unfinished.question
    workout = workouts.resume(unfinished)
    assert workout is not None and workout.resumed and not workout.asks_pain_before
    workout.start()
    assert workout.recorder.workout_id == workout_id
    assert workout.engine.index == workout.start_index > 0
    assert told == []


def test_a_resumed_rehearsal_keeps_its_speed_and_says_so(store, locations, clock: FakeClock):
    left_unfinished(store, locations, speed=10.0)
    workouts, told = desk(store, locations, clock)
    unfinished = workouts.unfinished(load_session(QUICK))
    workout = workouts.open(load_session(QUICK), resume=unfinished)
    assert workout.engine.speed == 10.0
    assert [n.text for n in told] == ["Resumed at the speed it began at: 10x."]


def test_a_changed_session_closes_its_unfinished_workout(store, locations, clock: FakeClock):
    workout_id = left_unfinished(store, locations)
    changed = QUICK.read_text().replace("reps: 3\n", "reps: 4\n", 1)
    path = locations.user_sessions / "quick.yaml"
    path.write_text(changed)
    workouts, told = desk(store, locations, clock)
    assert workouts.unfinished(load_session(path)) is None
    assert store.workout(workout_id)["status"] == "interrupted"
    assert "the session has changed since" in told[0].text


def test_closing_keeps_what_was_logged(store, locations, clock: FakeClock):
    workout_id = left_unfinished(store, locations)
    workouts, _ = desk(store, locations, clock)
    workouts.close(workouts.unfinished())
    assert store.workout(workout_id)["status"] == "interrupted"
    assert workouts.unfinished() is None


def test_a_session_that_is_gone_cannot_be_resumed(store, locations, clock: FakeClock):
    left_unfinished(store, locations)
    store.conn.execute("UPDATE workouts SET session = 'gone', session_path = NULL")
    workouts, told = desk(store, locations, clock)
    assert workouts.resume(workouts.unfinished()) is None
    assert told[0].text.startswith("Cannot resume: no session named 'gone'")


def test_a_rep_on_a_guided_side_counts_nothing(store, locations, clock: FakeClock):
    workouts, _ = desk(store, locations, clock)
    workout = workouts.open(load_session(QUICK))
    workout.next()  # into the guided left side
    assert not any(isinstance(e, RepCounted) for e in workout.rep())


# -- the assessment's hold ---------------------------------------------------------


def test_the_hold_cues_on_the_injected_clock(store, locations: Locations, clock: FakeClock):
    output = SilentOutput()
    workouts, _ = desk(store, locations, clock, output)
    hold = Hold(5, clock, workouts.loose_cues())
    hold.start()
    assert output.played == ["go"] and hold.shown() == 5
    clock.advance(2.2)  # 2.8 s left: the countdown's first second
    assert hold.advance() is False and hold.shown() == 3
    hold.advance()  # the same second again: no second cue
    clock.advance(1.0)
    hold.advance()
    assert output.played == ["go", "countdown", "countdown"]
    clock.advance(1.8)
    assert hold.advance() is True and not hold.running
    assert output.played[-1] == "exercise_done"


def test_a_muted_hold_is_silent(store, locations: Locations, clock: FakeClock):
    output = SilentOutput()
    workouts, _ = desk(store, locations, clock, output, prefs=Preferences(muted=True))
    hold = Hold(2, clock, workouts.loose_cues())
    hold.start()
    clock.advance(3)
    assert hold.advance() is True
    assert output.played == []
