"""`tuitrainer progress` and `tuitrainer report` on a generated history, in a real terminal."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tests.e2e.tmux import TUITRAINER, Terminal, cli, needs_tmux, run_env
from tests.history_data import WorkoutSpec, insert, sides_for
from tuitrainer.history import HistoryStore

pytestmark = needs_tmux


def write_history(data_dir: Path) -> None:
    """A workout at noon on each of the last five days, the left swing short of target."""
    store, _ = HistoryStore.open(data_dir / "history.sqlite3")
    today = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    swing = {("lateral-swing", "left"): 7}
    insert(
        store.conn,
        [
            WorkoutSpec(today - timedelta(days=n), "hip-mobility", "completed", 12, 5, 3,
                        sides_for("hip-mobility", swing))
            for n in range(5, 0, -1)
        ],
    )  # fmt: skip
    store.close()


def test_progress_screen_and_report(tmp_path: Path):
    write_history(tmp_path)
    term = Terminal([TUITRAINER, "progress"], run_env(tmp_path), width=100, height=30)
    try:
        term.wait_for("Progress", "last 12 weeks", "Hip mobility", "12:00")
        term.press("3")
        term.wait_for("Lateral swing", "35/50", "left")
        term.press("2")
        term.wait_for("Streak:", "5 workouts")
        term.press("q")
        term.wait_exit()
    finally:
        term.close()
    target = tmp_path.parent / f"{tmp_path.name}-report.md"  # never into the data folder
    result = cli("report", "--output", str(target), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    text = target.read_text()
    assert f"Made on {date.today().isoformat()}" in text
    assert "| Lateral swing | 35 / 50 | 50 / 50 |" in text
    assert "- Workouts: 5 (5 done to the end) on 5 days" in text


def test_pain_before_is_asked_typed_and_kept(tmp_path: Path):
    quick = str(Path(__file__).resolve().parents[1] / "data" / "sessions" / "quick.yaml")
    term = Terminal([TUITRAINER, "run", quick, "--speed", "50"], run_env(tmp_path))
    try:
        term.wait_for("Pain before you start", "Exercise 1 of")
        term.press("6")
        term.press("Enter")
        term.wait_for("Exercise 2 of 2")  # Enter saved it and started the workout
        term.press("q")
        term.wait_for("End workout?")
        term.press("y")
        term.wait_for("Pain now")
        term.press("4")
        term.press("Enter")
        term.wait_exit()
    finally:
        term.close()
    result = cli("history", "--json", data_dir=tmp_path)
    [workout] = json.loads(result.stdout)
    assert (workout["pain_before"], workout["pain"]) == (6, 4)
