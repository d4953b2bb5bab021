"""History as plain data: `tuitrainer history --json / --csv`."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from .store import HistoryStore

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
    "exercise_index",
    "exercise_id",
    "name",
    "set",
    "side",
    "reps_target",
    "reps_done",
    "seconds",
    "finished",
    "rep_times",
    "rep_offsets",
]


def workouts(store: HistoryStore, limit: int | None = None) -> list[dict[str, Any]]:
    """Workouts newest first, each with its exercises' sides and rep times."""
    out = []
    for row in store.recent(limit):
        exercises = []
        for side in store.sides(row["id"]):
            reps = store.rep_times(side["id"])
            exercises.append(
                {
                    "exercise_index": side["exercise_index"],
                    "exercise_id": side["exercise_id"],
                    "name": side["exercise_name"],
                    "set": side["set_number"],
                    "side": side["side"],
                    "reps_target": side["reps_target"],
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
    json.dump(data, out, indent=2)
    out.write("\n")


def write_csv(data: list[dict[str, Any]], out: TextIO) -> None:
    """One row per side of each workout; a workout with no sides gets one row."""
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
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
                    **{
                        k: side[k]
                        for k in (
                            "exercise_index",
                            "exercise_id",
                            "name",
                            "set",
                            "side",
                            "reps_target",
                            "reps_done",
                            "seconds",
                        )
                    },
                    "finished": int(side["finished"]),
                    "rep_times": " ".join(side["rep_times"]),
                    "rep_offsets": " ".join(f"{value:g}" for value in side["rep_offsets"]),
                }
            )


def write_text(data: list[dict[str, Any]], out: TextIO) -> None:
    if not data:
        print("No workouts yet.", file=out)
    for workout in data:
        done = sum(side["reps_done"] for side in workout["exercises"])
        target = sum(side["reps_target"] for side in workout["exercises"])
        pain = "" if workout["pain"] is None else f"  pain {workout['pain']}/10"
        print(
            f"{workout['started_at'][:16].replace('T', ' ')}  {workout['status']:<11} "
            f"{workout['title']}  {done}/{target} reps{pain}",
            file=out,
        )
