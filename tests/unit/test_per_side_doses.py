"""Different doses per side, as an assessment plan gives them, through planner and engine."""

from __future__ import annotations

from tests.conftest import FakeClock
from tuitrainer.engine import Engine
from tuitrainer.events import RepCounted, SideFinished
from tuitrainer.planner import Kind, plan
from tuitrainer.session import check_text

PER_SIDE = """
name: Uneven
get_ready_seconds: 2
exercises:
  - name: Fire hydrant
    id: fire-hydrant
    reps: {left: 2, right: 4}
    rep_seconds: 2
    side_rest_seconds: 3
"""


def test_guided_sides_run_their_own_rep_counts_and_lengths():
    session, problems = check_text(PER_SIDE, "uneven.yaml")
    assert problems == []
    timeline = plan(session)
    work = [(s.side, s.seconds) for s in timeline.segments if s.kind is Kind.WORK]
    assert work == [("left", 4.0), ("right", 8.0)]
    clock = FakeClock()
    engine = Engine(timeline, clock=clock)
    events = engine.start()
    for _ in range(20):  # 2 + 4 + 3 + 8 = 17 s, ticked in whole seconds
        clock.advance(1)
        events += engine.tick()
    assert engine.finished
    finished = [(e.key.side, e.reps, e.target) for e in events if isinstance(e, SideFinished)]
    assert finished == [("left", 2, 2), ("right", 4, 4)]
    reps = [(e.key.side, e.reps) for e in events if isinstance(e, RepCounted)]
    assert reps == [
        ("left", 1),
        ("left", 2),
        ("right", 1),
        ("right", 2),
        ("right", 3),
        ("right", 4),
    ]
