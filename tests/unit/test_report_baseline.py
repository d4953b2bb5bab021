"""A first visit: no workout yet, but the functional scale and a self-assessment.

The report a clinician takes from a baseline visit shows what there is, and says
"Nothing was recorded" only when nothing at all was.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from tests.history_data import KNOWN_ASSESSMENTS, add_assessments
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore, report
from tuitrainer.history.psfs import save
from tuitrainer.locations import Locations

TODAY = KNOWN_ASSESSMENTS[0][0].date()  # 2026-10-11, the day of the first assessment


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def first_visit(locations: Locations, monkeypatch: pytest.MonkeyPatch) -> Locations:
    monkeypatch.setattr(report, "today", lambda: TODAY)
    monkeypatch.setattr(report, "local_offset", lambda: timedelta(0))
    HistoryStore.open(locations.database)[0].close()
    return locations


def rate(locations: Locations) -> None:
    store, _ = HistoryStore.open(locations.database)
    moment = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC).replace(hour=10)
    save(store, [("Putting on socks", 2), ("Sitting", 3), ("Gardening", 4)], moment.isoformat())
    store.close()


def assess(locations: Locations) -> None:
    store, _ = HistoryStore.open(locations.database)
    add_assessments(store.conn, KNOWN_ASSESSMENTS[:1])
    store.close()


def test_the_scale_alone_is_reported(first_visit: Locations):
    rate(first_visit)
    code, out, _ = run("report")
    assert code == 0
    assert "Nothing was recorded" not in out
    assert "Period: 2026-10-11 to 2026-10-11." in out
    assert "No workouts in this period." in out
    assert "## Daily life: Patient-Specific Functional Scale (PSFS)" in out
    assert "| 2026-10-11 | 3.0 | Putting on socks 2; Sitting 3; Gardening 4 |" in out
    assert "No self-assessment in this period." in out
    code, html, _ = run("report", "--html")
    assert code == 0 and "Nothing was recorded" not in html
    assert "<li>No workouts in this period.</li>" in html
    assert "<h2>Daily life: Patient-Specific Functional Scale (PSFS)</h2>" in html
    assert "Putting on socks 2; Sitting 3; Gardening 4" in html


def test_the_scale_and_a_self_assessment_without_workouts(first_visit: Locations):
    rate(first_visit)
    assess(first_visit)
    _, out, _ = run("report")
    assert "## Daily life" in out and "## Self-assessment" in out
    assert "Knee-to-chest test" in out
    # No empty workout sections: no "0 workouts" figures, no empty tables.
    assert "## Sessions used" not in out and "## Pain" not in out and "Workouts:" not in out
    _, html, _ = run("report", "--html")
    assert "Self-assessment over time" in html and "Daily life" in html
    assert "<svg" in html  # the scale's chart
    assert "Workouts per week" not in html and "Pain before and after" not in html


def test_nothing_at_all_is_said_to_be_nothing(first_visit: Locations):
    for command in (["report"], ["report", "--html"]):
        code, out, _ = run(*command)
        assert code == 0 and "Nothing was recorded in this period." in out
        assert "Daily life" not in out and "Self-assessment" not in out
