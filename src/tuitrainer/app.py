"""The Textual app and its factory; tests build fully controlled apps through it."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
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

    from .audio.cues import CueScheduler
    from .audio.outputs import Output
    from .engine import Engine
    from .events import Event
    from .history.recorder import Recorder
    from .screens.workout import WorkoutScreen
    from .session.model import Session

    Clock = Callable[[], float]

# The workout, its screens and the session loader are imported when first needed:
# the home screen paints sooner without them (benchmarks/startup.py).


TAKEN_ELSEWHERE = "That unfinished workout is open in another window: it goes on there."
HISTORY_RETRY_SECONDS = 1.0  # while the history refuses writes, how often to try again
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
    ENABLE_COMMAND_PALETTE = False
    # The base screen's styles: Textual loads CSS_PATH only for screens it pushes.
    CSS_PATH = "screens/home.tcss"
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
        self.cues: CueScheduler | None = None
        self.preferences = preferences or Preferences()
        self.warnings = list(warnings or [])
        self.locations = locations
        self.store = store
        self.clock = clock
        self.speed = speed  # of every workout of this run: `run --speed`, a rehearsal
        self.direct_session = session
        self.direct_assess = assess  # `tuitrainer assess`: leaving the assessment quits
        self.open_notice = notice
        self.recorders: dict[int, Recorder] = {}
        self.retrying: dict[int, tuple[Recorder, Timer]] = {}  # writes the history refused
        self.events: list[Event] = []  # every engine event of this run, for the sound

    def on_mount(self) -> None:
        if self.open_notice is not None:
            self.notify(self.open_notice.message, severity="warning", timeout=15)
        if self.warnings:
            self.notify(
                settings_notice(self.locations.config_file, self.warnings),
                title="Settings",
                severity="warning",
                timeout=20,
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

        return choose(bell=self.bell)

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

    def flush_cues(self, replan: bool = False) -> None:
        if self.cues is not None:
            self.cues.flush(replan)

    def on_unmount(self) -> None:
        for recorder, _ in self.retrying.values():  # a last try, allowed the usual wait
            recorder.store.conn.execute("PRAGMA busy_timeout=5000")
            recorder.flush()
        if self.audio is not None:
            self.audio.close()

    # -- workouts ----------------------------------------------------------------

    def start_session(self, session: Session) -> None:
        """Start a session, first offering to resume an unfinished run of it."""
        from .history.recorder import resumable

        unfinished = self.store.interrupted(session.slug)
        if unfinished and not resumable(unfinished[0], session):
            self._close_changed(unfinished[0])
            unfinished = []
        if not unfinished:
            self._begin(session)
            return
        row = unfinished[0]

        def chosen(choice: str | None) -> None:
            if choice == "resume":
                if self._take(row):
                    self._begin(session, resume_id=row["id"])
                elif self.direct_session is not None:
                    self.exit(1, return_code=1, message=f"tuitrainer: {TAKEN_ELSEWHERE}")
                return
            if choice == "close":
                self.store.close_unfinished(row["id"], row["pid"])
            self._begin(session)

        self.push_screen(self._resume_screen(row), chosen)

    def offer_resume(self) -> None:
        """On the home screen: the newest unfinished workout, if there is one."""
        unfinished = self.store.interrupted()
        if not unfinished:
            return
        row = unfinished[0]

        def chosen(choice: str | None) -> None:
            if choice == "close":
                self.store.close_unfinished(row["id"], row["pid"])
                self.screen.reload()  # type: ignore[attr-defined]
            elif choice == "resume":
                self._resume_by_name(row)

        self.push_screen(self._resume_screen(row), chosen)

    def _resume_by_name(self, row: sqlite3.Row) -> None:
        """Resume from the home screen: the same file if it is still there, else by name."""
        from .library import resolve
        from .session import SessionError, load_session

        path = row["session_path"]
        try:
            if path and Path(path).is_file():
                session = load_session(Path(path), sound_dirs=self.locations.sound_dirs())
            else:
                session = resolve(row["session"], self.locations)
        except (SessionError, FileNotFoundError) as error:
            self.notify(f"Cannot resume: {error}", severity="error")
            return
        from .history.recorder import resumable

        if not resumable(row, session):
            self._close_changed(row)
            return
        if self._take(row):
            self._begin(session, resume_id=row["id"])

    def _take(self, row: sqlite3.Row) -> bool:
        """Claim an unfinished workout for this window; only one window ever wins it."""
        if self.store.claim(row["id"], row["pid"]):
            return True
        self.notify(TAKEN_ELSEWHERE, severity="warning", timeout=10)
        return False

    def _close_changed(self, row: sqlite3.Row) -> None:
        """An unfinished workout whose session has changed since cannot go on where it
        stopped (the parts no longer line up): it is kept, closed as interrupted."""
        self.store.close_unfinished(row["id"], row["pid"])
        self.notify(
            f"The unfinished {row['title']} workout was closed: the session has changed "
            "since, so it cannot be resumed where it stopped. What it logged is kept.",
            timeout=8,
        )

    def _resume_screen(self, row: sqlite3.Row):  # -> ResumeScreen
        from .screens.questions import ResumeScreen

        return ResumeScreen(self._resume_text(row))

    def _resume_text(self, row: sqlite3.Row) -> str:
        started = datetime.fromisoformat(row["started_at"]).astimezone()
        done = sum(side["reps_done"] for side in self.store.sides(row["id"]))
        return (
            f"{row['title']} from {started:%a %d %b %H:%M} stopped before it was finished "
            f"({done} reps logged)."
        )

    def _begin(self, session: Session, resume_id: int | None = None) -> None:
        from .audio.cues import CueScheduler
        from .engine import Engine
        from .history.recorder import Recorder, prepare_resume
        from .planner import plan
        from .screens.workout import WorkoutScreen

        speed = self.speed
        if resume_id is not None:
            speed = self._resume_speed(resume_id, speed)
        engine = Engine(plan(session), clock=self.clock, speed=speed)
        start = 0
        if resume_id is not None:
            start = prepare_resume(self.store, engine, resume_id)
        recorder = Recorder(self.store, engine, workout_id=resume_id)
        recorder.on_notice = lambda text: self._history_notice(recorder, text)
        engine.subscribe(recorder)
        self.cues = CueScheduler(
            engine,
            output=lambda: self.audio,
            preferences=self.preferences,
            muted=lambda: self.preferences.muted,
            sound_dirs=self.locations.sound_dirs(),
            clock=self.clock,
        )
        engine.subscribe(self.cues)
        self.recorders[id(engine)] = recorder
        screen = WorkoutScreen(engine, start_index=start)
        self.push_screen(screen)
        if resume_id is None and self.preferences.ask_pain_before:
            self._ask_pain_before(recorder, screen)

    def _history_notice(self, recorder: Recorder, text: str) -> None:
        """A workout's writes failed, or go in again: say so once, and retry meanwhile."""
        self.notify(text, severity="warning" if recorder.problem else "information", timeout=8)
        _, timer = self.retrying.pop(id(recorder), (None, None))
        if timer is not None:
            timer.stop()
        if recorder.problem:
            timer = self.set_interval(HISTORY_RETRY_SECONDS, recorder.retry)
            self.retrying[id(recorder)] = (recorder, timer)

    def _resume_speed(self, workout_id: int, asked: float) -> float:
        """A resumed workout goes on at the speed it began at: one record, one speed,
        so a rehearsal never turns into a real workout half-way, nor the other way."""
        row = self.store.workout(workout_id)
        speed = float(row["speed"]) if row is not None else asked
        if speed != asked:
            self.notify(f"Resumed at the speed it began at: {speed:g}x.", timeout=6)
        return speed

    def _ask_pain_before(self, recorder: Recorder, screen: WorkoutScreen) -> None:
        """The optional rating over the ready view; the recorder saves it once the row exists."""
        from .screens.pain import PainAnswer, PainBeforeScreen

        def answered(answer: PainAnswer | None) -> None:
            recorder.pain_before = answer.rating if answer else None
            if answer and answer.start and not screen.engine.started:
                screen.action_rep_or_start()

        self.push_screen(PainBeforeScreen(), answered)

    def on_engine_event(self, event: Event) -> None:
        self.events.append(event)

    async def action_quit(self) -> None:
        """Quit at once, unless a plan or a file has unsaved changes: then ask first."""
        from .screens.leaving import confirm_quit

        confirm_quit(self)

    def toggle_mute(self) -> bool:
        """Mute for this run; the settings file keeps its own default."""
        self.preferences.muted = not self.preferences.muted
        return self.preferences.muted

    def show_summary(self, engine: Engine) -> None:
        from .screens.summary import SummaryScreen
        from .screens.workout import WorkoutScreen

        if isinstance(self.screen, WorkoutScreen) and self.screen.engine is engine:
            self.switch_screen(SummaryScreen(engine))

    def finish_summary(self, engine: Engine, pain: int | None) -> None:
        recorder = self.recorders.pop(id(engine), None)
        if recorder is not None and pain is not None:
            recorder.set_pain_after(pain)
        self._leave()

    def leave_workout(self, engine: Engine) -> None:
        """Leave a workout that never started (nothing was recorded)."""
        self.recorders.pop(id(engine), None)
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
) -> TuitrainerApp:
    """Build the app with its history open; a damaged history is set aside first.

    `mute` (`run --mute`) mutes this run whatever the settings file says."""
    store, notice = HistoryStore.open(locations.database)
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
) -> int:
    import sys

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # A full-screen app drawn into a pipe or a file would never be seen, nor end.
        print(
            "tuitrainer: the app needs a terminal (standard input and output are not one);"
            " the other commands work anywhere, see --help",
            file=sys.stderr,
        )
        return 2
    app = create_app(locations, speed=speed, mute=mute, session=session, assess=assess)
    app.first_screen = first_screen
    try:
        app.run()
    finally:
        app.store.close()
    if app.open_notice is not None:
        print(app.open_notice.message)
    return app.return_code or 0
