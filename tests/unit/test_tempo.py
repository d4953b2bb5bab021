"""Guided reps said as movements (tempo), halfway cues, and +/- on a pause."""

from __future__ import annotations

import pytest

from tests.conftest import FakeClock
from tests.unit.test_engine import T0, load
from tuitrainer.engine import COUNTDOWN, Engine
from tuitrainer.events import Halfway, PartLengthChanged, SideKey, TempoPhaseStarted
from tuitrainer.planner import Kind, plan
from tuitrainer.session.model import TempoPhase

TEMPO = """
name: Tempo
get_ready_seconds: 10
exercises:
  - name: Bridge
    sides: [both]
    reps: 2
    tempo: [{say: lift, seconds: 2}, {say: hold, seconds: 1}, {say: lower, seconds: 3}]
  - name: Plank
    sides: [both]
    reps: 1
    rep_seconds: 2
    hold_seconds: 30
"""
BOTH = SideKey(0, 1, "both")


def started(text: str, clock: FakeClock) -> Engine:
    engine = Engine(plan(load(text)), clock=clock)
    engine.start()
    return engine


def plank_work(engine: Engine) -> int:
    works = enumerate(engine.segments)
    return next(i for i, s in works if s.kind is Kind.WORK and s.exercise_index == 1)


def phases_until(engine: Engine, clock: FakeClock, seconds: float) -> list[TempoPhaseStarted]:
    clock.advance(seconds)
    return [e for e in engine.tick() if isinstance(e, TempoPhaseStarted)]


def test_a_rep_runs_through_its_tempo_with_up_hold_and_down_tones(clock: FakeClock):
    engine = started(TEMPO, clock)
    assert engine.segments[1].seconds == 12.0  # 2 reps of 2 + 1 + 3
    said = phases_until(engine, clock, 10 + 12)
    assert [(e.rep, e.say, e.tone) for e in said] == [
        (1, "lift", "up"),
        (1, "hold", "hold"),
        (1, "lower", "down"),
        (2, "lift", "up"),
        (2, "hold", "hold"),
        (2, "lower", "down"),
    ]
    assert [e.at - T0 for e in said] == [10, 12, 13, 16, 18, 19]


def test_the_part_under_way_and_its_seconds_left(clock: FakeClock):
    engine = started(TEMPO, clock)
    assert engine.tempo_phase() is None  # get ready
    clock.advance(10 + 2.5)
    engine.tick()
    assert engine.tempo_phase() == (TempoPhase("hold", 1), pytest.approx(0.5))
    clock.advance(1)
    assert engine.tempo_phase() == (TempoPhase("lower", 3), pytest.approx(2.5))


def test_the_default_tempo_is_lift_hold_lower_from_rep_and_hold_seconds():
    plank = load(TEMPO).exercises[1]
    assert plank.phases == (TempoPhase("lift", 1), TempoPhase("hold", 30), TempoPhase("lower", 1))
    assert plank.seconds_per_rep == 32


def test_halfway_of_a_long_side_and_a_long_hold(clock: FakeClock):
    engine = started(TEMPO, clock)
    clock.advance(10 + 12)
    assert not [e for e in engine.tick() if isinstance(e, Halfway)]  # 12 s: too short
    engine = Engine(plan(load(TEMPO)), clock=clock)
    engine.start(plank_work(engine))
    start = clock.now
    clock.advance(40)
    halves = [e for e in engine.tick() if isinstance(e, Halfway)]
    # The side's halfway (16 s) and the hold's (1 + 15 s) fall together: one cue.
    assert [(e.what, e.at - start) for e in halves] == [("side", 16)]


def test_a_long_hold_apart_from_the_side_halfway_gets_its_own(clock: FakeClock):
    text = TEMPO.replace("reps: 1\n", "reps: 2\n")
    engine = Engine(plan(load(text)), clock=clock)
    engine.start(plank_work(engine))  # 2 reps of 32 s
    start = clock.now
    clock.advance(64)
    halves = [(e.what, e.at - start) for e in engine.tick() if isinstance(e, Halfway)]
    assert halves == [("hold", 16), ("side", 32), ("hold", 48)]


def test_plus_lengthens_a_pause_and_minus_shortens_it_but_keeps_the_countdown(clock):
    engine = started(TEMPO, clock)
    clock.advance(2)
    assert engine.remaining() == 8
    events = engine.adjust(15)
    assert events == [PartLengthChanged(T0 + 2, 0, 25)]
    assert engine.remaining() == 23 and engine.planned_total() == engine.timeline.total_seconds + 15
    engine.adjust(15)
    assert engine.remaining() == 38
    engine.adjust(-15)
    engine.adjust(-15)
    engine.adjust(-15)
    assert engine.remaining() == COUNTDOWN  # not straight into the side
    assert engine.adjust(-15) == []
    clock.advance(COUNTDOWN)
    engine.tick()
    assert engine.segment is not None and engine.segment.kind is Kind.WORK
    assert engine.total_elapsed() == 2 + COUNTDOWN


def test_plus_does_nothing_while_a_side_runs(clock: FakeClock):
    engine = started(TEMPO, clock)
    engine.skip()
    engine.adjust(15)
    assert engine.remaining() == 12 and not engine.extra
