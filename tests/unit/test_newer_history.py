"""Reading commands never move a history of a newer version aside: they say which version
is needed and exit 2; only a command that writes may set it aside."""

from __future__ import annotations

import io
import sqlite3

import pytest

from tuitrainer.app import create_app
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.history.migrations import SCHEMA_VERSION
from tuitrainer.history.opening import HistoryTooNew
from tuitrainer.locations import Locations


def newer_history(locations: Locations) -> bytes:
    store, _ = HistoryStore.open(locations.database)
    store.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 3}")
    store.close()
    return locations.database.read_bytes()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "argv", [["history"], ["history", "--json"], ["report"], ["assess", "--history"]]
)
def test_a_reading_command_leaves_a_newer_history_alone(locations: Locations, argv):
    before = newer_history(locations)
    code, out, err = run(*argv)
    assert code == 2
    assert f"history version {SCHEMA_VERSION + 3}; this one reads up to {SCHEMA_VERSION}" in err
    assert str(locations.database) in err
    assert locations.database.read_bytes() == before
    assert sorted(p.name for p in locations.data_dir.iterdir() if "history" in p.name) == [
        "history.sqlite3"
    ]


def test_the_progress_view_leaves_it_alone_too(locations: Locations):
    newer_history(locations)
    with pytest.raises(HistoryTooNew):
        create_app(locations, reading=True)
    assert sqlite3.connect(locations.database).execute("PRAGMA user_version").fetchone()[0] > 0


def test_a_writing_command_still_sets_it_aside(locations: Locations):
    newer_history(locations)
    store, notice = HistoryStore.open(locations.database)
    store.close()
    assert notice is not None and notice.moved_to.exists()
