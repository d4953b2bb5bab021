"""Engine events -> history rows, each committed as it happens."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from ..engine import Engine, SideStats
from ..events import (
    Event,
    PhaseStarted,
    RepCounted,
    RepUndone,
    SideFinished,
    SideKey,
    SideRestarted,
    WorkoutFinished,
    WorkoutStarted,
)
from ..planner import Kind, Timeline
from ..session.model import Session
from ..tally import outcome, workout_rows
from .store import HistoryStore


def session_hash(session: Session) -> str:
    """Which version of a session a workout ran: sha256 of the session as clean YAML.

    Of the content rather than the file's bytes, so a plan changed in the app and
    started unsaved is told apart from its file, and a comment edit is not a change.
    """
    from ..session.dump import dump_session

    return hashlib.sha256(dump_session(session, header=None).encode()).hexdigest()


def resumable(row: Any, session: Session) -> bool:
    """Whether an unfinished workout can go on with this session: the same plan."""
    return bool(row["session_hash"] == session_hash(session))


# How long one write may wait for another program's lock before it is queued:
# short, because writes run on the UI's thread (the store's own wait is 5 s).
WRITE_WAIT_MS = 50
RETRY_SECONDS = 1.0  # while the history refuses writes, how often an event tries again


def saving_problem(error: sqlite3.Error) -> str:
    """Why reps are not being saved, in the user's words."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return "another program is using the history file"
    if "full" in text:
        return "the disk is full"
    return text


class Recorder:
    """Subscribe it to an engine: `engine.subscribe(recorder)`.

    Every event becomes a write, kept in order in a queue until the history takes
    it: another program holding the file, or a full disk, never ends a workout nor
    loses a rep. The first failed write calls `on_notice` once with the reason; `retry`
    (on a timer) tries again; when the queue is empty again `on_notice` says so. Each
    write is idempotent, so one that is tried twice is stored once.
    """

    def __init__(
        self,
        store: HistoryStore,
        engine: Engine,
        workout_id: int | None = None,
        pain_before: int | None = None,
        on_notice: Callable[[str], None] | None = None,
    ):
        self.store = store.writer(WRITE_WAIT_MS)
        self.engine = engine
        self.workout_id = workout_id
        self.pain_before = pain_before  # saved as soon as the workout's row exists
        self.on_notice = on_notice or (lambda text: None)
        self.problem: str | None = None  # why the queue is not being written, if it is not
        self._begun = workout_id is not None  # nothing is written before the workout starts
        self._tried = 0.0  # when a write was last attempted (time.monotonic)
        self._pending: deque[Callable[[], None]] = deque()
        self._side_ids: dict[SideKey, int] = {}
        self._mono0 = engine.clock()
        self._wall0 = datetime.now(UTC)

    @property
    def pending(self) -> int:
        """Writes not yet in the history."""
        return len(self._pending)

    def wall(self, at: float) -> str:
        """The wall-clock time of an engine moment, for the history."""
        moment = self._wall0 + timedelta(seconds=at - self._mono0)
        return moment.isoformat(timespec="milliseconds")

    def _side(self, key: SideKey, planned: int = 0) -> int:
        side_id = self._side_ids.get(key)
        if side_id is None:
            exercise = self.engine.timeline.session.exercises[key.exercise_index]
            target = self.engine.stats[key].target if key in self.engine.stats else planned
            reps = exercise.reps.get(key.side)
            low = reps.low if reps is not None and reps.low != reps.high else None
            side_id = self.store.side_id(
                self.workout_id or 0,
                key.exercise_index,
                exercise.id,
                exercise.name,
                key.set_number,
                key.side,
                target,
                low,
            )
            self._side_ids[key] = side_id
        return side_id

    def __call__(self, event: Event) -> None:
        if isinstance(event, WorkoutStarted):
            self._begun = True
        if not self._begun:
            return
        write = self._write_for(event)
        if write is None:
            return
        self._pending.append(write)
        # While failing, attempts are paced (each may wait WRITE_WAIT_MS): a driver's
        # timer calls retry(), and an event tries again once RETRY_SECONDS have passed.
        if self.problem is None or time.monotonic() - self._tried >= RETRY_SECONDS:
            self.flush()

    def set_pain_after(self, rating: int) -> None:
        """The summary's rating, queued like any other write."""
        if not self._begun:
            return
        self._pending.append(lambda: self.store.set_pain(self._id(), "after", rating))
        self.flush()

    def retry(self) -> None:
        """Try the queued writes again (a timer calls this while any are waiting)."""
        if self._pending:
            self.flush()

    def flush(self) -> bool:
        """Write what is queued, in order, until the history refuses one; True if all went."""
        self._tried = time.monotonic()
        while self._pending:
            try:
                self._pending[0]()
            except sqlite3.Error as error:
                if not isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError):
                    raise
                self._side_ids.clear()  # a rolled-back write may have cached a side's id
                if self.problem is None:
                    self.problem = saving_problem(error)
                    self.on_notice(
                        f"Reps are not being saved: {self.problem}. They are kept and "
                        "saved as soon as the history can be written again."
                    )
                return False
            self._pending.popleft()
        if self.problem is not None:
            self.problem = None
            self.on_notice("The history can be written again: every rep is saved.")
        return True

    def _id(self) -> int:
        assert self.workout_id is not None  # queued writes run after the workout's row
        return self.workout_id

    def _write_for(self, event: Event) -> Callable[[], None] | None:
        """The write an event asks for, with what it needs taken from the engine now
        (a write may run later, when the engine has moved on)."""
        if isinstance(event, WorkoutStarted):
            return lambda: self._started(event)
        if isinstance(event, PhaseStarted):
            index = event.index
            if event.segment.kind is not Kind.WORK:
                return lambda: self.store.set_position(self._id(), index)
            key = self.engine.key_for(index)
            fresh = self.engine.stats[key].reps == 0

            def entered() -> None:
                self.store.set_position(self._id(), index)
                side_id = self._side(key)
                if fresh:
                    self.store.remove_reps_after(side_id, 0)

            return entered
        if isinstance(event, RepCounted):
            offset, at = self.engine.offset_of(event.at), self.wall(event.at)
            key, reps = event.key, event.reps
            return lambda: self.store.add_rep(self._side(key), reps, at, offset)
        if isinstance(event, RepUndone | SideRestarted):
            key, keep = event.key, event.reps if isinstance(event, RepUndone) else 0
            return lambda: self.store.remove_reps_after(self._side(key), keep)
        if isinstance(event, SideFinished):
            key, reps, seconds = event.key, event.reps, event.seconds
            return lambda: self.store.finish_side(self._side(key), reps, seconds)
        if isinstance(event, WorkoutFinished):
            status, at = event.status, self.wall(event.at)
            if status == "completed":  # as it stands now: "partial" if a side fell short
                status = outcome(workout_rows(self.engine))
            return lambda: self.store.end_workout(self._id(), status, at)
        return None

    def _started(self, event: WorkoutStarted) -> None:
        """The workout's row: made once (a retried start does not make a second one)."""
        session = self.engine.timeline.session
        if self.workout_id is None:
            self.workout_id = self.store.start_workout(
                session.slug,
                session.title,
                session_hash(session),
                self.engine.speed,
                self.wall(event.at),
            )
        else:
            self.store.resume_workout(self.workout_id)
        if self.pain_before is not None:
            self.store.set_pain(self.workout_id, "before", self.pain_before)
        self._record_plan()

    def _record_plan(self) -> None:
        """Every side of the plan, at 0 of its target, as soon as the workout starts: a
        stopped or interrupted workout's target is the whole plan, not the sides reached
        (23 of 80 reps, not 23 of 30)."""
        with self.store.batch():
            for index, segment in enumerate(self.engine.segments):
                if segment.kind is Kind.WORK:
                    planned = segment.reps.high if segment.reps else 0
                    self._side(self.engine.key_for(index), planned)

    def close_unstarted(self) -> None:
        """A resumed workout left before its first key: it is over, stopped where it was,
        not interrupted again (which would offer it once more). Queued like any write."""
        if self.workout_id is not None and not self.engine.started:
            workout_id = self.workout_id
            self._pending.append(lambda: self.store.end_workout(workout_id, "stopped"))
            self.flush()


def restored_stats(store: HistoryStore, workout_id: int) -> dict[SideKey, SideStats]:
    """The sides an interrupted workout had reached, as the engine keeps them.

    A side it stopped in has no seconds yet: the time of its last rep stands in,
    so a resumed self-paced side's clock goes on from there.
    """
    out = {}
    for row in store.sides(workout_id):
        seconds = row["seconds"]
        if not row["finished"] and row["reps_done"]:
            times = store.rep_times(row["id"])
            seconds = max((rep["offset_seconds"] or 0.0 for rep in times), default=0.0)
        key = SideKey(row["exercise_index"], row["set_number"], row["side"])
        out[key] = SideStats(target=row["reps_target"], reps=row["reps_done"], seconds=seconds)
    return out


def resume_index(timeline: Timeline, stored: int) -> int:
    """Where a resumed workout starts: the side it stopped in, with its lead-in."""
    stored = max(0, min(stored, len(timeline.segments) - 1))
    segment = timeline.segments[stored]
    lead_in = stored > 0 and timeline.segments[stored - 1].kind is not Kind.WORK
    return stored - 1 if segment.kind is Kind.WORK and lead_in else stored


def prepare_resume(store: HistoryStore, engine: Engine, workout_id: int) -> int:
    """Load an interrupted workout into a fresh engine; returns the start index.

    The side it stopped in starts over when guided (the beat counts from one);
    a self-paced side keeps the reps already logged.
    """
    row = store.workout(workout_id)
    index = resume_index(engine.timeline, row["segment_index"] if row else 0)
    stats = restored_stats(store, workout_id)
    for position in range(index, len(engine.segments)):
        segment = engine.segments[position]
        key = engine.key_for(position)
        if segment.kind is Kind.WORK and segment.timed and key in stats:
            stats[key] = SideStats(target=stats[key].target)
    engine.restore(stats)
    return index
