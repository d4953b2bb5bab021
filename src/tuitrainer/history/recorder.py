"""Engine events -> history rows, each committed as it happens."""

from __future__ import annotations

import hashlib
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


class Recorder:
    """Subscribe it to an engine: `engine.subscribe(recorder)`."""

    def __init__(
        self,
        store: HistoryStore,
        engine: Engine,
        workout_id: int | None = None,
        pain_before: int | None = None,
    ):
        self.store = store
        self.engine = engine
        self.workout_id = workout_id
        self.pain_before = pain_before  # saved as soon as the workout's row exists
        self._side_ids: dict[SideKey, int] = {}
        self._mono0 = engine.clock()
        self._wall0 = datetime.now(UTC)

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
            session = self.engine.timeline.session
            if self.workout_id is None:
                self.workout_id = self.store.start_workout(
                    session.slug,
                    session.title,
                    session_hash(session),
                    self.engine.speed,
                    self.wall(event.at),
                )
                if self.pain_before is not None:
                    self.store.set_pain(self.workout_id, "before", self.pain_before)
            else:
                self.store.resume_workout(self.workout_id)
            self._record_plan()
        elif self.workout_id is None:
            return
        elif isinstance(event, PhaseStarted):
            self.store.set_position(self.workout_id, event.index)
            if event.segment.kind is Kind.WORK:
                key = self.engine.key_for(event.index)
                side_id = self._side(key)
                if self.engine.stats[key].reps == 0:
                    self.store.remove_reps_after(side_id, 0)
        elif isinstance(event, RepCounted):
            offset = self.engine.offset_of(event.at)
            self.store.add_rep(self._side(event.key), event.reps, self.wall(event.at), offset)
        elif isinstance(event, RepUndone):
            self.store.remove_reps_after(self._side(event.key), event.reps)
        elif isinstance(event, SideRestarted):
            self.store.remove_reps_after(self._side(event.key), 0)
        elif isinstance(event, SideFinished):
            self.store.finish_side(self._side(event.key), event.reps, event.seconds)
        elif isinstance(event, WorkoutFinished):
            status = event.status
            if status == "completed":
                status = outcome(workout_rows(self.engine))
            self.store.end_workout(self.workout_id, status, self.wall(event.at))

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
        not interrupted again (which would offer it once more)."""
        if self.workout_id is not None and not self.engine.started:
            self.store.end_workout(self.workout_id, "stopped")


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
