"""History as plain data: `tuitrainer history --json / --csv`."""

from __future__ import annotations

import csv
import json
import sqlite3
from typing import Any, TextIO

from ..session.model import RepRange
from .store import HistoryStore

# A side's own columns, copied as they are into each CSV row.
SIDE_FIELDS = (
    "exercise_index",
    "exercise_id",
    "name",
    "set",
    "side",
    "reps_target",
    "reps_low",
    "reps_done",
    "seconds",
)
CSV_FIELDS = [
    "workout_id",
    "session",
    "title",
    "session_hash",
    "session_path",
    "started_at",
    "ended_at",
    "status",
    "pain_before",
    "pain",
    "speed",
    *SIDE_FIELDS,
    "finished",
    "rep_times",
    "rep_offsets",
]


def _grouped(
    store: HistoryStore, ids: list[int]
) -> tuple[dict[int, list[sqlite3.Row]], dict[int, list[sqlite3.Row]]]:
    """The sides of these workouts by workout, and their reps by side: two queries, not
    one per side (an export of years of history would otherwise make a query per side)."""
    chosen = "SELECT value FROM json_each(?)"
    sides: dict[int, list[sqlite3.Row]] = {}
    for side in store.conn.execute(
        f"SELECT * FROM sides WHERE workout_id IN ({chosen})"
        " ORDER BY workout_id, exercise_index, set_number, id",
        (json.dumps(ids),),
    ):
        sides.setdefault(side["workout_id"], []).append(side)
    reps: dict[int, list[sqlite3.Row]] = {}
    for rep in store.conn.execute(
        "SELECT r.side_id, r.number, r.at, r.offset_seconds FROM reps r"
        f" JOIN sides s ON s.id = r.side_id WHERE s.workout_id IN ({chosen})"
        " ORDER BY r.side_id, r.number",
        (json.dumps(ids),),
    ):
        reps.setdefault(rep["side_id"], []).append(rep)
    return sides, reps


def workouts(store: HistoryStore, limit: int | None = None) -> list[dict[str, Any]]:
    """Workouts newest first, each with its exercises' sides and rep times."""
    out = []
    rows = store.recent(limit)
    sides_of, reps_of = _grouped(store, [row["id"] for row in rows])
    for row in rows:
        exercises = []
        for side in sides_of.get(row["id"], []):
            reps = reps_of.get(side["id"], [])
            exercises.append(
                {
                    "exercise_index": side["exercise_index"],
                    "exercise_id": side["exercise_id"],
                    "name": side["exercise_name"],
                    "set": side["set_number"],
                    "side": side["side"],
                    "reps_target": side["reps_target"],
                    "reps_low": side["reps_low"],
                    "reps_done": side["reps_done"],
                    "seconds": round(side["seconds"], 3),
                    "finished": bool(side["finished"]),
                    "rep_times": [rep["at"] for rep in reps],
                    "rep_offsets": [round(rep["offset_seconds"], 3) for rep in reps],
                }
            )
        out.append(
            {
                "id": row["id"],
                "session": row["session"],
                "title": row["title"],
                "session_hash": row["session_hash"],
                "session_path": row["session_path"],
                "started_at": row["started_at"],
                "ended_at": row["ended_at"],
                "status": store.status_of(row),
                "pain": row["pain_after"],
                "pain_before": row["pain_before"],
                "speed": row["speed"],
                "exercises": exercises,
            }
        )
    return out


def write_json(data: list[dict[str, Any]], out: TextIO) -> None:
    out.write(json.dumps(data, indent=2) + "\n")  # one write: a pipe takes it at once


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (`=HYPERLINK(...)`, `@SUM`, `+1`)
    gets a leading `'`, which spreadsheets show as text; numbers pass as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _SafeWriter(csv.DictWriter):  # type: ignore[type-arg]  # generic only in typeshed
    def writerow(self, rowdict: Any) -> Any:
        return super().writerow({key: csv_cell(value) for key, value in rowdict.items()})


def write_csv(data: list[dict[str, Any]], out: TextIO) -> None:
    """One row per side of each workout; a workout with no sides gets one row."""
    writer = _SafeWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for workout in data:
        base = {
            "workout_id": workout["id"],
            "session": workout["session"],
            "title": workout["title"],
            "session_hash": workout["session_hash"],
            "session_path": workout["session_path"],
            "started_at": workout["started_at"],
            "ended_at": workout["ended_at"],
            "status": workout["status"],
            "pain_before": workout["pain_before"],
            "pain": workout["pain"],
            "speed": workout["speed"],
        }
        if not workout["exercises"]:
            writer.writerow(base)
        for side in workout["exercises"]:
            writer.writerow(
                {
                    **base,
                    **{k: side[k] for k in SIDE_FIELDS},
                    "finished": int(side["finished"]),
                    "rep_times": " ".join(side["rep_times"]),
                    "rep_offsets": " ".join(f"{value:g}" for value in side["rep_offsets"]),
                }
            )


def met(side: dict[str, Any]) -> int:
    """A side's target as its reps are measured against it (see progress.MET)."""
    low, high = side["reps_low"], side["reps_target"]
    return RepRange(high if low is None else low, high).met(side["reps_done"])


def pain_text(before: int | None, after: int | None) -> str:
    """`  pain 5 before, 3 after (/10)`: both ratings; one skipped is left out."""
    if before is None and after is None:
        return ""
    if after is None:
        return f"  pain {before}/10 before"
    if before is None:
        return f"  pain {after}/10 after"
    return f"  pain {before} before, {after} after (/10)"


def write_text(data: list[dict[str, Any]], out: TextIO) -> None:
    if not data:
        print("No workouts yet.", file=out)
    for workout in data:
        done = sum(side["reps_done"] for side in workout["exercises"])
        target = sum(met(side) for side in workout["exercises"])
        pain = pain_text(workout["pain_before"], workout["pain"])
        speed = workout["speed"]
        rehearsal = "" if speed == 1 else f"  (rehearsal at {speed:g}x speed)"
        print(
            f"{workout['started_at'][:16].replace('T', ' ')}  {workout['status']:<11} "
            f"{workout['title']}  {done}/{target} reps{pain}{rehearsal}",
            file=out,
        )
