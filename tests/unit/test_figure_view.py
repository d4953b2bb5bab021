"""Which figure the workout shows at each moment, from the engine alone (no UI)."""

from __future__ import annotations

import pytest

from tests.conftest import FakeClock
from tuitrainer.engine import Engine
from tuitrainer.figure_view import figure_view
from tuitrainer.planner import Kind, plan
from tuitrainer.session.load import check_text

TEXT = """name: T
get_ready_seconds: 4
rest_seconds: 5
exercises:
  - name: Bird dog
    sides: [left, right]
    reps: 2
    rep_seconds: 4
    hold_seconds: 4
    side_rest_seconds: 3
  - name: Shoulder rolls
    reps: 2
  - name: Glute bridge
    sides: [both]
    reps: 2
"""


@pytest.fixture
def engine() -> Engine:
    session, problems = check_text(TEXT, "t.yaml", sound_dirs=[])
    assert not problems
    return Engine(plan(session), FakeClock())


def test_get_ready_shows_the_start_pose_of_the_first_side(engine):
    view = figure_view(engine)  # before the start
    assert view is not None and view.spec.id == "bird-dog"
    assert (view.side, view.fraction) == ("left", 0.0)
    engine.start()
    assert engine.segment.kind is Kind.GET_READY
    assert figure_view(engine).fraction == 0.0


def test_a_guided_rep_moves_out_holds_then_comes_back(engine):
    engine.start()
    engine.clock.advance(4)  # the left side starts: 2 s out, 4 s hold, 2 s back
    engine.tick()
    fractions = []
    for _ in range(8):
        fractions.append(round(figure_view(engine).fraction, 3))
        engine.clock.advance(1)
        engine.tick()
    assert fractions == [0.0, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5]
    engine.pause()
    frozen = figure_view(engine).fraction
    engine.clock.advance(0.5)
    assert figure_view(engine).fraction == frozen  # a pause freezes the figure


def test_the_switch_shows_the_next_side_and_a_rest_the_next_exercise(engine):
    engine.start()
    engine.skip()  # get ready
    engine.skip()  # left side
    assert engine.segment.kind is Kind.SIDE_REST
    view = figure_view(engine)
    assert (view.spec.id, view.side, view.fraction) == ("bird-dog", "right", 0.0)
    engine.skip()
    engine.skip()
    assert engine.segment.kind is Kind.REST
    assert figure_view(engine) is None  # "Shoulder rolls" has no figure: none is shown
    engine.skip()
    engine.skip()  # get ready for shoulder rolls
    while engine.segment.exercise.name == "Shoulder rolls":
        engine.skip()
    view = figure_view(engine)
    assert view.spec.id == "glute-bridge" and view.side == "both"


def test_the_screen_is_told_when_the_figure_next_moves(engine):
    engine.start()
    engine.clock.advance(4.2)  # 0.2 s into the lift (2 s): the next step is at 0.5 s
    engine.tick()
    view = figure_view(engine)
    assert view.next_change == pytest.approx(0.3)
    engine.clock.advance(2.0)  # into the 4 s hold: nothing moves until it ends, on a step
    engine.tick()
    assert figure_view(engine).fraction == 1.0
