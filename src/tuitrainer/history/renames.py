"""A session renamed: its past workouts follow the new name.

Workouts are kept by session name (the file stem). When a file of the user's is
renamed, every workout recorded under the old name is moved to the new one in
one transaction, so the progress view, the report and "last done" carry on.
A user copy that shadowed a built-in session shared its name with it: workouts
that ran the built-in version (its exact content, by hash) stay with the name,
which now means the built-in session again.
"""

from __future__ import annotations

from .store import HistoryStore


def follow_rename(store: HistoryStore, old: str, new: str, keep_hash: str | None = None) -> int:
    """Move the workouts of session `old` to `new`; returns how many moved.

    `keep_hash`: workouts with this session hash stay under `old` (they ran the
    built-in session that the renamed copy was shadowing).
    """
    query = "UPDATE workouts SET session = ? WHERE session = ?"
    args: tuple[str, ...] = (new, old)
    if keep_hash is not None:
        query += " AND session_hash != ?"
        args = (new, old, keep_hash)
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        moved = conn.execute(query, args).rowcount
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return int(moved)
