"""`tuitrainer history --json / --csv` carries every stored field, pain and rep times."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.history_data import insert, known_history
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations

# Stored column -> its name in the export; the rest are bookkeeping for resuming.
WORKOUT_FIELDS = {
    "id": "id",
    "session": "session",
    "title": "title",
    "session_hash": "session_hash",
    "session_path": "session_path",
    "speed": "speed",
    "started_at": "started_at",
    "ended_at": "ended_at",
    "status": "status",
    "pain_before": "pain_before",
    "pain_after": "pain",
}
SIDE_FIELDS = {
    "exercise_index": "exercise_index",
    "exercise_id": "exercise_id",
    "exercise_name": "name",
    "set_number": "set",
    "side": "side",
    "reps_target": "reps_target",
    "reps_low": "reps_low",
    "reps_done": "reps_done",
    "seconds": "seconds",
    "finished": "finished",
}
INTERNAL = {"segment_index", "pid", "id", "workout_id"}


def run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(list(argv), out, err) == 0, err.getvalue()
    return out.getvalue()


@pytest.fixture
def store(locations: Locations):
    store, _ = HistoryStore.open(locations.database)
    insert(store.conn, known_history())
    yield store
    store.close()


def columns(store: HistoryStore, table: str) -> set[str]:
    return {row[1] for row in store.conn.execute(f"PRAGMA table_info({table})")}


def test_every_stored_column_has_a_place_in_the_export(store):
    assert columns(store, "workouts") - INTERNAL == set(WORKOUT_FIELDS) - {"id"}
    assert columns(store, "sides") - INTERNAL == set(SIDE_FIELDS)
    assert columns(store, "reps") - {"id", "side_id"} == {"number", "at", "offset_seconds"}


def test_json_has_pain_and_each_rep_time(store):
    data = {w["id"]: w for w in json.loads(run("history", "--json"))}
    for row in store.recent():
        workout = data[row["id"]]
        for column, name in WORKOUT_FIELDS.items():
            if column != "status":  # a dead running workout reads as interrupted
                assert workout[name] == row[column], name
        stored = store.sides(row["id"])
        assert len(workout["exercises"]) == len(stored)
        for side, exported in zip(stored, workout["exercises"], strict=True):
            for column, name in SIDE_FIELDS.items():
                assert exported[name] == pytest.approx(side[column]), name
            reps = store.rep_times(side["id"])
            assert exported["rep_times"] == [rep["at"] for rep in reps]
            assert exported["rep_offsets"] == pytest.approx([r["offset_seconds"] for r in reps])
            assert len(reps) == side["reps_done"]


def test_csv_has_one_row_per_side_with_the_same_fields(store):
    rows = list(csv.DictReader(io.StringIO(run("history", "--csv"))))
    specs = known_history()
    assert len(rows) == sum(len(spec.sides) for spec in specs)
    assert set(WORKOUT_FIELDS.values()) - {"id"} <= set(rows[0])
    assert set(SIDE_FIELDS.values()) | {"rep_times", "rep_offsets"} <= set(rows[0])
    first = next(r for r in rows if r["started_at"].startswith("2026-10-12"))
    assert (first["pain_before"], first["pain"]) == ("6", "4")
    assert len(first["rep_times"].split()) == int(first["reps_done"])
    assert first["rep_offsets"].split()[:2] == ["2.5", "5"]
