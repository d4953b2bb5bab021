"""A settings file with mistakes: one notice at start that fits the screen, defaults used."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import make_app
from tuitrainer.locations import Locations


async def test_settings_problems_come_as_one_notice_with_line_numbers(
    locations: Locations, clock: FakeClock
):
    locations.config_file.write_text(
        "volume = 2\nmuted = 'yes'\nask_pain_before = 1\n[cues]\nrep = 'off'\n[cue]\ngo = false\n"
    )
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notices = [n for n in app._notifications if n.title == "Settings"]
        assert len(notices) == 1
        lines = notices[0].message.splitlines()
        assert lines[0] == f"In {locations.config_file}:"
        assert lines[1] == "line 1: volume must be a number from 0 to 1, not 2"
        assert lines[2] == "line 2: muted must be true or false, not 'yes'"
        assert lines[4] == "line 5: cues.rep must be true or false"
        assert lines[5] == "and 1 more (tuitrainer sound-check lists all)"
        assert app.preferences.volume == 0.8 and app.preferences.ask_pain_before is True
