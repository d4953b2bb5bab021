"""A save at the press of a key: a history that cannot take it answers in words."""

from __future__ import annotations

import sqlite3
import time

from tests.history_lock import LockHolder
from tuitrainer.history import HistoryStore
from tuitrainer.history.assessments import acknowledge, acknowledged
from tuitrainer.history.user_writes import USUAL_WAIT_MS, why_not_written, write_now
from tuitrainer.locations import Locations


def test_each_failure_is_said_so_a_person_knows_what_to_do():
    assert "another program" in why_not_written(sqlite3.OperationalError("database is locked"))
    assert "read-only" in why_not_written(
        sqlite3.OperationalError("attempt to write a readonly database")
    )
    assert (
        why_not_written(sqlite3.OperationalError("database or disk is full")) == "the disk is full"
    )
    assert "disk I/O error" in why_not_written(sqlite3.OperationalError("disk I/O error"))


def test_a_held_history_is_waited_for_a_second_then_answered_in_words(locations: Locations):
    store, _ = HistoryStore.open(locations.database)
    with LockHolder(locations.database) as lock:
        began = time.monotonic()
        written = write_now(store, lambda: acknowledge(store))
        waited = time.monotonic() - began
        assert (written.saved, written.value) == (False, None)
        assert "another program is using the history" in written.problem
        assert 0.9 < waited < 3  # a second, not the connection's usual five
        lock.release()
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == USUAL_WAIT_MS
    assert write_now(store, lambda: acknowledge(store)).saved
    assert acknowledged(store) is not None
    store.close()


def test_psfs_on_the_command_line_says_what_was_rated_when_it_cannot_save(
    locations: Locations,
):
    import subprocess
    import sys

    HistoryStore.open(locations.database)[0].close()
    answers = "Socks\n3\nSitting\n5\nLifting\n1\n\n"
    command = [sys.executable, "-m", "tuitrainer", "psfs", "--data-dir", str(locations.data_dir)]
    with LockHolder(locations.database):
        done = subprocess.run(command, input=answers, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "not saved: another program is using the history" in done.stderr
    assert "You rated: Socks: 3; Sitting: 5; Lifting: 1" in done.stderr
    again = subprocess.run(command, input=answers, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert "Saved: average 3.0 of 10." in again.stdout


def test_psfs_on_the_command_line_says_when_an_activity_was_shortened(locations: Locations):
    import subprocess
    import sys

    long = "Sitting through a long drive to see family, with a stop halfway for coffee and a walk"
    answers = f"{long}\n3\nSitting\n5\nLifting\n1\n\n"
    command = [sys.executable, "-m", "tuitrainer", "psfs", "--data-dir", str(locations.data_dir)]
    done = subprocess.run(command, input=answers, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Kept as: Sitting through a long drive" in done.stdout
    assert "(at most 80 characters)" in done.stdout
