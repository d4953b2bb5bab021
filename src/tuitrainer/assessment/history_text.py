"""Past assessments as text or JSON: `tuitrainer assess --history [--json]`."""

from __future__ import annotations

import json
from typing import Any, TextIO

from . import words
from .model import Battery


def write_history_json(data: list[dict[str, Any]], out: TextIO) -> None:
    json.dump(data, out, indent=2)
    out.write("\n")


def _finding(battery: Battery, answer: dict[str, Any]) -> str:
    """A finding with the hip it is on, which is not always the side tested (a
    straight leg that lifts in the knee-to-chest test is a finding on that leg)."""
    hip = answer.get("finding_side") or answer["side"]
    return f"{words.finding_name(battery, answer['finding'])} ({hip} hip)"


def write_history_text(data: list[dict[str, Any]], out: TextIO, battery: Battery) -> None:
    """Newest first: the date and what it found, then each answer in the tests file's
    words (the ids are in `--json`)."""
    if not data:
        print("No assessments yet. Run `tuitrainer assess` to take one.", file=out)
    for item in data:
        found = sorted({_finding(battery, a) for a in item["answers"] if a["finding"]})
        summary = ", ".join(found) if found else "no findings"
        when = item["taken_at"][:16].replace("T", " ")
        print(f"{when}  assessment {item['id']}: {summary}", file=out)
        test_id = None
        for answer in item["answers"]:
            test, side = answer["test_id"], answer["side"]
            if (test, side) != test_id:
                test_id = (test, side)
                then = words.earlier_wording(battery, test, answer.get("wording"))
                then = f" (as worded then: {then})" if then else ""
                print(f"  {words.test_name(battery, test)}, {side} side{then}:", file=out)
            prompt = words.prompt_text(battery, test, answer["question_id"], side)
            label = words.answer_label(
                battery, test, answer["question_id"], answer["answer"], side, answer.get("label")
            )
            line = f"    {prompt} {label}"
            if answer["finding"]:
                line += f": {_finding(battery, answer)}"
            print(line, file=out)
