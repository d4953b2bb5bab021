"""The installed `tuitrainer` in a real terminal: a workout, a kill, a resume."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

from tests.conftest import DATA
from tests.e2e.tmux import TUITRAINER, Terminal, cli, needs_tmux, run_env

QUICK = str(DATA / "sessions" / "quick.yaml")

pytestmark = needs_tmux


def _to_self_paced_side(term: Terminal) -> None:
    """Start, and let the guided exercise run by at speed 50 to the self-paced one."""
    term.wait_for("Press space to start")
    term.press("Space")
    term.wait_for("Exercise 2 of 2", "Right side")


def test_workout_logged_and_quit(tmp_path: Path):
    term = Terminal([TUITRAINER, "run", QUICK, "--speed", "50"], run_env(tmp_path))
    try:
        _to_self_paced_side(term)
        term.press("Space")
        term.wait_for("1 / 3 reps")
        term.press("Space")
        term.wait_for("2 / 3 reps")
        term.press("q")
        term.wait_for("End workout?")
        term.press("y")
        term.wait_for("Pain now")
        term.press("3")
        term.press("Enter")
        term.wait_exit()
    finally:
        term.close()
    result = cli("history", "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    [workout] = json.loads(result.stdout)
    assert workout["session"] == "quick"
    assert workout["status"] == "stopped"
    assert workout["pain"] == 3
    sides = {(e["name"], e["side"]): e for e in workout["exercises"]}
    assert sides[("Fire hydrant", "left")]["reps_done"] == 3
    assert sides[("Fire hydrant", "right")]["reps_done"] == 3
    right = sides[("Reach and rotate", "right")]
    assert (right["reps_done"], right["reps_target"]) == (2, 3)
    assert len(right["rep_times"]) == 2


def test_sigkill_keeps_every_rep_and_offers_resume(tmp_path: Path):
    term = Terminal([TUITRAINER, "run", QUICK, "--speed", "50"], run_env(tmp_path))
    try:
        _to_self_paced_side(term)
        term.press("Space")
        term.press("Space")
        term.wait_for("2 / 3 reps")
        os.kill(term.pid(), signal.SIGKILL)
        term.wait_exit()
    finally:
        term.close()

    [workout] = json.loads(cli("history", "--json", data_dir=tmp_path).stdout)
    assert workout["status"] == "interrupted"
    sides = {(e["name"], e["side"]): e for e in workout["exercises"]}
    assert sides[("Fire hydrant", "right")]["reps_done"] == 3
    assert sides[("Reach and rotate", "right")]["reps_done"] == 2
    assert len(sides[("Reach and rotate", "right")]["rep_times"]) == 2

    term = Terminal([TUITRAINER, "run", QUICK, "--speed", "50"], run_env(tmp_path))
    try:
        term.wait_for("Unfinished workout")
        term.press("r")
        screen = term.wait_for("Exercise 2 of 2", "Press space to start")
        assert "2 / 3 reps" in screen  # the self-paced side keeps its reps
        term.press("Space")
        term.wait_for("Right side")
        term.press("Space")
        term.wait_for("Next: Reach and rotate, left side")
        term.press("q")
        term.press("y")
        term.wait_for("Pain now")
        term.press("Enter")
        term.wait_exit()
    finally:
        term.close()
    [workout] = json.loads(cli("history", "--json", data_dir=tmp_path).stdout)
    assert workout["status"] == "stopped"
    sides = {(e["name"], e["side"]): e for e in workout["exercises"]}
    assert sides[("Reach and rotate", "right")]["reps_done"] == 3
