"""SIGTERM and SIGHUP give the terminal back (alternate screen off, mouse off, and the
cursor shown, as Textual does on every exit), as q does, and keep every rep logged."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.e2e.tmux import TUITRAINER, Terminal, cli, needs_tmux, run_env

QUICK = str(DATA / "sessions" / "quick.yaml")

pytestmark = needs_tmux


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_restores_the_terminal_and_keeps_the_reps(tmp_path: Path, number: int):
    term = Terminal([TUITRAINER, "run", QUICK, "--speed", "50"], run_env(tmp_path))
    try:
        term.wait_for("Press space to start")
        term.press("Space")
        term.wait_for("Exercise 2 of 2", "Right side")
        term.press("Space")
        term.wait_for("1 / 3 reps")
        assert set(term.modes().values()) == {"1"}
        os.kill(term.pid(), number)
        term.wait_exit()
        assert set(term.modes().values()) == {"0"}  # as after q
    finally:
        term.close()
    [workout] = json.loads(cli("history", "--json", data_dir=tmp_path).stdout)
    sides = {(e["name"], e["side"]): e["reps_done"] for e in workout["exercises"]}
    assert sides[("Reach and rotate", "right")] == 1


def test_ctrl_z_pauses_the_workout_and_fg_finds_it_paused(tmp_path: Path):
    term = Terminal([TUITRAINER, "run", QUICK, "--speed", "5"], run_env(tmp_path))
    try:
        term.wait_for("Press space to start")
        term.press("Space")
        term.wait_for("until the start")
        term.press("C-z")
        term.wait_for("· p goes on")  # drawn before the process stops
        time.sleep(1.0)  # stopped: five seconds of workout time at this speed
        os.kill(term.pid(), signal.SIGCONT)  # what `fg` sends
        term.wait_for("· p goes on")
        shown = [line for line in term.screen().splitlines() if " in · " in line]
        time.sleep(0.5)
        assert "· p goes on" in term.screen()  # it stays paused until p
        assert [line for line in term.screen().splitlines() if " in · " in line] == shown
        term.press("p")
        term.wait_for("until the start")
    finally:
        term.close()


def test_a_stop_signal_from_outside_pauses_the_workout_as_ctrl_z_does(tmp_path: Path):
    """`kill -TSTP` (a job-control script, another terminal), not the Ctrl+Z key: the
    workout pauses before the process stops, so its clock does not run on meanwhile."""
    term = Terminal([TUITRAINER, "run", QUICK, "--speed", "5"], run_env(tmp_path))
    try:
        term.wait_for("Press space to start")
        term.press("Space")
        term.wait_for("until the start")  # a 4 s get ready: 0.8 s at this speed
        os.kill(term.pid(), signal.SIGTSTP)
        time.sleep(1.5)  # stopped: seven and a half seconds of workout time
        os.kill(term.pid(), signal.SIGCONT)
        term.wait_for("· p goes on")
        assert "until the start" in term.screen()  # the get ready is where it was
        term.press("p")
        term.wait_for("left on this side")  # and runs on from there
    finally:
        term.close()
