"""Self-assessments as findings with their hips, for both reports and the progress view.

A test is answered per side, but a finding is about a hip, and the two are not
always the same: the knee-to-chest test done on the left reads the hip flexors
of the right leg, left straight on the floor. A table of answers by side tested
put "tight hip flexors (right hip)" under "Left". So every view shows what the
results screen shows: each finding the tests can give, and the hips it was found
on, in its words (`LEFT only`, `RIGHT only`, `both sides`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..assessment import words
from ..assessment.findings import FindingRow
from ..assessment.model import Battery, FindingInfo
from .assessment_trend import AssessmentResult


@dataclass(frozen=True)
class Found:
    """One finding at one assessment: the hips it showed on, and the test that gives it."""

    taken_at: str
    row: FindingRow
    test_name: str
    wording: str  # the test's wording then, when it is worded otherwise now

    @property
    def found(self) -> bool:
        return self.row.left or self.row.right

    @property
    def where(self) -> str:
        """The results screen's words: `LEFT only`, `RIGHT only`, `both sides`, or
        `neither side`."""
        return self.row.where

    def test_text(self) -> str:
        return self.test_name + (f" (as worded then: {self.wording})" if self.wording else "")


def _giving(battery: Battery, finding_id: str) -> list[str]:
    """The ids of the tests whose answers can give a finding, in the file's order."""
    return [
        test.id
        for test in battery.tests
        if any(a.finding == finding_id for q in test.questions for a in q.answers)
    ]


def found_rows(results: list[AssessmentResult], battery: Battery) -> list[Found]:
    """Per assessment, oldest first, every finding its tests can give (a stored one the
    tests file no longer knows too), with the hips it was found on."""
    by_time: dict[str, list[AssessmentResult]] = {}
    for result in results:
        by_time.setdefault(result.taken_at, []).append(result)
    out: list[Found] = []
    for taken, group in by_time.items():
        hips: dict[str, set[str]] = {}
        source: dict[str, AssessmentResult] = {}
        for result in group:
            for finding_id, hip in result.findings:
                hips.setdefault(finding_id, set()).add(hip)
                source.setdefault(finding_id, result)
        tested = {result.test_id: result for result in group}
        known = [info.id for info in battery.findings]
        for finding_id in [*known, *(f for f in hips if f not in known)]:
            test = next((tested[t] for t in _giving(battery, finding_id) if t in tested), None)
            test = test or source.get(finding_id)
            if test is None:  # no test that gives it was taken that time
                continue
            info = battery.finding(finding_id) or FindingInfo(
                finding_id, words.finding_name(battery, finding_id)
            )
            on = hips.get(finding_id, set())
            row = FindingRow(info, "left" in on, "right" in on)
            out.append(Found(taken, row, test.test_name, test.wording))
    return out
