"""The printable HTML report, adherence in the Markdown report, and the PSFS."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest

from tests.history_data import (
    KNOWN_ASSESSMENTS,
    KNOWN_TODAY,
    add_assessments,
    insert,
    known_history,
)
from tuitrainer import cli_psfs
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore, report
from tuitrainer.history.psfs import PsfsError, check, save
from tuitrainer.locations import Locations

# The known history: hip mobility on 12, 28 Oct, 2, 16 Nov; low back 21 Oct, 18 Nov.
SCHEDULE = """\
[[item]]
session = "hip-mobility"
days = ["mon"]
start = 2026-11-02

[[item]]
session = "low-back-routine"
days = ["wed"]
start = 2026-11-02
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def known(locations: Locations, monkeypatch: pytest.MonkeyPatch) -> Locations:
    store, _ = HistoryStore.open(locations.database)
    insert(store.conn, known_history())
    add_assessments(store.conn, KNOWN_ASSESSMENTS)
    for weeks_ago, scores in ((3, [2, 3, 4]), (1, [4, 5, 6])):
        moment = datetime.combine(KNOWN_TODAY, datetime.min.time(), tzinfo=UTC)
        moment -= timedelta(weeks=weeks_ago)
        activities = ["Putting on socks", "Sitting <1 hour> & driving", "Lifting | carrying"]
        save(store, list(zip(activities, scores, strict=True)), moment.isoformat())
    store.close()
    monkeypatch.setattr(report, "today", lambda: KNOWN_TODAY)
    monkeypatch.setattr(report, "local_offset", lambda: timedelta(0))
    locations.config_dir.mkdir(parents=True, exist_ok=True)
    locations.schedule_file.write_text(SCHEDULE)
    return locations


class Page(HTMLParser):
    """Counts what a report must and must not hold."""

    def __init__(self) -> None:
        super().__init__()
        self.svgs_in_figures = 0
        self.figures = 0
        self.open: list[str] = []
        self.urls: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "figure":
            self.figures += 1
        if tag == "svg" and "figure" in self.open:
            self.svgs_in_figures += 1
        for name, value in attrs:
            if name in ("href", "src", "xlink:href", "xmlns", "action") and value:
                self.urls.append(value)
        if tag not in ("meta", "rect", "line", "circle", "polyline", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def test_the_html_report_is_one_page_with_one_svg_per_chart_and_nothing_external(known):
    code, out, err = run("report", "--html")
    assert code == 0, err
    page = Page()
    page.feed(out)
    page.close()
    assert page.open == []  # every element closed: it parses whole
    # adherence, pain, left/right, functional scale
    assert page.figures == 4 and page.svgs_in_figures == 4 and out.count("<svg") == 4
    assert page.urls == [] and not re.search(r"https?://|url\(|@import", out)
    assert "script" not in page.tags
    assert "@page" in out and "@media print" in out
    assert "Schedule kept: <strong>3 of 6 due days done (50%)</strong>" in out
    assert "Lateral swing: the left side" in out  # the lagging side, named
    assert "Sitting &lt;1 hour&gt; &amp; driving" in out  # the user's words, escaped
    assert "Patient-Specific Functional Scale" in out
    assert "average 3.0 on 2026-10-30, 5.0 on 2026-11-13 (2.0 points better" in out
    assert "Self-assessment over time" in out
    # A date is never broken over two lines beside a long test name.
    assert re.findall(r'<td class="d">(\d{4}-\d\d-\d\d)</td>', out)
    assert not re.findall(r"<td>\d{4}-\d\d-\d\d</td>", out)
    assert "td.d { white-space: nowrap;" in out


def test_the_markdown_report_gains_adherence_and_the_scale(known):
    code, out, _ = run("report")
    assert code == 0
    assert "- Schedule kept: 3 of 6 due days done (50%), 2026-11-02 to 2026-11-20" in out
    # Due: Mon 2 (done), Wed 4 (no), Mon 9 (no), Wed 11 (no), Mon 16 (done), Wed 18 (done)
    assert "| Hip mobility | mon | 3 | 2 | 67% |" in out
    assert "- Current streak: 2 due days in a row" in out
    assert out.count("Current streak") == 1  # the due days' streak, not a second one
    assert "## Daily life: Patient-Specific Functional Scale (PSFS)" in out
    assert "Lifting \\| carrying 6" in out  # a | in the user's words keeps the table whole
    # Written about the person throughout: never "your" in a report for a clinician.
    assert "each rated from 0 (cannot do it at all) to 10 (as well as before their back" in out
    _, html, _ = run("report", "--html")
    assert "your" not in out.lower() and "your" not in html.lower()


def test_without_a_schedule_nothing_about_one_is_said(known):
    known.schedule_file.unlink()
    _, out, _ = run("report")
    assert "Against the schedule" not in out


def test_psfs_names_three_to_five_activities_rated_0_to_10():
    with pytest.raises(PsfsError):
        check([("a", 1), ("b", 2)])
    with pytest.raises(PsfsError):
        check([("a", 1), ("b", 2), ("c", 11)])
    with pytest.raises(PsfsError):
        check([("a", 1), ("A", 2), ("c", 3)])
    assert check([("a\x1b[31m", 1), ("b", 2), ("c", 3)])[0] == ("a [31m", 1)


def test_psfs_on_the_command_line_at_most_weekly(locations, monkeypatch):
    monkeypatch.setattr(cli_psfs, "today", lambda: datetime.now().date())
    answers = "Putting on socks\n3\nSitting\n12\n5\nGardening\n2\n\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    code, out, _ = run("psfs")
    assert code == 0
    assert "A whole number from 0 to 10" in out and "Saved: average 3.3 of 10." in out
    monkeypatch.setattr("sys.stdin", io.StringIO("\n4\n5\n6\n"))
    code, out, _ = run("psfs")
    assert code == 0 and "at most weekly" in out  # not asked again within the week
    week_later = datetime.now().date() + timedelta(days=7)
    monkeypatch.setattr(cli_psfs, "today", lambda: week_later)
    code, out, _ = run("psfs")  # the same activities are offered again
    assert code == 0 and "Saved: average 5.0 of 10." in out
    code, out, _ = run("psfs", "--history")
    assert "3.3 on" in out and "5.0 on" in out and "1.7 points better" in out


def test_a_history_of_an_older_version_is_brought_up_to_date_first(locations: Locations):
    """The reports read without writing, but not a file the app has not migrated yet."""
    import sqlite3

    from tuitrainer.history.migrations import MIGRATIONS

    conn = sqlite3.connect(locations.database)
    for number, statements in enumerate(MIGRATIONS[:5]):
        for statement in statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={number + 1}")
    conn.commit()
    conn.close()
    code, out, err = run("report", "--html")
    assert (code, err) == (0, "") and "Nothing was recorded" in out
    code, _, _ = run("today")
    assert code == 0


def test_html_names_sessions_used_and_rehearsals_left_out_as_the_markdown_does(known):
    store, _ = HistoryStore.open(known.database)
    started = datetime.combine(KNOWN_TODAY, datetime.min.time(), tzinfo=UTC).isoformat()
    workout = store.start_workout("hip-mobility", "Hip <mobility>", "x", 50.0, started_at=started)
    store.end_workout(workout, "completed")
    store.start_workout("a&b", "A <b> & c", "x", 1.0, started_at=started)
    store.close()
    _, md, _ = run("report")
    code, out, _ = run("report", "--html")
    assert code == 0
    assert "Rehearsals at another speed (`run --speed`), left out: 1" in md
    assert "<li>Rehearsals at another speed (run --speed), left out: 1</li>" in out
    assert "<h2>Sessions used</h2>" in out
    row = (
        '<tr><td>Hip mobility (hip-mobility)</td><td class="n">6</td><td class="n">4</td>'
        '<td class="d">2026-11-20</td></tr>'
    )
    assert row in out  # the same figures as the Markdown's row
    assert "| Hip mobility (`hip-mobility`) | 6 | 4 | 2026-11-20 |" in md
    assert "<td>A &lt;b&gt; &amp; c (a&amp;b)</td>" in out  # a session's words, escaped
