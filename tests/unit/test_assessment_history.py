"""Assessments in the history database, and `tuitrainer assess --history`."""

from __future__ import annotations

import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from tuitrainer.assessment.findings import Response
from tuitrainer.assessment.load import TESTS_FILE, assessment_file
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.history.assessments import (
    acknowledge,
    acknowledged,
    assessments,
    save_assessment,
)
from tuitrainer.history.migrations import FIGURE_4_BEFORE, MIGRATIONS
from tuitrainer.locations import Locations

NOW = "one leg straight; less than a fist-width passes"  # the figure-4 wording in force
ANSWERS = [
    Response(
        "knee-to-chest",
        "left",
        "straight-leg-lifts",
        "yes",
        "tight-hip-flexors",
        "right",
        "Yes, it lifted",
    ),
    Response("knee-to-chest", "left", "knee-straightens", "no", label="No, it stayed bent"),
    Response(
        "figure-4",
        "right",
        "knee-height",
        "more",
        "tight-hip",
        "right",
        "More than a fist-width",
        NOW,
    ),
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_version_1_history_gains_the_assessment_tables_and_keeps_workouts(tmp_path: Path):
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO workouts (session, title, session_hash, started_at, status)"
        " VALUES ('hip-mobility', 'Hip mobility', 'x', '2026-01-01T08:00:00+00:00', 'completed')"
    )
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    store, notice = HistoryStore.open(path)
    try:
        assert notice is None
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert [row["session"] for row in store.recent()] == ["hip-mobility"]
        assert assessments(store) == []
        assert acknowledged(store) is None
    finally:
        store.close()


def test_every_answer_is_stored_with_its_date_and_finding(tmp_path: Path):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    try:
        first = save_assessment(store, ANSWERS[:2], "abc", "2026-11-01T09:00:00.000+00:00")
        second = save_assessment(store, ANSWERS, "abc", "2026-11-20T09:00:00.000+00:00")
        data = assessments(store)
        assert [item["id"] for item in data] == [second, first]  # newest first
        assert data[0]["taken_at"] == "2026-11-20T09:00:00.000+00:00"
        assert data[0]["tests_hash"] == "abc"
        assert data[0]["answers"] == [
            {
                "test_id": "knee-to-chest",
                "side": "left",
                "question_id": "straight-leg-lifts",
                "answer": "yes",
                "finding": "tight-hip-flexors",
                "finding_side": "right",  # the straight leg's hip: the other side
                "label": "Yes, it lifted",
                "wording": None,
            },
            {
                "test_id": "knee-to-chest",
                "side": "left",
                "question_id": "knee-straightens",
                "answer": "no",
                "finding": None,
                "finding_side": None,
                "label": "No, it stayed bent",
                "wording": None,
            },
            {
                "test_id": "figure-4",
                "side": "right",
                "question_id": "knee-height",
                "answer": "more",
                "finding": "tight-hip",
                "finding_side": "right",
                "label": "More than a fist-width",
                "wording": NOW,
            },
        ]
        # The progress view's query: one test on one side over time, by the index.
        query = (
            "SELECT a.taken_at, x.answer FROM assessment_answers x JOIN assessments a"
            " ON a.id = x.assessment_id WHERE x.test_id = ? AND x.side = ? ORDER BY a.taken_at"
        )
        plan = " ".join(
            str(tuple(row)) for row in store.conn.execute(f"EXPLAIN QUERY PLAN {query}", ("a", "b"))
        )
        assert "assessment_answers_test" in plan
        rows = store.conn.execute(query, ("figure-4", "right")).fetchall()
        assert [tuple(row) for row in rows] == [("2026-11-20T09:00:00.000+00:00", "more")]
        store.conn.execute("DELETE FROM assessments WHERE id = ?", (second,))
        count = store.conn.execute("SELECT COUNT(*) FROM assessment_answers").fetchone()[0]
        assert count == 2  # the answers go with their assessment
    finally:
        store.close()


def test_the_safety_acknowledgement_is_kept(tmp_path: Path):
    path = tmp_path / "h.sqlite3"
    store, _ = HistoryStore.open(path)
    acknowledge(store, at="2026-11-24T10:00:00.000+00:00")
    store.close()
    store, _ = HistoryStore.open(path)
    try:
        assert acknowledged(store) == "2026-11-24T10:00:00.000+00:00"
        acknowledge(store, at="2026-11-25T10:00:00.000+00:00")
        assert acknowledged(store) == "2026-11-25T10:00:00.000+00:00"
        assert acknowledged(store, "something-else") is None
    finally:
        store.close()


def test_assess_history_lists_them(locations: Locations):
    code, out, _ = run("assess", "--history")
    assert (code, out) == (0, "No assessments yet. Run `tuitrainer assess` to take one.\n")
    store, _ = HistoryStore.open(locations.database)
    save_assessment(store, ANSWERS, "abc", "2026-11-20T09:00:00.000+00:00")
    store.close()
    code, out, _ = run("assess", "--history")
    assert code == 0
    assert out.splitlines() == [
        # A straight leg lifting in the left knee-to-chest test: the right hip's flexors.
        "2026-11-20 09:00  assessment 1: Stiff hip (right hip), Tight hip flexors (right hip)",
        "  Knee-to-chest test, left side:",
        "    Did your straight right leg lift up off the floor or table? Yes, it lifted:"
        " Tight hip flexors (right hip)",
        "    Did your bent left knee want to straighten? No, it stayed bent",
        "  Figure-4 test, right side:",
        "    How big was the gap between your right knee and the floor? More than a fist-width:"
        " Stiff hip (right hip)",
    ]
    code, out, _ = run("assess", "--history", "--json")
    [item] = json.loads(out)
    assert item["answers"][2]["finding"] == "tight-hip"


def test_assess_history_words_come_from_the_tests_file_in_use(locations: Locations):
    """A clinician's copy that renames a test or a finding renames it in the history."""
    store, _ = HistoryStore.open(locations.database)
    save_assessment(store, ANSWERS, "abc", "2026-11-20T09:00:00.000+00:00")
    store.close()
    mine = locations.data_dir / "assessments"
    mine.mkdir()
    builtin = assessment_file(locations, TESTS_FILE).read_text()
    renamed = builtin.replace("name: Figure-4 test", "name: Hip turn-out test")
    renamed = renamed.replace("name: Stiff hip", "name: Hip tight on turning out")
    (mine / TESTS_FILE).write_text(renamed)
    code, out, _ = run("assess", "--history")
    assert code == 0
    assert "  Hip turn-out test, right side:" in out.splitlines()
    assert "Hip tight on turning out (right hip)" in out
    assert "figure-4" not in out and "tight-hip" not in out
    # A copy that cannot be read does not stop the history: the built-in words serve.
    (mine / TESTS_FILE).write_text("name: [broken\n")
    code, out, _ = run("assess", "--history")
    assert code == 0 and "  Figure-4 test, right side:" in out


def test_assess_json_needs_history(data_dir: Path):
    code, _, err = run("assess", "--json")
    assert code == 2
    assert "--json goes with --history" in err


def test_assess_check_reports_the_files_in_use(locations: Locations):
    code, out, err = run("assess", "--check")
    assert (code, out) == (0, "")
    assert "valid:" in err and "hip-tests.yaml" in err and "plan-rules.yaml" in err
    mine = locations.data_dir / "assessments"
    mine.mkdir()
    (mine / "plan-rules.yaml").write_text(
        "name: Mine\nrules:\n  - finding: tight-hips\n    exercises: [fire-hydrant]\n"
        "    extra_reps: 30\n    why: x\n"
    )
    code, out, err = run("assess", "--check")
    rules = mine / "plan-rules.yaml"
    assert code == 1
    assert out.splitlines() == [
        f"{rules}:3:14: finding 'tight-hips' is not one the tests give (did you mean "
        "'tight-hip'?); findings are tight-hip, tight-hip-flexors, tight-quadriceps",
        f"{rules}:5:17: extra_reps must be from 1 to 20, not 30",
    ]
    # The app does not open on broken files: the problems are printed instead.
    code, out, err = run("assess")
    assert code == 1
    assert err.startswith(f"{rules}:3:14: finding 'tight-hips'")


def test_a_version_2_history_learns_which_hip_each_finding_is_on(tmp_path: Path):
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0] + MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("INSERT INTO assessments (taken_at) VALUES ('2026-11-01T09:00:00+00:00')")
    conn.executemany(
        "INSERT INTO assessment_answers (assessment_id, test_id, side, question_id, answer,"
        " finding) VALUES (1, ?, ?, ?, ?, ?)",
        [
            ("knee-to-chest", "left", "straight-leg-lifts", "yes", "tight-hip-flexors"),
            ("knee-to-chest", "left", "knee-straightens", "yes", "tight-quadriceps"),
            ("figure-4", "right", "knee-height", "fist", None),
        ],
    )
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()
    store, _ = HistoryStore.open(path)
    try:
        sides = [a["finding_side"] for a in assessments(store)[0]["answers"]]
        assert sides == ["right", "left", None]
    finally:
        store.close()


def test_assess_check_finds_a_base_session_that_is_not_there(locations: Locations):
    mine = locations.data_dir / "assessments"
    mine.mkdir()
    rules = mine / "plan-rules.yaml"
    rules.write_text(
        "name: Mine\nbase: no-such-session\nrules:\n  - finding: tight-hip\n"
        "    exercises: [fire-hydrant]\n    extra_reps: 2\n    why: x\n"
    )
    code, out, err = run("assess", "--check")
    assert code == 1
    assert out.startswith(f"{rules}:2:1: base session 'no-such-session': no session named")
    assert err == f"problems in {rules}\n"  # only the file with problems


def test_a_version_4_history_keeps_what_its_figure_4_answers_meant(tmp_path: Path):
    """Answers from the first figure-4 wording (both knees bent, "about a fist-width"
    passed) keep their label, their finding and the wording they were given under."""
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    for statement in [s for step in MIGRATIONS[:4] for s in step]:
        conn.execute(statement)
    conn.execute("INSERT INTO assessments (taken_at) VALUES ('2026-11-01T09:00:00+00:00')")
    conn.executemany(
        "INSERT INTO assessment_answers (assessment_id, test_id, side, question_id, answer,"
        " finding, finding_side) VALUES (1, ?, ?, ?, ?, ?, ?)",
        [
            ("knee-to-chest", "left", "straight-leg-lifts", "yes", "tight-hip-flexors", "right"),
            ("figure-4", "left", "knee-height", "fist", None, None),
            ("figure-4", "right", "knee-height", "more", "tight-hip", "right"),
        ],
    )
    conn.execute("PRAGMA user_version=4")
    conn.commit()
    conn.close()
    store, _ = HistoryStore.open(path)
    try:
        answers = assessments(store)[0]["answers"]
        assert [(a["answer"], a["finding"], a["label"]) for a in answers] == [
            ("yes", "tight-hip-flexors", "Yes, it lifted"),
            ("fist", None, "About a fist-width"),  # a pass then, and still
            ("more", "tight-hip", "More than a fist-width"),
        ]
        assert [a["wording"] for a in answers] == [None, FIGURE_4_BEFORE, FIGURE_4_BEFORE]
    finally:
        store.close()


def test_assess_history_names_the_wording_an_answer_was_given_under(locations: Locations):
    store, _ = HistoryStore.open(locations.database)
    old = Response("figure-4", "left", "knee-height", "fist", None, None, "About a fist-width")
    save_assessment(store, [replace(old, wording=FIGURE_4_BEFORE)], "", "2026-10-01T09:00:00+00:00")
    save_assessment(store, ANSWERS, "", "2026-11-20T09:00:00.000+00:00")
    store.close()
    code, out, _ = run("assess", "--history")
    lines = out.splitlines()
    assert code == 0
    # Today's wording needs no note; the old one is named, and its answer was a pass.
    assert "  Figure-4 test, right side:" in lines
    assert f"  Figure-4 test, left side (as worded then: {FIGURE_4_BEFORE}):" in lines
    assert "2026-10-01 09:00  assessment 1: no findings" in lines
    assert (
        lines[-1]
        == "    How big was the gap between your left knee and the floor? About a fist-width"
    )
