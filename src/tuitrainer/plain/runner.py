"""`tuitrainer run SESSION --plain`: the workout core driven by lines of text.

The loop waits for a key or for the workout's next scheduled moment, whichever
comes first, so it costs no CPU while it waits; each event becomes one line.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from .. import dose
from ..display import coaching
from ..events import PartLengthChanged, RepCounted, RepUndone
from ..key_notices import cleared_reps, no_rep_reason, no_undo_reason
from ..plain_text import printable
from ..planner import Kind
from ..tally import total_text, workout_rows
from .keys import END, Keys
from .lines import KEYS_HELP, event_line, time_left
from .safety import confirmed

if TYPE_CHECKING:
    from ..audio.outputs import Output
    from ..config import Preferences
    from ..events import Event
    from ..history.store import HistoryStore
    from ..locations import Locations
    from ..session.model import Session
    from ..workout import Workout
    from ..workouts import Notice, Workouts

Clock = Callable[[], float]


class PlainRunner:
    """One workout in plain text: keys in, lines out."""

    def __init__(
        self,
        workouts: Workouts,
        keys: Keys,
        out: TextIO,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.workouts = workouts
        self.keys = keys
        self.out = out
        self.clock = clock
        self.sleep = sleep  # waits out the clock once no key can come (tests move it)
        self.workout: Workout | None = None
        self._lock = threading.Lock()  # the sound notice comes from another thread
        self._prompt = ""  # a question waiting for its answer on the last line
        self._silent = False  # events that need no line of their own (see _quit)

    def say(self, line: str) -> None:
        """One line. While a question waits on the last line, the line goes on a line
        of its own and the question is asked again under it, never run into it."""
        line = printable(line)  # names from a file or the history may hold anything
        with self._lock:
            if self._prompt:
                self.out.write("\n" + line + "\n" + self._prompt)
            else:
                self.out.write(line + "\n")
            self.out.flush()

    def _ask(self, prompt: str) -> str | None:
        with self._lock:
            self._prompt = prompt
            self.out.write(prompt)
            self.out.flush()
        try:
            return self.keys.read_line()
        finally:
            with self._lock:
                self._prompt = ""

    def tell(self, notice: Notice) -> None:
        self.say(notice.text)

    # -- before the start ------------------------------------------------------------

    def open(self, session: Session) -> Workout | None:
        """A fresh workout, or the unfinished one of this session if the person says so."""
        unfinished = self.workouts.unfinished(session)
        resume = None
        if unfinished is not None:
            self.say(unfinished.question)
            self.say("r: go on where it stopped, s: start afresh (it is closed), q: leave.")
            while True:
                key = self.keys.read(None)
                if key in ("r", " "):
                    resume = unfinished
                    break
                if key == "s":
                    self.workouts.close(unfinished)
                    break
                if key in ("q", END):
                    return None
        return self.workouts.open(session, resume=resume)

    def ask_pain(self, when: str) -> int | None:
        """A pain rating from 0 to 10 typed on a terminal; Enter alone skips it."""
        if not self.keys.interactive:
            return None
        while True:
            answer = self._ask(f"Pain {when}, 0 to 10 (Enter skips): ")
            if not answer:
                return None
            if answer.isdigit() and 0 <= int(answer) <= 10:
                return int(answer)
            self.say("A number from 0 to 10, please.")

    # -- the workout -------------------------------------------------------------------

    def run(self, session: Session) -> int:
        workout = self.open(session)
        if workout is None:
            self.say("Nothing started.")
            return 0
        self.workout = workout
        workout.listen(self._event)
        engine = workout.engine
        total = engine.timeline.total_seconds
        title = printable(session.title, newlines=False)
        count = len(session.exercises)
        plural = "exercise" if count == 1 else "exercises"
        self.say(f"{title}: {count} {plural}, about {_clock(total)}.")
        if below := dose.warning(session):
            self.say(printable(below, newlines=False))
        if workout.asks_pain_before:
            workout.pain_before = self.ask_pain("before you start")
        self.say(KEYS_HELP)
        self.say("Press space to start.")
        if not self._wait_for_start():
            workout.stop()
            return 0
        workout.start()
        self._loop()
        self._summary()
        return 0

    def _wait_for_start(self) -> bool:
        while True:
            key = self.keys.read(None)
            if key in (" ", "n"):
                return True
            if key in ("q", END):
                self.say("Nothing started.")
                return False
            if key == "?":
                self.say(KEYS_HELP)

    def _event(self, event: Event) -> None:
        assert self.workout is not None
        if self._silent:
            return
        line = event_line(event, self.workout.engine)
        if line:
            self.say(line)

    def _loop(self) -> None:
        assert self.workout is not None
        workout = self.workout
        ended = False
        while not workout.finished:
            due = workout.next_due()
            timeout = None if due is None else max(0.0, due - self.clock())
            if ended:
                # A self-paced side ends only on a key (its tips go round for ever), and a
                # pause only on p: with no key to come, nothing more can happen.
                if due is None or workout.engine.remaining() is None:
                    self.say("Input ended: the workout is stopped. What you did is kept.")
                    workout.stop()
                    break
                self.sleep(timeout or 0)
                workout.advance()
                continue
            key = self.keys.read(timeout)
            if key is None:
                workout.advance()
            elif key == END:
                ended = True
            else:
                self.key(key)

    def key(self, key: str) -> None:
        """What a key does, said in a line when it changes nothing."""
        assert self.workout is not None
        workout, engine = self.workout, self.workout.engine
        if key == " ":
            if not any(isinstance(e, RepCounted) for e in workout.rep()):
                self._why(no_rep_reason(engine))
        elif key == "u":
            if not any(isinstance(e, RepUndone) for e in workout.undo()):
                self._why(no_undo_reason(engine))
        elif key == "p":
            workout.toggle_pause()
        elif key == "n":
            workout.next()
        elif key == "b":
            before, reps = engine.key, engine.side_stats(engine.key).reps if engine.key else 0
            workout.back()
            self._why(cleared_reps(engine, before, reps))
        elif key in ("+", "="):
            self._adjust(15)
        elif key == "-":
            self._adjust(-15)
        elif key == "l":
            self.say(time_left(engine))
        elif key == "t":
            segment = engine.segment
            if segment is not None:
                self.say(coaching(engine, segment, show_modification=True))
        elif key == "m":
            self.say("Sound off." if workout.toggle_mute() else "Sound on.")
        elif key == "?":
            self.say(KEYS_HELP)
        elif key == "q":
            self._quit()

    def _adjust(self, seconds: float) -> None:
        """+/-: a longer or shorter rest, switch or get-ready; said when it changes nothing."""
        assert self.workout is not None
        if any(isinstance(e, PartLengthChanged) for e in self.workout.adjust(seconds)):
            return
        segment = self.workout.engine.segment
        if segment is not None and segment.kind is not Kind.WORK and seconds < 0:
            self.say("This pause cannot get shorter: its last 3 seconds stay.")
        else:
            self.say("Only a rest, a switch or a get-ready can be made longer or shorter.")

    def _why(self, reason: str) -> None:
        if reason:
            self.say(reason)

    def _quit(self) -> None:
        """On a terminal, ask first, with the workout paused while the question waits
        (as on the workout screen): a guided side must not count on meanwhile."""
        assert self.workout is not None
        workout = self.workout
        if self.keys.interactive:
            was_paused = workout.paused
            self._silent = True  # the question says it all; no "Paused" line before it
            try:
                workout.pause()
            finally:
                self._silent = False
            self.say("End the workout? What you did is kept. y: end, any other key: go on.")
            if self.keys.read(None) != "y":
                if was_paused:
                    self.say("Still paused. Press p to go on.")
                else:
                    workout.resume()  # says "Going on."
                return
        workout.stop()

    def _summary(self) -> None:
        assert self.workout is not None
        rows = workout_rows(self.workout.engine)
        for row in rows:
            short = " (short)" if row.short else ""
            self.say(f"{row.name}, {row.side_label}: {row.reps} of {row.target_text} reps{short}.")
        self.say(f"Total: {total_text(rows)}.")
        self.workout.finish(self.ask_pain("now"))


def _clock(seconds: float) -> str:
    from ..planner import format_duration

    return format_duration(seconds)


def run_plain(
    session: Session,
    store: HistoryStore,
    locations: Locations,
    preferences: Preferences,
    keys: Keys,
    out: TextIO,
    *,
    speed: float = 1.0,
    clock: Clock = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    output: Output | None = None,
) -> int:
    """Run one workout in plain mode; the sound output is found in the background
    (probing a device may take a second) and cues play once it is there."""
    from ..workouts import Workouts

    chosen: list[Output] = [output] if output is not None else []
    runner: PlainRunner
    over = threading.Event()  # the run has ended: a late-found output is closed unsaid

    def find_output() -> None:
        from ..audio.outputs import choose

        found, notice = choose()
        if over.is_set():
            found.close()
            return
        chosen.append(found)
        if found.name == "silent" or found.name == "terminal bell":
            runner.say(notice)

    workouts = Workouts(
        store,
        locations,
        preferences,
        clock=clock,
        speed=speed,
        output=lambda: chosen[0] if chosen else None,
        tell=lambda notice: runner.tell(notice),
    )
    runner = PlainRunner(workouts, keys, out, clock, sleep)
    if output is None:
        threading.Thread(target=find_output, daemon=True).start()
    try:
        if not confirmed(store, keys, runner.say):
            return 0  # the safety note was not confirmed: no workout
        return runner.run(session)
    except KeyboardInterrupt:
        workout = runner.workout
        if workout is not None and not workout.finished:
            started = workout.engine.started
            workout.stop()  # a started one says how it ended
            if not started:
                runner.say("Nothing started.")
        return 130
    finally:
        over.set()
        workouts.stop_speaking()
        workouts.last_try()  # writes the history refused meanwhile, one more time
        if chosen:
            chosen[0].close()
