"""Saves a person asks for while another program holds the history: the screen stays,
says why in words, keeps what was typed, and saves it once the history is free.

(A workout's own writes are queued instead: tests/ui/test_locked_history.py.)
"""

from __future__ import annotations

import time

from textual.widgets import Input

from tests.conftest import FakeClock
from tests.history_lock import LockHolder
from tests.ui.conftest import logging_notices, make_app
from tests.ui.test_assessment import acknowledge_safety, answer_all, build, stored
from tuitrainer.history.assessments import acknowledged
from tuitrainer.history.psfs import ratings
from tuitrainer.locations import Locations
from tuitrainer.screens.assessment import AssessmentScreen
from tuitrainer.screens.assessment_results import AssessmentResultsScreen
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.psfs import PsfsScreen
from tuitrainer.screens.safety import SafetyScreen

BUSY = "another program is using the history"


async def test_an_assessment_saved_while_the_history_is_held_keeps_every_answer(
    locations: Locations, clock: FakeClock
):
    acknowledge_safety(locations)
    app = logging_notices(build(locations, clock))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await answer_all(pilot, "y n n n l m")
        with LockHolder(locations.database) as lock:
            began = time.monotonic()
            await pilot.press("enter")
            await pilot.pause()
            assert time.monotonic() - began < 3  # a second's wait, not the usual five
            assert isinstance(app.screen, AssessmentScreen)  # not crashed, not gone
            assert app.screen.walk.reviewing
            [said] = [n for n in app.said_log if n.startswith("Not saved")]
            assert BUSY in said and "press Enter to save them again" in said
            lock.release()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentResultsScreen)
    [saved] = stored(locations)  # once, with every answer
    assert len(saved["answers"]) == 6


async def test_agreeing_to_the_safety_note_goes_on_when_the_history_is_held(
    locations: Locations, clock: FakeClock
):
    app = logging_notices(make_app(locations, clock, session_path=None, safety_seen=False))
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        with LockHolder(locations.database):
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)  # read and agreed: on
            assert any(BUSY in n and "show again next time" in n for n in app.said_log)
        assert acknowledged(app.store) is None  # so it asks again next time


async def test_a_rating_saved_while_the_history_is_held_stays_to_save_again(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        screen = app.screen
        assert isinstance(screen, PsfsScreen)
        typed = [("Socks", "3"), ("Sitting", "5"), ("Lifting", "1")]
        for n, (activity, score) in enumerate(typed):
            screen.query_one(f"#activity-{n}", Input).value = activity
            screen.query_one(f"#score-{n}", Input).value = score
        with LockHolder(locations.database) as lock:
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen
            error = str(screen.query_one("#psfs-error").content)
            assert error.startswith("Not saved") and BUSY in error
            assert screen.query_one("#activity-2", Input).value == "Lifting"
            lock.release()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [rating] = ratings(app.store)
        assert rating.scores == (("Socks", 3), ("Sitting", 5), ("Lifting", 1))
