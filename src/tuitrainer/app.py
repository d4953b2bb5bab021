"""The Textual app and its factory; tests build fully controlled apps through it."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.notifications import Notify
from textual.screen import Screen

from .config import Preferences, notice_text
from .config import load as load_preferences
from .history.opening import OpenNotice
from .history.store import HistoryStore
from .locations import Locations
from .look import Look
from .plain_text import printable
from .screens.home import HomeScreen
from .screens.messages import (
    AssessmentClosed,
    OpenAssessment,
    ShowProgress,
    StartSession,
    SummaryClosed,
    ToggleMute,
    WorkoutEnded,
    WorkoutLeft,
)
from .sound_output import SoundOutput
from .workout_flow import WorkoutFlow

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.notifications import SeverityLevel
    from textual.screen import Screen
    from textual.timer import Timer

    from .audio.outputs import Output
    from .session.model import Session
    from .workouts import Workouts

    Clock = Callable[[], float]

# The workout, its screens and the session loader are imported when first needed:
# the home screen paints sooner without them (benchmarks/startup.py).


class TuitrainerApp(Look, SoundOutput, WorkoutFlow):
    """Home screen -> workout -> summary; or straight into one session (`run`)."""

    TITLE = "tuitrainer"
    # ctrl+p: the app's own commands (palette.py) beside Textual's theme and keys.
    ENABLE_COMMAND_PALETTE = True
    # The base screen's styles: Textual loads CSS_PATH only for screens it pushes.
    CSS_PATH = ["screens/home.tcss", "screens/high_contrast.tcss"]
    first_screen: Callable[[], Screen] | None = None  # `tuitrainer plan --edit`, `new`, `edit`
    # Ctrl+Z stops the program as in other terminal programs (`fg` brings it back); a
    # workout pauses first (WorkoutScreen._on_suspend).
    BINDINGS = [
        Binding("ctrl+z", "suspend_process", "Suspend", show=False, id="app.suspend"),
    ]

    def __init__(
        self,
        locations: Locations,
        store: HistoryStore,
        *,
        clock: Clock = time.monotonic,
        speed: float = 1.0,
        session: Session | None = None,
        assess: bool = False,
        notice: OpenNotice | None = None,
        preferences: Preferences | None = None,
        warnings: list[str] | None = None,
        audio: Output | None = None,
    ) -> None:
        super().__init__()
        self.audio = audio  # None until the output is chosen (in a worker)
        self.audio_notice = ""
        self.pending_sound_notice = ""
        self.preferences = preferences or Preferences()
        self.warnings = list(warnings or [])
        self.locations = locations
        self.store = store
        self.clock = clock
        self.speed = speed  # of every workout of this run: `run --speed`, a rehearsal
        self.direct_session = session
        self.direct_assess = assess  # `tuitrainer assess`: leaving the assessment quits
        self._use_theme(self.preferences.theme)
        self.key_warnings: list[str] = []
        self.keymap = self._own_keys()
        self.open_notice = notice
        self._workouts: Workouts | None = None
        self._retrying: Timer | None = None  # while the history refuses a workout's writes

    def on_mount(self) -> None:
        self._exit_on_signals()
        if self.open_notice is not None:
            self.notify(self.open_notice.message, severity="warning", timeout=15)
        if self.warnings:
            self.notify(
                notice_text(self.locations.config_file, self.warnings),
                title="Settings",
                severity="warning",
                timeout=20,
                markup=False,  # "[cues]" is text here, not markup
            )
        if self.key_warnings:
            self.notify(
                notice_text(self.locations.keys_file, self.key_warnings),
                title="Keys",
                severity="warning",
                timeout=20,
                markup=False,
            )
        if self.audio is None:
            # After the first frame: probing starts a player process, which would
            # compete with drawing the first screen for the CPU.
            self.set_timer(0.3, self._start_audio_probe)
        if self.direct_session is not None:
            self.on_start_session(StartSession(self.direct_session))
        elif self.direct_assess:
            self.on_open_assessment()
        elif self.first_screen is not None:
            self.push_screen(self.first_screen())

    def _exit_on_signals(self) -> None:
        """SIGTERM or SIGHUP (a `kill`, a closed terminal) end the app as `q` does: the
        terminal is given back (alternate screen, mouse, cursor) and every rep is saved.
        SIGTSTP stops it as Ctrl+Z does."""
        import asyncio
        import signal
        from contextlib import suppress

        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            with suppress(NotImplementedError, RuntimeError, ValueError):  # not on Windows
                loop.add_signal_handler(number, self.exit, None, 128 + number)
        stop = getattr(self._driver, "_sigtstp_application", None)  # Textual's own stop
        if stop is not None:

            def stopped() -> None:
                """A SIGTSTP from outside (`kill -TSTP`) pauses the workout first, as
                Ctrl+Z does, so its clock does not run on while the process is stopped."""
                self.app_suspend_signal.publish(self)
                stop()

            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signal.SIGTSTP, stopped)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice is plain text: a notice so often quotes a name, a path or a file's
        problem that markup in it would break (`[/]`) or act (`[@click=...]`).
        Widgets' and screens' `notify` come here too; `markup` is accepted and ignored."""
        super().notify(
            printable(str(message)),
            title=printable(str(title), newlines=False),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def get_default_screen(self) -> Screen:
        """The home screen is the base screen, unless a command opens another one.

        As the base rather than pushed over a blank one, it is styled and its
        footer composed once, not twice, before the first frame (startup.py).
        """
        opens_other = (
            self.direct_session is not None or self.direct_assess or self.first_screen is not None
        )
        return super().get_default_screen() if opens_other else HomeScreen()

    # -- what screens ask (screens/messages.py) ------------------------------------

    def on_toggle_mute(self, _: ToggleMute) -> None:
        """Sound off or on for this run (the settings file keeps its own default)."""
        self.preferences.muted = not self.preferences.muted
        self.notify("Sound off" if self.preferences.muted else "Sound on", timeout=2)

    def on_show_progress(self, _: ShowProgress) -> None:
        from .screens.progress import ProgressScreen

        self.push_screen(ProgressScreen())

    def on_open_assessment(self, _: OpenAssessment | None = None) -> None:
        """The safety note until it is acknowledged, then the guided hip assessment."""
        from .screens.assessment import AssessmentScreen
        from .screens.safety import safety_first
        from .session.problems import SessionError

        try:
            screen = AssessmentScreen.load(self.locations)
        except SessionError as error:
            self.notify(f"The assessment cannot start: {error.problems[0]}", severity="error")
            if self.direct_assess:
                self.exit(1)
            return

        def begin() -> None:
            self.push_screen(screen)

        safety_first(self, self.store, begin, leave=self.direct_assess)

    def on_assessment_closed(self, _: AssessmentClosed) -> None:
        """`tuitrainer assess` ends with its assessment; from home, back to home."""
        if self.direct_assess:
            self.exit(0)
        else:
            self.pop_screen()

    def on_workout_ended(self, message: WorkoutEnded) -> None:
        from .screens.summary import SummaryScreen
        from .screens.workout import WorkoutScreen

        if isinstance(self.screen, WorkoutScreen) and self.screen.workout is message.workout:
            self.switch_screen(SummaryScreen(message.workout))

    def on_summary_closed(self, message: SummaryClosed) -> None:
        message.workout.finish(message.pain)
        self._leave()

    def on_workout_left(self, message: WorkoutLeft) -> None:
        """A workout left before it started (a resumed one is stopped where it was)."""
        message.workout.leave()
        self._leave()

    def _on_notify(self, event: Notify) -> None:
        """One notice at a time: a new one replaces the one before, so they never pile
        up over the workout. (Textual's handler of `notify`, checked against 8.2.8.)"""
        self._notifications.clear()
        super()._on_notify(event)

    async def action_quit(self) -> None:
        """Quit at once, unless a plan or a file has unsaved changes: then ask first.

        Ctrl+Q in a workout under way asks "End workout?", as q does."""
        from .screens.leaving import confirm_quit
        from .screens.workout import WorkoutScreen

        if isinstance(self.screen, WorkoutScreen) and self.screen.workout.started:
            self.screen.action_end()
            return
        confirm_quit(self)

    def _leave(self) -> None:
        if self.direct_session is not None:
            self.exit(0)
        else:
            self.pop_screen()


def create_app(
    locations: Locations,
    *,
    clock: Clock = time.monotonic,
    speed: float = 1.0,
    mute: bool = False,
    session: Session | None = None,
    assess: bool = False,
    audio: Output | None = None,
    reading: bool = False,
) -> TuitrainerApp:
    """Build the app with its history open; a damaged history is set aside first.

    `mute` (`run --mute`) mutes this run whatever the settings file says; `reading`
    leaves a history of a newer version where it is (HistoryTooNew)."""
    store, notice = HistoryStore.open(locations.database, reading=reading)
    preferences, warnings = load_preferences(locations.config_file)
    preferences.muted = preferences.muted or mute
    return TuitrainerApp(
        locations,
        store,
        clock=clock,
        speed=speed,
        session=session,
        assess=assess,
        notice=notice,
        preferences=preferences,
        warnings=warnings,
        audio=audio,
    )
