"""A history write that fails never ends a workout, and nothing logged meanwhile is lost.

Another program holding the file (`database is locked`) or a full disk (`database or
disk is full`) used to raise out of the recorder and end the workout with a
traceback, after freezing the screen for the 5 s busy timeout.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tests.conftest import DATA, FakeClock
from tuitrainer.engine import Engine
from tuitrainer.history import HistoryStore
from tuitrainer.history.recorder import Recorder
from tuitrainer.planner import plan
from tuitrainer.session import load_session

SELF_PACED = DATA / "sessions" / "quick.yaml"


def workout(tmp_path: Path, clock: FakeClock) -> tuple[HistoryStore, Engine, Recorder, list[str]]:
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine = Engine(plan(load_session(SELF_PACED)), clock=clock)
    notices: list[str] = []
    recorder = Recorder(store, engine, on_notice=notices.append)
    engine.subscribe(recorder)
    return store, engine, recorder, notices


def to_self_paced_side(engine: Engine) -> None:
    """Skip to the first self-paced side (Reach and rotate), where space logs a rep."""
    while not (engine.segment and engine.segment.kind.name == "WORK" and not engine.segment.timed):
        engine.skip()


def stored_reps(store: HistoryStore) -> list[tuple[str, str, int]]:
    return [
        tuple(row)
        for row in store.conn.execute(
            "SELECT s.exercise_id, s.side, r.number FROM reps r JOIN sides s ON s.id = r.side_id"
            " ORDER BY r.id"
        )
    ]


def test_reps_logged_while_another_program_holds_the_file_are_saved_after(
    tmp_path: Path, clock: FakeClock
):
    store, engine, recorder, notices = workout(tmp_path, clock)
    engine.start()
    to_self_paced_side(engine)
    engine.log_rep()
    holder = sqlite3.connect(tmp_path / "h.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    began = time.monotonic()
    for _ in range(2):
        clock.advance(3)
        engine.log_rep()  # no exception: the workout goes on
    assert time.monotonic() - began < 1.0  # no 5 s freeze per write
    waiting = recorder.pending
    assert waiting >= 2  # the two reps, and the side's end the third one brought
    assert len(notices) == 1 and "another program is using the history" in notices[0]
    recorder.retry()  # still locked: still queued, no second notice
    assert recorder.pending == waiting and len(notices) == 1
    holder.execute("COMMIT")
    holder.close()
    recorder.retry()
    assert recorder.pending == 0
    assert "saved" in notices[-1] and len(notices) == 2
    reps = stored_reps(store)
    assert [number for _, _, number in reps] == [1, 2, 3]  # each once, in order
    side = store.conn.execute("SELECT reps_done FROM sides WHERE exercise_id = 'reach-and-rotate'")
    assert side.fetchone()[0] == 3


def test_a_workout_that_starts_while_locked_is_made_once(tmp_path: Path, clock: FakeClock):
    store, engine, recorder, notices = workout(tmp_path, clock)
    holder = sqlite3.connect(tmp_path / "h.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    engine.start()
    to_self_paced_side(engine)
    engine.log_rep()
    recorder.retry()
    holder.execute("ROLLBACK")
    holder.close()
    recorder.retry()
    recorder.retry()  # nothing left: a second retry writes nothing twice
    assert store.conn.execute("SELECT COUNT(*) FROM workouts").fetchone()[0] == 1
    assert [n for _, _, n in stored_reps(store)] == [1]


def test_a_full_disk_is_said_once_and_the_reps_go_in_when_there_is_room(
    tmp_path: Path, clock: FakeClock
):
    store, engine, recorder, notices = workout(tmp_path, clock)
    engine.start()
    to_self_paced_side(engine)
    writer = recorder.store.conn
    writer.execute(f"PRAGMA max_page_count={writer.execute('PRAGMA page_count').fetchone()[0]}")
    other = recorder.store.start_workout("other", "Other", "x", 1.0)
    junk = recorder.store.side_id(other, 0, "junk", "Junk", 1, "left", 1)
    try:  # fill the reps' pages to the brim: the disk is full
        for n in range(100000):
            writer.execute(
                "INSERT INTO reps (side_id, number, at, offset_seconds) VALUES (?, ?, '', 0)",
                (junk, n),
            )
    except sqlite3.OperationalError as error:
        assert "full" in str(error)
    for _ in range(3):
        clock.advance(3)
        engine.log_rep()
    assert len(notices) == 1 and "the disk is full" in notices[0]
    assert recorder.pending >= 3
    writer.execute("PRAGMA max_page_count=1073741823")  # room again
    recorder.retry()
    assert recorder.pending == 0
    assert [n for e, _, n in stored_reps(store) if e != "junk"] == [1, 2, 3]
