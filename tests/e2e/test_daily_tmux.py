"""A day with a schedule, in a real terminal: what is due, Enter starts it, today's answer."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.tmux import TUITRAINER, Terminal, cli, needs_tmux, run_env

pytestmark = needs_tmux

SCHEDULE = '[[item]]\nsession = "thoracic-mobility"\ndays = "daily"\n'


def test_due_today_then_done(tmp_path: Path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "schedule.toml").write_text(SCHEDULE)
    result = cli("today", "--json", data_dir=tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stdout)["due"][0]["session"] == "thoracic-mobility"
    term = Terminal([TUITRAINER, "--data-dir", str(tmp_path)], run_env(tmp_path))
    try:
        term.wait_for("Due today: Thoracic mobility.", "Enter starts Thoracic mobility")
        term.press("Enter")
        term.wait_for("before you start")  # the pain question of a fresh workout
        term.press("Escape")
        term.wait_for("Reach and rotate")  # the thoracic session's exercise
    finally:
        term.close()
