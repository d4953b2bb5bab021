"""The workout engine on a fake clock: phases, reps, controls, timing. Never sleeps."""

from __future__ import annotations

from itertools import accumulate

import pytest

from tests.conftest import FakeClock
from tuitrainer.engine import BACK_GRACE, Engine
from tuitrainer.engine_clock import TIP_SECONDS
from tuitrainer.events import (
    CountdownTick,
    Event,
    Paused,
    PhaseStarted,
    RepCounted,
    RepUndone,
    Resumed,
    SideFinished,
    SideKey,
    SideRestarted,
    SideSwitched,
    TempoPhaseStarted,
    TipChanged,
    WorkoutFinished,
    WorkoutStarted,
)
from tuitrainer.planner import Kind, Timeline, plan
from tuitrainer.session import Session, check_text

T0 = 1000.0  # FakeClock's start

# GR 10, L 12, SR 5, R 12, SET 6, L 12, SR 5, R 12, REST 20, GR 10, BOTH 20 = 124 s
GUIDED = """
name: Guided
get_ready_seconds: 10
rest_seconds: 20
exercises:
  - name: Bridge
    id: bridge
    sides: [left, right]
    sets: 2
    reps: 3
    rep_seconds: 3
    hold_seconds: 1
    side_rest_seconds: 5
    set_rest_seconds: 6
    tips: [one, two, three]
  - name: Cat cow
    id: cat-cow
    sides: [both]
    reps: 5
    rep_seconds: 4
"""
GUIDED_TOTAL = 124.0

# GR 5, L (self-paced, 3 reps), SR 4, R (self-paced, 3 reps)
SELF = """
name: Self
get_ready_seconds: 5
exercises:
  - name: Dead bug
    id: dead-bug
    sides: [left, right]
    reps: 3
    mode: self-paced
    rep_seconds: 2
    side_rest_seconds: 4
    tips: [a, b]
"""

LEFT = SideKey(0, 1, "left")
RIGHT = SideKey(0, 1, "right")


def load(text: str) -> Session:
    session, problems = check_text(text, "x.yaml")
    assert not problems, problems
    assert session is not None
    return session


def make(text: str, clock: FakeClock, speed: float = 1.0) -> Engine:
    return Engine(plan(load(text)), clock, speed)


def of(events: list[Event], cls: type) -> list:
    return [e for e in events if isinstance(e, cls)]


def run(engine: Engine, clock: FakeClock, seconds: float, step: float = 0.25) -> list[Event]:
    """Tick the engine the way the UI would, for `seconds` of clock time."""
    out: list[Event] = []
    for _ in range(round(seconds / step)):
        clock.advance(step)
        out += engine.tick()
    return out


def run_to_end(engine: Engine, clock: FakeClock, step: float = 0.25) -> list[Event]:
    out: list[Event] = []
    for _ in range(1_000_000):
        if engine.finished:
            return out
        clock.advance(step)
        out += engine.tick()
    raise AssertionError("the workout never finished")


def starts(timeline: Timeline, speed: float = 1.0) -> list[float]:
    """Planned clock time at which each segment starts."""
    offsets = [0.0, *accumulate(s.seconds for s in timeline.segments)]
    return [T0 + o / speed for o in offsets]


def seg_index(engine: Engine, kind: Kind, nth: int = 0) -> int:
    return [i for i, s in enumerate(engine.segments) if s.kind is kind][nth]


def go_to(engine: Engine, clock: FakeClock, index: int, speed: float = 1.0) -> list[Event]:
    """Tick exactly up to the planned start of segment `index`."""
    target = starts(engine.timeline, speed)[index]
    out = engine.tick()
    clock.advance(target - clock.now)
    out += engine.tick()
    assert engine.index == index
    return out


# -- running through ---------------------------------------------------------------


def test_every_phase_is_entered_in_order(clock):
    engine = make(GUIDED, clock)
    events = engine.start()
    assert isinstance(events[0], WorkoutStarted) and events[0].at == T0
    events += run_to_end(engine, clock)

    phases = of(events, PhaseStarted)
    assert [p.index for p in phases] == list(range(len(engine.segments)))
    assert [p.segment for p in phases] == list(engine.segments)
    for phase, start in zip(phases, starts(engine.timeline), strict=False):
        assert phase.at == pytest.approx(start, abs=1e-9)

    assert engine.timeline.total_seconds == GUIDED_TOTAL
    assert events[-1] == WorkoutFinished(pytest.approx(T0 + GUIDED_TOTAL), "completed")
    assert engine.status == "completed"
    assert engine.finished_at == pytest.approx(T0 + GUIDED_TOTAL, abs=1e-9)
    assert engine.index == len(engine.segments)
    assert engine.segment is None
    assert engine.total_elapsed() == GUIDED_TOTAL
    assert engine.total_remaining() == 0.0


@pytest.mark.parametrize("speed", [1.0, 4.0, 10.0])
def test_guided_reps_are_counted_at_exact_times(clock, speed):
    engine = make(GUIDED, clock, speed)
    engine.start()
    per_rep = 3 + 1  # rep_seconds + hold_seconds
    work = T0 + 10 / speed  # after get-ready
    clock.advance(work + per_rep / speed - 1e-6 - clock.now)
    before = engine.tick()
    assert not of(before, RepCounted)  # not a microsecond early
    clock.advance(1e-6)
    first = of(engine.tick(), RepCounted)
    assert len(first) == 1

    events = first + run(engine, clock, 20 / speed, step=0.05)
    reps = [e for e in of(events, RepCounted) if e.key == LEFT]
    assert [e.reps for e in reps] == [1, 2, 3]
    for k, rep in enumerate(reps, start=1):
        assert rep.at == pytest.approx(work + k * per_rep / speed, abs=1e-9)
    right = [e for e in of(events, RepCounted) if e.key == RIGHT]
    right_start = work + (12 + 5) / speed
    for k, rep in enumerate(right, start=1):
        assert rep.at == pytest.approx(right_start + k * per_rep / speed, abs=1e-9)


def test_countdown_ticks_in_the_last_seconds_of_every_pause(clock):
    engine = make(GUIDED, clock)
    events = engine.start() + run_to_end(engine, clock)
    times = starts(engine.timeline)
    ticks = of(events, CountdownTick)
    expected = []
    for index, seg in enumerate(engine.segments):
        if seg.kind is not Kind.WORK:
            end = times[index + 1]
            expected += [(end - 3, 3), (end - 2, 2), (end - 1, 1)]
    assert [(pytest.approx(t.at), t.remaining) for t in ticks] == expected
    # get-ready: 10 s from T0, so 7, 8, 9 s in
    assert [(t.at, t.remaining) for t in ticks[:3]] == [(1007.0, 3), (1008.0, 2), (1009.0, 1)]


def test_a_short_pause_only_ticks_the_seconds_it_has(clock):
    engine = make(
        "name: T\nget_ready_seconds: 2.5\nexercises:\n  - name: A\n    sides: [both]\n"
        "    reps: 1\n",
        clock,
    )
    events = engine.start() + run(engine, clock, 3)
    ticks = of(events, CountdownTick)
    assert [(t.at, t.remaining) for t in ticks] == [(T0 + 0.5, 2), (T0 + 1.5, 1)]


def test_side_switched_at_each_side_rest(clock):
    engine = make(GUIDED, clock)
    events = engine.start() + run_to_end(engine, clock)
    times = starts(engine.timeline)
    rests = [i for i, s in enumerate(engine.segments) if s.kind is Kind.SIDE_REST]
    switched = of(events, SideSwitched)
    assert [(s.at, s.exercise_index, s.side) for s in switched] == [
        (pytest.approx(times[i]), 0, "right") for i in rests
    ]
    # it follows the PhaseStarted of the side rest
    for s in switched:
        before = events[events.index(s) - 1]
        assert isinstance(before, PhaseStarted) and before.segment.kind is Kind.SIDE_REST


def test_tips_rotate_every_tip_seconds_during_a_side(clock):
    engine = make(
        "name: T\nget_ready_seconds: 0\nexercises:\n  - name: A\n    sides: [both]\n"
        "    reps: 10\n    rep_seconds: 3\n    tips: [a, b, c]\n",
        clock,
    )
    events = engine.start() + run_to_end(engine, clock)
    tips = of(events, TipChanged)
    assert TIP_SECONDS == 8.0
    assert [(t.at - T0, t.tip_index, t.text) for t in tips] == [
        (0.0, 0, "a"),
        (8.0, 1, "b"),
        (16.0, 2, "c"),
        (24.0, 0, "a"),  # round again; none at 32 s, the side is 30 s long
    ]


def test_self_paced_tips_keep_rotating_until_the_side_is_done(clock):
    engine = make(SELF, clock)
    engine.start()
    events = go_to(engine, clock, 1) + run(engine, clock, 30)
    tips = of(events, TipChanged)
    assert [(t.at - T0 - 5, t.tip_index) for t in tips] == [
        (0.0, 0),
        (8.0, 1),
        (16.0, 0),
        (24.0, 1),
    ]
    assert engine.tip_index == 1


def test_side_finished_carries_reps_seconds_and_target(clock):
    engine = make(GUIDED, clock)
    events = engine.start() + run_to_end(engine, clock)
    done = of(events, SideFinished)
    assert [(d.key.exercise_index, d.key.set_number, d.key.side) for d in done] == [
        (0, 1, "left"),
        (0, 1, "right"),
        (0, 2, "left"),
        (0, 2, "right"),
        (1, 1, "both"),
    ]
    assert [(d.reps, d.target) for d in done] == [(3, 3)] * 4 + [(5, 5)]
    assert [d.seconds for d in done] == pytest.approx([12.0] * 4 + [20.0])
    times = starts(engine.timeline)
    works = [i for i, s in enumerate(engine.segments) if s.kind is Kind.WORK]
    assert [d.at for d in done] == pytest.approx([times[i + 1] for i in works])
    assert engine.stats[LEFT].reps == 3 and engine.stats[LEFT].seconds == pytest.approx(12.0)


def test_side_stats_are_there_when_phase_started_is_heard(clock):
    """Bug fix: the side's count used to be made only after PhaseStarted went out."""
    engine = make(GUIDED, clock)
    seen = []

    def listener(event):
        if isinstance(event, PhaseStarted) and event.segment.kind is Kind.WORK:
            seen.append(engine.stats[engine.key].reps)  # KeyError before the fix

    engine.subscribe(listener)
    engine.start()
    run_to_end(engine, clock)
    assert seen == [0, 0, 0, 0, 0]


# -- self-paced ----------------------------------------------------------------------


def test_log_rep_counts_and_the_target_ends_the_side(clock):
    engine = make(SELF, clock)
    engine.start()
    assert engine.log_rep() == []  # get-ready: nothing to count
    go_to(engine, clock, 1)
    assert engine.remaining() is None
    run(engine, clock, 200)  # the clock alone never ends a self-paced side
    assert engine.index == 1

    first = engine.log_rep()
    assert first == [RepCounted(clock.now, LEFT, 1)]
    clock.advance(3)
    assert engine.log_rep() == [RepCounted(clock.now, LEFT, 2)]
    assert engine.side_stats(LEFT).reps == 2
    assert engine.side_stats(LEFT).seconds == pytest.approx(203.0)
    clock.advance(2)
    last = engine.log_rep()
    assert [type(e) for e in last] == [RepCounted, SideFinished, PhaseStarted, SideSwitched]
    assert last[1] == SideFinished(clock.now, LEFT, 3, pytest.approx(205.0), 3)
    assert last[2].at == clock.now and last[2].segment.kind is Kind.SIDE_REST
    assert engine.index == 2


def test_undo_rep_decrements_and_never_below_zero(clock):
    engine = make(SELF, clock)
    engine.start()
    go_to(engine, clock, 1)
    engine.log_rep()
    engine.log_rep()
    clock.advance(1)
    assert engine.undo_rep() == [RepUndone(clock.now, LEFT, 1)]
    assert engine.undo_rep() == [RepUndone(clock.now, LEFT, 0)]
    assert engine.undo_rep() == []
    assert engine.undo_rep() == []
    assert engine.stats[LEFT].reps == 0
    assert engine.index == 1
    # undo on a guided side or in a rest with nothing to go back to does nothing
    engine.skip()
    assert engine.undo_rep() == []


def test_undo_right_after_the_final_rep_goes_back_with_its_time_kept(clock):
    engine = make(SELF, clock)
    engine.start()
    go_to(engine, clock, 1)
    for _ in range(3):
        clock.advance(4)
        engine.log_rep()
    assert engine.index == 2 and engine.stats[LEFT].seconds == 12.0
    clock.advance(0.5)
    events = engine.undo_rep()
    assert [type(e) for e in events] == [PhaseStarted, RepUndone]
    assert events[0].index == 1 and events[0].at == clock.now
    assert events[1] == RepUndone(clock.now, LEFT, 2)
    assert engine.index == 1
    assert engine.elapsed() == pytest.approx(12.0)  # the side's time goes on from 12 s
    clock.advance(5)
    assert engine.side_stats(LEFT).seconds == pytest.approx(17.0)
    done = of(engine.log_rep(), SideFinished)
    assert done == [SideFinished(clock.now, LEFT, 3, pytest.approx(17.0), 3)]
    assert engine.stats[LEFT].seconds == pytest.approx(17.0)
    # once the side has ended again, a second undo goes back again; a third does not
    assert of(engine.undo_rep(), RepUndone) == [RepUndone(clock.now, LEFT, 2)]
    assert engine.undo_rep() == [RepUndone(clock.now, LEFT, 1)]


def test_undo_after_the_side_rest_has_run_out_does_not_go_back(clock):
    """Bug fix: undo_rep did not catch up with the clock first, so it went back into a
    side whose following rest was long over, and dropped that rest's due events."""
    engine = make(SELF, clock)
    engine.start()
    go_to(engine, clock, 1)
    for _ in range(3):
        engine.log_rep()
    assert engine.index == 2  # side rest, 4 s
    clock.advance(6)  # no tick: the rest is over and the right side has begun
    events = engine.undo_rep()
    assert not of(events, RepUndone)
    assert [e.remaining for e in of(events, CountdownTick)] == [3, 2, 1]
    assert [p.index for p in of(events, PhaseStarted)] == [3]
    assert engine.index == 3
    assert engine.stats[LEFT].reps == 3


def test_undo_rep_keeps_due_events_in_time_order(clock):
    """Bug fix: tips due before an undo were emitted after it, stamped earlier."""
    engine = make(SELF, clock)
    engine.start()
    go_to(engine, clock, 1)
    engine.log_rep()
    clock.advance(20)
    events = engine.undo_rep() + engine.tick()
    assert [type(e) for e in events] == [TipChanged, TipChanged, RepUndone]
    stamps = [e.at for e in events]
    assert stamps == sorted(stamps)


def test_undo_goes_back_when_sides_follow_without_a_pause(clock):
    """Bug fix: with side_rest_seconds 0 the next side starts at once, and undo there
    (before any rep on it) did nothing instead of going back into the side just ended."""
    engine = make(SELF.replace("side_rest_seconds: 4", "side_rest_seconds: 0"), clock)
    engine.start()
    go_to(engine, clock, 1)
    for _ in range(3):
        engine.log_rep()
    assert engine.segment.side == "right"
    events = engine.undo_rep()
    assert of(events, RepUndone) == [RepUndone(clock.now, LEFT, 2)]
    assert engine.segment.side == "left"
    assert engine.stats[LEFT].reps == 2
    # with a rep on the new side, undo takes that rep back and stays
    engine.log_rep()  # left done again
    engine.log_rep()  # one on the right
    assert engine.undo_rep() == [RepUndone(clock.now, RIGHT, 0)]
    assert engine.segment.side == "right"


# -- pause -----------------------------------------------------------------------------


def test_pause_freezes_time_and_events_and_resume_shifts_deadlines(clock):
    engine = make(GUIDED, clock)
    engine.start()
    clock.advance(3)
    assert engine.pause() == [Paused(T0 + 3)]
    assert engine.paused
    assert engine.remaining() == 7.0
    clock.advance(100)
    assert engine.tick() == []
    assert engine.remaining() == 7.0
    assert engine.elapsed() == 3.0
    assert engine.total_elapsed() == 3.0
    assert engine.pause() == []  # already paused

    assert engine.resume() == [Resumed(T0 + 103, 100.0)]
    assert engine.resume() == []
    assert engine.remaining() == 7.0
    events = run_to_end(engine, clock)
    shifted = [t + 100 for t in starts(engine.timeline)]
    assert [p.at for p in of(events, PhaseStarted)] == pytest.approx(shifted[1:-1])
    assert engine.paused_total == 100.0
    assert engine.finished_at == pytest.approx(T0 + GUIDED_TOTAL + 100)


def test_toggle_pause(clock):
    engine = make(GUIDED, clock)
    engine.start()
    clock.advance(1)
    assert [type(e) for e in engine.toggle_pause()] == [Paused]
    clock.advance(2)
    assert engine.toggle_pause() == [Resumed(T0 + 3, 2.0)]
    assert not engine.paused


def test_pause_catches_up_before_it_freezes(clock):
    """Bug fix: pause() froze the clock without running what was already due, so those
    events came out after the pause, shifted by it and stamped before Resumed."""
    engine = make(GUIDED, clock)
    engine.start()
    clock.advance(15)  # get-ready is over, a rep is due, and no tick has come
    events = [e for e in engine.pause() if not isinstance(e, TempoPhaseStarted)]
    assert [type(e) for e in events] == [
        CountdownTick,
        CountdownTick,
        CountdownTick,
        PhaseStarted,
        TipChanged,
        RepCounted,
        Paused,
    ]
    assert events[3].at == T0 + 10
    assert events[5].at == T0 + 14
    assert engine.elapsed() == 5.0
    clock.advance(10)
    resumed = engine.resume()
    later = engine.tick() + run(engine, clock, 10)
    assert all(e.at >= resumed[0].at for e in later)
    assert of(later, RepCounted)[0].at == T0 + 10 + 8 + 10  # rep 2, shifted by the pause


def test_while_paused_no_rep_is_logged_but_a_miscount_can_be_undone(clock):
    engine = make(SELF, clock)
    engine.start()
    go_to(engine, clock, 1)
    engine.log_rep()
    engine.log_rep()
    engine.pause()
    assert engine.log_rep() == []
    [undone] = engine.undo_rep()
    assert isinstance(undone, RepUndone) and undone.reps == 1
    assert engine.stats[LEFT].reps == 1 and engine.paused


# -- skip and back --------------------------------------------------------------------


def test_skip_ends_the_part_now(clock):
    engine = make(GUIDED, clock)
    engine.start()
    clock.advance(2)
    events = engine.skip()
    assert [type(e) for e in events] == [PhaseStarted, TipChanged]
    assert events[0].index == 1 and events[0].at == T0 + 2
    assert engine.skipped_total == 8.0
    reps = of(run(engine, clock, 12), RepCounted)
    assert [r.at for r in reps] == [T0 + 6, T0 + 10, T0 + 14]


def test_skip_a_side_finishes_it_with_what_was_done(clock):
    engine = make(SELF, clock)
    engine.start()
    go_to(engine, clock, 1)
    engine.log_rep()
    clock.advance(3)
    events = engine.skip()
    assert of(events, SideFinished) == [SideFinished(clock.now, LEFT, 1, 3.0, 3)]
    assert engine.index == 2


def test_skip_the_last_part_completes_the_workout(clock):
    engine = make(GUIDED, clock)
    engine.start()
    go_to(engine, clock, len(engine.segments) - 1)
    clock.advance(1)
    events = engine.skip()
    assert events[-1] == WorkoutFinished(clock.now, "completed")
    assert engine.status == "completed"
    assert engine.skipped_total == 19.0


def test_skip_and_back_while_paused_stay_paused(clock):
    """Skip and back while paused move to the part, which waits paused at its start;
    listeners hear the same events the calls return."""
    engine = make(GUIDED, clock)
    heard: list[Event] = []
    engine.subscribe(heard.append)
    engine.start()
    clock.advance(2)
    engine.pause()
    clock.advance(30)
    mark = len(heard)
    events = engine.skip()
    assert events == heard[mark:]
    assert events[0] == Resumed(T0 + 32, 30.0)
    assert events[1] == PhaseStarted(T0 + 32, 1, engine.segments[1])
    assert isinstance(events[-1], Paused) and engine.paused
    assert engine.paused_total == 30.0 and engine.skipped_total == 8.0
    clock.advance(5)
    assert engine.elapsed() == 0.0 and engine.tick() == []  # nothing runs while paused
    mark = len(heard)
    events = engine.back()
    assert events == heard[mark:]
    assert events[0] == Resumed(T0 + 37, 5.0)
    assert isinstance(events[-1], Paused) and engine.paused
    engine.resume()
    clock.advance(1)
    assert engine.elapsed() == 1.0


def test_back_restarts_the_part(clock):
    engine = make(GUIDED, clock)
    engine.start()
    go_to(engine, clock, 1)  # left side, set 1
    clock.advance(5)
    engine.tick()
    assert engine.stats[LEFT].reps == 1
    events = engine.back()
    assert [type(e) for e in events] == [SideRestarted, PhaseStarted, TipChanged]
    assert events[0] == SideRestarted(T0 + 15, LEFT)
    assert events[1].index == 1 and events[1].at == T0 + 15
    assert engine.stats[LEFT].reps == 0
    assert engine.elapsed() == 0.0
    assert engine.rewound_total == 5.0
    reps = of(run(engine, clock, 12), RepCounted)
    assert [(r.at, r.reps) for r in reps] == [(T0 + 19, 1), (T0 + 23, 2), (T0 + 27, 3)]


def test_back_near_the_start_goes_to_the_part_before(clock):
    engine = make(GUIDED, clock)
    engine.start()
    go_to(engine, clock, 2)  # side rest after the left side
    clock.advance(BACK_GRACE - 0.5)
    events = [e for e in engine.back() if not isinstance(e, CountdownTick)]
    assert events[0] == SideRestarted(clock.now, LEFT)
    assert events[1].index == 1 and events[1].at == clock.now
    assert engine.index == 1 and engine.stats[LEFT].reps == 0
    assert engine.rewound_total == 12.0 + 2.5


def test_back_in_a_rest_restarts_the_rest(clock):
    engine = make(GUIDED, clock)
    engine.start()
    clock.advance(6)
    events = engine.back()
    assert [type(e) for e in events] == [PhaseStarted]  # no side to restart
    assert events[0].index == 0 and engine.remaining() == 10.0


def test_back_at_the_very_start_restarts_the_first_part(clock):
    engine = make(GUIDED, clock)
    engine.start()
    clock.advance(1)
    events = engine.back()
    assert [(type(e), e.index) for e in events] == [(PhaseStarted, 0)]
    assert engine.rewound_total == 1.0


def test_back_out_of_a_side_forgets_its_count(clock):
    """Bug fix: going back out of a side near its start kept the reps logged on it,
    so when the side came round again its count did not start over."""
    engine = make(SELF, clock)
    engine.start()
    go_to(engine, clock, 1)
    for _ in range(3):
        engine.log_rep()
    run(engine, clock, 4)  # the side rest
    assert engine.index == 3  # right side
    engine.log_rep()
    engine.log_rep()
    engine.back()  # within the grace: back to the side rest
    assert engine.index == 2
    assert RIGHT not in engine.stats
    run(engine, clock, 4)
    assert engine.index == 3
    assert engine.side_stats(RIGHT).reps == 0
    assert of(engine.log_rep(), RepCounted)[0].reps == 1


# -- stop ---------------------------------------------------------------------------------


def test_stop_finishes_the_running_side_and_the_workout(clock):
    engine = make(GUIDED, clock)
    engine.start()
    go_to(engine, clock, 1)
    clock.advance(5)
    events = [e for e in engine.stop() if not isinstance(e, TempoPhaseStarted)]
    assert events == [
        RepCounted(T0 + 14, LEFT, 1),  # caught up first
        SideFinished(T0 + 15, LEFT, 1, 5.0, 3),
        WorkoutFinished(T0 + 15, "stopped"),
    ]
    assert engine.status == "stopped" and engine.finished_at == T0 + 15
    assert engine.stats[LEFT].seconds == 5.0


def test_stop_in_a_rest_has_no_side_to_finish(clock):
    engine = make(GUIDED, clock)
    engine.start()
    clock.advance(1)
    assert engine.stop() == [WorkoutFinished(T0 + 1, "stopped")]


def test_stop_while_paused_ends_at_the_pause(clock):
    engine = make(GUIDED, clock)
    engine.start()
    go_to(engine, clock, 1)
    clock.advance(2)
    engine.pause()
    clock.advance(50)
    events = engine.stop()
    assert events == [
        SideFinished(T0 + 12, LEFT, 0, 2.0, 3),
        WorkoutFinished(T0 + 12, "stopped"),
    ]
    assert not engine.paused


def test_time_stands_still_after_stop(clock):
    """Bug fix: after stop, elapsed() and total_elapsed() kept running with the clock."""
    engine = make(GUIDED, clock)
    engine.start()
    clock.advance(4)
    engine.stop()
    clock.advance(100)
    assert engine.elapsed() == 4.0
    assert engine.total_elapsed() == 4.0
    assert engine.remaining() == 6.0


# -- speed, late ticks, listeners -------------------------------------------------------


def test_speed_ten_runs_ten_times_faster(clock):
    slow_clock = FakeClock()
    slow = make(GUIDED, slow_clock)
    slow_events = slow.start() + run_to_end(slow, slow_clock, step=0.5)
    fast = make(GUIDED, clock, speed=10)
    fast_events = fast.start() + run_to_end(fast, clock, step=0.05)

    assert fast.finished_at - fast.started_at == pytest.approx(GUIDED_TOTAL / 10)
    assert [type(e) for e in fast_events] == [type(e) for e in slow_events]
    assert [(e.at - T0) * 10 for e in fast_events] == pytest.approx(
        [e.at - T0 for e in slow_events]
    )
    # what is reported stays in plan seconds
    assert [d.seconds for d in of(fast_events, SideFinished)] == pytest.approx(
        [d.seconds for d in of(slow_events, SideFinished)]
    )


def test_speed_must_be_positive(clock):
    timeline = plan(load(GUIDED))
    for speed in (0, -1):
        with pytest.raises(ValueError):
            Engine(timeline, clock, speed)


def test_a_late_tick_catches_up_through_everything_it_missed(clock):
    steady_clock = FakeClock()
    steady = make(GUIDED, steady_clock)
    expected = steady.start() + run_to_end(steady, steady_clock, step=0.125)

    late = make(GUIDED, clock)
    events = late.start()
    clock.advance(10_000)
    events += late.tick()
    assert events == expected  # same events, same planned stamps, same order
    stamps = [e.at for e in events]
    assert stamps == sorted(stamps)
    assert late.finished_at == pytest.approx(T0 + GUIDED_TOTAL, abs=1e-9)
    assert late.status == "completed"


def test_a_late_tick_part_way_through(clock):
    engine = make(GUIDED, clock)
    engine.start()
    clock.advance(3)
    engine.tick()
    clock.advance(40)  # over several boundaries in one go
    events = engine.tick()
    assert all(T0 + 3 < e.at <= T0 + 43 for e in events)
    assert [e.at for e in events] == sorted(e.at for e in events)
    times = starts(engine.timeline)
    assert [p.at for p in of(events, PhaseStarted)] == pytest.approx(
        [t for t in times[1:] if t <= T0 + 43]
    )
    assert engine.total_elapsed() == pytest.approx(43.0)


def test_listeners_see_the_same_events(clock):
    engine = make(SELF + GUIDED.split("exercises:\n", 1)[1], clock)
    first: list[Event] = []
    second: list[Event] = []
    engine.subscribe(first.append)
    engine.subscribe(second.append)
    returned = engine.start()
    script = [
        (6, "log_rep"),
        (1, "log_rep"),
        (1, "undo_rep"),
        (0, "log_rep"),
        (0, "log_rep"),
        (1, "undo_rep"),
        (0, "log_rep"),
        (2, "pause"),
        (9, "resume"),
        (30, "tick"),
        (0, "back"),
        (1, "skip"),
        (2, "toggle_pause"),
        (3, "skip"),
        (4, "back"),
        (1, "skip"),
        (25, "tick"),
        (1, "stop"),
    ]
    for seconds, control in script:
        clock.advance(seconds)
        returned += getattr(engine, control)()
    assert returned == first == second
    assert engine.status == "stopped"
    assert {type(e) for e in returned} >= {
        RepCounted,
        RepUndone,
        Paused,
        Resumed,
        SideRestarted,
        SideFinished,
        WorkoutFinished,
    }
    assert [e.at for e in returned] == sorted(e.at for e in returned)


# -- before start, after finish ------------------------------------------------------------

CONTROLS = [
    "tick",
    "log_rep",
    "undo_rep",
    "pause",
    "resume",
    "toggle_pause",
    "skip",
    "back",
    "stop",
]


def state(engine: Engine) -> tuple:
    return (
        engine.index,
        engine.status,
        engine.started_at,
        engine.finished_at,
        engine.paused_at,
        engine.paused_total,
        engine.skipped_total,
        engine.rewound_total,
        {k: (v.reps, v.seconds) for k, v in engine.stats.items()},
    )


@pytest.mark.parametrize("text", [GUIDED, SELF])
def test_controls_before_start_do_nothing(clock, text):
    engine = make(text, clock)
    heard: list[Event] = []
    engine.subscribe(heard.append)
    before = state(engine)
    for control in CONTROLS:
        clock.advance(1)
        assert getattr(engine, control)() == []
        assert state(engine) == before
    assert heard == []
    assert not engine.started and not engine.finished and not engine.paused
    assert engine.segment is None and engine.key is None
    assert engine.elapsed() == 0.0 and engine.remaining() is None
    assert engine.total_elapsed() == 0.0
    assert engine.total_remaining() == engine.timeline.total_seconds
    assert engine.rep_progress() == 0.0


@pytest.mark.parametrize("how", ["completed", "stopped", "stopped-paused"])
@pytest.mark.parametrize("text", [GUIDED, SELF])
def test_controls_after_finish_do_nothing(clock, text, how):
    engine = make(text, clock)
    engine.start()
    if how == "completed":
        for _ in range(len(engine.segments)):
            clock.advance(1)
            engine.skip()
        assert engine.status == "completed"
    else:
        clock.advance(7)
        engine.tick()
        if how == "stopped-paused":
            engine.pause()
        engine.stop()
        assert engine.status == "stopped"
    heard: list[Event] = []
    engine.subscribe(heard.append)
    before = state(engine)
    for control in [*CONTROLS, "start"]:
        clock.advance(1000)
        assert getattr(engine, control)() == []
        assert state(engine) == before
    assert heard == []
    assert engine.elapsed() >= 0.0 and engine.total_elapsed() >= 0.0


def test_active_time_is_the_real_time_taken_less_pauses(clock):
    """The workout's own clock: a slow self-paced side counts in full, pauses do not,
    while the plan position (the progress bar) stops at the side's estimate."""
    engine = make(SELF, clock, speed=2.0)
    assert engine.active_elapsed() == 0.0
    engine.start()
    go_to(engine, clock, 1, speed=2.0)  # 5 plan s of get-ready, 2.5 clock s
    assert engine.active_elapsed() == pytest.approx(5.0)
    run(engine, clock, 30)  # a slow side: 60 plan seconds so far, 6 planned
    engine.pause()
    clock.advance(100)
    assert engine.active_elapsed() == pytest.approx(65.0)  # frozen while paused
    engine.resume()
    clock.advance(1)
    assert engine.active_elapsed() == pytest.approx(67.0)
    assert engine.total_elapsed() == pytest.approx(5.0 + 6.0)  # the plan's position
    engine.stop()
    clock.advance(50)
    assert engine.active_elapsed() == pytest.approx(67.0)  # stands still once ended


def test_a_resumed_start_counts_the_parts_before_it(clock):
    engine = make(SELF, clock)
    engine.start(2)  # resumed in the side rest, after get-ready (5) and the left side (6)
    assert engine.active_elapsed() == pytest.approx(5.0 + 6.0)
    clock.advance(1)
    assert engine.active_elapsed() == pytest.approx(12.0)
