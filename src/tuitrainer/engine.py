"""The workout as a state machine on an injectable clock: the controls a person uses.

`engine_clock.TimelineClock` keeps time: every boundary is an absolute deadline,
so late or bunched ticks never add drift. `Engine` adds what a key can do (log
or undo a rep, pause, skip, go back, stop), each returning the events it caused,
and `preview`, which looks ahead for the sound.
"""

from __future__ import annotations

from collections.abc import Callable

from .engine_clock import COUNTDOWN, Clock, Listener, SideStats, TimelineClock, moments_of
from .events import (
    Event,
    Halfway,
    PartLengthChanged,
    Paused,
    RepCounted,
    RepUndone,
    Resumed,
    SideKey,
    SideRestarted,
)
from .planner import Kind
from .tempo import HALFWAY_MIN

__all__ = ["Clock", "Engine", "Listener", "SideStats"]

BACK_GRACE = 3.0  # within this many plan seconds, `back` goes to the previous part


class Engine(TimelineClock):
    """Runs a timeline. Controls and `tick()` return the events they caused."""

    def restore(self, stats: dict[SideKey, SideStats]) -> None:
        """Before a resumed start: the sides already done in the interrupted run."""
        if not self.started:
            self.stats.update(stats)

    def preview(self, until: float, listener: Callable[[Engine, Event], None]) -> None:
        """What the clock alone would bring by `until`, told to `listener` with the
        engine as it would be at each event; this engine is left as it was.

        The sound uses it to hand cues to the player ahead of their moment, so a
        cue starts on time even though the screen only ticks ten times a second.
        """
        if not self.started or self.finished or self.paused:
            return
        twin = Engine(self.timeline, clock=lambda: until, speed=self.speed)
        twin.index, twin.status, twin.started_at = self.index, self.status, self.started_at
        twin.tip_index, twin._seg_start = self.tip_index, self._seg_start
        twin.extra = dict(self.extra)
        twin.stats = {key: SideStats(s.target, s.reps, s.seconds) for key, s in self.stats.items()}
        segment = self.segment
        if segment is not None and self._next is not None:
            moments = moments_of(segment, self.length(self.index))
            for moment in moments:  # regenerate the schedule up to where this one stands
                if moment == self._next:
                    break
            twin._moments, twin._next = moments, self._next
        twin.subscribe(lambda event: listener(twin, event))
        twin.tick()

    def log_rep(self) -> list[Event]:
        """Count a rep on a self-paced side; the side ends at its target."""
        out: list[Event] = []
        seg = self.segment
        if not self._active() or self.paused or seg is None:
            return out
        if seg.kind is not Kind.WORK or seg.timed:
            return out
        out.extend(self.tick())
        key = self.key_for(self.index)
        stats = self.stats[key]
        stats.reps += 1
        now = self.clock()
        self._emit(out, RepCounted(now, key, stats.reps))
        if seg.seconds >= HALFWAY_MIN and stats.reps == (stats.target + 1) // 2 < stats.target:
            self._emit(out, Halfway(now, key, "side"))
        if stats.reps >= stats.target:
            done = self.index
            self._advance(now, out)
            self._completed_by_reps = done
        return out

    def undo_rep(self) -> list[Event]:
        """Take back the last logged rep; just after a side ended on it, go back there."""
        if not self._active():
            return []
        out = self.tick()
        if self.finished:
            return out
        seg = self.segment
        now = self._now()
        if seg is not None and seg.kind is Kind.WORK and not seg.timed:
            stats = self.stats[self.key_for(self.index)]
            if stats.reps > 0:  # a miscount can be fixed while paused too
                stats.reps -= 1
                self._emit(out, RepUndone(now, self.key_for(self.index), stats.reps))
                return out
        previous = self._completed_by_reps
        if previous is None or previous != self.index - 1 or self.paused:
            return out
        key = self.key_for(previous)
        stats = self.stats[key]
        self.rewound_total += self.elapsed()
        self._abandon(now, out)
        self._enter(previous, now, out, elapsed=stats.seconds)
        stats.reps -= 1
        self._emit(out, RepUndone(now, key, stats.reps))
        return out

    def pause(self) -> list[Event]:
        out = self.tick()  # what was due before the pause happens before it
        if self._active() and not self.paused:
            self.paused_at = self.clock()
            self._emit(out, Paused(self.paused_at))
        return out

    def resume(self) -> list[Event]:
        out: list[Event] = []
        if self._active() and self.paused_at is not None:
            now = self.clock()
            gap = now - self.paused_at
            self.paused_total += gap
            self._seg_start += gap
            self.paused_at = None
            self._emit(out, Resumed(now, gap))
        return out

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.paused else self.pause()

    def skip(self) -> list[Event]:
        """End the current part now and go on to the next."""
        if not self._active():
            return []
        out = self.tick()
        if self.finished:
            return out
        now = self._now()
        seg = self.segment
        if seg is not None and seg.timed:
            self.skipped_total += max(0.0, self.length(self.index) - self.elapsed())
        was_paused = self.paused_at is not None
        if was_paused:
            out.extend(self.resume())
            now = self.clock()
        self._advance(now, out)
        if was_paused and not self.finished:  # the next part waits, paused, at its start
            out.extend(self.pause())
        return out

    def back(self) -> list[Event]:
        """Start this part again; near its start, go to the part before."""
        if not self._active():
            return []
        out = self.tick()
        if self.finished:
            return out
        was_paused = self.paused_at is not None
        if was_paused:
            out.extend(self.resume())
        now = self.clock()
        elapsed = self.elapsed()
        target = self.index
        if elapsed < BACK_GRACE and self.index > 0:
            target = self.index - 1
            self.rewound_total += self.segments[target].seconds
        self.rewound_total += min(elapsed, self.length(self.index))
        if target != self.index:
            self._abandon(now, out)
        seg = self.segments[target]
        if seg.kind is Kind.WORK:
            key = self.key_for(target)
            self.stats[key] = SideStats(target=seg.reps.high if seg.reps else 0)
            self._emit(out, SideRestarted(now, key))
        self._enter(target, now, out)
        if was_paused:  # going back does not start the clock again
            out.extend(self.pause())
        return out

    def adjust(self, seconds: float) -> list[Event]:
        """`+`/`-`: make the pause under way (rest, get-ready, switch) longer or
        shorter. A shorter one keeps its last countdown seconds: `-` never jumps
        straight into the next part."""
        if not self._active():
            return []
        out = self.tick()
        seg = self.segment
        remaining = self.remaining()
        if self.finished or seg is None or seg.kind is Kind.WORK or remaining is None:
            return out
        wanted = remaining + seconds
        if seconds < 0:
            wanted = max(wanted, min(remaining, float(COUNTDOWN)))
        if wanted == remaining:
            return out
        self.extra[self.index] = self.extra.get(self.index, 0.0) + wanted - remaining
        elapsed = self.elapsed()
        self._moments = moments_of(seg, self.length(self.index))
        self._next = next(self._moments, None)
        while self._next is not None and self._next.offset <= elapsed:
            self._next = next(self._moments, None)
        self._emit(out, PartLengthChanged(self._now(), self.index, self.length(self.index)))
        return out

    def stop(self) -> list[Event]:
        """End the workout early; what was done is kept."""
        if not self._active():
            return []
        out = self.tick()
        if self.finished:
            return out
        now = self._now()
        self._leave(now, out)
        self._finish("stopped", now, out)
        return out
