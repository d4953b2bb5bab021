"""A workout's life as plain Python: the one object every driver runs.

The Textual workout screen, a plain-text runner and the tests are drivers of the
same two objects. A driver:

    workouts = Workouts(store, locations, preferences, clock=clock, output=lambda: audio)
    unfinished = workouts.unfinished(session)    # the resume policy (None: nothing to ask)
    # ...ask "resume / start afresh / close it" when there is one...
    workout = workouts.open(session, resume=unfinished)   # or resume=None for a fresh run
    workout.listen(show)               # every engine event, in order, after history and cues
    workout.start()                    # first get-ready (or where a resumed run goes on)
    while not workout.finished:
        workout.advance()              # reads the clock: fires what is due, hands cues over
        wait until workout.next_due() (or sooner, to redraw a clock), or a key:
        workout.rep() / undo() / next() / back() / pause() / resume() / stop()
    workout.finish(pain_after)         # the pain rating after; the record is closed already

Every control returns the engine events it caused and leaves the cue sounds
planned again, so a driver only draws. History rows are written as the events
happen (the recorder listens first), so nothing is lost if the driver dies.
Time comes only from the injected clock; `speed` runs a rehearsal faster.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .audio.cues import CueScheduler
from .awake import AwakeWhileRunning, ScreenAwake, for_this_system
from .config import Preferences
from .counts import counted
from .engine import Engine
from .events import Event
from .history.recorder import WRITE_WAIT_MS, Recorder, prepare_resume, resumable, saving_problem
from .history.store import HistoryStore
from .locations import Locations
from .planner import plan
from .workout import Workout

if TYPE_CHECKING:
    from .audio.outputs import Output
    from .session.model import Session
    from .speech.voice import Voice

TAKEN_ELSEWHERE = "That unfinished workout is open in another window: it goes on there."
Clock = Callable[[], float]
Listener = Callable[[Event], None]


@dataclass(frozen=True)
class Notice:
    """Something the person should read once (a driver shows it as it likes)."""

    text: str
    seconds: float = 6.0


@dataclass(frozen=True)
class Unfinished:
    """A workout left running by a process that is gone: it can go on or be closed."""

    workout_id: int
    session: str  # the session's name
    session_path: str | None
    title: str
    question: str  # "Hips from Sat 05 Dec 10:00 stopped before it was finished (12 reps logged)."
    row: Any  # the history row, for `resumable`


class Workouts:
    """Starts, resumes and closes workouts of one history: the resume policy lives here.

    `tell` receives the notices (a session changed since, a resumed speed); `output`
    is asked for the sound output at each cue, since it may be chosen later.
    """

    def __init__(
        self,
        store: HistoryStore,
        locations: Locations,
        preferences: Preferences,
        *,
        clock: Clock = time.monotonic,
        speed: float = 1.0,
        output: Callable[[], Output | None] = lambda: None,
        tell: Callable[[Notice], None] = lambda notice: None,
        awake: ScreenAwake | None = None,
    ) -> None:
        self.store = store
        self.locations = locations
        self.preferences = preferences
        self.clock = clock
        self.speed = speed
        self.output = output
        self.tell = tell
        self.unsaved: list[Recorder] = []  # workouts whose writes the history refused
        self._voice_notice = ""
        self._speaking: Voice | None = None  # the voice of the last workout opened
        self._awake = awake  # chosen on first use, from the setting

    @property
    def screen_awake(self) -> ScreenAwake:
        """What keeps the display on while a workout runs (nothing if switched off)."""
        if self._awake is None:
            self._awake = for_this_system(self.preferences.keep_screen_awake)
        return self._awake

    def shutdown(self) -> None:
        """At exit: let the screen blank again, and render no more phrases."""
        self.stop_speaking()
        if self._awake is not None:
            self._awake.close()

    # -- the resume policy -------------------------------------------------------

    def unfinished(self, session: Session | None = None) -> Unfinished | None:
        """The newest unfinished workout (of `session`, when given) to offer to resume.

        One whose session has changed since cannot go on where it stopped (the parts
        no longer line up): it is closed, keeping what it logged, and said so.
        """
        rows = self.store.interrupted(session.slug if session is not None else None)
        if not rows:
            return None
        found = self._unfinished(rows[0])
        if session is not None and not resumable(rows[0], session):
            self.close_changed(found)
            return None
        return found

    def _unfinished(self, row: Any) -> Unfinished:
        started = datetime.fromisoformat(row["started_at"]).astimezone()
        done = sum(side["reps_done"] for side in self.store.sides(row["id"]))
        question = (
            f"{row['title']} from {started:%a %d %b %H:%M} stopped before it was finished "
            f"({counted(done, 'rep')} logged)."
        )
        return Unfinished(
            row["id"], row["session"], row["session_path"], row["title"], question, row
        )

    def close(self, unfinished: Unfinished) -> None:
        """Close an unfinished workout as interrupted; what it logged is kept.

        Not one another window has taken over since it was offered here."""
        closed = self._quickly(
            "close it",
            lambda store: store.close_unfinished(unfinished.workout_id, unfinished.row["pid"]),
        )
        if closed is False:
            self.tell(Notice(TAKEN_ELSEWHERE, 10.0))

    def _quickly(self, what: str, write: Callable[[HistoryStore], bool]) -> bool | None:
        """One write on a connection that waits WRITE_WAIT_MS at most, never the store's
        5 s: None, after a notice, when another program holds the history."""
        store = self.store.writer(WRITE_WAIT_MS)
        try:
            return write(store)
        except sqlite3.OperationalError as error:
            self.tell(Notice(f"Could not {what} now: {saving_problem(error)}. Try again.", 8.0))
            return None
        finally:
            if store is not self.store:
                store.close()

    def take(self, session: Session, unfinished: Unfinished) -> Workout | None:
        """Go on with an unfinished workout, if this window is the one that gets it.

        Two windows may both have offered it: taking it over is one conditional
        update, so exactly one of them wins; the other is told (None).
        """
        won = self._quickly(
            "resume it", lambda store: store.claim(unfinished.workout_id, unfinished.row["pid"])
        )
        if won is False:
            self.tell(Notice(TAKEN_ELSEWHERE, 10.0))
        return self.open(session, resume=unfinished) if won else None

    def close_changed(self, unfinished: Unfinished) -> None:
        self.close(unfinished)
        self.tell(
            Notice(
                f"The unfinished {unfinished.title} workout was closed: the session has "
                "changed since, so it cannot be resumed where it stopped. What it logged "
                "is kept.",
                8.0,
            )
        )

    def session_of(self, unfinished: Unfinished) -> Session:
        """The session an unfinished workout ran: the same file if it is still there,
        else by name. Raises SessionError or FileNotFoundError."""
        from .library import resolve
        from .session.load import load_session

        path = unfinished.session_path
        if path and Path(path).is_file():
            return load_session(Path(path), sound_dirs=self.locations.sound_dirs())
        return resolve(unfinished.session, self.locations)

    def resume(self, unfinished: Unfinished) -> Workout | None:
        """Go on with an unfinished workout of any session (from the home screen).

        None, after a notice, when its session cannot be read or has changed since.
        """
        from .session.problems import SessionError

        try:
            session = self.session_of(unfinished)
        except (SessionError, FileNotFoundError) as error:
            self.tell(Notice(f"Cannot resume: {error}", 6.0))
            return None
        if not resumable(unfinished.row, session):
            self.close_changed(unfinished)
            return None
        return self.take(session, unfinished)

    def loose_cues(self) -> CueScheduler:
        """Cue sounds with no workout behind them (the assessment's hold): the same
        output, mute, settings and sounds as a workout's."""
        return self._cues(None)

    def _cues(self, engine: Engine | None) -> CueScheduler:
        return CueScheduler(
            engine,
            output=self.output,
            preferences=self.preferences,
            muted=lambda: self.preferences.muted,
            sound_dirs=self.locations.sound_dirs(),
            clock=self.clock,
            join_dir=self.locations.speech_cache,
        )

    # -- starting ------------------------------------------------------------------

    def open(self, session: Session, resume: Unfinished | None = None) -> Workout:
        """A workout of `session`, wired and ready to start; `resume` goes on with one
        that was interrupted, at the speed it began at."""
        speed = self.speed
        resume_id = resume.workout_id if resume is not None else None
        if resume_id is not None:
            speed = self._resume_speed(resume_id, speed)
        engine = Engine(plan(session), clock=self.clock, speed=speed)
        start = prepare_resume(self.store, engine, resume_id) if resume_id is not None else 0
        recorder = Recorder(self.store, engine, workout_id=resume_id)
        recorder.on_notice = lambda text: self._saving(recorder, text)
        cues = self._cues(engine)
        cues.voice = self._voice(engine)
        workout = Workout(engine, recorder, cues, self.preferences, start, resume_id is not None)
        workout.listen(AwakeWhileRunning(self.screen_awake))
        return workout

    # -- writes the history refused ---------------------------------------------------

    def _saving(self, recorder: Recorder, text: str) -> None:
        """A workout's writes stopped going in, or go in again: say so (once each)."""
        if recorder.problem is not None and recorder not in self.unsaved:
            self.unsaved.append(recorder)
        elif recorder.problem is None and recorder in self.unsaved:
            self.unsaved.remove(recorder)
        self.tell(Notice(text, 8.0))

    def retry(self) -> bool:
        """Try the refused writes again; True while any still wait (a driver calls this
        about once a second from when `unsaved` fills until it returns False)."""
        for recorder in list(self.unsaved):
            recorder.retry()
        return bool(self.unsaved)

    def last_try(self) -> None:
        """At exit: one more try for refused writes, allowed the store's usual wait."""
        for recorder in self.unsaved:
            recorder.store.conn.execute("PRAGMA busy_timeout=5000")
            recorder.flush()

    def _voice(self, engine: Engine) -> Voice | None:
        """The spoken cues of this plan, rendering in the background from now on;
        None (the tones, as ever) with no engine, `voice = "off"` or no sound device.

        Cheap: finding the engine starts nothing, and rendering is another process."""
        from .speech.voice import start

        self.stop_speaking()  # a workout opened before this one renders no more
        output = self.output()
        if output is not None and not output.plays_files:
            return None  # no sound device (or a test's silent output): nothing to render
        voice, notice = start(engine.timeline, self.preferences, self.locations)
        if voice is None and notice and notice != self._voice_notice:
            self._voice_notice = notice  # once a run; a voice that works is not announced
            self.tell(Notice(notice, 6.0))
        self._speaking = voice
        return voice

    def stop_speaking(self) -> None:
        """Stop rendering phrases (the app is closing): what is done stays cached."""
        if self._speaking is not None:
            self._speaking.close()
            self._speaking = None

    def _resume_speed(self, workout_id: int, asked: float) -> float:
        """A resumed workout goes on at the speed it began at: one record, one speed,
        so a rehearsal never turns into a real workout half-way, nor the other way."""
        row = self.store.workout(workout_id)
        speed = float(row["speed"]) if row is not None else asked
        if speed != asked:
            self.tell(Notice(f"Resumed at the speed it began at: {speed:g}x.", 6.0))
        return speed
