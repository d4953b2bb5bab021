"""The Textual app and its factory; tests build fully controlled apps through it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from .config import Preferences
from .config import load as load_preferences
from .history.store import HistoryStore, OpenNotice
from .locations import Locations
from .plain_text import printable
from .screens.home import HomeScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.notifications import SeverityLevel
    from textual.screen import Screen
    from textual.timer import Timer

    from .audio.outputs import Output
    from .screens.workout import WorkoutScreen
    from .session.model import Session
    from .workout import Notice, Unfinished, Workout, Workouts

    Clock = Callable[[], float]

# The workout, its screens and the session loader are imported when first needed:
# the home screen paints sooner without them (benchmarks/startup.py).


HISTORY_RETRY_SECONDS = 1.0  # while the history refuses a workout's writes, how often to retry
SHOWN_PROBLEMS = 4  # settings problems in the start-up notice; sound-check lists all


def settings_notice(path: Path, problems: list[str]) -> str:
    """The settings file's problems as one notice, each `line N: what`.

    One toast a problem would stack off a small screen, and they are shown once.
    """
    prefix = f"{path}:"
    lines = []
    for problem in problems:
        text = problem[len(prefix) :].lstrip() if problem.startswith(prefix) else problem
        lines.append(f"line {text}" if text[:1].isdigit() else text)
    shown = lines[:SHOWN_PROBLEMS]
    if len(lines) > len(shown):
        shown.append(f"and {len(lines) - len(shown)} more (tuitrainer sound-check lists all)")
    return "\n".join([f"In {path}:", *shown])


class TuitrainerApp(App[int]):
    """Home screen -> workout -> summary; or straight into one session (`run`)."""

    TITLE = "tuitrainer"
    # ctrl+p: the app's own commands (palette.py) beside Textual's theme and keys.
    ENABLE_COMMAND_PALETTE = True
    # Ctrl+Z stops the program as in other terminal programs (`fg` brings it back); a
    # workout pauses first (WorkoutScreen._on_suspend).
    BINDINGS = [
        Binding("ctrl+z", "suspend_process", "Suspend", show=False, id="app.suspend"),
    ]
    # The base screen's styles: Textual loads CSS_PATH only for screens it pushes.
    CSS_PATH = ["screens/home.tcss", "screens/high_contrast.tcss"]
    first_screen: Callable[[], Screen] | None = None  # `tuitrainer plan --edit`, `new`, `edit`

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
                settings_notice(self.locations.config_file, self.warnings),
                title="Settings",
                severity="warning",
                timeout=20,
                markup=False,  # "[cues]" is text here, not markup
            )
        if self.key_warnings:
            self.notify(
                settings_notice(self.locations.keys_file, self.key_warnings),
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
            self.start_session(self.direct_session)
        elif self.direct_assess:
            self.open_assessment()
        elif self.first_screen is not None:
            self.push_screen(self.first_screen())

    # -- look and the command palette ---------------------------------------------

    def _use_theme(self, name: str) -> None:
        """The app's own themes registered and the chosen one applied; a later change
        (the palette's Theme command) is kept in settings.toml by watch_theme."""
        from .themes import APP_THEMES

        for theme in APP_THEMES:
            self.register_theme(theme)
        self.theme = name

    def _own_keys(self) -> dict[str, str]:
        """keys.toml's remapped keys, applied; its problems join the settings notice.
        Without the file nothing is read (the common case costs no start-up time)."""
        path = self.locations.keys_file
        if not path.exists():
            return {}
        from .keymap import load
        from .screens.bindings import by_id

        keymap, problems = load(path, by_id())
        self.key_warnings = problems
        self.set_keymap(keymap)
        return keymap

    def watch_theme(self, name: str) -> None:
        """Textual marks the app `-theme-NAME` itself (CSS for high contrast uses it)."""
        if name == self.preferences.theme:
            return
        from .config import set_top_level

        self.preferences.theme = name
        try:
            set_top_level(self.locations.config_file, "theme", f'"{name}"')
        except OSError as error:
            self.notify(f"The theme is not kept: {error.strerror}", severity="warning")

    def action_command_palette(self) -> None:
        if getattr(self.screen, "RUNS_A_CLOCK", False):
            self.notify("The command palette opens outside a workout or a test.", timeout=3)
            return
        super().action_command_palette()

    def get_system_commands(self, screen: Screen):  # -> Iterable[SystemCommand]
        from .palette import trainer_commands

        yield from trainer_commands(self)
        yield from super().get_system_commands(screen)

    def palette_sessions(self) -> list[tuple[str, Callable[[], None]]]:
        from functools import partial

        from .library import Listing

        entries = Listing(self.locations).sessions()
        return [(e.title, partial(self._start_listed, e)) for e in entries if e.valid]

    def _start_listed(self, entry) -> None:  # entry: library.Listed
        from .session import SessionError, load_session

        try:
            session = load_session(Path(entry.path), entry.source, self.locations.sound_dirs())
        except SessionError as error:
            self.notify(f"{entry.slug} cannot start: {error.problems[0]}", severity="error")
            return
        self.start_session(session)

    def write_report(self) -> None:
        """The clinician's Markdown report, written into the data folder."""
        from datetime import date

        from .assessment.load import names_for
        from .daily import report_extras
        from .history.report import render, scope_for

        folder = self.locations.data_dir / "reports"
        path = folder / f"report-{date.today().isoformat()}.md"
        scope = scope_for(None, None, None)
        conn = self.store.conn
        try:
            text = render(
                conn, scope, names_for(self.locations), report_extras(self.locations, conn, scope)
            )
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
        except OSError as error:
            self.notify(f"The report could not be written: {error.strerror}", severity="error")
            return
        self.notify(f"Report written to {path}", timeout=8, markup=False)

    def palette_toggle_mute(self) -> None:
        """No workout runs under the palette (RUNS_A_CLOCK), so no cue to withdraw."""
        self.preferences.muted = not self.preferences.muted
        self.notify("Sound off" if self.preferences.muted else "Sound on", timeout=2)

    def palette_high_contrast(self) -> None:
        self.theme = "high-contrast"

    def _exit_on_signals(self) -> None:
        """SIGTERM or SIGHUP (a `kill`, a closed terminal) end the app as `q` does: the
        terminal is given back (alternate screen, mouse, cursor) and every rep is saved."""
        import asyncio
        import signal
        from contextlib import suppress

        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            with suppress(NotImplementedError, RuntimeError, ValueError):  # not on Windows
                loop.add_signal_handler(number, self.exit, None, 128 + number)

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

    def open_assessment(self) -> None:
        """The safety note until it is acknowledged, then the guided hip assessment."""
        from .screens.assessment import open_assessment

        open_assessment(self)

    def show_progress(self) -> None:
        from .screens.progress import ProgressScreen

        self.push_screen(ProgressScreen())

    # -- sound -------------------------------------------------------------------

    def _start_audio_probe(self) -> None:
        self.run_worker(self._choose_audio, thread=True, name="audio", exit_on_error=False)

    def _choose_audio(self) -> tuple[Output, str]:
        """In a worker thread: probing outputs starts processes and may take a second."""
        from .audio.outputs import choose
        from .serving import is_served

        browser = self._signal_cue if is_served() else None
        return choose(bell=self.bell, browser=browser)

    def _signal_cue(self, address: str) -> None:
        """Served: the page plays the cue (open_url reaches its script, not a new tab)."""
        self.open_url(address, new_tab=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "audio" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        if event.state is WorkerState.SUCCESS and event.worker.result is not None:
            self.audio, self.audio_notice = event.worker.result
        else:
            from .audio.outputs import SilentOutput

            self.audio, self.audio_notice = SilentOutput(), "Sound: off (no output could start)"
        notice = self.audio_notice
        if self.preferences.muted:
            notice += " (muted: m turns it on)"
        self.notify(notice, timeout=4)

    def on_unmount(self) -> None:
        if self._workouts is not None:
            self._workouts.last_try()
        if self.audio is not None:
            self.audio.close()

    # -- workouts ----------------------------------------------------------------

    @property
    def workouts(self) -> Workouts:
        """Starts, resumes and closes workouts (the core); built on first use."""
        if self._workouts is None:
            from .workout import Workouts

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

    def start_session(self, session: Session) -> None:
        """Start a session: the safety note first until it has been acknowledged once,
        then an offer to resume an unfinished run of it."""
        from .screens.safety import safety_first

        leave = self.direct_session is not None
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
                    from .workout import TAKEN_ELSEWHERE

                    self.exit(1, return_code=1, message=f"tuitrainer: {TAKEN_ELSEWHERE}")
                return
            if choice == "close":
                self.workouts.close(unfinished)
            self._begin(self.workouts.open(session))

        self.push_screen(self._resume_question(unfinished), chosen)

    def offer_resume(self) -> None:
        """On the home screen: the newest unfinished workout, if there is one."""
        unfinished = self.workouts.unfinished()
        if unfinished is None:
            return

        def chosen(choice: str | None) -> None:
            if choice == "close":
                self.workouts.close(unfinished)
                self.screen.reload()  # type: ignore[attr-defined]
            elif choice == "resume":
                workout = self.workouts.resume(unfinished)
                if workout is not None:
                    self._begin(workout)

        self.push_screen(self._resume_question(unfinished), chosen)

    def _resume_question(self, unfinished: Unfinished) -> Screen[str]:
        from .screens.questions import ResumeScreen

        return ResumeScreen(unfinished.question)

    def _begin(self, workout: Workout) -> None:
        from .screens.workout import WorkoutScreen

        screen = WorkoutScreen(workout)
        self.push_screen(screen)
        if workout.asks_pain_before:
            self._ask_pain_before(workout, screen)

    def _ask_pain_before(self, workout: Workout, screen: WorkoutScreen) -> None:
        """The optional rating over the ready view; the recorder saves it once the row exists."""
        from .screens.pain import PainAnswer, PainBeforeScreen

        def answered(answer: PainAnswer | None) -> None:
            workout.pain_before = answer.rating if answer else None
            if answer and answer.start and not workout.started:
                screen.action_rep_or_start()

        self.push_screen(PainBeforeScreen(), answered)

    async def action_quit(self) -> None:
        """Quit at once, unless a plan or a file has unsaved changes: then ask first.

        Ctrl+Q in a workout under way asks "End workout?", as q does."""
        from .screens.leaving import confirm_quit
        from .screens.workout import WorkoutScreen

        if isinstance(self.screen, WorkoutScreen) and self.screen.workout.started:
            self.screen.action_end()
            return
        confirm_quit(self)

    def show_summary(self, workout: Workout) -> None:
        from .screens.summary import SummaryScreen
        from .screens.workout import WorkoutScreen

        if isinstance(self.screen, WorkoutScreen) and self.screen.workout is workout:
            self.switch_screen(SummaryScreen(workout))

    def finish_summary(self, workout: Workout, pain: int | None) -> None:
        workout.finish(pain)
        self._leave()

    def leave_workout(self, workout: Workout) -> None:
        """Leave a workout that never started (a resumed one is stopped where it was)."""
        workout.leave()
        self._leave()

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


def run_app(
    locations: Locations,
    session: Session | None = None,
    *,
    speed: float = 1.0,
    mute: bool = False,
    assess: bool = False,
    first_screen: Callable[[], Screen] | None = None,
    reading: bool = False,
) -> int:
    """`reading`: a command that only reads the history (progress) never sets aside
    one written by a newer version; HistoryTooNew ends it instead."""
    import sys

    from .serving import is_served

    if not is_served() and not (sys.stdin.isatty() and sys.stdout.isatty()):
        # A full-screen app drawn into a pipe or a file would never be seen, nor end.
        print(
            "tuitrainer: the app needs a terminal (standard input and output are not one);"
            " `tuitrainer run SESSION --plain` works anywhere, as do the other commands"
            " (see --help)",
            file=sys.stderr,
        )
        return 2
    app = create_app(
        locations, speed=speed, mute=mute, session=session, assess=assess, reading=reading
    )
    app.first_screen = first_screen
    try:
        app.run()
    finally:
        app.store.close()
    if app.open_notice is not None:
        print(app.open_notice.message)
    return app.return_code or 0
