"""Past assessments as text or JSON: `tuitrainer assess --history [--json]`."""

from __future__ import annotations

import json
from typing import Any, TextIO


def write_history_json(data: list[dict[str, Any]], out: TextIO) -> None:
    json.dump(data, out, indent=2)
    out.write("\n")


def _finding(answer: dict[str, Any]) -> str:
    """A finding with the hip it is on, which is not always the side tested (a
    straight leg that lifts in the knee-to-chest test is a finding on that leg)."""
    side = answer.get("finding_side") or answer["side"]
    return f"{answer['finding']} ({side} hip)"


def write_history_text(data: list[dict[str, Any]], out: TextIO) -> None:
    """Newest first: the date, then one line per answer with the finding it gave."""
    if not data:
        print("No assessments yet. Run `tuitrainer assess` to take one.", file=out)
    for item in data:
        found = sorted({_finding(a) for a in item["answers"] if a["finding"]})
        summary = ", ".join(found) if found else "no findings"
        when = item["taken_at"][:16].replace("T", " ")
        print(f"{when}  assessment {item['id']}: {summary}", file=out)
        for answer in item["answers"]:
            finding = _finding(answer) if answer["finding"] else ""
            print(
                f"  {answer['test_id']:<14} {answer['side']:<6} {answer['question_id']:<19} "
                f"{answer['answer']:<5} {finding}".rstrip(),
                file=out,
            )
