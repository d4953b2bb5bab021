"""The screen is kept awake while a workout runs: a fake ScreenSaver on a private bus."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, FakeClock
from tests.ui.conftest import advance, make_app
from tuitrainer.awake import FreedesktopScreenSaver, Nothing, for_this_system
from tuitrainer.locations import Locations


@pytest.fixture
def screensaver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private session bus with a fake ScreenSaver on it; yields its call log."""
    assert shutil.which("dbus-run-session"), "the dbus package is needed (CI installs it)"
    log = tmp_path / "screensaver.log"
    log.touch()
    service = subprocess.Popen(
        [
            "dbus-run-session",
            "--",
            sys.executable,
            str(REPO / "tests" / "fake_screensaver.py"),
            str(log),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert service.stdout is not None and service.stdin is not None
    address = service.stdout.readline().strip()
    assert service.stdout.readline().strip() == "ready"
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    try:
        yield log
    finally:
        service.stdin.close()
        service.wait(timeout=10)


def calls(log: Path) -> list[str]:
    return [" ".join(line.split()[:2]) for line in log.read_text().splitlines()]


def held(log: Path) -> bool:
    """Whether an inhibition is in force now."""
    cookies: set[str] = set()
    for line in log.read_text().splitlines():
        verb, cookie, *_ = line.split()
        (cookies.add if verb == "inhibit" else cookies.discard)(cookie)
    return bool(cookies)


async def test_inhibited_while_running_released_on_pause_end_and_exit(
    screensaver: Path, locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape")  # no pain rating
        assert not held(screensaver)  # waiting for space: the screen may blank
        await pilot.press("space")
        assert held(screensaver)
        assert screensaver.read_text().split()[2] == "tuitrainer"
        await pilot.press("p")
        assert not held(screensaver)  # paused
        await pilot.press("p")
        assert held(screensaver)
        await advance(pilot, clock, 2)
        await pilot.press("q")  # the question pauses it
        assert not held(screensaver)
        await pilot.press("n")
        assert held(screensaver)
    assert not held(screensaver)  # the app has gone: released at exit
    assert calls(screensaver) == [
        "inhibit 1",
        "uninhibit 1",
        "inhibit 2",
        "uninhibit 2",
        "inhibit 3",
        "uninhibit 3",
    ]


async def test_released_when_the_workout_ends(
    screensaver: Path, locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape", "space")
        assert held(screensaver)
        await pilot.press("q", "y")
        await pilot.pause()
        assert not held(screensaver)  # the summary: nothing runs


def test_the_setting_and_a_missing_bus_keep_nothing(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    assert isinstance(for_this_system(enabled=False), Nothing)
    awake = for_this_system()
    assert isinstance(awake, FreedesktopScreenSaver)
    awake.hold()  # no bus there: quietly nothing
    awake.release()
    assert awake.cookie is None
