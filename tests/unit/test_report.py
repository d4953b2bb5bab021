"""`tuitrainer report`: the Markdown for a known history, and the command around it."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.history_data import (
    KNOWN_ASSESSMENTS,
    KNOWN_TODAY,
    add_assessments,
    insert,
    known_history,
    scale_history,
)
from tuitrainer.assessment.load import TESTS_FILE, load_battery
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore, report
from tuitrainer.history.scope import Scope
from tuitrainer.locations import Locations, builtin_dir

EXPECTED = DATA / "report" / "known.md"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def known(locations: Locations, monkeypatch: pytest.MonkeyPatch) -> Locations:
    """The known history in the data folder, read on its fixed day at UTC."""
    store, _ = HistoryStore.open(locations.database)
    insert(store.conn, known_history())
    add_assessments(store.conn, KNOWN_ASSESSMENTS)
    store.close()
    monkeypatch.setattr(report, "today", lambda: KNOWN_TODAY)
    monkeypatch.setattr(report, "local_offset", lambda: timedelta(0))
    return locations


def test_report_of_the_known_history_matches_the_expected_file(known: Locations):
    code, out, err = run("report")
    assert (code, err) == (0, "")
    assert out == EXPECTED.read_text(encoding="utf-8")


def test_report_to_a_file(known: Locations, tmp_path: Path):
    target = tmp_path / "for-the-physio.md"
    code, out, err = run("report", "--output", str(target))
    assert code == 0 and out == ""
    assert str(target) in err
    assert target.read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")


def test_since_narrows_every_section(known: Locations):
    code, out, _ = run("report", "--since", "2026-11-10")
    assert code == 0
    assert "Period: 2026-11-10 to 2026-11-20." in out
    later = [s for s in known_history() if s.started.date() >= date(2026, 11, 10)]
    assert f"- Workouts: {len(later)} (" in out
    assert "| 2026-10-11 |" not in out  # the October assessment is before the period
    assert "| 2026-11-15 | Knee-to-chest test | Tight hip flexors | neither side |" in out
    assert "| 2026-10-12 |" not in out


def test_session_filter_and_empty_history(known: Locations, tmp_path: Path):
    code, out, _ = run("report", "--session", "thoracic-mobility")
    assert code == 0
    assert "| Thoracic mobility (`thoracic-mobility`) | 3 | 3 |" in out
    assert "Hip mobility" not in out
    code, out, _ = run("report", "--data-dir", str(tmp_path / "empty"))
    assert code == 0
    assert "Nothing was recorded in this period." in out


def test_an_unknown_session_is_refused_with_the_closest_name(known: Locations):
    for command in (["report"], ["report", "--html"]):
        code, out, err = run(*command, "--session", "thoracic-mobilty")
        assert (code, out) == (2, "")
        assert "no session named 'thoracic-mobilty'; did you mean 'thoracic-mobility'?" in err
    code, out, err = run("report", "--session", "nope")
    assert (code, out) == (2, "") and "sessions: hip-mobility, " in err
    code, _, err = run("progress", "--session", "nope")  # refused before the app starts
    assert code == 2 and "tuitrainer progress: no session named 'nope'" in err
    # A session deleted since still has its workouts in the history: it is known.
    store, _ = HistoryStore.open(known.database)
    store.start_workout("old-routine", "Old routine", "h", 1.0, f"{KNOWN_TODAY}T09:00:00+00:00")
    store.close()
    code, out, _ = run("report", "--session", "old-routine")
    assert code == 0 and "session `old-routine` only" in out


def test_bad_date_and_unwritable_output(known: Locations, tmp_path: Path):
    with pytest.raises(SystemExit) as exit_info:
        run("report", "--since", "last tuesday")
    assert exit_info.value.code == 2
    code, _, err = run("report", "--output", str(tmp_path / "no" / "such" / "dir.md"))
    assert code == 2 and "cannot write" in err


def test_a_long_period_shows_pain_by_month(tmp_path: Path):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    end = datetime(2026, 6, 30, 18, tzinfo=UTC)
    insert(store.conn, scale_history(days=200, per_day=1, end=end))
    battery = load_battery(builtin_dir("assessments") / TESTS_FILE)
    text = report.render(store, Scope(end.date(), utc_offset=timedelta(0)), battery)
    store.close()
    pain = text.split("## Pain", 1)[1].split("##", 1)[0]
    months = [line.split(" | ")[0][2:] for line in pain.splitlines() if line.startswith("| 20")]
    assert months == ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    assert "Average rating by month" in pain
    assert "| Lateral swing |" in text and "| left |" in text.split("| Lateral swing |", 1)[1]


def test_until_closes_the_period(known: Locations):
    code, out, _ = run("report", "--since", "2026-10-12", "--until", "2026-10-31")
    assert code == 0
    assert "Period: 2026-10-12 to 2026-10-31." in out
    inside = [s for s in known_history() if s.started.date() <= date(2026, 10, 31)]
    assert f"- Workouts: {len(inside)} (" in out
    assert "| 2026-11-" not in out


def test_rehearsals_are_left_out_and_said_to_be(known: Locations):
    store, _ = HistoryStore.open(known.database)
    started = datetime.combine(KNOWN_TODAY, datetime.min.time(), tzinfo=UTC).isoformat()
    workout = store.start_workout("hip-mobility", "Hip mobility", "x", 50.0, started_at=started)
    store.end_workout(workout, "completed")
    store.close()
    code, out, _ = run("report")
    assert code == 0
    assert "Rehearsals at another speed (`run --speed`), left out: 1" in out
    without = out.replace("- Rehearsals at another speed (`run --speed`), left out: 1\n", "")
    assert without == EXPECTED.read_text(encoding="utf-8")


def test_only_rehearsals_is_nothing_recorded_but_says_why(locations: Locations):
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("hip-mobility", "Hip mobility", "x", 20.0)
    store.end_workout(workout, "completed")
    store.close()
    code, out, _ = run("report")
    assert code == 0
    assert out.endswith(
        "Nothing was recorded in this period.\n"
        "Rehearsals at another speed (`run --speed`), left out: 1\n"
    )
