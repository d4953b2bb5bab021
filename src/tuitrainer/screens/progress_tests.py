"""The progress view's self-assessment tab: each finding and the hips it was found on,
at the latest assessments, in the results screen's words (`LEFT only`, `RIGHT only`,
`both sides`): a finding is about a hip, which is not always the side tested."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import DataTable, Label

from ..history.assessment_trend import AssessmentResult
from ..history.report_findings import Found, found_rows
from ..history.scope import Scope, local_day
from ..widgets.text import cell, plain

if TYPE_CHECKING:
    from ..assessment.model import Battery

ASSESSMENTS_SHOWN = 6


def fill_tests(
    table: DataTable,
    label: Label,
    results: list[AssessmentResult],
    scope: Scope,
    battery: Battery,
) -> None:
    """The table of the latest assessments, oldest on the left; a finding stands out."""
    table.clear(columns=True)
    if not results:
        label.update("No self-assessment in this range (press a on the home screen).")
        return
    taken = sorted({r.taken_at for r in results})[-ASSESSMENTS_SHOWN:]
    if len(taken) == 1:
        summary = "The latest self-assessment: each finding and the hip it was found on."
    else:
        summary = (
            f"The {len(taken)} latest self-assessments, oldest on the left: each finding "
            "and the hip it was found on."
        )
    then = sorted({(r.test_name, r.wording) for r in results if r.wording})
    summary += "".join(f"\n* {name} as worded then: {wording}" for name, wording in then)
    label.update(plain(summary))
    table.add_columns(
        "Test", "Finding", *(cell(local_day(t, scope).strftime("%d %b")) for t in taken)
    )
    rows: dict[tuple[str, str], dict[str, Found]] = {}
    for found in found_rows([r for r in results if r.taken_at in taken], battery):
        rows.setdefault((found.test_name, found.row.finding.name), {})[found.taken_at] = found
    for (test, finding), by_time in rows.items():  # the tests file's order
        row: list[str | Text] = [Text(test), Text(finding)]
        for moment in taken:
            shown = by_time.get(moment)
            if shown is None:
                row.append("")
            else:
                mark = " *" if shown.wording else ""
                where = shown.where if shown.found else "-"
                row.append(Text(where + mark, style="bold yellow" if shown.found else "green"))
        table.add_row(*[cell(c) for c in row])
