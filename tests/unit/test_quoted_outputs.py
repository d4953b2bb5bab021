"""The Markdown report escapes what it quotes; the CSV export never starts a cell with a
formula a spreadsheet would run."""

from __future__ import annotations

import csv
import io
import re

from markdown_it import MarkdownIt

from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations

TITLE = "Hips | <img src=x onerror=alert(1)> [click](http://evil) ![i](http://e/x.png)\n# Owned"
FORMULA = '=HYPERLINK("http://evil","x")'


def run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(list(argv), out, err) == 0, err.getvalue()
    return out.getvalue()


def stored(locations: Locations, title: str, exercise: str) -> None:
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("we|ird`name", title, "x", 1.0)
    side = store.side_id(workout, 0, "e", exercise, 1, "left", 2)
    store.add_rep(side, 1, "2024-01-01T10:00:00+00:00", 1.0)
    store.finish_side(side, 1, 2.0)
    store.end_workout(workout, "completed")
    store.close()


def test_the_report_shows_a_hostile_title_as_text(locations: Locations):
    stored(locations, TITLE, "Bridge | ## x")
    html = MarkdownIt("commonmark").enable("table").render(run("report"))
    assert "<img" not in html and "<a " not in html
    assert html.count("<h1>") == 1  # only the report's own title
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    rows = [row for row in re.findall(r"<tr>(.*?)</tr>", html, re.S) if "Hips" in row]
    assert len(rows) == 1 and rows[0].count("<td") == 4  # the | did not add a column


def test_csv_cells_never_start_a_formula(locations: Locations):
    stored(locations, FORMULA, "@SUM(A1)")
    rows = list(csv.DictReader(io.StringIO(run("history", "--csv"))))
    assert rows[0]["title"] == "'" + FORMULA
    assert rows[0]["name"] == "'@SUM(A1)"
    assert rows[0]["reps_done"] == "1"
