"""The Patient-Specific Functional Scale (PSFS): how daily life goes.

The person names three to five activities their back makes hard and rates each
from 0 (cannot do it at all) to 10 (as well as before the back trouble). The
activities are their own, so the scale is read per person: the same activities
rated again over weeks show the trend. It is asked at most once a week. The
scale is free to use; the wording of the questions here is tuitrainer's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..plain_text import is_control
from .store import HistoryStore, _transaction, utc_now

MIN_ACTIVITIES, MAX_ACTIVITIES = 3, 5
EVERY_DAYS = 7
MAX_ACTIVITY_LENGTH = 80
NAME = "Patient-Specific Functional Scale (PSFS)"
SCALE = "0 = cannot do it at all, 10 = as well as before your back trouble"


class PsfsError(ValueError):
    """Ratings that cannot be saved; the message says why."""


@dataclass(frozen=True)
class Rating:
    taken_at: str
    scores: tuple[tuple[str, int], ...]  # (activity, 0 to 10), in the order named

    @property
    def mean(self) -> float:
        return sum(score for _, score in self.scores) / len(self.scores)

    def day(self) -> date:
        return datetime.fromisoformat(self.taken_at).astimezone().date()


def clean_activity(text: str) -> str:
    """An activity as stored: one line, no control characters, not too long."""
    text = "".join(" " if is_control(ch) else ch for ch in text)
    return " ".join(text.split())[:MAX_ACTIVITY_LENGTH]


def check(scores: list[tuple[str, int]]) -> list[tuple[str, int]]:
    cleaned = [(clean_activity(activity), score) for activity, score in scores]
    if not MIN_ACTIVITIES <= len(cleaned) <= MAX_ACTIVITIES:
        raise PsfsError(f"name {MIN_ACTIVITIES} to {MAX_ACTIVITIES} activities")
    for activity, score in cleaned:
        if not activity:
            raise PsfsError("an activity needs a name")
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
            raise PsfsError(f"{activity}: a rating is a whole number from 0 to 10")
    names = [activity.lower() for activity, _ in cleaned]
    if len(set(names)) != len(names):
        raise PsfsError("each activity once")
    return cleaned


def save(store: HistoryStore, scores: list[tuple[str, int]], taken_at: str | None = None) -> int:
    cleaned = check(scores)
    with _transaction(store.conn):
        cur = store.conn.execute("INSERT INTO psfs (taken_at) VALUES (?)", (taken_at or utc_now(),))
        psfs_id = int(cur.lastrowid or 0)
        store.conn.executemany(
            "INSERT INTO psfs_scores (psfs_id, position, activity, score) VALUES (?, ?, ?, ?)",
            [(psfs_id, n, activity, score) for n, (activity, score) in enumerate(cleaned)],
        )
    return psfs_id


def ratings(
    store: HistoryStore, since: str | None = None, until: str | None = None
) -> list[Rating]:
    """Every rating in the range (stored UTC ISO bounds), oldest first."""
    conn = store.conn
    query = (
        "SELECT p.id, p.taken_at, s.activity, s.score FROM psfs p"
        " JOIN psfs_scores s ON s.psfs_id = p.id WHERE 1"
    )
    args = []
    if since is not None:
        query += " AND p.taken_at >= ?"
        args.append(since)
    if until is not None:
        query += " AND p.taken_at < ?"
        args.append(until)
    grouped: dict[int, tuple[str, list[tuple[str, int]]]] = {}
    for psfs_id, taken_at, activity, score in conn.execute(
        query + " ORDER BY p.taken_at, p.id, s.position", args
    ):
        grouped.setdefault(psfs_id, (taken_at, []))[1].append((activity, score))
    return [Rating(taken_at, tuple(scores)) for taken_at, scores in grouped.values()]


def last(store: HistoryStore) -> Rating | None:
    conn = store.conn
    row = conn.execute("SELECT id, taken_at FROM psfs ORDER BY taken_at DESC, id DESC").fetchone()
    if row is None:
        return None
    scores = conn.execute(
        "SELECT activity, score FROM psfs_scores WHERE psfs_id = ? ORDER BY position", (row[0],)
    ).fetchall()
    return Rating(row[1], tuple((a, s) for a, s in scores))


def next_day(previous: Rating | None) -> date | None:
    """The first day a new rating may be made (None: any day)."""
    if previous is None:
        return None
    return previous.day() + timedelta(days=EVERY_DAYS)


def trend_text(items: list[Rating]) -> str:
    """First and latest average, in words, for progress and reports."""
    if not items:
        return "not rated yet"
    first, latest = items[0], items[-1]
    if len(items) == 1:
        return f"{first.mean:.1f} of 10 on {first.day().isoformat()} (rated once)"
    change = latest.mean - first.mean
    direction = "better" if change > 0 else "worse" if change < 0 else "the same"
    return (
        f"average {first.mean:.1f} on {first.day().isoformat()}, {latest.mean:.1f} on "
        f"{latest.day().isoformat()} ({abs(change):.1f} points {direction}; "
        f"{len(items)} ratings)"
    )
