"""Answers -> findings on each hip, and the left/right table the results show."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .model import SIDES, Battery, FindingInfo, fill, other_side

AnswerKey = tuple[str, str, str]  # (test id, side tested, question id)


@dataclass(frozen=True)
class Response:
    """One answer as it is stored: what was asked, on which side, and what it showed.

    `finding_side` is the hip the finding is on; usually the side tested, but the
    knee-to-chest test reads the hip flexors of the leg left on the floor.
    """

    test_id: str
    side: str
    question_id: str
    answer: str
    finding: str | None = None
    finding_side: str | None = None
    label: str = ""  # the answer as it was shown, kept in case the file changes
    wording: str = ""  # the test's wording then (`HipTest.wording`)


def responses(battery: Battery, answers: Mapping[AnswerKey, str]) -> list[Response]:
    """Every answer given, in the order of the tests, with the finding it points to."""
    out: list[Response] = []
    for test in battery.tests:
        for side in test.sides:
            for question in test.questions:
                answer_id = answers.get((test.id, side, question.id))
                answer = question.answer(answer_id) if answer_id else None
                if answer is None:
                    continue
                where = None
                if answer.finding:
                    where = other_side(side) if answer.finding_side == "other" else side
                out.append(
                    Response(
                        test.id,
                        side,
                        question.id,
                        answer.id,
                        answer.finding,
                        where,
                        fill(answer.label, side),
                        test.wording,
                    )
                )
    return out


def findings_by_side(found: Iterable[Response]) -> dict[str, list[str]]:
    """Finding ids on each hip, each once, in the order they were found."""
    by_side: dict[str, list[str]] = {side: [] for side in SIDES}
    for response in found:
        if response.finding and response.finding_side in by_side:
            ids = by_side[response.finding_side]
            if response.finding not in ids:
                ids.append(response.finding)
    return by_side


@dataclass(frozen=True)
class FindingRow:
    """One line of the results table: a finding and where it showed."""

    finding: FindingInfo
    left: bool
    right: bool

    @property
    def where(self) -> str:
        """Left/right difference in words, so an uneven result stands out."""
        if self.left and self.right:
            return "both sides"
        if self.left:
            return "LEFT only"
        if self.right:
            return "RIGHT only"
        return "neither side"


def finding_table(battery: Battery, found: Iterable[Response]) -> list[FindingRow]:
    """Every finding the tests can give, marked on the sides where it showed."""
    by_side = findings_by_side(found)
    return [
        FindingRow(info, info.id in by_side["left"], info.id in by_side["right"])
        for info in battery.findings
    ]
