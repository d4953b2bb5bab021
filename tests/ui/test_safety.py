"""The safety note: the urgent signs apart, the note marked as tuitrainer's own."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import make_app, text_of
from tuitrainer.locations import Locations
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.safety import SafetyScreen

URGENT = [
    "loss of control of your bladder or bowels",
    "numbness around your groin or buttocks",
    "new weakness in a leg",
    "a fever, or weight loss you cannot explain",
    "pain that began after a fall or an accident",
]


async def test_the_red_flags_are_a_list_of_their_own(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")  # one key away from home
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        heading = text_of(app, "#red-flags-heading")
        assert heading.startswith("Get care today")
        assert "do not exercise" in heading
        listed = text_of(app, "#red-flags-list").splitlines()
        assert [line.removeprefix("  • ") for line in listed] == URGENT
        # The other reasons to see someone first are a separate, less urgent list.
        others = text_of(app, "#safety-text")
        assert "runs down a leg" in others
        assert not any(sign in others for sign in URGENT)
        # Not the source article's advice: the note says whose it is.
        assert "tuitrainer's own safety note" in text_of(app, "#safety-origin")
        assert app.screen.query_one("#red-flags").region.height > len(URGENT)


async def test_the_whole_note_can_be_read_on_a_small_terminal(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        box = app.screen.query_one("#safety")
        assert box.region.bottom <= 24
        box.scroll_end(animate=False)
        await pilot.pause()
        status = app.screen.query_one("#safety-status")
        assert box.region.contains_region(status.region)
