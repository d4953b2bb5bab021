"""The installed program on a new data folder: the safety note before the first workout."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA
from tests.e2e.tmux import TUITRAINER, Terminal, needs_tmux, run_env

QUICK = str(DATA / "sessions" / "quick.yaml")

pytestmark = needs_tmux


def test_first_run_shows_the_note_once(tmp_path: Path):
    env = run_env(tmp_path, safety_seen=False)
    term = Terminal([TUITRAINER, "run", QUICK, "--speed", "50"], env)
    try:
        term.wait_for("Before you start", "Get care today")
        term.press("Enter")  # one key
        term.wait_for("Press space to start")
    finally:
        term.close()  # the workout is left unstarted; the acknowledgement is stored
    term = Terminal([TUITRAINER, "run", QUICK, "--speed", "50"], env)
    try:
        screen = term.wait_for("Press space to start")  # remembered: straight to the workout
        assert "Get care today" not in screen
    finally:
        term.close()
