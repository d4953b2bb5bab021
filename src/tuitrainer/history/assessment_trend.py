"""Past assessments for the progress view and the report: each test and side, in the
tests file's words."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..assessment import words
from ..assessment.model import Battery
from .scope import Scope

if TYPE_CHECKING:
    from .store import HistoryStore


@dataclass(frozen=True)
class AssessmentResult:
    """One test on one side at one assessment, in the tests file's words."""

    taken_at: str
    test_id: str
    side: str
    summary: str
    tight: bool
    test_name: str = ""
    wording: str = ""  # the test's wording then, when it is worded otherwise now
    findings: tuple[tuple[str, str], ...] = ()  # (finding id, the hip it is on)


def has_assessments(store: HistoryStore) -> bool:
    """Whether this history has the assessment tables (older files do not)."""
    row = store.conn.execute(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
        " AND name IN ('assessments', 'assessment_answers')"
    ).fetchone()
    return bool(row[0] == 2)


def assessment_times(store: HistoryStore, scope: Scope) -> list[str]:
    """When each assessment in the date range was taken, oldest first."""
    if not has_assessments(store):
        return []
    where, args = replace(scope, session=None).where("a", "taken_at", speed=None)
    query = f"SELECT a.taken_at FROM assessments a WHERE {where} ORDER BY 1"
    rows = store.conn.execute(query, args)
    return [row[0] for row in rows]


def assessment_trend(store: HistoryStore, scope: Scope, battery: Battery) -> list[AssessmentResult]:
    """Every test and side at each assessment in the date range, oldest first, named
    by `battery` (the tests file in use)."""
    if not has_assessments(store):
        return []
    where, args = replace(scope, session=None).where("a", "taken_at", speed=None)
    rows = store.conn.execute(
        "SELECT a.id, a.taken_at, x.test_id, x.side, x.question_id, x.answer, x.finding,"
        " x.finding_side, x.label, x.wording"
        " FROM assessments a JOIN assessment_answers x ON x.assessment_id = a.id"
        f" WHERE {where} ORDER BY a.taken_at, a.id, x.test_id, x.side, x.question_id",
        args,
    ).fetchall()
    grouped: dict[tuple[int, str, str], list[sqlite3.Row]] = {}
    taken: dict[int, str] = {}
    for row in rows:
        taken[row[0]] = row[1]
        grouped.setdefault((row[0], row[2], row[3]), []).append(row)
    order = {test.id: index for index, test in enumerate(battery.tests)}
    keys = sorted(grouped, key=lambda k: (taken[k[0]], k[0], order.get(k[1], len(order)), k[1]))
    # In the order the tests are taken (the file's), then by side: knee-to-chest first.
    return [_result(battery, taken[key[0]], key[1], key[2], grouped[key]) for key in keys]


def _result(
    battery: Battery, taken_at: str, test_id: str, side: str, answers: list[Any]
) -> AssessmentResult:
    """A test with one question reads as its answer; one with several, as its findings."""
    findings = [words.finding_text(battery, a[6], a[7], side) for a in answers if a[6]]
    if words.single_question(battery, test_id) and len(answers) == 1:
        first = answers[0]
        summary = words.answer_label(battery, test_id, first[4], first[5], side, first[8])
    else:
        summary = ", ".join(findings) if findings else "clear"
    name = words.test_name(battery, test_id)
    then = next((w for a in answers if (w := words.earlier_wording(battery, test_id, a[9]))), "")
    hips = tuple((a[6], a[7] or side) for a in answers if a[6])
    return AssessmentResult(taken_at, test_id, side, summary, bool(findings), name, then, hips)
