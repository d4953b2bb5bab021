"""Random sessions, random button presses, random clock jumps: the engine holds up."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FakeClock
from tuitrainer.engine import Engine
from tuitrainer.events import Event, PhaseStarted, WorkoutFinished
from tuitrainer.planner import plan
from tuitrainer.session import Session, check_text

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- sessions -----------------------------------------------------------------------

seconds = st.one_of(
    st.sampled_from([0, 0, 1, 2.5, 3, 5, 10]),
    st.floats(min_value=0, max_value=20, allow_nan=False, allow_infinity=False),
)
tempo = st.one_of(
    st.sampled_from([0.5, 1, 2, 3, 4]),
    st.floats(min_value=0.05, max_value=6, allow_nan=False, allow_infinity=False),
)


@st.composite
def rep_dose(draw: st.DrawFn) -> int | str:
    low = draw(st.integers(min_value=1, max_value=6))
    if draw(st.booleans()):
        return low
    return f"{low}-{draw(st.integers(min_value=low, max_value=low + 4))}"


@st.composite
def exercise(draw: st.DrawFn, guided_only: bool) -> dict[str, Any]:
    sides = draw(st.sampled_from([["left", "right"], ["right", "left"], ["both"], ["left"]]))
    if sides != ["both"] and draw(st.booleans()):
        reps: Any = {side: draw(rep_dose()) for side in sides}
    else:
        reps = draw(rep_dose())
    ex: dict[str, Any] = {
        "name": "x",  # replaced by a unique name below
        "sides": sides,
        "sets": draw(st.integers(min_value=1, max_value=3)),
        "reps": reps,
        "mode": "guided" if guided_only else draw(st.sampled_from(["guided", "self-paced"])),
        "rep_seconds": draw(tempo),
        "hold_seconds": draw(st.sampled_from([0, 0, 0.5, 1, 2])),
        "side_rest_seconds": draw(seconds),
        "set_rest_seconds": draw(seconds),
        "tips": draw(st.lists(st.sampled_from(["a", "b", "c"]), max_size=3)),
    }
    if draw(st.booleans()):
        ex["rest_seconds"] = draw(seconds)
    if draw(st.booleans()):
        ex["get_ready_seconds"] = draw(seconds)
    if not ex["tips"]:
        del ex["tips"]
    return ex


@st.composite
def sessions(draw: st.DrawFn, guided_only: bool = False) -> Session:
    exercises = draw(st.lists(exercise(guided_only), min_size=1, max_size=4))
    for number, ex in enumerate(exercises, start=1):
        ex["name"] = f"Exercise {number}"
    doc = {
        "name": "Random",
        "rest_seconds": draw(seconds),
        "get_ready_seconds": draw(seconds),
        "exercises": exercises,
    }
    text = yaml.safe_dump(doc, sort_keys=False)
    session, problems = check_text(text, "random.yaml")
    assert not problems, (text, problems)
    assert session is not None
    return session


# -- what the user and the clock do -------------------------------------------------------

CONTROLS = ["tick", "log_rep", "undo_rep", "pause", "resume", "toggle_pause", "skip", "back"]

small_step = st.floats(min_value=0, max_value=3, allow_nan=False, allow_infinity=False)
jump = st.floats(min_value=0, max_value=400, allow_nan=False, allow_infinity=False)
steps = st.one_of(
    st.tuples(st.just("advance"), st.one_of(small_step, small_step, jump, st.just(0.0))),
    st.tuples(st.sampled_from(CONTROLS), st.just(0.0)),
    st.tuples(st.just("tick"), st.just(0.0)),
    st.tuples(st.just("log_rep"), st.just(0.0)),
)
speeds = st.sampled_from([1.0, 1.0, 2.5, 10.0, 60.0])


class Watch:
    """Drives an engine and checks every invariant after every step."""

    def __init__(self, session: Session, speed: float) -> None:
        self.clock = FakeClock()
        self.engine = Engine(plan(session), self.clock, speed)
        self.heard: list[Event] = []
        self.engine.subscribe(self.heard.append)
        self.returned: list[Event] = []

    def do(self, action: str, amount: float = 0.0) -> None:
        if action == "advance":
            self.clock.advance(amount)
        else:
            before = len(self.heard)
            got = getattr(self.engine, action)()
            assert got == self.heard[before:], action  # returned == heard, same order
            self.returned += got
        self.check()

    def check(self) -> None:
        engine, now = self.engine, self.clock.now
        for key, stats in engine.stats.items():
            assert 0 <= stats.reps <= stats.target, (key, stats)
            shown = engine.side_stats(key)
            assert 0 <= shown.reps <= shown.target
            assert shown.seconds >= 0
        assert engine.elapsed() >= 0
        remaining = engine.remaining()
        assert remaining is None or remaining >= 0
        assert engine.total_elapsed() >= 0
        assert engine.total_remaining() >= 0
        assert 0 <= engine.rep_progress() <= 1
        stamps = [e.at for e in self.heard]
        assert all(a <= b for a, b in zip(stamps, stamps[1:], strict=False)), stamps
        assert all(at <= now for at in stamps)
        for event in self.heard:
            if isinstance(event, PhaseStarted):
                assert engine.segments[event.index] == event.segment
        finishes = [e for e in self.heard if isinstance(e, WorkoutFinished)]
        assert len(finishes) == (1 if engine.finished else 0)
        if engine.finished:
            assert finishes[0].status == engine.status
            assert finishes[0].at == engine.finished_at
            assert not engine.paused

    def drain(self) -> None:
        """Let the workout run out: resume, wait, tick, and log reps when asked for."""
        for _ in range(10_000):
            if self.engine.finished:
                return
            if self.engine.paused:
                self.do("resume")
            self.do("advance", 50.0)
            self.do("tick")
            self.do("log_rep")
        raise AssertionError("the workout never finished")


def start(session: Session, speed: float, head: float) -> Watch:
    watch = Watch(session, speed)
    watch.do("advance", head)
    watch.do("start")
    assert watch.engine.started_at == watch.clock.now
    return watch


@SETTINGS
@given(
    session=sessions(),
    speed=speeds,
    head=small_step,
    script=st.lists(steps, max_size=40),
)
def test_invariants_hold_whatever_is_pressed(session, speed, head, script):
    watch = start(session, speed, head)
    for action, amount in script:
        watch.do(action, amount)
    watch.drain()
    assert watch.engine.status == "completed"
    assert watch.returned[-1] == WorkoutFinished(watch.engine.finished_at, "completed")


@SETTINGS
@given(
    session=sessions(guided_only=True),
    speed=speeds,
    head=small_step,
    script=st.lists(steps, max_size=40),
)
def test_guided_finish_time_adds_up(session, speed, head, script):
    watch = start(session, speed, head)
    for action, amount in script:
        watch.do(action, amount)
    watch.drain()
    engine = watch.engine
    assert engine.status == "completed"
    expected = (
        engine.started_at
        + (engine.timeline.total_seconds - engine.skipped_total + engine.rewound_total)
        / engine.speed
        + engine.paused_total
    )
    assert abs(engine.finished_at - expected) < 1e-6, (engine.finished_at, expected)


@SETTINGS
@given(session=sessions(guided_only=True), speed=speeds, jumps=st.lists(jump, max_size=8))
def test_late_ticks_change_nothing_but_when_events_are_noticed(session, speed, jumps):
    """However the ticks are bunched, a guided workout emits the same events."""
    steady = Watch(session, speed)
    steady.do("start")
    while not steady.engine.finished:
        steady.do("advance", 0.5)
        steady.do("tick")
    bunched = Watch(session, speed)
    bunched.do("start")
    for amount in jumps:
        bunched.do("advance", amount)
        bunched.do("tick")
    bunched.do("advance", 1e6)
    bunched.do("tick")
    assert bunched.heard == steady.heard
    total = bunched.engine.timeline.total_seconds
    assert abs(bunched.engine.finished_at - (bunched.engine.started_at + total / speed)) < 1e-6
