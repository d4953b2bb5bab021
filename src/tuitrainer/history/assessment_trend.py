"""Past assessments for the progress view: each test and side, in a word or two."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .scope import Scope

if TYPE_CHECKING:
    from .store import HistoryStore


@dataclass(frozen=True)
class AssessmentResult:
    """One test on one side at one assessment, in a word or two."""

    taken_at: str
    test_id: str
    side: str
    summary: str
    tight: bool


TEST_NAMES = {"knee-to-chest": "Knee to chest", "figure-4": "Figure 4"}
FINDING_NAMES = {
    "tight-hip-flexors": "tight hip flexors",
    "tight-quadriceps": "tight quadriceps",
    "tight-hip": "tight hip",
}
KNEE_HEIGHT = {"less": "under a fist", "fist": "a fist", "more": "over a fist"}


def has_assessments(store: HistoryStore) -> bool:
    """Whether this history has the assessment tables (older files do not)."""
    conn = store.conn
    row = conn.execute(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
        " AND name IN ('assessments', 'assessment_answers')"
    ).fetchone()
    return row[0] == 2


def assessment_trend(store: HistoryStore, scope: Scope) -> list[AssessmentResult]:
    """Every test and side at each assessment in the date range, oldest first."""
    conn = store.conn
    if not has_assessments(store):
        return []
    where, args = replace(scope, session=None).where("a", "taken_at", speed=None)
    rows = conn.execute(
        "SELECT a.id, a.taken_at, x.test_id, x.side, x.question_id, x.answer, x.finding,"
        " x.finding_side"
        " FROM assessments a JOIN assessment_answers x ON x.assessment_id = a.id"
        f" WHERE {where} ORDER BY a.taken_at, a.id, x.test_id, x.side, x.question_id",
        args,
    ).fetchall()
    grouped: dict[tuple[int, str, str], list[sqlite3.Row]] = {}
    taken: dict[int, str] = {}
    for row in rows:
        taken[row[0]] = row[1]
        grouped.setdefault((row[0], row[2], row[3]), []).append(row)
    return [_result(taken[key[0]], key[1], key[2], answers) for key, answers in grouped.items()]


def _finding_text(answer: Any, side: str) -> str:
    """A finding in words; named with its hip when that is not the side tested."""
    name = FINDING_NAMES.get(answer[6], answer[6])
    hip = answer[7]
    return f"{name} ({hip} hip)" if hip and hip != side else name


def _result(taken_at: str, test_id: str, side: str, answers: list[Any]) -> AssessmentResult:
    findings = [_finding_text(a, side) for a in answers if a[6]]
    if test_id == "figure-4":
        height = next((a[5] for a in answers if a[4] == "knee-height"), "")
        summary = KNEE_HEIGHT.get(height, height or "?")
        return AssessmentResult(taken_at, test_id, side, summary, bool(findings))
    return AssessmentResult(
        taken_at, test_id, side, ", ".join(findings) if findings else "clear", bool(findings)
    )
