"""The floor view: big rep count and phase, the movement of a guided rep, a rep range's
low end, what comes next in a pause, and +/- on a pause. Snapshots at four sizes."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, FakeClock
from tests.ui.conftest import advance, footer_keys_shown, make_app, text_of
from tuitrainer import glyphs
from tuitrainer.locations import Locations
from tuitrainer.session import load_session
from tuitrainer.widgets.big_text import BigText

FLOOR = DATA / "sessions" / "floor.yaml"
# get ready 5, bird dog left 2 x (lift 2, hold 3, lower 2) = 14, switch 5, right 14,
# rest 20, get ready 5, clamshell left self-paced 8-10.

MOMENTS = {
    "lift": ["space", 5 + 1],
    "hold": ["space", 5 + 3],
    "lower": ["space", 5 + 5.5],
    "range": ["space", *"nnnnnn", *" " * 8, 1.5],  # past the halfway flash of rep 5
    "rest": ["space", 5 + 14 + 5 + 14 + 2],
    "paused": ["space", 5 + 1, "p"],
    "done": ["space", *"nnnnnn", *" " * 10],
}
SIZES = [(80, 24), (100, 30), (160, 45), (40, 12)]


async def play(pilot, clock: FakeClock, steps: list) -> None:
    await pilot.press("escape")  # no pain rating before it
    for step in steps:
        if isinstance(step, str):
            await pilot.press("space" if step == " " else step)
        else:
            await advance(pilot, clock, step)
    await pilot.pause()


async def test_a_guided_rep_says_lift_hold_and_lower(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(pilot, clock, MOMENTS["lift"])
        assert (text_of(app, "#phase"), text_of(app, "#count")) == ("LIFT", "0/2")
        assert text_of(app, "#clock-label") == "left on this side"
        await advance(pilot, clock, 1.5)
        assert text_of(app, "#phase") == "HOLD 3"  # its own countdown
        await advance(pilot, clock, 1)
        assert text_of(app, "#phase") == "HOLD 2"
        await advance(pilot, clock, 2.5)
        assert text_of(app, "#phase") == "LOWER"
        await advance(pilot, clock, 2)
        assert (text_of(app, "#phase"), text_of(app, "#count")) == ("LIFT", "1/2")


async def test_the_tempo_can_be_followed_by_ear(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(pilot, clock, ["space"])
        for _ in range(135):  # get ready and the first rep, in steps as the screen wakes
            await advance(pilot, clock, 0.1)
        # The first lift starts with "go"; the hold has its own level note, so stopping
        # and going on are heard too; then lower, and lift again.
        assert app.audio.played[-4:] == ["go", "hold", "down", "up"]


async def test_the_low_end_of_a_range_says_how_to_go_on_or_finish(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(pilot, clock, MOMENTS["range"][:-2])
        assert text_of(app, "#count") == "7/8-10"
        assert not app.screen.query_one("#prompt").display
        await pilot.press("space")
        assert text_of(app, "#count") == "8/8-10"
        assert text_of(app, "#prompt") == "space: one more · n: finish this side"
        assert app.screen.query_one("#prompt").region.height == 1
        await pilot.press("space", "space")
        assert app.screen.engine.finished  # the top of the range moves on, as before


async def test_a_pause_shows_what_comes_next_and_plus_minus_change_it(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(pilot, clock, MOMENTS["rest"])
        assert text_of(app, "#phase") == "REST"
        assert text_of(app, "#next-title") == "Next: Clamshell, left side"
        assert text_of(app, "#next-big") == "Clamshell"
        assert "Lie on your side, knees bent." in text_of(app, "#coach")  # start position
        assert text_of(app, "#clock") == "0:18"
        await pilot.press("plus", "plus")
        assert text_of(app, "#clock") == "0:48"
        await pilot.press("minus")
        assert text_of(app, "#clock") == "0:33"
        await advance(pilot, clock, 33)
        assert text_of(app, "#phase") == "GET READY"
        assert text_of(app, "#times").endswith("left")


def drawn(app, selector: str) -> str:
    """The words a big text draws now (its fuller form, with the side, when it had room)."""
    return app.screen.query_one(selector, BigText).drawn


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 45)], ids=str)
async def test_the_side_is_big_beside_the_movement_and_in_what_comes_next(
    locations: Locations, clock: FakeClock, size: tuple[int, int]
):
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=size) as pilot:
        await play(pilot, clock, MOMENTS["lift"])
        assert drawn(app, "#phase") == "LEFT · LIFT"
        await advance(pilot, clock, 1.5)
        assert drawn(app, "#phase") == "LEFT · HOLD 3"
        await advance(pilot, clock, 3)
        assert drawn(app, "#phase") == "LEFT · LOWER"
        await advance(pilot, clock, 14 - 5.5 + 5 + 1)  # the switch, then the right side
        assert drawn(app, "#phase") == "RIGHT · LIFT"
        await advance(pilot, clock, 14 - 1 + 2)  # the rest before the clamshell
        assert drawn(app, "#phase") == "REST"
        assert drawn(app, "#next-big") == "CLAMSHELL · LEFT"
        await advance(pilot, clock, 18 + 5)  # the self-paced side: its side is its word
        assert drawn(app, "#phase") == "LEFT"


async def test_at_40x12_the_movement_keeps_its_size_and_the_side_goes_small(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=(40, 12)) as pilot:
        await play(pilot, clock, MOMENTS["lift"])
        phase = app.screen.query_one("#phase", BigText)
        assert (phase.drawn, phase.scale) == ("LIFT", 1)
        assert text_of(app, "#status") == "Left side"
        for _ in range(3):  # lift, hold, lower: the same form all through the rep
            await advance(pilot, clock, 2)
            assert "LEFT" not in phase.drawn


@pytest.mark.parametrize(("size", "rows"), [((80, 24), 3), ((160, 45), 5)])
async def test_the_rep_count_is_tall_enough_to_read_from_the_floor(
    locations: Locations, clock: FakeClock, size: tuple[int, int], rows: int
):
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=size) as pilot:
        await play(pilot, clock, MOMENTS["lift"])
        for selector in ("#count", "#phase"):
            widget = app.screen.query_one(selector, BigText)
            assert widget.scale >= 1
            assert glyphs.rows(widget.scale) >= rows
            assert widget.region.height >= rows, selector
            drawn = [line for line in widget.render().plain.splitlines() if line.strip()]
            assert len(drawn) >= rows, selector  # the glyphs themselves, not padding


async def test_at_40x12_the_count_stays_big_and_the_rest_gives_way(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=(40, 12)) as pilot:
        await play(pilot, clock, MOMENTS["lift"])
        assert app.screen.query_one("#count").region.height == 3
        for gone in ("#sides", "#coach", "#figure", "#progress-row"):
            assert not app.screen.query_one(gone).region.height, gone
        assert text_of(app, "#phase") == "LIFT"
        assert app.screen.query_one("#phase").region.height >= 1


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_snapshot(snap_compare, locations: Locations, clock: FakeClock, moment, size):
    app = make_app(locations, clock, FLOOR)

    async def run_before(pilot) -> None:
        await play(pilot, clock, MOMENTS[moment])

    assert snap_compare(app, run_before=run_before, terminal_size=size)


LONG_SIDE = """name: Long side
get_ready_seconds: 2
exercises:
  - name: Bridge
    sides: [both]
    reps: 5
    rep_seconds: 4
"""


async def halfway_flashes(locations: Locations, clock: FakeClock) -> list[bool]:
    """Whether the side panel is lit just before, at, and after a 20 s side's halfway."""
    path = locations.data_dir / "long.yaml"
    path.write_text(LONG_SIDE, encoding="utf-8")
    app = make_app(locations, clock, path)
    lit = []
    async with app.run_test(size=(80, 24)) as pilot:
        await play(pilot, clock, ["space", 2 + 9.9])
        for step in (0.0, 0.2, 1.0):
            await advance(pilot, clock, step)
            lit.append(app.screen.query_one("SidePanel").has_class("-halfway"))
    return lit


async def test_halfway_flashes_the_side_panel(locations: Locations, clock: FakeClock):
    assert await halfway_flashes(locations, clock) == [False, True, False]


async def test_a_setting_switches_the_halfway_cue_off(locations: Locations, clock: FakeClock):
    locations.config_file.parent.mkdir(parents=True, exist_ok=True)
    locations.config_file.write_text("[cues]\nhalfway = false\n", encoding="utf-8")
    assert await halfway_flashes(locations, clock) == [False, False, False]


async def test_the_sound_notice_waits_for_a_workout_and_comes_once_per_machine(
    locations: Locations, clock: FakeClock
):
    from tuitrainer.screens.messages import StartSession
    from tuitrainer.screens.workout import WorkoutScreen

    missing = "Sound: terminal bell, no sound device"
    app = make_app(locations, clock, None)  # the home screen: it plays nothing
    async with app.run_test(size=(80, 24)) as pilot:
        app.sound_chosen(missing)
        await pilot.pause()
        assert not app._notifications  # not on a screen that plays nothing
        app.post_message(StartSession(load_session(FLOOR)))
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.notice == missing  # in its own line, not over the count
        assert not app._notifications
    app = make_app(locations, FakeClock(), FLOOR)
    async with app.run_test(size=(80, 24)) as pilot:
        app.sound_chosen(missing)  # the next run on this machine
        await pilot.press("escape")
        assert app.screen.notice == ""
        app.sound_chosen("Sound: simpleaudio")  # a working device goes unsaid
        assert app.screen.notice == ""


async def test_notices_come_one_at_a_time(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, None)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("first")
        app.notify("second")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["second"]


async def test_a_built_in_name_with_brackets_is_drawn_big_in_get_ready(
    locations: Locations, clock: FakeClock
):
    """ "Reach and rotate (thread the needle)" is a built-in exercise: its name in a
    get-ready or a rest must be read from the floor, not fall back to small text."""
    path = locations.data_dir / "brackets.yaml"
    path.write_text(
        "name: Brackets\nexercises:\n  - name: Reach and rotate (thread the needle)\n"
        "    reps: 8-10\n    mode: self-paced\n",
        encoding="utf-8",
    )
    app = make_app(locations, clock, path)
    async with app.run_test(size=(100, 30)) as pilot:
        await play(pilot, clock, ["space", 1])
        big = app.screen.query_one("#next-big", BigText)
        assert text_of(app, "#next-big") == "Reach and rotate (thread the needle)"
        assert big.scale >= 1
        assert big.region.height >= glyphs.rows(1)


async def test_minus_in_the_last_seconds_of_a_rest_says_why_it_did_nothing(
    locations: Locations, clock: FakeClock
):
    """In a rest's countdown, `-` cannot shorten it: the notice says so, instead of
    telling a person who is in a rest that +/- work in rests."""
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(pilot, clock, MOMENTS["rest"])
        assert text_of(app, "#phase") == "REST"
        await advance(pilot, clock, 16.5)  # 1.5 s left: the countdown
        await pilot.press("minus")
        assert "last 3 seconds" in app.screen.notice
        assert "change the length" not in app.screen.notice


def test_the_fuller_form_is_drawn_only_when_each_of_its_forms_fits():
    """At a width where "RIGHT · LIFT" fits and "RIGHT · LOWER" does not, the phase
    stays "LIFT"/"LOWER" all through the rep: the side does not come and go."""
    join = "\u00a0·\u00a0"
    rooms = [f"RIGHT{join}LIFT", f"RIGHT{join}LOWER"]
    columns = glyphs.width(rooms[0], 1) + 1
    assert glyphs.width(rooms[1], 1) > columns
    big = BigText()
    big.update("LIFT", rooms[0], rooms)
    assert big.layout_for(columns) == (1, ["LIFT"])
    assert big.layout_for(glyphs.width(rooms[1], 1)) == (1, [rooms[0]])
    big.max_scale = 2  # never smaller glyphs for the sake of the side
    wide = glyphs.width("LIFT", 2)
    assert big.layout_for(wide) == (2, ["LIFT"])


@pytest.mark.parametrize(("size", "figure"), [((100, 30), False), ((160, 45), True)], ids=str)
async def test_the_footer_offers_v_only_where_the_figure_has_room(
    locations: Locations, clock: FakeClock, size: tuple[int, int], figure: bool
):
    """Below 110 columns no figure is drawn: `v` gives its place to + and -, which fit."""
    app = make_app(locations, clock, FLOOR)
    async with app.run_test(size=size) as pilot:
        await play(pilot, clock, MOMENTS["rest"])
        await footer_keys_shown(pilot)
        keys = {key.description: key for key in app.screen.query("FooterKey")}
        assert ("Figure" in keys) is figure
        for description in ("+15 s", "-15 s"):  # drawn whole, inside the screen
            assert keys[description].region.right <= size[0], description
