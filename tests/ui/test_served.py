"""Served to a browser (no login), the app does not open the session editor."""

from __future__ import annotations

import pytest

from tests.conftest import FakeClock
from tests.ui.conftest import make_app
from tuitrainer.locations import Locations
from tuitrainer.screens.home import HomeScreen


@pytest.mark.parametrize("key", ["n", "E"])
async def test_editing_is_off_when_served(
    locations: Locations, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    monkeypatch.setenv("TUITRAINER_SERVED", "1")
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        notices = [str(n.message) for n in app._notifications]
        assert any("Editing is off in the browser" in n for n in notices)


async def test_editing_works_in_a_terminal(locations: Locations, clock: FakeClock) -> None:
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)
