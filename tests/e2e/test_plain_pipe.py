"""Plain mode through real pipes: `tuitrainer run` with its output not a terminal
switches to lines by itself, and a script drives it one key a line."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from .tmux import TUITRAINER

QUICK = Path(__file__).resolve().parent.parent / "data" / "sessions" / "quick.yaml"


def test_a_script_drives_a_whole_workout_through_a_pipe(data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("TUITRAINER_PLAIN", "TERM")}
    proc = subprocess.Popen(
        [TUITRAINER, "run", str(QUICK), "--speed", "20", "--mute"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    answers = {
        "Press space to start.": b"\n",
        "Reach and rotate. Right side. 3 reps. Go. Press space for each rep.": b"\n\n\n",
        "Reach and rotate. Left side. 2 reps. Go. Press space for each rep.": b"\n\n",
    }
    raw = b""
    for line in proc.stdout:
        raw += line
        key = answers.get(line.decode().rstrip("\n"))
        if key is not None:
            proc.stdin.write(key)
            proc.stdin.flush()
    proc.stdin.close()
    assert proc.wait(timeout=30) == 0, proc.stderr.read() if proc.stderr else ""
    assert b"\x1b" not in raw and b"\x07" not in raw
    lines = [
        re.sub(r"reps, 0:0\d\.$", "reps, 0:0N.", line)
        for line in raw.decode().splitlines()
        if not line.startswith("Sound:")
    ]
    assert lines[0] == "Quick test: 2 exercises, about 0:46."
    assert lines[2:5] == [
        "Press space to start.",
        "Get ready: Fire hydrant, left side, 4 seconds. Start position: Hands and knees.",
        "Fire hydrant. Left side. 3 reps. Go.",
    ]
    assert lines[-8:] == [
        "Rep 2 of 2.",
        "Left side done: 2 of 2 reps, 0:0N.",
        "Workout over. Well done. That is the session finished.",
        "Fire hydrant, left: 3 of 3 reps.",
        "Fire hydrant, right: 3 of 3 reps.",
        "Reach and rotate, right: 3 of 3 reps.",
        "Reach and rotate, left: 2 of 2 reps.",
        "Total: 11 of 11 reps.",
    ]
    history = subprocess.run(
        [TUITRAINER, "history", "--json"], capture_output=True, text=True, env=env, check=True
    )
    (workout,) = json.loads(history.stdout)
    assert workout["status"] == "completed"
    assert sum(side["reps_done"] for side in workout["exercises"]) == 11
