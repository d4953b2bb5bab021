"""Look: the high-contrast theme measured on the screens as drawn (7:1 for every pair
of text and background), the theme kept in settings.toml, and the command palette."""

from __future__ import annotations

import pytest
from textual.strip import Strip

from tests.conftest import FakeClock
from tests.ui.conftest import make_app
from tuitrainer.config import load
from tuitrainer.locations import Locations
from tuitrainer.themes import contrast

ENHANCED = 7.0  # WCAG AAA for text


def low_contrast(strips: list[Strip]) -> set[tuple[float, str]]:
    """Every drawn character (not blank) whose colour is within 7:1 of its background."""
    found = set()
    for strip in strips:
        for segment in strip:
            style = segment.style
            if not segment.text.strip() or style is None:
                continue
            fg = style.color.get_truecolor() if style.color else None
            bg = style.bgcolor.get_truecolor() if style.bgcolor else None
            if style.reverse:
                fg, bg = bg, fg
            assert fg is not None and bg is not None, f"no colour for {segment.text!r}"
            if fg == bg and all(0x2500 <= ord(c) <= 0x259F for c in segment.text.strip()):
                continue  # a line drawn in the background colour: not there, by design
            ratio = contrast(tuple(fg), tuple(bg))
            if ratio < ENHANCED:
                found.add((round(ratio, 2), segment.text.strip()[:24]))
    return found


async def test_high_contrast_theme_keeps_every_pair_at_seven_to_one(
    locations: Locations, clock: FakeClock
) -> None:
    locations.config_file.write_text('theme = "high-contrast"\n')
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "high-contrast"
        seen = {}
        for key, name in [
            (None, "home"),
            ("question_mark", "help"),
            ("escape", None),
            ("g", "progress"),
            ("escape", None),
            ("e", "planning"),
            ("escape", None),
            ("enter", "pain question"),
            ("space", "workout"),
        ]:
            if key:
                await pilot.press(key)
                await pilot.pause()
            if name:
                seen[name] = low_contrast(app.screen._compositor.render_strips())
        assert seen == dict.fromkeys(seen, set())


async def test_a_theme_chosen_in_the_app_is_kept_with_the_users_own_lines(
    locations: Locations, clock: FakeClock
) -> None:
    locations.config_file.write_text("# mine\nvolume = 0.5\n\n[cues]\ncountdown = false\n")
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        app.theme = "textual-light"
        await pilot.pause()
    text = locations.config_file.read_text()
    assert text.startswith('# mine\nvolume = 0.5\ntheme = "textual-light"\n')
    assert "[cues]\ncountdown = false" in text
    prefs, problems = load(locations.config_file)
    assert (prefs.theme, prefs.volume, prefs.cues["countdown"], problems) == (
        "textual-light",
        0.5,
        False,
        [],
    )


def test_an_unknown_theme_is_a_problem_at_its_line(locations: Locations) -> None:
    locations.config_file.write_text('volume = 0.5\ntheme = "hihg-contrast"\n')
    prefs, problems = load(locations.config_file)
    assert prefs.theme == "textual-dark"
    assert problems == [
        f"{locations.config_file}:2: unknown theme 'hihg-contrast'; did you mean 'high-contrast'?"
    ]


async def test_the_command_palette_starts_a_session(locations: Locations, clock: FakeClock):
    from tuitrainer.screens.pain import PainBeforeScreen
    from tuitrainer.screens.workout import WorkoutScreen

    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "start thoracic":
            await pilot.press("space" if key == " " else key)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PainBeforeScreen)
        workout = app.screen_stack[-2]
        assert isinstance(workout, WorkoutScreen)
        assert workout.engine.timeline.session.title == "Thoracic mobility"


@pytest.mark.parametrize("command", ["high contrast", "sound on/off"])
async def test_palette_commands_for_look_and_sound(
    locations: Locations, clock: FakeClock, command: str
) -> None:
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        muted = app.preferences.muted
        await pilot.press("ctrl+p")
        for key in command:
            await pilot.press({" ": "space", "/": "slash"}.get(key, key))
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        if command == "high contrast":
            assert app.theme == "high-contrast"
        else:
            assert app.preferences.muted is not muted


def test_snapshot_high_contrast_home(snap_compare, locations: Locations, clock: FakeClock):
    locations.config_file.write_text('theme = "high-contrast"\n')
    app = make_app(locations, clock, session_path=None)
    assert snap_compare(app, terminal_size=(90, 24))


async def test_the_palette_waits_until_the_workout_is_left(locations: Locations, clock: FakeClock):
    from textual.command import CommandPalette

    app = make_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # past the pain question: the workout runs
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        assert any("outside a workout" in str(n.message) for n in app._notifications)


async def test_high_contrast_reaches_the_session_editors_text(
    locations: Locations, clock: FakeClock
) -> None:
    # The code editor draws with a syntax theme of its own: its text, line numbers
    # and highlighted keys must keep 7:1 as well, and follow a change of theme.
    from textual.widgets import TextArea

    from tuitrainer.screens.editor import EditorScreen

    locations.config_file.write_text('theme = "high-contrast"\n')
    mine = locations.user_sessions / "mine.yaml"
    mine.parent.mkdir(parents=True, exist_ok=True)
    mine.write_text("# my routine\nname: Mine\nexercises:\n  - name: Fire hydrant\n    reps: 8\n")
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.push_screen(EditorScreen(mine))
        await pilot.pause(0.5)
        area = app.screen.query_one(TextArea)
        box = area.region
        strips = app.screen._compositor.render_strips()[box.y : box.bottom]
        assert low_contrast([strip.crop(box.x, box.right) for strip in strips]) == set()
        app.theme = "textual-dark"
        await pilot.pause()
        assert area.theme != "high-contrast"
