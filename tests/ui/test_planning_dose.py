"""Planning below the source's dose: said on screen before start or save, and in the file."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import make_app, text_of
from tuitrainer import dose
from tuitrainer.library import resolve
from tuitrainer.locations import Locations, builtin_dir
from tuitrainer.screens.planning import FIELDS, PlanningScreen
from tuitrainer.screens.questions import AskScreen, ChooseScreen, PickScreen
from tuitrainer.session import load_session


def label(app, selector: str) -> str:
    return str(app.screen.query_one(selector).content)


def planning_app(locations: Locations, clock: FakeClock, name: str = "low-back-routine"):
    session = resolve(name, locations)
    app = make_app(locations, clock, session_path=None)
    app.first_screen = lambda: PlanningScreen(session)
    return app


async def fit(pilot, text: str) -> None:
    await pilot.press("f", *text, "enter")
    await pilot.pause()


async def test_a_fit_below_the_dose_asks_then_warns_and_the_file_says_so(
    locations: Locations, clock: FakeClock
):
    app = planning_app(locations, clock)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert label(app, "#dose") == ""  # the routine as it is meets the dose
        await fit(pilot, "2")
        assert isinstance(app.screen, ChooseScreen)  # asked before anything changes
        assert "Fire hydrant" in str(app.screen.detail)
        await pilot.press("f")  # fewer reps, as asked
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanningScreen)
        # Fewer reps, but no switch under 5 s nor rest under 10 s: 2:00 is out of reach.
        assert label(app, "#changes").startswith("5:30 is as close to 2:00 as")
        warning = label(app, "#dose")
        assert warning.startswith("Below the source routine's dose: Fire hydrant ")
        assert screen.query_one("#dose").region.height >= 1  # on screen, not hidden
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press(*"two-minutes", "enter")
        await pilot.pause()
        saved = load_session(locations.user_sessions / "two-minutes.yaml", sound_dirs=[])
        assert saved.description.startswith("The full mobility routine")
        assert saved.description.endswith(warning)


async def test_keeping_the_dose_leaves_out_exercises_the_user_picks(
    locations: Locations, clock: FakeClock
):
    app = planning_app(locations, clock)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await fit(pilot, "4")
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("d")  # keep the dose
        await pilot.pause()
        picked = []
        while isinstance(app.screen, PickScreen):
            assert "leave out which exercise?" in app.screen.title_text
            picked.append(app.screen.items[0].split("  ")[0])
            await pilot.press("enter")  # the first one listed
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanningScreen)
        assert picked and picked[0] == "Fire hydrant"
        names = [e.name for e in screen.session.exercises]
        assert not set(picked) & set(names)
        assert dose.shortfalls(screen.session) == []
        assert label(app, "#dose") == ""
        assert screen.total_seconds() <= 4 * 60 + 6
        await pilot.press("u")  # each step can be undone: the fit, then each exercise left out
        await pilot.press("u")
        assert picked[-1] in [e.name for e in app.screen.session.exercises]


async def test_escape_on_the_question_changes_nothing(locations: Locations, clock: FakeClock):
    app = planning_app(locations, clock)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        before = app.screen.session
        await fit(pilot, "2")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.session is before


async def test_a_manual_change_below_the_dose_is_said_at_once(
    locations: Locations, clock: FakeClock
):
    app = planning_app(locations, clock, "hip-mobility")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#plan").move_cursor(row=1, column=FIELDS.index("reps"))
        await pilot.pause()
        await pilot.press("6", "enter")
        await pilot.pause()
        assert label(app, "#dose") == (
            "Below the source routine's dose: Straight-leg extension 6 a side"
            " (the source asks for 10)."
        )
        await pilot.press("u")
        assert label(app, "#dose") == ""


async def test_a_session_cut_below_the_dose_in_an_editor_says_so_before_the_start(
    locations: Locations, clock: FakeClock
):
    """Written down to 6 reps in any editor (not the planning screen, which notes it
    in the description): the workout's ready view says so before space starts it."""
    text = (
        (builtin_dir("sessions") / "hip-mobility.yaml")
        .read_text()
        .replace("reps: 10", "reps: 6", 1)
    )
    path = locations.user_sessions / "short-hips.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    app = make_app(locations, clock, path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape")  # no pain rating
        await pilot.pause()
        prompt = app.screen.query_one("#prompt")
        assert prompt.display
        assert text_of(app, "#prompt") == (
            "Below the source routine's dose: Fire hydrant 6 a side (the source asks for 10)."
        )
        await pilot.press("space")
        assert not app.screen.query_one("#prompt").display  # said before the start, then gone
