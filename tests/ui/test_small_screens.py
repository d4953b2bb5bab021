"""Small terminals: what must still show (planning keys and names, the rep times of a
workout, the quit question at 20x5)."""

from __future__ import annotations

import pytest

from tests.conftest import FakeClock
from tests.ui.conftest import QUICK, footer_keys_shown, make_app
from tests.ui.test_progress import known_app, open_progress
from tuitrainer.locations import Locations
from tuitrainer.screens.planning import FIELDS, PlanningScreen, open_planning
from tuitrainer.screens.questions import ConfirmScreen
from tuitrainer.screens.workout_detail import WorkoutDetailScreen, rep_offsets


def test_a_long_list_of_rep_times_says_it_is_cut():
    times = [2.0 * n for n in range(1, 21)]
    text = rep_offsets(times, 28)
    assert len(text) <= 28 and text.startswith("2.0 4.0 ") and text.endswith("… +15")
    assert rep_offsets(times[:3], 28) == "2.0 4.0 6.0"  # room enough: all of them


async def test_the_workout_detail_fits_its_rep_times_at_80_columns(
    locations: Locations, clock: FakeClock
):
    app = known_app(locations, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(app, pilot)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, WorkoutDetailScreen)
        detail = app.screen.query_one("#detail-sides")
        widest = max(len(str(detail.get_row_at(r)[4])) for r in range(detail.row_count))
        assert widest <= 80 - 52


async def open_plan(locations: Locations, clock: FakeClock, pilot, app) -> PlanningScreen:
    (locations.user_sessions / "quick.yaml").write_text(QUICK.read_text())
    await pilot.pause()
    open_planning(app, locations.user_sessions / "quick.yaml", "user")
    await pilot.pause()
    assert isinstance(app.screen, PlanningScreen)
    return app.screen


async def test_planning_at_40x12_opens_on_the_names(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await open_plan(locations, clock, pilot, app)
        table = screen.query_one("#plan")
        assert table.scroll_x == 0 and table.cursor_coordinate.column == 0


async def test_planning_keys_that_get_you_anywhere_fit_in_80_columns(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(locations, clock, pilot, app)
        assert screen.query_one("#plan").cursor_coordinate.column == FIELDS.index("reps")
        footer = screen.query_one("Footer")
        shown = [k for k in footer.query("FooterKey") if k.region.right <= 80 and k.region.width]
        words = " ".join(k.description for k in shown)
        for needed in ("Start", "Save as", "Help", "Back", "Add", "Drop", "Fit", "Undo"):
            assert needed in words, words
        # Nothing cut at the edge: every key the footer shows is whole within 80 columns
        # (the help lists the rest).
        parts = list(footer.query("FooterKey, FooterLabel"))
        assert parts and all(p.region.width > 0 and p.region.right <= 79 for p in parts)


async def test_the_quit_question_shows_at_20x5(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.press("escape", "space", "q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = app.screen.query_one(".question")
        keys = app.screen.query_one(".keys")
        assert question.region.height == 1 and keys.region.height == 1
        assert question.region.bottom <= 5 and keys.region.bottom <= 5


@pytest.mark.parametrize("width", [40, 50, 62, 80])
async def test_the_planning_footer_shows_plus_and_minus_whole_or_not_at_all(
    locations: Locations, clock: FakeClock, width: int
):
    """+ and - are one footer entry with one label: never the label without its keys."""
    from textual.widgets._footer import FooterLabel, KeyGroup

    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(width, 20)) as pilot:
        screen = await open_plan(locations, clock, pilot, app)
        await footer_keys_shown(pilot)
        await pilot.pause()
        footer = screen.query_one("Footer")
        [group] = footer.query(KeyGroup)
        [label] = footer.query(FooterLabel)
        assert group.display == label.display == (width >= 50)
        shown = [part for part in footer.children if part.display]
        assert all(part.region.right <= width - 1 for part in shown)
