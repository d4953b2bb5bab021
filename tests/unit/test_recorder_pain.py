"""The pain rating given before a workout is saved once the workout's row exists."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA, FakeClock
from tuitrainer.engine import Engine
from tuitrainer.history import HistoryStore
from tuitrainer.history.recorder import Recorder
from tuitrainer.planner import plan
from tuitrainer.session import load_session


def test_pain_before_is_saved_when_the_workout_starts(tmp_path: Path, clock: FakeClock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine = Engine(plan(load_session(DATA / "sessions" / "quick.yaml")), clock=clock)
    recorder = Recorder(store, engine, pain_before=5)
    engine.subscribe(recorder)
    assert store.conn.execute("SELECT COUNT(*) FROM workouts").fetchone()[0] == 0
    engine.start()
    row = store.workout(recorder.workout_id or 0)
    assert row is not None
    assert (row["pain_before"], row["pain_after"]) == (5, None)
    store.close()
