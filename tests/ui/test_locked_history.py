"""Another process holds the history with BEGIN EXCLUSIVE during a workout.

The lock outlasts the workout's write wait many times over: the workout goes on
counting, one notice says reps are not being saved and why, the keys never freeze,
and once the lock is gone every rep is in the history, each once.
"""

from __future__ import annotations

import time

from tests.conftest import FakeClock
from tests.history_lock import LockHolder
from tests.ui.conftest import advance, logging_notices, make_app, text_of
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations

LOCK_SECONDS = 10.0  # the 10 s: two hundred times the workout's 50 ms write wait


def notices(app) -> list[str]:
    """Every notice the app was asked to show (it keeps only the newest on screen)."""
    return app.said_log


async def test_a_locked_history_never_stops_the_workout_and_loses_no_rep(
    locations: Locations, clock: FakeClock
):
    app = logging_notices(make_app(locations, clock))
    async with app.run_test() as pilot:
        await pilot.press("escape", "space")  # no pain rating; start
        for _ in range(6):  # get ready, left, switch, right, rest, get ready
            await pilot.press("n")
        assert text_of(app, "#phase") == "RIGHT"  # Reach and rotate, self-paced
        with LockHolder(locations.database) as lock:
            locked_at = time.monotonic()
            for count in (1, 2):
                await advance(pilot, clock, 2)
                began = time.monotonic()
                await pilot.press("space")
                assert time.monotonic() - began < 1.0  # not frozen for a busy timeout
                assert text_of(app, "SidePanel.-right").startswith(f"{count} / 3 reps")
            said = [n for n in notices(app) if "not being saved" in n]
            assert len(said) == 1 and "another program is using the history" in said[0]
            await pilot.press("space")  # the side's last rep: the workout moves on
            assert text_of(app, "#phase") == "SWITCH SIDES"
            while time.monotonic() - locked_at < LOCK_SECONDS:
                await pilot.pause(0.1)  # the retry timer keeps failing meanwhile
            lock.release()
        deadline = time.monotonic() + 5
        while not any("every rep is saved" in n for n in notices(app)):
            assert time.monotonic() < deadline, notices(app)
            await pilot.pause(0.1)
        assert len([n for n in notices(app) if "not being saved" in n]) == 1
    store, _ = HistoryStore.open(locations.database)
    rows = store.conn.execute(
        "SELECT s.side, s.reps_done, r.number FROM reps r JOIN sides s ON s.id = r.side_id"
        " WHERE s.exercise_id = 'reach-and-rotate' ORDER BY r.id"
    ).fetchall()
    store.close()
    assert [tuple(row) for row in rows] == [("right", 3, 1), ("right", 3, 2), ("right", 3, 3)]


async def test_resuming_while_another_program_holds_the_history_says_so(
    locations: Locations, clock: FakeClock
):
    """The resume's claim waits 50 ms, not 5 s, and a refusal is a notice, not a crash."""
    from tests.ui.test_home import left_unfinished
    from tuitrainer.screens.home import HomeScreen

    left_unfinished(locations)
    app = logging_notices(make_app(locations, clock, session_path=None))
    async with app.run_test() as pilot:
        await pilot.pause()
        with LockHolder(locations.database):
            began = time.monotonic()
            await pilot.press("r")
            await pilot.pause()
            assert time.monotonic() - began < 1.0
            assert isinstance(app.screen, HomeScreen)
            assert any("Could not resume it now" in n for n in notices(app))
