"""With no usable sound device, a workout runs to the end and the screen stays clean."""

from __future__ import annotations

import json
from pathlib import Path

from tests.alsa import broken_device_env
from tests.conftest import DATA
from tests.e2e.tmux import TUITRAINER, Terminal, cli, needs_tmux, run_env

pytestmark = needs_tmux


def test_no_sound_device_no_alsa_text_and_the_workout_finishes(tmp_path: Path):
    env = run_env(tmp_path)
    env["ALSA_CONFIG_PATH"] = broken_device_env(tmp_path)["ALSA_CONFIG_PATH"]
    session = str(DATA / "sessions" / "quick.yaml")
    term = Terminal([TUITRAINER, "run", session, "--speed", "50"], env)
    try:
        term.wait_for("Press space to start")
        term.press("Escape")  # no pain rating: the notice waits for the workout's view
        screen = term.wait_for("Sound:")  # the one notice of which output is in use
        assert "ALSA lib" not in screen
        term.press("Space")
        term.wait_for("Exercise 2 of 2", "Right side")
        for _ in range(3):
            term.press("Space")
        term.wait_for("Left side")
        for _ in range(2):
            term.press("Space")
        screen = term.wait_for("Pain now")
        assert "ALSA" not in screen and "Traceback" not in screen
        assert screen.count("Sound:") <= 1
        term.press("Enter")
        term.wait_exit()
    finally:
        term.close()
    [workout] = json.loads(cli("history", "--json", data_dir=tmp_path).stdout)
    assert workout["status"] == "completed"
