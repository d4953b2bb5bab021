"""The progress view's self-assessment tab: each test and side at the latest assessments."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable, Label

from ..history.assessment_trend import AssessmentResult
from ..history.scope import Scope, local_day
from ..widgets.text import cell, plain

ASSESSMENTS_SHOWN = 6


def fill_tests(
    table: DataTable, label: Label, results: list[AssessmentResult], scope: Scope
) -> None:
    """The table of the latest assessments, oldest on the left; a tight finding stands out."""
    table.clear(columns=True)
    if not results:
        label.update("No self-assessment in this range (press a on the home screen).")
        return
    taken = sorted({r.taken_at for r in results})[-ASSESSMENTS_SHOWN:]
    summary = f"{len(taken)} latest self-assessments, oldest on the left."
    then = sorted({(r.test_name, r.wording) for r in results if r.wording})
    summary += "".join(f"\n* {name} as worded then: {wording}" for name, wording in then)
    label.update(plain(summary))
    table.add_columns("Test", "Side", *(cell(local_day(t, scope).strftime("%d %b")) for t in taken))
    cells: dict[tuple[str, str], dict[str, AssessmentResult]] = {}
    for result in results:
        cells.setdefault((result.test_id, result.side), {})[result.taken_at] = result
    for (_test, side), by_time in cells.items():  # the tests file's order
        name = next(iter(by_time.values())).test_name
        row: list[str | Text] = [Text(name), side]
        for moment in taken:
            found = by_time.get(moment)
            if found is None:
                row.append("")
            else:
                mark = " *" if found.wording else ""
                style = "bold yellow" if found.tight else "green"
                row.append(Text(found.summary + mark, style=style))
        table.add_row(*[cell(c) for c in row])
