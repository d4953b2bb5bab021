"""The live workout, readable from the floor: the rep count, the movement or
phase, and one labelled clock in big letters; per-side panels and coaching below.

A driver of `workout.Workout`: the screen copies `display.describe` into widgets,
changing only what changed, and wakes only when something shown will change by the
clock (the next second, the next part of a rep) or a cue is near; before the start
and while paused it waits for a key. Keys become the workout's controls.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label

from ..display import LATE, Display, describe, next_wake
from ..engine import Engine
from ..engine_clock import COUNTDOWN
from ..events import Event, Halfway, PhaseStarted, RepCounted, RepUndone, WorkoutFinished
from ..figure_view import figure_view
from ..key_notices import cleared_reps, no_rep_reason, no_undo_reason
from ..plain_text import printable
from ..planner import Kind
from ..widgets.big_text import BigText
from ..widgets.figure import FigureWidget
from ..widgets.footer import Footer
from ..widgets.text import plain
from ..workout import Workout
from .floor_paint import FloorPaint
from .floor_view import floor_view, scales
from .help import HelpScreen
from .host import host
from .messages import WorkoutEnded, WorkoutLeft
from .questions import ConfirmScreen
from .workout_keys import WORKOUT_BINDINGS

DONE_SECONDS = 2.0  # DONE stays up this long (clock seconds) before the summary; space skips
FLASH_SECONDS = 1.0  # the side panel flashes this long (plan seconds) at halfway
FIGURE_WIDTH, FIGURE_HEIGHT = 110, 20  # the figure is drawn from this size up (workout.tcss)
LARGE_FIGURE_WIDTH = 150  # and larger from this width
NOTICE_SECONDS = 3.0  # a notice stays this long (real seconds)
SOUND_NOTICE_SECONDS = 8.0  # the sound notice, often shown under the pain question


class WorkoutScreen(Screen[None]):
    """Runs one workout from first get-ready to the summary."""

    CSS_PATH = "workout.tcss"
    RUNS_A_CLOCK = True  # no command palette over a running workout
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-normal"), (FIGURE_WIDTH, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (FIGURE_HEIGHT, "-tall")]

    BINDINGS = WORKOUT_BINDINGS

    def __init__(self, workout: Workout) -> None:
        super().__init__()
        self.workout = workout
        self.show_modification = False
        self.show_figure = True  # from the settings on mount; v turns it off for this run
        self._figure_change: float | None = None  # clock seconds until the figure moves
        self._exercise_index = -1
        self._summary_at: float | None = None  # set while DONE is shown
        self._wake: asyncio.TimerHandle | None = None
        self._flash_until: float | None = None  # the side panel flashes at halfway
        self._notice_timer: Timer | None = None
        self.paint = FloorPaint(self)
        self._easier_for = -1  # the exercise whose easier variant `t` is showing
        self._shown_notice: tuple[str, float] = ("", 0.0)  # the notice up now, its seconds
        self._covered: tuple[str, float] | None = None  # one a dialog cut short
        self._space_label = "Rep"  # what the footer says space does (WORKOUT_BINDINGS)
        self._figure_room = False  # set by the size: whether the figure can be drawn

    def compose(self) -> ComposeResult:
        yield from floor_view()
        yield Footer()

    @property
    def engine(self) -> Engine:
        return self.workout.engine

    @property
    def start_index(self) -> int:
        return self.workout.start_index

    def on_mount(self) -> None:
        self.show_figure = self.workout.preferences.show_figure
        self.workout.listen(self._on_event)
        # Ctrl+Z: pause before the process stops, so `fg` finds the clock where it was.
        self.app.app_suspend_signal.subscribe(self, self._on_suspend, immediate=True)
        self.sync()
        if self.workout.asks_pain_before:
            self._ask_pain_before()

    def _ask_pain_before(self) -> None:
        """The optional rating over the ready view; the recorder saves it once the row exists."""
        from .pain import PainAnswer, PainBeforeScreen

        def answered(answer: PainAnswer | None) -> None:
            self.workout.pain_before = answer.rating if answer else None
            if answer and answer.start and not self.workout.started:
                self.action_rep_or_start()

        self.app.push_screen(PainBeforeScreen(), answered)

    def _on_suspend(self, _app: object) -> None:
        if self.workout.running:
            self.workout.pause()
            self.redraw()

    def on_screen_resume(self) -> None:
        """On top again (or for the first time): a notice that waited can be read now,
        not under the pain question or the help."""
        covered, self._covered = self._covered, None
        if covered is not None:
            self._say(*covered)
        self.show_sound_notice()

    def on_screen_suspend(self) -> None:
        """Covered (help, the end question): a notice goes now, with the cover's own
        repaint. Cleared later by its timer it cost the waiting screen a full repaint
        of both, with no key pressed (benchmarks/idle_cpu.py)."""
        if self._notice_timer is not None:
            self._notice_timer.stop()
            self._covered = self._shown_notice  # said again once the workout is on top
            self._clear_notice()

    def on_resize(self, event: Resize) -> None:
        for selector, scale in scales(event.size.width, event.size.height).items():
            self.query_one(selector, BigText).set_scale(scale)
        # From 150 columns the figure is drawn larger (and "RIGHT · LOWER" still fits
        # beside it at the big size).
        self.query_one("#figure").set_class(event.size.width >= LARGE_FIGURE_WIDTH, "-large")
        room = event.size.width >= FIGURE_WIDTH and event.size.height >= FIGURE_HEIGHT
        if room != self._figure_room:
            self._figure_room = room
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`v` only where the figure has room: below that its place in the footer
        goes to the keys after it (+ and -)."""
        return self._figure_room if action == "figure" else True

    def _tick(self) -> None:
        self._wake = None
        if self.is_attached:
            self.sync()

    def _schedule(self) -> None:
        """Wake when what is shown next changes by the clock; not at all while
        nothing moves (a key calls `sync`, which schedules again).

        A plain event-loop call, then the screen's own queue: a Textual timer is a
        task of its own for each wake, which cost more than the redraw it led to
        (benchmarks/workout_cpu.py)."""
        if self._wake is not None:
            self._wake.cancel()
            self._wake = None
        delay = self._next_tick()
        if delay is not None:
            loop = asyncio.get_running_loop()
            self._wake = loop.call_later(delay, self.call_later, self._tick)

    def on_unmount(self) -> None:
        if self._wake is not None:
            self._wake.cancel()

    def _next_tick(self) -> float | None:
        if self._summary_at is not None:
            return max(0.0, self._summary_at - self.engine.clock()) + LATE
        wake = next_wake(self.engine)
        if self._figure_change is not None and wake is not None:
            wake = min(wake, self._figure_change + LATE)
        if self._flash_until is not None and wake is not None:
            wake = min(wake, max(0.0, self._flash_until - self.engine.clock()) + LATE)
        return wake

    # -- drawing ---------------------------------------------------------------

    def sync(self) -> None:
        """Catch the workout up with the clock, then redraw what changed."""
        self.workout.advance()
        self.redraw()

    def _exercise_now(self) -> int:
        """The exercise shown: the part under way, or the one the start will begin."""
        segment = self.engine.segment
        if segment is None:
            segments = self.engine.segments
            segment = segments[-1] if self.engine.started else segments[self.start_index]
        return segment.exercise_index

    def redraw(self) -> None:
        """Draw what changed; after the DONE moment, on to the summary."""
        if self.show_modification and self._exercise_now() != self._easier_for:
            self.show_modification = False  # `t` shows one exercise's easier way, not the next's
        self.render_display(describe(self.engine, self.show_modification, self.start_index))
        due = self._summary_at is not None and self.engine.clock() >= self._summary_at
        if due and self.app.screen is self:  # not under the help or a question: next tick
            self._summary_at = None
            self.call_after_refresh(self.post_message, WorkoutEnded(self.workout))
        self._schedule()

    def render_display(self, display: Display) -> None:
        segments = self.engine.segments
        fallback = segments[-1] if self.engine.started else segments[self.start_index]
        segment = self.engine.segment or fallback
        if segment.exercise_index != self._exercise_index:
            self._exercise_index = segment.exercise_index
            self.paint.arrange_sides(display)
        self.sub_title = printable(display.title, newlines=False)
        if self._flash_until is not None and self.engine.clock() >= self._flash_until:
            self._flash_until = None
        self.paint.show(display, flashing=self._flash_until is not None)
        self.set_class(display.paused, "-paused")
        self.set_class(display.self_paced, "-self-paced")
        self._name_space()
        self._draw_figure()

    def _name_space(self) -> None:
        """The footer names what space does now: Start before the start, Summary on
        DONE, Rep otherwise (the help's sentence covers all three)."""
        engine = self.engine
        label = "Start" if not engine.started else "Summary" if engine.finished else "Rep"
        if label == self._space_label:
            return
        self._space_label = label
        table = self._bindings.key_to_bindings
        for key, bindings in table.items():
            table[key] = [
                replace(b, description=label) if b.id == "workout.rep" else b for b in bindings
            ]
        self.refresh_bindings()

    def _draw_figure(self) -> None:
        """The exercise's figure: start pose while getting ready, moving with the tempo."""
        shown = figure_view(self.engine, self.show_modification, self.start_index)
        hidden = shown is None or not self.show_figure
        if self.paint.shown.get("figure-hidden") != hidden:
            self.paint.shown["figure-hidden"] = hidden
            self.query_one("#figure").set_class(hidden, "-none")
        self._figure_change = None
        if shown is not None and not hidden:
            figure = self.paint.widget("#pose-figure")
            assert isinstance(figure, FigureWidget)
            figure.show(shown.spec, shown.side, shown.fraction, shown.still)
            if shown.next_change is not None and not self.engine.paused:
                self._figure_change = shown.next_change / self.engine.speed

    def _on_event(self, event: Event) -> None:
        if isinstance(event, Halfway) and self.workout.preferences.cue_enabled("halfway"):
            self._flash_until = event.at + FLASH_SECONDS / self.engine.speed
        if isinstance(event, WorkoutFinished):
            if event.status == "completed":
                # DONE, big, for a moment: the end is seen from across the room.
                self._summary_at = self.engine.clock() + DONE_SECONDS
            else:
                self.call_after_refresh(self._to_summary)

    def _to_summary(self) -> None:
        self._summary_at = None
        self.post_message(WorkoutEnded(self.workout))

    # -- keys ------------------------------------------------------------------

    def action_rep_or_start(self) -> None:
        if self.engine.finished:
            self._to_summary()  # no need to wait out DONE
            return
        if not self.workout.started:
            self.workout.start()
        elif not any(isinstance(e, RepCounted) for e in self.workout.rep()):
            self._say(no_rep_reason(self.engine))
        self.redraw()

    def action_undo(self) -> None:
        if not self.workout.started:
            return
        undone = self.workout.undo()
        if not any(isinstance(e, RepUndone | PhaseStarted) for e in undone):
            self._say(no_undo_reason(self.engine))
        self.redraw()

    def _say(self, reason: str, seconds: float = NOTICE_SECONDS) -> None:
        """A short notice in its own line under the big area: one at a time (a new one
        replaces the one before), never over the count."""
        if not reason:
            return
        notice = self.query_one("#notice", Label)
        notice.update(plain(reason))
        notice.display = True
        self._shown_notice = (reason, seconds)
        if self._notice_timer is not None:
            self._notice_timer.stop()
        self._notice_timer = self.set_timer(seconds, self._clear_notice)

    def _clear_notice(self) -> None:
        self._notice_timer = None
        self.query_one("#notice").display = False

    @property
    def notice(self) -> str:
        """The notice shown now ("" when none)."""
        widget = self.query_one("#notice", Label)
        return str(widget.content) if widget.display else ""

    def show_sound_notice(self) -> None:
        """Which sound output is in use, when the app has something to say about it."""
        self._say(host(self).take_sound_notice(), SOUND_NOTICE_SECONDS)

    def action_pause(self) -> None:
        if self.workout.started:
            self.workout.toggle_pause()
            self.redraw()

    def action_skip(self) -> None:
        self.workout.next()
        self.redraw()

    def action_back(self) -> None:
        key = self.engine.key
        reps = self.engine.side_stats(key).reps if key else 0
        self.workout.back()
        self._say(cleared_reps(self.engine, key, reps))
        self.redraw()

    def action_adjust(self, seconds: float) -> None:
        """`+`/`-`: a longer or shorter rest or get-ready, 15 s at a time."""
        if not self.engine.started or self.engine.finished:
            return
        if not self.workout.adjust(seconds):
            segment = self.engine.segment
            if seconds < 0 and segment is not None and segment.kind is not Kind.WORK:
                self._say(f"The last {COUNTDOWN} seconds stay, to count you in.")
            else:
                self._say("+ and - change the length of a rest, a switch or a get-ready.")
        self.redraw()

    def action_mute(self) -> None:
        muted = self.workout.toggle_mute()
        self._say("Sound off" if muted else "Sound on", 2)
        self.redraw()

    def action_figure(self) -> None:
        """Hide or show the figure for this run (the setting show_figure sets the default)."""
        self.show_figure = not self.show_figure
        self.redraw()

    def action_modification(self) -> None:
        self.show_modification = not self.show_modification
        self._easier_for = self._exercise_now()
        self.redraw()

    def action_help(self) -> None:
        """The keys; the workout waits (paused) while they are read."""
        paused_here = self.workout.running
        if paused_here:
            self.workout.pause()
            self.redraw()

        def closed(_: None) -> None:
            if paused_here:
                self.workout.resume()
                self.redraw()

        notes = (
            "ctrl+z pauses the workout and puts tuitrainer in the background; fg brings "
            "it back, still paused. ctrl+q asks before it quits; what you did is kept."
        )
        self.app.push_screen(HelpScreen("Workout keys", self.BINDINGS, notes), closed)

    def action_end(self) -> None:
        if self.engine.finished:
            self._to_summary()
            return
        if not self.workout.started:
            self.post_message(WorkoutLeft(self.workout))
            return
        was_paused = self.workout.paused
        self.workout.pause()
        self.redraw()

        def answer(end: bool | None) -> None:
            if end:
                self.workout.stop()
            elif not was_paused:
                self.workout.resume()
            self.redraw()

        self.app.push_screen(ConfirmScreen("End workout?", "What you did so far is kept."), answer)
