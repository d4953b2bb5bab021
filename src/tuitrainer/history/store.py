"""The workout history: one SQLite file in the data folder (WAL, versioned).

Each change is its own committed transaction, so a process killed at any
moment keeps everything logged before it. WAL with `synchronous=NORMAL` keeps
commits cheap enough to run on the UI's thread: a commit is a write to the
log that survives the process dying (only a power cut could lose the last one).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .migrations import MIGRATIONS, SCHEMA_VERSION
from .opening import (
    HistoryError,
    HistoryTooNew,
    HistoryUnavailable,
    OpenNotice,
    _set_aside,
    _TooNew,
)

STATUSES = ("running", "completed", "partial", "skipped", "stopped", "interrupted")
# Run to the end with every side at its target: the only status that counts as done
# (with `speed = 1`: a rehearsal is a preview). Skipped and partial runs, stopped and
# interrupted ones are kept and shown, but are not the session done.
DONE = "w.status = 'completed' AND w.speed = 1"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class HistoryStore:
    """Reads and writes workouts. Open with `HistoryStore.open(path)`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path, *, reading: bool = False) -> tuple[HistoryStore, OpenNotice | None]:
        """Open (or create) the history; a damaged or too-new file is moved aside.

        `reading` (history, report, progress): a too-new file is never moved, since
        nothing will be written; HistoryTooNew says which version it is.
        """
        notice: OpenNotice | None = None
        for attempt in range(2):
            try:
                return cls(cls._connect(path), path), notice
            except _TooNew as too_new:
                if reading:
                    raise HistoryTooNew(path, too_new.version) from None
                notice = _set_aside(path, "newer")
            except sqlite3.OperationalError as error:  # cannot open or write: not damage
                raise HistoryUnavailable(
                    errno.EACCES, f"cannot open the history: {error}", str(path)
                ) from error
            except sqlite3.DatabaseError:
                if attempt or not path.exists():
                    raise
                notice = _set_aside(path, "corrupt")
        raise HistoryError(f"cannot open the history at {path}")  # pragma: no cover

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("PRAGMA foreign_keys=OFF")  # on again once migrated
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _TooNew(version)
            for number in range(version, SCHEMA_VERSION):
                with _transaction(conn):
                    for statement in MIGRATIONS[number]:
                        conn.execute(statement)
                    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                        raise sqlite3.DatabaseError(f"migration {number + 1} broke a reference")
                    conn.execute(f"PRAGMA user_version={number + 1}")
            conn.execute("PRAGMA foreign_keys=ON")
        except BaseException:
            conn.close()
            raise
        return conn

    def close(self) -> None:
        self.conn.close()

    def writer(self, wait_ms: int) -> HistoryStore:
        """Another connection to the same file, which waits at most `wait_ms` for a lock.

        A workout writes through it on the UI's thread: while another program holds
        the file, a write fails fast (and is queued by the recorder) instead of
        freezing the screen for this connection's 5 s.
        """
        if str(self.path) == ":memory:":
            return self
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(wait_ms)}")
        return HistoryStore(conn, self.path)

    # -- writing ---------------------------------------------------------------

    def start_workout(
        self,
        session: str,
        title: str,
        session_hash: str,
        speed: float,
        started_at: str | None = None,
    ) -> int:
        with _transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO workouts (session, title, session_hash, speed, started_at, status,"
                " pid) VALUES (?, ?, ?, ?, ?, 'running', ?)",
                (session, title, session_hash, speed, started_at or utc_now(), os.getpid()),
            )
        return int(cur.lastrowid or 0)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several writes as one commit (one fsync instead of one each)."""
        with _transaction(self.conn):
            yield

    def set_position(self, workout_id: int, segment_index: int) -> None:
        with _transaction(self.conn):
            self.conn.execute(
                "UPDATE workouts SET segment_index = ? WHERE id = ?", (segment_index, workout_id)
            )

    def side_id(
        self,
        workout_id: int,
        exercise_index: int,
        exercise_id: str,
        name: str,
        set_number: int,
        side: str,
        reps_target: int,
        reps_low: int | None = None,
    ) -> int:
        """The row of one side of one set, created the first time it is entered."""
        with _transaction(self.conn):
            self.conn.execute(
                "INSERT OR IGNORE INTO sides (workout_id, exercise_index, exercise_id,"
                " exercise_name, set_number, side, reps_target, reps_low)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    workout_id,
                    exercise_index,
                    exercise_id,
                    name,
                    set_number,
                    side,
                    reps_target,
                    reps_low,
                ),
            )
            row = self.conn.execute(
                "SELECT id FROM sides WHERE workout_id = ? AND exercise_index = ?"
                " AND set_number = ? AND side = ?",
                (workout_id, exercise_index, set_number, side),
            ).fetchone()
        return int(row[0])

    def add_rep(self, side_id: int, number: int, at: str, offset: float) -> None:
        """Rep `number` of a side; written again, it replaces itself (never stored twice)."""
        with _transaction(self.conn):
            self.conn.execute(
                "DELETE FROM reps WHERE side_id = ? AND number >= ?", (side_id, number)
            )
            self.conn.execute(
                "INSERT INTO reps (side_id, number, at, offset_seconds) VALUES (?, ?, ?, ?)",
                (side_id, number, at, offset),
            )
            self.conn.execute("UPDATE sides SET reps_done = ? WHERE id = ?", (number, side_id))

    def remove_reps_after(self, side_id: int, keep: int) -> None:
        """Undo: drop the reps of a side numbered above `keep`."""
        with _transaction(self.conn):
            self.conn.execute("DELETE FROM reps WHERE side_id = ? AND number > ?", (side_id, keep))
            self.conn.execute(
                "UPDATE sides SET reps_done = ?, finished = 0 WHERE id = ?", (keep, side_id)
            )

    def finish_side(self, side_id: int, reps: int, seconds: float) -> None:
        with _transaction(self.conn):
            self.conn.execute(
                "UPDATE sides SET reps_done = ?, seconds = ?, finished = 1 WHERE id = ?",
                (reps, seconds, side_id),
            )

    def end_workout(self, workout_id: int, status: str, ended_at: str | None = None) -> None:
        assert status in STATUSES
        with _transaction(self.conn):
            self.conn.execute(
                "UPDATE workouts SET status = ?, ended_at = ? WHERE id = ?",
                (status, ended_at or utc_now(), workout_id),
            )

    def claim(self, workout_id: int, seen_pid: int | None) -> bool:
        """Take over an unfinished workout; True for exactly one taker.

        `seen_pid` is the gone process that left it, as read when it was offered: the
        update matches only while that is still so, so of two windows that both
        offered it, the second finds this process's pid there instead and loses.
        """
        with _transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE workouts SET pid = ? WHERE id = ? AND status = 'running' AND pid IS ?",
                (os.getpid(), workout_id, seen_pid),
            )
        return cur.rowcount == 1

    def close_unfinished(self, workout_id: int, seen_pid: int | None) -> bool:
        """Close an unfinished workout as interrupted, unless another window has taken it."""
        with _transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE workouts SET status = 'interrupted', ended_at = ?"
                " WHERE id = ? AND status = 'running' AND pid IS ?",
                (utc_now(), workout_id, seen_pid),
            )
        return cur.rowcount == 1

    def resume_workout(self, workout_id: int) -> None:
        with _transaction(self.conn):
            self.conn.execute(
                "UPDATE workouts SET status = 'running', ended_at = NULL, pid = ? WHERE id = ?",
                (os.getpid(), workout_id),
            )

    def set_pain(self, workout_id: int, when: str, rating: int | None) -> None:
        column = {"before": "pain_before", "after": "pain_after"}[when]
        with _transaction(self.conn):
            self.conn.execute(
                f"UPDATE workouts SET {column} = ? WHERE id = ?", (rating, workout_id)
            )

    # -- reading ---------------------------------------------------------------

    def workout(self, workout_id: int) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT * FROM workouts WHERE id = ?", (workout_id,)
        ).fetchone()
        return row

    def sides(self, workout_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM sides WHERE workout_id = ? ORDER BY exercise_index, set_number, id",
            (workout_id,),
        ).fetchall()

    def rep_times(self, side_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT number, at, offset_seconds FROM reps WHERE side_id = ? ORDER BY number",
            (side_id,),
        ).fetchall()

    def status_of(self, row: sqlite3.Row) -> str:
        """A workout's status; one left running by a process that is gone is interrupted."""
        if row["status"] == "running" and not _alive(row["pid"]):
            return "interrupted"
        return str(row["status"])

    def interrupted(self, session: str | None = None) -> list[sqlite3.Row]:
        """Workouts left running by a process that is gone, newest first."""
        query = "SELECT * FROM workouts WHERE status = 'running'"
        args: tuple[Any, ...] = ()
        if session is not None:
            query += " AND session = ?"
            args = (session,)
        rows = self.conn.execute(query + " ORDER BY id DESC", args).fetchall()
        return [row for row in rows if not _alive(row["pid"])]

    def last_done(self) -> dict[str, str]:
        """When each session was last done (run to its end with every side at its
        target), by session name.

        Rehearsals (`run --speed`), stopped, skipped-through and partial runs are not
        the session done.
        """
        rows = self.conn.execute(
            f"SELECT session, MAX(started_at) AS last FROM workouts w WHERE {DONE} GROUP BY session"
        ).fetchall()
        return {row["session"]: row["last"] for row in rows}

    def recent(self, limit: int | None = None) -> list[sqlite3.Row]:
        query = "SELECT * FROM workouts ORDER BY started_at DESC, id DESC"
        if limit is not None:
            return self.conn.execute(query + " LIMIT ?", (limit,)).fetchall()
        return self.conn.execute(query).fetchall()


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One committed unit of work (autocommit mode with explicit BEGIN)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # SQLite has already rolled back after a full disk
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # a COMMIT that failed leaves the transaction open
            conn.execute("ROLLBACK")
        raise


def _alive(pid: int | None) -> bool:
    if not pid or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _is_tuitrainer(pid)


def _is_tuitrainer(pid: int) -> bool:
    """A live pid may have been reused by another program; look when we can."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True
    return b"tuitrainer" in cmdline
