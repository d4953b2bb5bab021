"""Starting, resuming and leaving workouts, as the app answers the screens' messages.

A mixin of the app: it builds the workout core (`workouts.Workouts`) on first
use, shows the safety note before any workout until it has been acknowledged,
offers to resume an unfinished run, and retries history writes the file refused
(a lock, a full disk) every second until they are saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from .screens.home import HomeScreen
from .screens.messages import OfferResume, StartSession

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen
    from textual.timer import Timer

    from .audio.cues import CueScheduler
    from .audio.outputs import Output
    from .config import Preferences
    from .history.store import HistoryStore
    from .locations import Locations
    from .session.model import Session
    from .workout import Workout
    from .workouts import Notice, Unfinished, Workouts

HISTORY_RETRY_SECONDS = 1.0  # while the history refuses a workout's writes, how often to retry


class WorkoutFlow(App[int]):
    """The workouts of the app; `TuitrainerApp` provides the attributes below."""

    store: HistoryStore
    locations: Locations
    preferences: Preferences
    clock: Callable[[], float]
    speed: float
    audio: Output | None
    direct_session: Session | None
    _workouts: Workouts | None
    _retrying: Timer | None

    @property
    def workouts(self) -> Workouts:
        """Starts, resumes and closes workouts (the core); built on first use."""
        if self._workouts is None:
            from .workouts import Workouts

            self._workouts = Workouts(
                self.store,
                self.locations,
                self.preferences,
                clock=self.clock,
                speed=self.speed,
                output=lambda: self.audio,
                tell=self._tell,
            )
        return self._workouts

    def _tell(self, notice: Notice) -> None:
        """The core's notices; while the history refuses writes, retry them each second."""
        self.notify(notice.text, timeout=notice.seconds)
        if self.workouts.unsaved and self._retrying is None:
            self._retrying = self.set_interval(HISTORY_RETRY_SECONDS, self._retry_writes)

    def _retry_writes(self) -> None:
        if not self.workouts.retry() and self._retrying is not None:
            self._retrying.stop()
            self._retrying = None

    def on_unmount(self) -> None:
        if self._workouts is not None:
            self._workouts.last_try()  # writes the history refused, one more time

    def loose_cues(self) -> CueScheduler:
        return self.workouts.loose_cues()

    def on_start_session(self, message: StartSession) -> None:
        """Start a session: the safety note first until it has been acknowledged once,
        then an offer to resume an unfinished run of it."""
        from .screens.safety import safety_first

        leave = self.direct_session is not None
        session = message.session
        safety_first(self, self.store, lambda: self._start_session(session), leave=leave)

    def _start_session(self, session: Session) -> None:
        unfinished = self.workouts.unfinished(session)
        if unfinished is None:
            self._begin(self.workouts.open(session))
            return

        def chosen(choice: str | None) -> None:
            if choice == "resume":
                workout = self.workouts.take(session, unfinished)
                if workout is not None:
                    self._begin(workout)
                elif self.direct_session is not None:  # `run`: nothing else to do here
                    from .workouts import TAKEN_ELSEWHERE

                    self.exit(1, return_code=1, message=f"tuitrainer: {TAKEN_ELSEWHERE}")
                return
            if choice == "close":
                self.workouts.close(unfinished)
            self._begin(self.workouts.open(session))

        self.push_screen(self._resume_question(unfinished), chosen)

    def on_offer_resume(self, _: OfferResume) -> None:
        """On the home screen: the newest unfinished workout, if there is one; resuming
        it shows the safety note first, as any workout does, until it is acknowledged
        (a run begun in plain mode without a terminal never showed it)."""
        from .screens.safety import safety_first

        unfinished = self.workouts.unfinished()
        if unfinished is None:
            return

        def chosen(choice: str | None) -> None:
            if choice == "close":
                self.workouts.close(unfinished)
                if isinstance(self.screen, HomeScreen):
                    self.screen.reload()
            elif choice == "resume":
                safety_first(self, self.store, resume, leave=False)

        def resume() -> None:
            workout = self.workouts.resume(unfinished)
            if workout is not None:
                self._begin(workout)

        self.push_screen(self._resume_question(unfinished), chosen)

    def _resume_question(self, unfinished: Unfinished) -> Screen[str]:
        from .screens.questions import ResumeScreen

        return ResumeScreen(unfinished.question)

    def _begin(self, workout: Workout) -> None:
        from .screens.workout import WorkoutScreen

        self.push_screen(WorkoutScreen(workout))
