"""Two windows offered the same unfinished workout: one resumes it, the other says why.

Before, both resumed it and both logged reps into it (13 rep times against a
count of 9). Taking it over is now a conditional update only one process wins.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA
from tests.e2e.tmux import TUITRAINER, Terminal, needs_tmux, run_env
from tuitrainer.history import HistoryStore
from tuitrainer.history.recorder import session_hash
from tuitrainer.session import load_session

QUICK = DATA / "sessions" / "quick.yaml"

pytestmark = needs_tmux


def left_unfinished(data_dir: Path) -> int:
    """A run of the quick session stopped in its self-paced part by a process now gone."""
    (data_dir / "sessions").mkdir(parents=True, exist_ok=True)
    (data_dir / "sessions" / "quick.yaml").write_text(QUICK.read_text())
    store, _ = HistoryStore.open(data_dir / "history.sqlite3")
    workout = store.start_workout("quick", "Quick test", session_hash(load_session(QUICK)), 1.0)
    store.conn.execute(
        "UPDATE workouts SET pid = 999999999, segment_index = 6 WHERE id = ?", (workout,)
    )
    store.close()
    return workout


def test_only_one_of_two_windows_resumes_an_unfinished_workout(tmp_path: Path):
    workout = left_unfinished(tmp_path)
    first = Terminal([TUITRAINER], run_env(tmp_path))
    second = Terminal([TUITRAINER], run_env(tmp_path))
    try:
        first.wait_for("Unfinished workout", "Quick test")
        second.wait_for("Unfinished workout", "Quick test")
        first.press("r")
        first.wait_for("Reach and rotate")
        second.press("r")
        second.wait_for("is open in", "another window")  # the notice wraps
        assert "Reach and rotate" not in second.screen()
        first.press("Space")  # start where it stopped
        first.wait_for("Right side")
        for count in (1, 2):
            first.press("Space")
            first.wait_for(f"{count} / 3 reps")
        first.press("q")
        first.wait_for("End workout?")
        first.press("y")
        first.wait_for("Pain now")
        first.press("Enter")
        first.wait_for("Choose a session")
        for term in (first, second):
            term.press("q")
            term.wait_exit()
    finally:
        first.close()
        second.close()
    store, _ = HistoryStore.open(tmp_path / "history.sqlite3")
    assert store.conn.execute("SELECT COUNT(*) FROM workouts").fetchone()[0] == 1
    assert store.workout(workout)["status"] == "stopped"
    rows = store.conn.execute(
        "SELECT s.side, s.reps_done, r.number FROM sides s JOIN reps r ON r.side_id = s.id"
        " WHERE s.exercise_id = 'reach-and-rotate' ORDER BY r.number"
    ).fetchall()
    store.close()
    assert [tuple(row) for row in rows] == [("right", 2, 1), ("right", 2, 2)]  # each rep once
