"""A day under way: today's done workouts count once met, in every view alike.

Sunday 2026-12-06: thoracic mobility is due daily at 08:00 and hip mobility on
mon/wed/fri/sun; the thoracic session is done, the hip session is not yet.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest

from tuitrainer import cli_today
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore, report
from tuitrainer.locations import Locations

TODAY = date(2026, 12, 6)  # a Sunday
SCHEDULE = """\
[[item]]
session = "thoracic-mobility"
days = "daily"
time = "08:00"
start = 2026-12-06

[[item]]
session = "hip-mobility"
days = ["mon", "wed", "fri", "sun"]
start = 2026-12-06
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def done(locations: Locations, session: str, day: date = TODAY) -> None:
    store, _ = HistoryStore.open(locations.database)
    started = datetime.combine(day, datetime.min.time(), tzinfo=UTC).replace(hour=12)
    workout = store.start_workout(session, session, "h", 1.0, started.isoformat())
    store.end_workout(workout, "completed", started.isoformat())
    store.close()


@pytest.fixture
def today_half_done(locations: Locations, monkeypatch: pytest.MonkeyPatch) -> Locations:
    monkeypatch.setattr(report, "today", lambda: TODAY)
    monkeypatch.setattr(report, "local_offset", lambda: timedelta(0))
    monkeypatch.setattr(cli_today, "today", lambda: TODAY)
    locations.schedule_file.parent.mkdir(parents=True, exist_ok=True)
    locations.schedule_file.write_text(SCHEDULE)
    done(locations, "thoracic-mobility")
    return locations


def test_markdown_says_today_is_under_way_beside_its_done_row(today_half_done):
    code, out, _ = run("report")
    assert code == 0
    assert "nothing was due yet" not in out  # something was due: today
    assert "- Schedule kept: nothing was due before today, 2026-12-06 to 2026-12-06" in out
    assert "- Today 1 of 2 due workouts done so far (today counts once all are done)" in out
    assert "| Thoracic mobility | daily at 08:00 | 1 | 1 | 100% |" in out
    assert "| Hip mobility | mon, wed, fri, sun | 0 | 0 | due today |" in out
    assert "- Current streak: 0 due days in a row" in out
    # One workout with no sides written: said plainly, and in the singular.
    assert "- Workouts: 1 (1 done to the end) on 1 day\n" in out
    assert "- No reps recorded\n" in out and "none planned" not in out


def test_html_says_the_same_and_draws_no_empty_chart(today_half_done):
    code, out, _ = run("report", "--html")
    assert code == 0
    assert "nothing was due yet" not in out
    assert "<strong>nothing was due before today</strong>" in out
    assert "<li>Today 1 of 2 due workouts done so far" in out
    assert "<li>Workouts: 1 (1 done to the end) on 1 day; no reps recorded</li>" in out
    assert "Due days done per week" not in out  # no chart without a due day ended
    assert "no due day has ended, and today counts once everything due today is done" in out


def test_a_day_done_in_full_counts_everywhere(today_half_done):
    done(today_half_done, "hip-mobility")
    code, out, _ = run("report")
    assert "- Schedule kept: 1 of 1 due days done (100%)" in out
    assert "so far" not in out
    assert "- Current streak: 1 due day in a row" in out
    assert "| Hip mobility | mon, wed, fri, sun | 1 | 1 | 100% |" in out
    _, html, _ = run("report", "--html")
    assert html.count("<svg") == 1 and "Due days done per week" in html


def test_schedule_lists_the_following_due_day_for_an_item_done_today(today_half_done):
    code, out, _ = run("schedule")
    assert code == 0
    assert "Thoracic mobility (thoracic-mobility): daily, 08:00; next Mon 07 Dec" in out
    assert "Hip mobility (hip-mobility): mon, wed, fri, sun, any time; next Sun 06 Dec" in out
    _, today_text, _ = run("today")  # and `today` agrees: one done, one due
    assert "done  08:00     Thoracic mobility" in today_text
    assert "due   any time  Hip mobility" in today_text
