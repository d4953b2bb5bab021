"""Plan edits: every change stays within the schema's bounds and returns a new session."""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from tuitrainer.session import RepRange, load_session
from tuitrainer.session.edit import (
    EditError,
    add,
    drop,
    format_reps,
    move,
    set_text,
    set_value,
    step,
    swap_sides,
    switch_mode,
)

QUICK = load_session(DATA / "sessions" / "quick.yaml", sound_dirs=[])


def test_set_value_returns_a_new_session_and_leaves_the_old_one():
    changed = set_value(QUICK, 0, "sets", 3)
    assert changed.exercises[0].sets == 3
    assert QUICK.exercises[0].sets == 1
    assert changed.exercises[1] == QUICK.exercises[1]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("sets", 51, "Sets must be from 1 up to 50"),
        ("sets", 0, "Sets must be from 1 up to 50"),
        ("sets", 2.5, "whole number"),
        ("rep_seconds", 0, "more than 0"),
        ("hold_seconds", 601, "up to 600"),
        ("rest_seconds", -1, "from 0"),
    ],
)
def test_values_outside_the_schema_are_refused(field, value, words):
    with pytest.raises(EditError, match=words):
        set_value(QUICK, 0, field, value)


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("get_ready_seconds", "abc", "Get ready must be a number of seconds, not 'abc'"),
        ("get_ready_seconds", "99999", "Get ready must be from 0 up to 3600 seconds, not 99999"),
        ("side_rest_seconds", "-5", "Switch sides must be from 0 up to"),
        ("rep_seconds", "0", "Rep time must be more than 0 up to"),
        ("sets", "two", "Sets must be a whole number, not 'two'"),
        ("reps", "ten", "Reps must be a number or a range such as 8-10, not 'ten'"),
    ],
)
def test_a_refused_value_is_named_as_its_column_is_not_by_its_field(field, typed, said):
    """The planning screen shows these as they are: the file's field names mean nothing there."""
    with pytest.raises(EditError) as refused:
        set_text(QUICK, 0, field, typed)
    assert str(refused.value).startswith(said)
    assert "_" not in str(refused.value)


def test_typed_reps_forms():
    assert format_reps(set_text(QUICK, 0, "reps", "8-10").exercises[0]) == "8-10"
    per_side = set_text(QUICK, 1, "reps", "4/6").exercises[1]
    assert per_side.sides == ("right", "left")
    assert per_side.reps == {"right": RepRange(4, 4), "left": RepRange(6, 6)}
    assert format_reps(per_side) == "4/6"
    for bad in ("10-8", "abc", "0", "1001", "1/2/3"):
        with pytest.raises(EditError):
            set_text(QUICK, 1, "reps", bad)


def test_typed_seconds_accept_a_trailing_s():
    assert set_text(QUICK, 0, "rest_seconds", "45s").exercises[0].rest_seconds == 45


def test_steps_move_by_the_knob_and_stop_at_floors_and_bounds():
    assert step(QUICK, 0, "reps", +1).exercises[0].reps["left"] == RepRange(4, 4)
    assert step(QUICK, 0, "rest_seconds", -1).exercises[0].rest_seconds == 0  # 5 -> 0
    zero = step(QUICK, 0, "rest_seconds", -1)
    assert step(zero, 0, "rest_seconds", -1) is zero
    one = set_value(QUICK, 0, "reps", 1)
    assert step(one, 0, "reps", -1).exercises[0].reps["left"] == RepRange(1, 1)
    fifty = set_value(QUICK, 0, "sets", 50)
    assert step(fifty, 0, "sets", +1).exercises[0].sets == 50
    half = set_value(QUICK, 0, "rep_seconds", 0.5)
    assert step(half, 0, "rep_seconds", -1).exercises[0].rep_seconds == 0.5
    ranged = set_text(QUICK, 0, "reps", "1-3")
    assert step(ranged, 0, "reps", -1).exercises[0].reps["left"] == RepRange(1, 3)
    assert step(ranged, 0, "reps", +1).exercises[0].reps["left"] == RepRange(2, 4)


def test_move_drop_and_the_last_exercise():
    moved = move(QUICK, 1, -1)
    assert [e.name for e in moved.exercises] == ["Reach and rotate", "Fire hydrant"]
    assert move(QUICK, 0, -1) is QUICK
    one = drop(QUICK, 0)
    assert [e.name for e in one.exercises] == ["Reach and rotate"]
    with pytest.raises(EditError, match="at least one"):
        drop(one, 0)


def test_add_gives_a_clashing_id_a_new_one():
    twice = add(QUICK, QUICK.exercises[0], at=0)
    assert [e.id for e in twice.exercises] == ["fire-hydrant", "fire-hydrant-2", "reach-and-rotate"]
    thrice = add(twice, QUICK.exercises[0])
    assert thrice.exercises[-1].id == "fire-hydrant-3"


def test_mode_and_side_order():
    assert switch_mode(QUICK, 0).exercises[0].mode == "self-paced"
    assert switch_mode(switch_mode(QUICK, 0), 0).exercises[0].mode == "guided"
    assert swap_sides(QUICK, 1).exercises[1].sides == ("left", "right")
    both = set_text(QUICK, 0, "reps", "3")
    from dataclasses import replace

    one_side = replace(
        both,
        exercises=(replace(both.exercises[0], sides=("both",), reps={"both": RepRange(3, 3)}),),
    )
    with pytest.raises(EditError, match="one side only"):
        swap_sides(one_side, 0)
