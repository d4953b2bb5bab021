"""A timeline running on an injectable clock: the moments of each part, in order.

Every boundary is an absolute deadline: `segment start + planned offset / speed`.
A segment starts at the exact moment the previous one was due to end, not when
a tick happened to notice, so late or bunched ticks never add drift; a tick that
comes late runs through every moment it missed and emits their events in order.
Pausing moves the current segment's start forward by the time spent paused.

`engine.Engine` adds the controls a person uses (rep, undo, pause, skip, back,
stop); this part only keeps time and says what happened.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .events import (
    CountdownTick,
    Event,
    Halfway,
    PhaseStarted,
    RepCounted,
    SideFinished,
    SideKey,
    SideRestarted,
    SideSwitched,
    TempoPhaseStarted,
    TipChanged,
    WorkoutFinished,
    WorkoutStarted,
)
from .planner import Kind, Segment, Timeline
from .session.model import TempoPhase, tone_for
from .tempo import phase_at, tempo_marks

Clock = Callable[[], float]
Listener = Callable[[Event], None]


TIP_SECONDS = 8.0  # plan seconds each coaching tip stays up
COUNTDOWN = 3  # the last seconds of a pause that tick


@dataclass
class SideStats:
    """Reps logged and plan seconds spent on one side of one set."""

    target: int
    reps: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Moment:
    offset: float  # plan seconds from the segment's start
    kind: str  # "rep", "phase", "half", "tip", "tick", "end"
    value: int = 0


def moments_of(segment: Segment, length: float | None = None) -> Iterator[Moment]:
    """Everything scheduled inside a segment, in time order (ties: listed order).

    `length` is the segment's length when `+` or `-` changed a pause's."""
    length = segment.seconds if length is None else length
    if segment.kind is Kind.WORK:
        tips = len(segment.exercise.tips)
        if not segment.timed:  # self-paced: tips go round until the user finishes
            n = 1
            while tips > 1:
                yield Moment(n * TIP_SECONDS, "tip", n % tips)
                n += 1
            return
        per_rep = segment.exercise.seconds_per_rep
        reps = segment.reps.high if segment.reps else 0
        marks = [Moment(k * per_rep, "rep", k) for k in range(1, reps + 1)]
        marks += [Moment(*mark) for mark in tempo_marks(segment)]
        if tips > 1:
            n = 1
            while n * TIP_SECONDS < segment.seconds:
                marks.append(Moment(n * TIP_SECONDS, "tip", n % tips))
                n += 1
        yield from sorted(marks, key=lambda m: (m.offset, m.kind != "rep"))
    else:
        for remaining in range(COUNTDOWN, 0, -1):
            if length - remaining > 0:
                yield Moment(length - remaining, "tick", remaining)
    yield Moment(length, "end")


class TimelineClock:
    """Runs a timeline on a clock; `tick()` returns the events it caused.

    All times it reports are on its clock; `speed` makes the plan run
    faster (a rehearsal at `--speed 10` takes a tenth of the time).
    """

    def __init__(self, timeline: Timeline, clock: Clock = time.monotonic, speed: float = 1.0):
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.timeline = timeline
        self.clock = clock
        self.speed = speed
        self.index = -1  # -1 before start; len(segments) once finished
        self.stats: dict[SideKey, SideStats] = {}
        self.status: str | None = None
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self.paused_at: float | None = None
        self.paused_total = 0.0  # clock seconds
        self.skipped_total = 0.0  # plan seconds of timed parts cut short by `skip`
        self.rewound_total = 0.0  # plan seconds run again because of `back`
        self.tip_index = 0
        self.extra: dict[int, float] = {}  # seconds `+`/`-` added to a pause, by index
        self._active_before = 0.0  # plan seconds before a resumed start
        self._seg_start = 0.0
        self._moments: Iterator[Moment] = iter(())
        self._next: Moment | None = None
        self._completed_by_reps: int | None = None  # index of a side the last rep ended
        self._listeners: list[Listener] = []

    # -- reading the state -------------------------------------------------

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self.timeline.segments

    @property
    def started(self) -> bool:
        return self.index >= 0

    @property
    def finished(self) -> bool:
        return self.status is not None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    @property
    def segment(self) -> Segment | None:
        return self.segments[self.index] if 0 <= self.index < len(self.segments) else None

    def key_for(self, index: int) -> SideKey:
        seg = self.segments[index]
        return SideKey(seg.exercise_index, seg.set_number, seg.side)

    @property
    def key(self) -> SideKey | None:
        seg = self.segment
        return self.key_for(self.index) if seg and seg.kind is Kind.WORK else None

    def _now(self) -> float:
        if self.finished_at is not None:  # a stopped workout's clock stands still
            return self.finished_at
        return self.paused_at if self.paused_at is not None else self.clock()

    def elapsed(self) -> float:
        """Plan seconds spent in the current segment (frozen while paused)."""
        if self.segment is None:
            return 0.0
        return max(0.0, (self._now() - self._seg_start) * self.speed)

    def remaining(self) -> float | None:
        """Plan seconds left in the current segment; None for a self-paced side."""
        seg = self.segment
        if seg is None or not seg.timed:
            return None
        return max(0.0, self.length(self.index) - self.elapsed())

    def length(self, index: int) -> float:
        """Planned plan seconds of segment `index`, with what `+` and `-` changed."""
        return self.segments[index].seconds + self.extra.get(index, 0.0)

    def planned_total(self) -> float:
        """The whole plan's length, with what `+` and `-` changed."""
        return self.timeline.total_seconds + sum(self.extra.values())

    def offset_of(self, at: float) -> float:
        """Plan seconds from the current segment's start to clock time `at`."""
        return max(0.0, (at - self._seg_start) * self.speed)

    def rep_progress(self) -> float:
        """How far through the current guided rep, 0 to 1 (for the tempo beat)."""
        seg = self.segment
        if seg is None or seg.kind is not Kind.WORK or not seg.timed:
            return 0.0
        per_rep = seg.exercise.seconds_per_rep
        return min(1.0, (self.elapsed() % per_rep) / per_rep) if per_rep else 0.0

    def tempo_phase(self) -> tuple[TempoPhase, float] | None:
        """The part of the guided rep under way and its seconds left; None outside
        guided reps (and after the last rep)."""
        seg = self.segment
        if seg is None or seg.kind is not Kind.WORK or not seg.timed or seg.reps is None:
            return None
        return phase_at(seg, self.elapsed())

    def side_stats(self, key: SideKey) -> SideStats:
        """Reps and plan seconds of a side, the running side's seconds included."""
        stats = self.stats.get(key)
        if stats is None:
            return SideStats(target=0)
        if key == self.key and not self.finished:
            return SideStats(stats.target, stats.reps, self.elapsed())
        return stats

    def total_elapsed(self) -> float:
        """Plan seconds of the workout behind us, by the plan's own measure."""
        if self.index < 0:
            return 0.0
        done = sum(self.length(i) for i in range(min(self.index, len(self.segments))))
        seg = self.segment
        return done + (min(self.elapsed(), self.length(self.index)) if seg else 0.0)

    def active_elapsed(self) -> float:
        """Plan seconds since the start with the pauses left out: how long the workout
        has really taken, however far through the plan that is (a slow self-paced
        side takes longer than planned, a skipped part less)."""
        if self.started_at is None:
            return 0.0
        now = self._now() - self.started_at - self.paused_total
        return self._active_before + max(0.0, now * self.speed)

    def total_remaining(self) -> float:
        return max(0.0, self.planned_total() - self.total_elapsed())

    def next_due(self) -> float | None:
        """Clock time of the next scheduled moment; None when none is (not started,
        paused, finished, or a self-paced side without tips)."""
        if not self.started or self.finished or self.paused or self._next is None:
            return None
        return self._seg_start + self._next.offset / self.speed

    # -- events --------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call `listener` with every event, in order, as it is emitted."""
        self._listeners.append(listener)

    def _emit(self, out: list[Event], event: Event) -> None:
        out.append(event)
        for listener in self._listeners:
            listener(event)

    # -- segments ------------------------------------------------------------

    def _enter(self, index: int, at: float, out: list[Event], elapsed: float = 0.0) -> None:
        """Start segment `index` as if it began at `at` minus `elapsed` plan seconds."""
        self.index = index
        self._completed_by_reps = None
        if index >= len(self.segments):
            self._finish("completed", at, out)
            return
        seg = self.segments[index]
        resumed = False
        if seg.kind is Kind.WORK and not seg.timed and elapsed == 0.0:
            kept = self.stats.get(self.key_for(index))
            if kept is not None and kept.reps:  # a resumed self-paced side: its clock goes on
                elapsed, resumed = kept.seconds, True
        self._seg_start = at - elapsed / self.speed
        self._moments = moments_of(seg, self.length(index))
        self._next = next(self._moments, None)
        while self._next is not None and self._next.offset < elapsed:
            self._next = next(self._moments, None)
        if seg.kind is Kind.WORK:  # before PhaseStarted, so listeners can read it
            key = self.key_for(index)
            if key not in self.stats:
                self.stats[key] = SideStats(target=seg.reps.high if seg.reps else 0)
        self._emit(out, PhaseStarted(at, index, seg))
        if seg.kind is Kind.SIDE_REST:
            self._emit(out, SideSwitched(at, seg.exercise_index, seg.side))
        if seg.kind is Kind.WORK and (elapsed == 0.0 or resumed):
            self._set_tip(0, at, out)

    def _set_tip(self, tip_index: int, at: float, out: list[Event]) -> None:
        seg = self.segment
        if seg is None or not seg.exercise.tips:
            return
        self.tip_index = tip_index
        self._emit(out, TipChanged(at, seg.exercise_index, tip_index, seg.exercise.tips[tip_index]))

    def _leave(self, at: float, out: list[Event]) -> None:
        """Close the current segment; a side's reps and seconds are final now."""
        seg = self.segment
        if seg is None or seg.kind is not Kind.WORK:
            return
        key = self.key_for(self.index)
        stats = self.stats[key]
        stats.seconds = max(0.0, (at - self._seg_start) * self.speed)
        self._emit(out, SideFinished(at, key, stats.reps, stats.seconds, stats.target))

    def _finish(self, status: str, at: float, out: list[Event]) -> None:
        self.status = status
        self.finished_at = at
        self.paused_at = None
        self._next = None
        self._emit(out, WorkoutFinished(at, status))

    def _advance(self, at: float, out: list[Event]) -> None:
        self._leave(at, out)
        self._enter(self.index + 1, at, out)

    def _abandon(self, at: float, out: list[Event]) -> None:
        """Going backwards out of a side that has not finished: forget its count, and
        say so, so the history drops the reps it logged there too."""
        seg = self.segment
        if seg is not None and seg.kind is Kind.WORK:
            key = self.key_for(self.index)
            stats = self.stats.pop(key, None)
            if stats is not None and stats.reps:
                self._emit(out, SideRestarted(at, key))

    # -- running ---------------------------------------------------------------

    def _time_before(self, index: int) -> float:
        """The time a resumed workout had already taken: each side it logged at the time
        it took (a slow self-paced side took longer than planned, a skipped one less),
        the rests and lead-ins before `index` at their planned length."""
        total = 0.0
        for position, segment in enumerate(self.segments):
            stats = self.stats.get(self.key_for(position)) if segment.kind is Kind.WORK else None
            if stats is not None:
                total += stats.seconds
            elif position < index:
                total += segment.seconds
        return total

    def start(self, index: int = 0) -> list[Event]:
        """Begin (or, for a resumed workout, begin again at segment `index`)."""
        if self.started:
            return []
        out: list[Event] = []
        now = self.clock()
        self.started_at = now
        self._active_before = self._time_before(index)
        self._emit(out, WorkoutStarted(now, index))
        self._enter(index, now, out)
        return out

    def tick(self) -> list[Event]:
        """Catch up with the clock: emit every moment that is due, in order."""
        out: list[Event] = []
        if not self.started or self.finished or self.paused:
            return out
        now = self.clock()
        while self._next is not None and not self.finished:
            moment = self._next
            at = self._seg_start + moment.offset / self.speed
            if at > now:
                break
            self._next = next(self._moments, None)
            self._fire(moment, at, out)
        return out

    def _fire(self, moment: Moment, at: float, out: list[Event]) -> None:
        if moment.kind == "end":
            self._advance(at, out)
        elif moment.kind == "rep":
            key = self.key_for(self.index)
            self.stats[key].reps = moment.value
            self._emit(out, RepCounted(at, key, moment.value))
        elif moment.kind == "tip":
            self._set_tip(moment.value, at, out)
        elif moment.kind == "tick":
            self._emit(out, CountdownTick(at, moment.value))
        elif moment.kind == "phase":
            self._start_phase(moment.value, at, out)
        elif moment.kind == "half":
            what = "hold" if moment.value else "side"
            self._emit(out, Halfway(at, self.key_for(self.index), what))

    def _start_phase(self, value: int, at: float, out: list[Event]) -> None:
        phases = self.segments[self.index].exercise.phases
        rep, index = divmod(value, len(phases))
        phase = phases[index]
        key = self.key_for(self.index)
        tone = tone_for(phases, index)
        self._emit(out, TempoPhaseStarted(at, key, rep + 1, index, phase.say, phase.seconds, tone))

    # -- for the controls ----------------------------------------------------------

    def _active(self) -> bool:
        return self.started and not self.finished
