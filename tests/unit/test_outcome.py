"""What counts as done: skipped and partial runs, stopped and resumed ones."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import DATA, FakeClock
from tuitrainer.engine import Engine
from tuitrainer.history import HistoryStore
from tuitrainer.history.migrations import MIGRATIONS
from tuitrainer.history.recorder import Recorder, prepare_resume
from tuitrainer.planner import Kind, plan
from tuitrainer.session import load_session

QUICK = DATA / "sessions" / "quick.yaml"
PLANNED_REPS = 3 + 3 + 3 + 2  # fire hydrant left, right; reach and rotate right, left


def recorded(store: HistoryStore, clock: FakeClock) -> tuple[Engine, Recorder]:
    engine = Engine(plan(load_session(QUICK)), clock=clock)
    recorder = Recorder(store, engine)
    engine.subscribe(recorder)
    return engine, recorder


def run_through(engine: Engine, clock: FakeClock, self_paced_reps: int | None) -> None:
    """Guided sides run their time; self-paced sides get `self_paced_reps` (None: all)."""
    engine.start()
    while not engine.finished:
        segment = engine.segment
        if segment.kind is Kind.WORK and not segment.timed:
            wanted = segment.reps.high if self_paced_reps is None else self_paced_reps
            for _ in range(wanted):
                clock.advance(3)
                engine.log_rep()
            if not engine.finished and engine.segment is segment:
                engine.skip()
        else:
            clock.advance(segment.seconds)
            engine.tick()


def status(store: HistoryStore, workout_id: int | None) -> str:
    return store.workout(workout_id)["status"]


def test_a_workout_skipped_through_is_stored_as_skipped_and_is_not_done(tmp_path, clock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded(store, clock)
    engine.start()
    while not engine.finished:
        engine.skip()
    assert engine.status == "completed"  # the engine reached the end ...
    assert status(store, recorder.workout_id) == "skipped"  # ... but nothing was done
    assert store.last_done() == {}


def test_a_side_below_target_makes_it_partial(tmp_path, clock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded(store, clock)
    run_through(engine, clock, self_paced_reps=1)
    assert status(store, recorder.workout_id) == "partial"
    assert store.last_done() == {}


def test_every_side_at_target_is_completed_and_done(tmp_path, clock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded(store, clock)
    run_through(engine, clock, self_paced_reps=None)
    assert status(store, recorder.workout_id) == "completed"
    assert set(store.last_done()) == {"quick"}


def planned_and_done(store: HistoryStore, workout_id: int | None) -> tuple[int, int]:
    row = store.conn.execute(
        "SELECT SUM(reps_target), SUM(reps_done) FROM sides WHERE workout_id = ?", (workout_id,)
    ).fetchone()
    return row[0], row[1]


def test_an_interrupted_workout_counts_the_whole_plan(tmp_path, clock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded(store, clock)
    engine.start()
    clock.advance(4 + 4)  # two guided reps of the first side, then the process dies
    engine.tick()
    assert planned_and_done(store, recorder.workout_id) == (PLANNED_REPS, 2)


def test_a_resumed_workout_keeps_the_time_of_its_earlier_self_paced_sides(tmp_path, clock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded(store, clock)
    engine.start()
    while engine.segment.kind is not Kind.WORK or engine.segment.timed:
        clock.advance(engine.segment.seconds)
        engine.tick()
    for _ in range(3):  # the self-paced right side, slowly: 60 s a rep
        clock.advance(60)
        engine.log_rep()
    clock.advance(1)
    engine.tick()
    before = engine.active_elapsed()
    assert before > 180
    # The process dies here; a new engine resumes.
    fresh = Engine(plan(load_session(QUICK)), clock=clock)
    index = prepare_resume(store, fresh, recorder.workout_id)
    fresh.subscribe(Recorder(store, fresh, workout_id=recorder.workout_id))
    fresh.start(index)
    assert fresh.active_elapsed() >= before - 5  # not the plan's 9 s for that side


def test_a_resumed_workout_left_before_its_first_key_is_stopped(tmp_path, clock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded(store, clock)
    engine.start()
    clock.advance(5)
    engine.tick()
    store.conn.execute("UPDATE workouts SET pid = 999999999")  # its process is gone
    assert [row["id"] for row in store.interrupted()] == [recorder.workout_id]
    fresh = Engine(plan(load_session(QUICK)), clock=clock)
    prepare_resume(store, fresh, recorder.workout_id)
    again = Recorder(store, fresh, workout_id=recorder.workout_id)
    fresh.subscribe(again)
    again.close_unstarted()  # the user leaves the ready view
    assert status(store, recorder.workout_id) == "stopped"
    assert store.interrupted() == []  # not offered again


def test_migration_keeps_workouts_and_their_sides(tmp_path: Path):
    """A version 4 file: its rows, ids and sides survive the table being rebuilt."""
    path = tmp_path / "h.sqlite3"
    conn = sqlite3.connect(path)
    for number, statements in enumerate(MIGRATIONS[:4]):
        for statement in statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={number + 1}")
    conn.execute(
        "INSERT INTO workouts (id, session, title, session_hash, started_at, status)"
        " VALUES (7, 'quick', 'Quick test', 'h', '2026-12-01T09:00:00.000+00:00', 'completed')"
    )
    conn.execute(
        "INSERT INTO sides (workout_id, exercise_index, exercise_id, exercise_name,"
        " set_number, side, reps_target, reps_done) VALUES (7, 0, 'x', 'X', 1, 'left', 3, 3)"
    )
    conn.commit()
    conn.close()
    store, notice = HistoryStore.open(path)
    assert notice is None
    assert store.workout(7)["status"] == "completed"
    assert [row["reps_done"] for row in store.sides(7)] == [3]
    store.end_workout(7, "partial")
    assert store.workout(7)["status"] == "partial"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    store.conn.execute("DELETE FROM workouts WHERE id = 7")  # children still follow
    assert store.conn.execute("SELECT COUNT(*) FROM sides").fetchone()[0] == 0
