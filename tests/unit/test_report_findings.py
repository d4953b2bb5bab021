"""Self-assessment findings in the reports: each with the hip it concerns.

The left knee-to-chest test found the right leg's hip flexors tight (the leg left
straight lifted) and the left thigh's front tight; the figure-4 test found the
left hip stiff. The report must not put "tight hip flexors (right hip)" under a
column read as the left side, nor show the figure-4 test's raw answer.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from tuitrainer.cli import main
from tuitrainer.history import HistoryStore, report
from tuitrainer.locations import Locations

TAKEN = datetime(2026, 12, 6, 9, tzinfo=UTC)
# (test, side tested, question, answer, finding, finding's hip, label)
ANSWERS = [
    ("knee-to-chest", "left", "straight-leg-lifts", "yes", "tight-hip-flexors", "right", "Yes"),
    ("knee-to-chest", "left", "knee-straightens", "yes", "tight-quadriceps", "left", "Yes"),
    ("knee-to-chest", "right", "straight-leg-lifts", "no", None, None, "No"),
    ("knee-to-chest", "right", "knee-straightens", "no", None, None, "No"),
    ("figure-4", "left", "knee-height", "more", "tight-hip", "left", "More than a fist-width"),
    ("figure-4", "right", "knee-height", "less", None, None, "Less than a fist-width"),
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def add_uneven_assessment(conn) -> None:
    """The assessment above, stored as `assess` stores it (the hip in finding_side;
    no wording stored: the tests' wording in force)."""
    assessment = conn.execute(
        "INSERT INTO assessments (taken_at) VALUES (?)", (TAKEN.isoformat(),)
    ).lastrowid
    conn.executemany(
        "INSERT INTO assessment_answers (assessment_id, test_id, side, question_id, answer,"
        " finding, finding_side, label) VALUES (?,?,?,?,?,?,?,?)",
        [(assessment, *answer) for answer in ANSWERS],
    )
    conn.commit()


@pytest.fixture
def assessed(locations: Locations, monkeypatch: pytest.MonkeyPatch) -> Locations:
    monkeypatch.setattr(report, "today", lambda: TAKEN.date())
    monkeypatch.setattr(report, "local_offset", lambda: timedelta(0))
    store, _ = HistoryStore.open(locations.database)
    add_uneven_assessment(store.conn)
    store.close()
    return locations


def test_markdown_names_each_finding_with_its_hip(assessed: Locations):
    code, out, _ = run("report")
    assert code == 0
    assert "| Date | Test | Finding | Found on |" in out
    assert "| 2026-12-06 | Knee-to-chest test | Tight hip flexors | RIGHT only |" in out
    assert "| 2026-12-06 | Knee-to-chest test | Tight front of the thigh | LEFT only |" in out
    assert "| 2026-12-06 | Figure-4 test | Stiff hip | LEFT only |" in out
    assert "fist-width |" not in out  # a finding, not the raw answer
    assert "What each finding means:" in out  # the list above the table is the legend
    assert "not always the side tested" in out


def test_html_names_each_finding_with_its_hip(assessed: Locations):
    code, out, _ = run("report", "--html")
    assert code == 0
    header = '<th class="d">Date</th><th>Test</th><th>Finding</th><th class="d">Found on</th>'
    assert header in out
    row = '<td>Knee-to-chest test</td><td>Tight hip flexors</td><td class="d">RIGHT only</td>'
    assert row in out
    assert '<td>Figure-4 test</td><td>Stiff hip</td><td class="d">LEFT only</td>' in out
    assert "fist-width</td>" not in out
    # What each finding means, as the Markdown report says it.
    assert "<li><strong>Tight hip flexors</strong> (Knee-to-chest test): The muscles" in out
