"""The history store: migrations, damaged files set aside, export, resume data."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import DATA, FakeClock
from tuitrainer.cli import main
from tuitrainer.engine import Engine
from tuitrainer.history import HistoryStore
from tuitrainer.history.migrations import SCHEMA_VERSION
from tuitrainer.history.recorder import Recorder, prepare_resume
from tuitrainer.locations import Locations
from tuitrainer.planner import Kind, plan
from tuitrainer.session import load_session

QUICK = DATA / "sessions" / "quick.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def recorded_engine(store: HistoryStore, clock: FakeClock) -> tuple[Engine, Recorder]:
    engine = Engine(plan(load_session(QUICK)), clock=clock)
    recorder = Recorder(store, engine)
    engine.subscribe(recorder)
    return engine, recorder


def test_fresh_store_is_wal_and_versioned(tmp_path: Path):
    store, notice = HistoryStore.open(tmp_path / "h.sqlite3")
    assert notice is None
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()


def test_every_rep_is_committed_as_it_happens(tmp_path: Path, clock: FakeClock):
    path = tmp_path / "h.sqlite3"
    store, _ = HistoryStore.open(path)
    engine, recorder = recorded_engine(store, clock)
    engine.start()
    clock.advance(4 + 4)  # get ready, then two guided reps
    engine.tick()
    # A second connection sees the reps without the first closing or committing more.
    other = sqlite3.connect(path)
    reps = other.execute("SELECT COUNT(*) FROM reps").fetchone()[0]
    side = other.execute("SELECT reps_done, finished FROM sides").fetchone()
    assert reps == 2
    assert side == (2, 0)
    other.close()
    store.close()


def test_undo_and_restart_remove_reps(tmp_path: Path, clock: FakeClock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded_engine(store, clock)
    engine.start()
    while engine.segment.kind is not Kind.WORK or engine.segment.timed:
        engine.skip()
    engine.log_rep()
    engine.log_rep()
    engine.undo_rep()
    key = engine.key
    (side,) = [
        s
        for s in store.sides(recorder.workout_id)
        if (s["exercise_index"], s["set_number"], s["side"])
        == (key.exercise_index, key.set_number, key.side)
    ]
    assert side["reps_done"] == 1
    assert len(store.rep_times(side["id"])) == 1
    engine.back()  # within the first seconds: the part before; again: this side restarts
    engine.skip()
    side = store.conn.execute("SELECT * FROM sides WHERE id = ?", (side["id"],)).fetchone()
    assert side["reps_done"] == 0 and not store.rep_times(side["id"])
    store.close()


def test_resume_restores_done_sides_and_restarts_where_it_stopped(tmp_path, clock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded_engine(store, clock)
    engine.start()
    clock.advance(4 + 6 + 3 + 3)  # into the right side of the guided exercise
    engine.tick()
    assert engine.segment.side == "right" and engine.segment.kind is Kind.WORK
    workout_id = recorder.workout_id
    # The process dies here. A new engine resumes the same workout.
    fresh = Engine(plan(load_session(QUICK)), clock=clock)
    index = prepare_resume(store, fresh, workout_id)
    assert fresh.segments[index].kind is Kind.SIDE_REST  # the lead-in to the right side
    fresh.subscribe(Recorder(store, fresh, workout_id=workout_id))
    fresh.start(index)
    clock.advance(3 + 6)
    fresh.tick()
    rows = {(s["exercise_id"], s["side"]): s for s in store.sides(workout_id)}
    assert rows[("fire-hydrant", "left")]["reps_done"] == 3
    assert rows[("fire-hydrant", "right")]["reps_done"] == 3
    assert len(store.rep_times(rows[("fire-hydrant", "right")]["id"])) == 3
    assert store.workout(workout_id)["status"] == "running"
    store.close()


def test_corrupt_history_is_moved_aside_and_named(data_dir: Path):
    path = Locations.resolve(data_dir).database
    path.write_bytes(b"this is not a database at all" * 100)
    code, out, err = run("history", "--json")
    assert code == 0
    assert json.loads(out) == []
    moved = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(moved) == 1
    assert str(moved[0]) in err and "fresh history" in err
    assert moved[0].read_bytes().startswith(b"this is not a database")


def test_history_from_a_newer_version_is_kept_aside(data_dir: Path):
    path = Locations.resolve(data_dir).database
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    code, out, err = run("history")  # reading: the file stays (test_newer_history.py)
    assert code == 2 and "newer version" in err
    assert not [p for p in path.parent.iterdir() if ".newer-" in p.name]
    store, notice = HistoryStore.open(path)  # a writer sets it aside
    store.close()
    assert notice is not None and "newer version" in notice.message
    moved = [p for p in path.parent.iterdir() if ".newer-" in p.name]
    assert len(moved) == 1
    check = sqlite3.connect(moved[0])
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5
    check.close()


def _finished_workout(data_dir: Path, clock: FakeClock, pain: int | None) -> None:
    store, _ = HistoryStore.open(Locations.resolve(data_dir).database)
    engine, recorder = recorded_engine(store, clock)
    engine.start()
    clock.advance(4 + 6 + 3 + 6)
    engine.tick()
    engine.stop()
    store.set_pain(recorder.workout_id, "after", pain)
    store.close()


def test_history_json_csv_and_limit(data_dir: Path, clock: FakeClock):
    _finished_workout(data_dir, clock, 4)
    clock.advance(100)
    _finished_workout(data_dir, clock, None)
    code, out, _ = run("history", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data) == 2
    assert data[0]["started_at"] >= data[1]["started_at"]
    first = data[1]
    for key in ("session", "started_at", "ended_at", "status", "pain", "exercises"):
        assert key in first
    assert (first["session"], first["status"], first["pain"]) == ("quick", "stopped", 4)
    sides = [(e["name"], e["side"], e["reps_target"], e["reps_done"]) for e in first["exercises"]]
    # Stopped after the first exercise: the sides it never reached are kept at 0 done.
    assert sides == [
        ("Fire hydrant", "left", 3, 3),
        ("Fire hydrant", "right", 3, 3),
        ("Reach and rotate", "right", 3, 0),
        ("Reach and rotate", "left", 2, 0),
    ]
    assert [e["finished"] for e in first["exercises"]] == [True, True, False, False]
    assert first["exercises"][0]["seconds"] == 6.0
    assert len(first["exercises"][0]["rep_times"]) == 3

    code, out, _ = run("history", "--json", "--limit", "1")
    assert len(json.loads(out)) == 1

    code, out, _ = run("history", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 8
    assert {row["pain"] for row in rows} == {"4", ""}
    assert rows[0]["reps_done"] == "3"

    code, _, err = run("history", "--limit", "0")
    assert code == 2 and "--limit" in err


def test_history_text_shows_pain_before_and_after(data_dir: Path, clock: FakeClock):
    _finished_workout(data_dir, clock, 3)
    store, _ = HistoryStore.open(Locations.resolve(data_dir).database)
    [row] = store.recent()
    store.set_pain(row["id"], "before", 5)
    clock.advance(100)
    store.close()
    _finished_workout(data_dir, clock, None)
    code, out, _ = run("history")
    newest, oldest = out.splitlines()
    assert code == 0 and oldest.endswith("pain 5 before, 3 after (/10)")
    assert "pain" not in newest  # neither rating given: nothing said


def test_history_text_when_empty(data_dir: Path):
    code, out, _ = run("history")
    assert code == 0 and "No workouts yet" in out


def test_a_data_dir_that_is_a_file_is_a_message_not_a_traceback(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    for command in ("sessions", "history", "report"):
        code, out, err = run("--data-dir", str(blocker), command)
        assert code == 2 and out == ""
        assert err == (
            "tuitrainer: the data folder (--data-dir or $TUITRAINER_DATA_DIR) is a file, "
            f"not a folder ({blocker})\n"
        )


def test_cli_date_ranges_backwards_far_and_early(data_dir: Path):
    code, out, err = run("report", "--since", "2026-11-10", "--until", "2026-11-01")
    assert code == 2 and err == "tuitrainer report: --until comes before --since\n"
    code, out, err = run("progress", "--since", "2026-11-10", "--until", "2026-11-01")
    assert code == 2 and "--until comes before --since" in err
    store, _ = HistoryStore.open(Locations.resolve(data_dir).database)
    store.start_workout("quick", "Quick test", "x", 1.0, "2026-11-20T09:00:00.000+00:00")
    store.close()
    code, out, _ = run("report", "--until", "9999-12-31")  # no overflow
    assert code == 0 and "Period: 2026-11-20 to " in out
    code, out, _ = run("report", "--since", "0001-01-01")
    assert code == 0 and "Period: 2026-11-20 to " in out  # not from year 1
    weeks = int(out.split("- Weeks: ", 1)[1].split(",", 1)[0])
    assert weeks < 60  # from the first workout on, not thousands of empty weeks
    code, out, _ = run("report", "--output", "-")
    assert code == 0 and out.startswith("# Exercise and pain report")


def test_a_huge_limit_is_refused_plainly(data_dir: Path):
    code, _, err = run("history", "--limit", "99999999999999999999")
    assert code == 2 and "--limit must be from 1 to" in err


def test_the_app_refuses_to_draw_into_a_pipe_and_run_goes_plain(tmp_path: Path):
    import subprocess
    import sys

    def tuitrainer(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "tuitrainer", "--data-dir", str(tmp_path), *args]
        return subprocess.run(
            command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30
        )

    home = tuitrainer()
    assert home.returncode == 2
    assert "needs a terminal" in home.stderr and "--plain" in home.stderr
    assert home.stdout == ""
    # `run` into a pipe is plain mode; with no input at all nothing starts.
    run = tuitrainer("run", "hip-mobility")
    assert run.returncode == 0
    assert run.stdout.splitlines()[-1] == "Nothing started."
    assert tuitrainer("history").stdout.strip() == "No workouts yet."


def test_history_text_marks_rehearsals_and_counts_the_whole_plan(data_dir: Path, clock: FakeClock):
    store, _ = HistoryStore.open(Locations.resolve(data_dir).database)
    engine = Engine(plan(load_session(QUICK)), clock=clock, speed=20)
    engine.subscribe(Recorder(store, engine))
    engine.start()
    clock.advance(4 / 20 + 2.5 / 20)  # the get-ready, then one guided rep
    engine.tick()
    engine.stop()
    store.close()
    code, out, _ = run("history")
    assert code == 0
    # 1 rep of the 3 + 3 + 3 + 2 planned, though only one side was reached.
    assert "stopped     Quick test  1/11 reps  (rehearsal at 20x speed)" in out


def test_back_out_of_a_side_drops_its_reps_from_the_history_too(tmp_path: Path, clock: FakeClock):
    """Reps logged on a self-paced side, then `b` to the part before: the engine forgets
    them, and so does the history (a kill now, or a stop, must not bring them back)."""
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded_engine(store, clock)
    engine.start()
    while engine.segment.timed or engine.segment.kind is not Kind.WORK:
        engine.skip()  # on to the first self-paced side
    key = engine.key
    engine.log_rep()
    engine.log_rep()

    def logged() -> int:
        query = (
            "SELECT COUNT(*) FROM reps r JOIN sides s ON s.id = r.side_id"
            " WHERE s.workout_id = ? AND s.exercise_index = ? AND s.side = ?"
        )
        args = (recorder.workout_id, key.exercise_index, key.side)
        return store.conn.execute(query, args).fetchone()[0]

    assert logged() == 2
    engine.back()  # within the grace: back to the part before
    assert engine.key != key
    assert logged() == 0
    engine.stop()
    sides = {(s["exercise_index"], s["side"]): s for s in store.sides(recorder.workout_id)}
    assert sides[key.exercise_index, key.side]["reps_done"] == 0
    store.close()


def test_a_resumed_self_paced_side_keeps_its_reps_and_its_time(tmp_path, clock):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    engine, recorder = recorded_engine(store, clock)
    engine.start()
    while engine.segment.kind is not Kind.WORK or engine.segment.timed:
        engine.skip()
    key = engine.key
    clock.advance(4)
    engine.log_rep()
    clock.advance(3)
    engine.log_rep()  # two reps, the last 7 s into the side
    workout_id = recorder.workout_id
    # The process dies here; a new engine resumes the workout.
    fresh = Engine(plan(load_session(QUICK)), clock=clock)
    index = prepare_resume(store, fresh, workout_id)
    fresh.subscribe(Recorder(store, fresh, workout_id=workout_id))
    fresh.start(index)
    while fresh.key != key:
        fresh.skip()  # past the lead-in
    assert fresh.side_stats(key).reps == 2
    assert fresh.side_stats(key).seconds == pytest.approx(7.0)
    clock.advance(2)
    assert fresh.side_stats(key).seconds == pytest.approx(9.0)
    store.close()


def test_a_history_that_cannot_be_opened_is_left_alone_and_said(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    """No permission or a read-only folder is not damage: nothing is moved aside."""
    path = Locations.resolve(data_dir).database
    store, _ = HistoryStore.open(path)
    store.close()
    before = sorted(p.name for p in path.parent.iterdir())

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(sqlite3, "connect", refuse)
    code, out, err = run("history")
    assert code == 2 and out == ""
    assert err == (
        f"tuitrainer: cannot open the history: attempt to write a readonly database ({path})\n"
    )
    assert sorted(p.name for p in path.parent.iterdir()) == before  # nothing set aside


RANGED = """
name: Ranged
get_ready_seconds: 2
exercises:
  - name: Clam
    id: clam
    sides: [left, right]
    mode: self-paced
    reps: 3-5
    rep_seconds: 2
    side_rest_seconds: 2
"""


def test_a_side_ended_within_its_rep_range_counts_as_done(tmp_path: Path, clock: FakeClock):
    from tuitrainer.history import progress
    from tuitrainer.history.scope import Scope
    from tuitrainer.session import check_text
    from tuitrainer.tally import workout_rows

    session, problems = check_text(RANGED, "ranged.yaml")
    assert not problems and session is not None
    store, _ = HistoryStore.open(Locations.resolve(tmp_path / "data").database)
    engine = Engine(plan(session), clock=clock)
    recorder = Recorder(store, engine)
    engine.subscribe(recorder)
    engine.start()
    engine.skip()  # the get-ready: the left side
    for _ in range(4):
        engine.log_rep()  # 4 of 3-5: enough, so n ends it
    engine.skip()
    engine.skip()  # the switch: the right side
    engine.log_rep()  # 1 of 3-5: short
    engine.stop()
    rows = workout_rows(engine)
    assert [(r.reps, r.met, r.short) for r in rows] == [(4, 4, False), (1, 3, True)]
    sides = store.sides(recorder.workout_id)
    assert [(s["reps_done"], s["reps_low"], s["reps_target"]) for s in sides] == [
        (4, 3, 5),
        (1, 3, 5),
    ]
    facts = progress.adherence(store, Scope(date.today()))
    assert (facts.reps_done, facts.reps_target) == (5, 4 + 3)  # as the summary counts
    store.close()
    code, out, _ = run("--data-dir", str(tmp_path / "data"), "history")
    assert "5/7 reps" in out


def test_sessions_list_in_a_data_folder_that_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A read-only data folder: the folders cannot be made, the built-in list still shows."""
    from pathlib import Path as RealPath

    real_mkdir = RealPath.mkdir

    def refuse(self, *args, **kwargs):
        if str(self).startswith(str(tmp_path)):
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(RealPath, "mkdir", refuse)
    code, out, err = run("--data-dir", str(tmp_path / "ro"), "sessions")
    assert code == 0 and "hip-mobility" in out and err == ""
