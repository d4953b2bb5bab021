"""What the floor view shows, worked out without a screen: the side beside the
movement, what comes next with its side, and the workout's length in minutes."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.unit.test_engine import make, run
from tuitrainer.display import SIDE_JOIN, describe, total_times

GUIDED = """
name: Side words
rest_seconds: 20
get_ready_seconds: 5
exercises:
  - name: Bird dog
    sides: [left, right]
    reps: 2
    tempo: [{say: lift, seconds: 2}, {say: hold, seconds: 12}, {say: lower, seconds: 2}]
  - name: Dead bug
    sides: [both]
    reps: 2
    rep_seconds: 4
"""


def side(word: str, side: str = "LEFT") -> str:
    return f"{side}{SIDE_JOIN}{word}"


def test_a_guided_side_offers_its_side_with_the_movement_and_the_widest_forms():
    clock = FakeClock()
    engine = make(GUIDED, clock)
    engine.start()
    run(engine, clock, 5 + 1)
    shown = describe(engine)
    assert shown.phase == "LIFT"
    assert shown.phase_fuller is not None
    assert shown.phase_fuller.text == side("LIFT")
    # Every form the rep takes, a hold's countdown at its widest (two digits): the
    # screen draws the fuller form only when all of them fit, so it never flickers.
    assert set(shown.phase_fuller.rooms) == {side("LIFT"), side("LOWER"), side("HOLD 88")}
    run(engine, clock, 2)
    shown = describe(engine)
    assert (shown.phase, shown.phase_fuller.text) == ("HOLD 11", side("HOLD 11"))


def test_paused_and_both_sides_have_no_side_word():
    clock = FakeClock()
    engine = make(GUIDED, clock)
    engine.start()
    run(engine, clock, 6)
    engine.pause()
    assert (describe(engine).phase, describe(engine).phase_fuller) == ("PAUSED", None)
    engine.resume()
    while engine.segment is not None and engine.segment.exercise.name != "Dead bug":
        engine.skip()
    engine.skip()  # past its get-ready, into the side
    shown = describe(engine)
    assert shown.phase == "LIFT"
    assert shown.phase_fuller is None  # "both sides" is not a side to point at


def test_a_rest_names_the_next_exercise_with_its_side_and_a_switch_names_the_side():
    clock = FakeClock()
    engine = make(GUIDED.replace("sides: [both]", "sides: [right]"), clock)
    engine.start()
    engine.skip()  # get ready -> left
    engine.skip()  # left -> switch sides
    shown = describe(engine)
    assert (shown.next_big, shown.next_fuller) == ("RIGHT SIDE", None)
    engine.skip()  # -> right
    engine.skip()  # -> rest
    shown = describe(engine)
    assert shown.next_title == "Next: Dead bug, right side"
    assert shown.next_big == "Dead bug"
    assert shown.next_fuller is not None
    assert shown.next_fuller.text == f"Dead bug{SIDE_JOIN}RIGHT"


def test_the_total_line_counts_whole_minutes_and_left_never_says_zero_too_soon():
    assert total_times(0, 125) == "0 min in · 3 min left"
    assert total_times(59.9, 60.1) == "0 min in · 2 min left"
    assert total_times(61, 60) == "1 min in · 1 min left"
    assert total_times(600, 0.5) == "10 min in · 1 min left"
    assert total_times(601, 0) == "10 min in · 0 min left"
    assert total_times(5, -3) == "0 min in · 0 min left"


def test_the_total_states_a_range_as_a_range():
    """9 of 8-10 and 10 of 8-10 are 19 of 16-20, as each side's row says it, never
    "19 of 19" (a target that moved with the reps done)."""
    from tuitrainer.tally import SideRow, total_text

    def row(reps: int, low: int, high: int) -> SideRow:
        return SideRow("Reach", 1, 1, "left", reps, high, low, f"{low}-{high}", 10.0, 0)

    assert total_text([row(9, 8, 10), row(10, 8, 10)]) == "19 of 16-20 reps"
    assert total_text([row(3, 3, 3), row(2, 3, 3)]) == "5 of 6 reps"
