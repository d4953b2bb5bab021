"""`tuitrainer today`: what is due, what is done, and exit codes a prompt can use."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tuitrainer import cli_today
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations

TODAY = date(2026, 12, 2)  # a Wednesday

SCHEDULE = """\
[[item]]
session = "hip-mobility"
days = "daily"
time = "18:00"

[[item]]
session = "low-back-routine"
days = ["mon", "wed", "fri"]

[[item]]
session = "thoracic-mobility"
days = ["tue"]
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def locations(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Locations:
    monkeypatch.setattr(cli_today, "today", lambda: TODAY)
    return Locations.resolve(data_dir)


def done(locations: Locations, session: str, status: str = "completed", speed: float = 1.0):
    store, _ = HistoryStore.open(locations.database)
    started = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC).replace(hour=12)
    workout = store.start_workout(session, session, "h", speed, started.isoformat())
    store.end_workout(workout, status)
    store.close()


def test_json_lists_what_is_due_and_exits_1_until_all_is_done(locations: Locations):
    locations.schedule_file.parent.mkdir(parents=True, exist_ok=True)
    locations.schedule_file.write_text(SCHEDULE)
    code, out, err = run("today", "--json")
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert data["date"] == "2026-12-02" and data["left"] == 2
    assert [(d["session"], d["time"], d["done"]) for d in data["due"]] == [
        ("hip-mobility", "18:00", False),
        ("low-back-routine", None, False),
    ]
    assert data["due"][0]["title"] == "Hip mobility"
    done(locations, "low-back-routine")
    done(locations, "hip-mobility", status="skipped")  # skipped through: not done
    done(locations, "hip-mobility", speed=20)  # a rehearsal: not done
    code, out, _ = run("today", "--json")
    assert code == 1
    assert [d["done"] for d in json.loads(out)["due"]] == [False, True]
    done(locations, "hip-mobility")
    code, out, _ = run("today")
    assert code == 0
    assert "0 of 2 still to do." in out and "Hip mobility" in out


def test_no_schedule_means_nothing_due(locations: Locations):
    code, out, _ = run("today")
    assert code == 0
    assert "No schedule yet" in out and str(locations.schedule_file) in out
    code, out, _ = run("today", "--json")
    assert code == 0 and json.loads(out)["due"] == []


def test_nothing_due_today(locations: Locations):
    locations.schedule_file.parent.mkdir(parents=True, exist_ok=True)
    locations.schedule_file.write_text('[[item]]\nsession = "hip-mobility"\ndays = ["sun"]\n')
    code, out, _ = run("today")
    assert code == 0 and "Nothing is due today" in out


def test_a_broken_schedule_exits_2_with_its_lines(locations: Locations):
    locations.schedule_file.parent.mkdir(parents=True, exist_ok=True)
    locations.schedule_file.write_text(SCHEDULE + '\n[[item]]\nsession = "hip-mobility"\n')
    code, out, err = run("today", "--json")
    assert code == 2
    assert f"{locations.schedule_file}:14: each item needs days" in err
    assert len(json.loads(out)["due"]) == 2  # the good items still show


def test_a_damaged_history_is_set_aside_and_today_still_answers(locations: Locations):
    locations.schedule_file.parent.mkdir(parents=True, exist_ok=True)
    locations.schedule_file.write_text(SCHEDULE)
    locations.database.write_bytes(b"not a database" * 200)
    code, out, err = run("today", "--json")
    assert code == 1 and json.loads(out)["left"] == 2
    assert "fresh history" in err
