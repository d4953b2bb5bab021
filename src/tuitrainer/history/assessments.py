"""Assessments in the history: every answer with its date, and the acknowledgements.

Functions on a HistoryStore rather than methods on it, so the workout store
stays small. Answers are one row each (test, side, question, answer,
finding), indexed by test and side, so the progress view can chart one test
on one side over time with a single query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from ..assessment.findings import Response
from .store import HistoryStore, _transaction, utc_now

SAFETY = "safety"


def save_assessment(
    store: HistoryStore,
    answers: Iterable[Response],
    tests_hash: str = "",
    taken_at: str | None = None,
) -> int:
    """Store one finished assessment and all its answers in one transaction."""
    with _transaction(store.conn):
        cur = store.conn.execute(
            "INSERT INTO assessments (taken_at, tests_hash) VALUES (?, ?)",
            (taken_at or utc_now(), tests_hash),
        )
        assessment_id = int(cur.lastrowid or 0)
        store.conn.executemany(
            "INSERT INTO assessment_answers"
            " (assessment_id, test_id, side, question_id, answer, finding, finding_side,"
            " label, wording)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    assessment_id,
                    r.test_id,
                    r.side,
                    r.question_id,
                    r.answer,
                    r.finding,
                    r.finding_side if r.finding else None,
                    r.label or None,
                    r.wording or None,
                )
                for r in answers
            ],
        )
    return assessment_id


def assessment_rows(store: HistoryStore, limit: int | None = None) -> list[sqlite3.Row]:
    query = "SELECT * FROM assessments ORDER BY taken_at DESC, id DESC"
    if limit is not None:
        return store.conn.execute(query + " LIMIT ?", (limit,)).fetchall()
    return store.conn.execute(query).fetchall()


def answer_rows(store: HistoryStore, assessment_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT test_id, side, question_id, answer, finding, finding_side, label, wording"
        " FROM assessment_answers"
        " WHERE assessment_id = ? ORDER BY id",
        (assessment_id,),
    ).fetchall()


def assessments(store: HistoryStore, limit: int | None = None) -> list[dict[str, Any]]:
    """Assessments newest first, each with its answers, as `assess --history --json` prints."""
    return [
        {
            "id": row["id"],
            "taken_at": row["taken_at"],
            "tests_hash": row["tests_hash"],
            "answers": [dict(answer) for answer in answer_rows(store, row["id"])],
        }
        for row in assessment_rows(store, limit)
    ]


def acknowledged(store: HistoryStore, key: str = SAFETY) -> str | None:
    """When the user acknowledged a note (ISO time), or None if never."""
    row = store.conn.execute("SELECT at FROM acknowledgements WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row["at"])


def acknowledge(store: HistoryStore, key: str = SAFETY, at: str | None = None) -> None:
    """Record that the user read and accepted a note; the latest time is kept."""
    with _transaction(store.conn):
        store.conn.execute(
            "INSERT INTO acknowledgements (key, at) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET at = excluded.at",
            (key, at or utc_now()),
        )
