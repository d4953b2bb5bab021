"""The installed program: `tuitrainer new`, edited in the app with typed keys, saved, then run."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.tmux import TUITRAINER, Terminal, cli, needs_tmux, run_env

pytestmark = needs_tmux


def test_new_session_edited_in_the_app_saved_and_run(tmp_path: Path):
    term = Terminal([TUITRAINER, "new", "tiny"], run_env(tmp_path), width=120, height=30)
    try:
        term.wait_for("Editing tiny.yaml", "No problems")
        # Replace the whole text with a short session, typed key by key.
        term.press("C-a")  # to the line start
        for _ in range(80):  # more than enough for the template's lines, some of them wrapped
            term.press("C-k")  # delete to the end of the line, or the line
        lines = [
            "name: Tiny",
            "get_ready_seconds: 2",
            "exercises:",
            "- name: Bridge",
            "sides: [both]",
            "reps: 2",
            "rep_seconds: 1",
        ]
        for number, line in enumerate(lines):
            if number:
                term.press("Enter")
                if number > 3:
                    term.press("Space")
                    term.press("Space")
            for char in line:
                term.press("Space" if char == " " else char)
        term.wait_for("No problems", "Planned time 0:04")
        term.press("C-s")
        term.wait_for("Saved tiny.yaml")
        term.press("Escape")  # leave the text
        term.press("Escape")  # leave the editor: saved, so no question
        term.wait_exit()
    finally:
        term.close()
    text = (tmp_path / "sessions" / "tiny.yaml").read_text()
    assert "name: Tiny" in text and "Fire hydrant" not in text
    assert (
        cli("validate", str(tmp_path / "sessions" / "tiny.yaml"), data_dir=tmp_path).returncode == 0
    )

    term = Terminal([TUITRAINER, "run", "tiny", "--speed", "50"], run_env(tmp_path))
    try:
        term.wait_for("Press space to start")
        term.press("Space")
        term.wait_for("Workout complete: Tiny", "2 / 2", timeout=20)
    finally:
        term.close()
    [workout] = json.loads(cli("history", "--json", data_dir=tmp_path).stdout)
    assert workout["session"] == "tiny"
    assert workout["status"] == "completed"
    [side] = workout["exercises"]
    assert (side["name"], side["reps_done"]) == ("Bridge", 2)
