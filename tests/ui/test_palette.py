"""The command palette's own commands do what the home screen's keys would."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import make_app
from tuitrainer.locations import Locations


async def test_the_palette_writes_the_clinician_report(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        for key in "report for":
            await pilot.press("space" if key == " " else key)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
    [report] = list(locations.reports.glob("report-*.md"))
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Exercise and pain report")
    assert "Nothing was recorded in this period." in text
