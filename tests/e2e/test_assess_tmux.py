"""`tuitrainer assess` in a real terminal: keys typed one by one, to a saved plan."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.e2e.tmux import TUITRAINER, Terminal, cli, needs_tmux, run_env

pytestmark = needs_tmux


def test_assess_ends_in_a_saved_plan_with_per_side_doses(tmp_path: Path):
    term = Terminal(
        [TUITRAINER, "assess"], run_env(tmp_path, safety_seen=False), width=100, height=30
    )
    try:
        term.wait_for("Before you start", "Get care today", "new weakness in a leg")
        term.press("Enter")  # acknowledge the safety note
        term.wait_for("Knee-to-chest test", "LEFT SIDE", "Bring your left knee")
        term.press("Space")  # start the hold, then go on before it ends
        term.wait_for("watch your right leg")
        term.press("Enter")
        term.wait_for("Did your straight right leg lift up off the floor or table?")
        term.press("y")
        term.wait_for("Did your bent left knee want to straighten?")
        term.press("n")
        term.wait_for("RIGHT SIDE", "Bring your right knee")
        term.press("Enter")
        term.wait_for("Did your straight left leg lift up off the floor or table?")
        term.press("n")
        term.wait_for("Did your bent right knee want to straighten?")
        term.press("y")
        term.wait_for("Figure-4 test", "LEFT SIDE")
        term.press("Enter")
        term.wait_for("How big was the gap between your left knee")
        term.press("m")
        term.wait_for("Figure-4 test", "RIGHT SIDE")
        term.press("Enter")
        term.wait_for("How big was the gap between your right knee")
        term.press("a")
        term.wait_for("Review your answers")
        term.press("b")  # change the last answer after all
        term.wait_for("How big was the gap between your right knee")
        term.press("l")
        term.wait_for("Review your answers")
        term.press("Enter")
        term.wait_for("Your hip assessment", "Proposed plan")
        term.press("s")
        term.wait_for("Saved as your session 'hip-plan-")
        term.press("Escape")
        term.wait_exit()
    finally:
        term.close()

    listed = json.loads(cli("sessions", "--json", data_dir=tmp_path).stdout)
    [slug] = [row["name"] for row in listed if row["source"] == "user"]
    assert re.fullmatch(r"hip-plan-\d{4}-\d\d-\d\d", slug)
    result = cli("plan", slug, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [re.sub(r"\s+\d+:\d\d$", "", line).strip() for line in result.stdout.splitlines()]
    # Left figure-4 knee high: more hip work on the left; the left knee-to-chest lifted
    # the right leg: more hip-flexor work on the right; the right knee wanted to open:
    # more thigh work on the right.
    hydrant = lines.index("1. Fire hydrant  [guided]")
    assert lines[hydrant + 1 : hydrant + 3] == ["left side   12 reps", "right side  10 reps"]
    extension = lines.index("2. Straight-leg extension  [guided]")
    assert lines[extension + 1 : extension + 3] == ["left side   10 reps", "right side  12 reps"]
    bent = lines.index("4. Bent knee, heel to ceiling  [guided]")
    assert lines[bent + 1 : bent + 3] == ["left side   10 reps", "right side  12 reps"]

    history = cli("assess", "--history", "--json", data_dir=tmp_path)
    [stored] = json.loads(history.stdout)
    answers = {(a["test_id"], a["side"], a["question_id"]): a["answer"] for a in stored["answers"]}
    assert answers[("figure-4", "right", "knee-height")] == "less"
    assert answers[("knee-to-chest", "right", "knee-straightens")] == "yes"
