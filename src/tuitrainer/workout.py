"""One workout from before its first get-ready to its pain rating after, as plain Python.

Made by `workouts.Workouts.open` (which also holds the resume policy): the
recorder (history) and the cue scheduler listen to its engine first; a driver
(the workout screen, the plain-text runner, tests) adds its own listener, calls
`advance()` with the clock and the controls on keys. See workouts.py for how a
driver runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .audio.cues import CueScheduler
from .config import Preferences
from .engine import Engine
from .events import Event
from .history.recorder import Recorder

if TYPE_CHECKING:
    pass

Clock = Callable[[], float]
Listener = Callable[[Event], None]


class Workout:
    """One workout, from before its first get-ready to its pain rating after.

    The recorder (history) and the cue scheduler (sound) listen to the engine
    first, in that order; `listen` adds more listeners (the screen, speech).
    """

    def __init__(
        self,
        engine: Engine,
        recorder: Recorder,
        cues: CueScheduler,
        preferences: Preferences,
        start_index: int = 0,
        resumed: bool = False,
    ) -> None:
        self.engine = engine
        self.recorder = recorder
        self.cues = cues
        self.preferences = preferences
        self.start_index = start_index
        self.resumed = resumed
        engine.subscribe(recorder)
        engine.subscribe(cues)

    def listen(self, listener: Listener) -> None:
        """Call `listener` with every engine event, in order, as it happens."""
        self.engine.subscribe(listener)

    # -- reading -------------------------------------------------------------------

    @property
    def started(self) -> bool:
        return self.engine.started

    @property
    def paused(self) -> bool:
        return self.engine.paused

    @property
    def finished(self) -> bool:
        return self.engine.finished

    @property
    def running(self) -> bool:
        """Started, not finished and not paused: the clock is moving."""
        return self.started and not self.finished and not self.paused

    @property
    def asks_pain_before(self) -> bool:
        """A fresh workout asks for a pain rating first, unless switched off."""
        return not self.resumed and self.preferences.ask_pain_before

    @property
    def pain_before(self) -> int | None:
        return self.recorder.pain_before

    @pain_before.setter
    def pain_before(self, rating: int | None) -> None:
        """Given before the start; saved once the workout's record exists."""
        self.recorder.pain_before = rating

    def next_due(self) -> float | None:
        """The clock time of the next scheduled moment (a rep, a tip, a second of a
        countdown, a part's end); None while nothing is scheduled (paused, self-paced)."""
        return self.engine.next_due()

    # -- the clock -------------------------------------------------------------------

    def advance(self, replan: bool = False) -> list[Event]:
        """Catch up with the clock: every moment due fires, in order; then the sounds
        of the next moments go to the output. A driver calls it a few times a second.

        `replan` withdraws sounds handed over in advance first (after a change of plan).
        """
        events = self.engine.tick()
        self.cues.flush(replan)
        return events

    def _changed(self, events: list[Event]) -> list[Event]:
        """After a control: what was due happens, and the coming sounds are planned again."""
        return events + self.advance(replan=True)

    # -- controls ----------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Begin (a resumed workout goes on where it stopped)."""
        return self._changed(self.engine.start(self.start_index))

    def rep(self) -> list[Event]:
        """Count a rep on a self-paced side (nothing on a guided one)."""
        return self._changed(self.engine.log_rep())

    def undo(self) -> list[Event]:
        """Take back the last logged rep, or go back into the side it ended."""
        return self._changed(self.engine.undo_rep())

    def next(self) -> list[Event]:
        """End this part now and go on; before the start, start and skip the first."""
        events = [] if self.started else self.engine.start(self.start_index)
        return self._changed(events + self.engine.skip())

    def back(self) -> list[Event]:
        """Start this part again; near its start, go to the part before."""
        return self._changed(self.engine.back())

    def adjust(self, seconds: float) -> list[Event]:
        """`+`/`-`: make the rest, switch or get-ready under way longer or shorter."""
        return self._changed(self.engine.adjust(seconds))

    def pause(self) -> list[Event]:
        return self._changed(self.engine.pause())

    def resume(self) -> list[Event]:
        return self._changed(self.engine.resume())

    def toggle_pause(self) -> list[Event]:
        return self._changed(self.engine.toggle_pause())

    def stop(self) -> list[Event]:
        """End early; what was done is kept (the record says `stopped`)."""
        return self._changed(self.engine.stop())

    def toggle_mute(self) -> bool:
        """Sound off or on for this run (the settings file keeps its default)."""
        self.preferences.muted = not self.preferences.muted
        self.advance(replan=True)  # withdraw (or hand over) the cues of the next moments
        return self.preferences.muted

    def leave(self) -> None:
        """Left before its first key: nothing new was recorded. A resumed workout left
        this way is over, stopped where it was, not interrupted again (which would
        offer it once more)."""
        if not self.started:
            self.recorder.close_unstarted()

    def finish(self, pain_after: int | None) -> None:
        """After the summary: keep the pain rating, if one was given."""
        if pain_after is not None:
            self.recorder.set_pain_after(pain_after)
