"""The live workout: big countdown, per-side rep timers, tempo beat, coaching.

A driver of `workout.Workout`: the screen advances it a few times a second and
copies `display.describe` into widgets, changing only what changed. Keys become
the workout's controls.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Label, ProgressBar, Static

from ..display import Display, cleared_reps, describe, no_rep_reason, no_undo_reason
from ..engine import Engine
from ..events import Event, PhaseStarted, RepCounted, RepUndone, WorkoutFinished
from ..plain_text import printable
from ..planner import Kind
from ..widgets.footer import Footer
from ..widgets.side_panel import SidePanel
from ..widgets.tempo_bar import TempoBar
from ..widgets.text import plain
from ..workout import Workout
from .help import HelpScreen
from .messages import WorkoutEnded, WorkoutLeft
from .questions import ConfirmScreen

TICK_SECONDS = 0.1  # while the tempo bar moves
IDLE_TICK_SECONDS = 0.25  # otherwise at most; sooner when the clock's second turns
DONE_SECONDS = 2.0  # DONE stays up this long (clock seconds) before the summary; space skips


class WorkoutScreen(Screen[None]):
    """Runs one workout from first get-ready to the summary."""

    CSS_PATH = "workout.tcss"
    RUNS_A_CLOCK = True  # no command palette over a running workout
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-normal")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    # In the footer's order: a narrow terminal shows the first few, so the ones that
    # get you anywhere (help lists the rest) come first.
    BINDINGS = [
        Binding("space,pagedown", "rep_or_start", "Rep", key_display="space", id="workout.rep"),
        Binding("p", "pause", "Pause", id="workout.pause"),
        Binding("question_mark", "help", "Help", key_display="?", id="workout.help"),
        Binding("q", "end", "End", id="workout.quit"),
        Binding("u,pageup", "undo", "Undo", key_display="u", id="workout.undo"),
        Binding("n", "skip", "Next", id="workout.next"),
        Binding("b", "back", "Back", id="workout.back"),
        Binding("m", "mute", "Mute", id="workout.mute"),
        Binding("t", "modification", "Easier", id="workout.easier"),
    ]

    def __init__(self, workout: Workout) -> None:
        super().__init__()
        self.workout = workout
        self.show_modification = False
        self._shown: dict[str, object] = {}
        self._exercise_index = -1
        self._summary_at: float | None = None  # set while DONE is shown

    def compose(self) -> ComposeResult:
        with Vertical(id="top"):
            with Horizontal(id="heading"):
                yield Label("", id="exercise", markup=False)
                yield Label("", id="position", markup=False)
            with Horizontal(id="status"):
                yield Label("", id="phase", markup=False)
                yield Label("", id="counts", markup=False)
        yield Digits("", id="clock")
        yield TempoBar(id="beat")
        with Horizontal(id="sides"):
            yield SidePanel("left")
            yield SidePanel("right")
        yield Static("", id="coach", markup=False)
        with Horizontal(id="progress-row"):
            yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="progress")
            yield Label("", id="times", markup=False)
        yield Label("", id="next", markup=False)
        yield Footer()

    @property
    def engine(self) -> Engine:
        return self.workout.engine

    @property
    def start_index(self) -> int:
        return self.workout.start_index

    def on_mount(self) -> None:
        self.workout.listen(self._on_event)
        # Ctrl+Z: pause before the process stops, so `fg` finds the clock where it was.
        self.app.app_suspend_signal.subscribe(self, self._on_suspend, immediate=True)
        self.sync()
        self.set_timer(self._next_tick(), self._tick)
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

    def _tick(self) -> None:
        self.sync()
        self.set_timer(self._next_tick(), self._tick)

    def _next_tick(self) -> float:
        """Seconds until the screen next needs drawing: often while the beat moves,
        else when the big clock turns a second (cues are timed by the player, not
        by this tick), so a workout costs no more than a plain countdown."""
        engine = self.engine
        segment = engine.segment
        if self._summary_at is not None:
            left = self._summary_at - engine.clock()
            return min(IDLE_TICK_SECONDS, left) if left > 0 else IDLE_TICK_SECONDS
        if not engine.started or engine.paused or segment is None:
            return IDLE_TICK_SECONDS  # nothing moves
        if segment.timed and segment.kind is Kind.WORK:
            return TICK_SECONDS
        shown = engine.remaining()
        into_second = (shown if shown is not None else -engine.elapsed()) % 1.0
        until_turn = (into_second or 1.0) / engine.speed
        return min(IDLE_TICK_SECONDS, until_turn + 0.005)

    # -- drawing ---------------------------------------------------------------

    def _set(self, selector: str, value: str) -> None:
        if self._shown.get(selector) != value:
            self._shown[selector] = value
            if selector == "#clock":  # Digits draws figures only, never markup
                self.query_one(selector, Digits).update(value)
            else:
                self.query_one(selector).update(plain(value))  # type: ignore[attr-defined]

    def _arrange_sides(self, display: Display) -> None:
        """One panel per side of the exercise, in its order; `[both]` shows one."""
        panels = list(self.query(SidePanel))
        for position, panel in enumerate(panels):
            panel.display = position < len(display.sides)
            if panel.display:
                panel.assign(display.sides[position].side)

    def sync(self) -> None:
        """Catch the workout up with the clock, then redraw what changed."""
        self.workout.advance()
        self.redraw()

    def redraw(self) -> None:
        """Draw what changed; after the DONE moment, on to the summary."""
        self.render_display(describe(self.engine, self.show_modification, self.start_index))
        due = self._summary_at is not None and self.engine.clock() >= self._summary_at
        if due and self.app.screen is self:  # not under the help or a question: next tick
            self._summary_at = None
            self.call_after_refresh(self.post_message, WorkoutEnded(self.workout))

    def render_display(self, display: Display) -> None:
        segments = self.engine.segments
        fallback = segments[-1] if self.engine.started else segments[self.start_index]
        segment = self.engine.segment or fallback
        if segment.exercise_index != self._exercise_index:
            self._exercise_index = segment.exercise_index
            self._arrange_sides(display)
        self.sub_title = printable(display.title, newlines=False)
        self._set("#exercise", display.exercise)
        self._set("#position", display.position)
        self._set("#phase", display.phase)
        self._set("#counts", display.counts)
        self._set("#clock", display.clock)
        self._set("#coach", display.coach)
        self._set("#times", display.times)
        self._set("#next", display.up_next)
        self.set_class(display.paused, "-paused")
        self.set_class(display.self_paced, "-self-paced")
        beat = self.query_one(TempoBar)
        beat.set_class(display.beat is None, "-hidden")
        if display.beat is not None:
            beat.set_beat(*display.beat)
        progress = self.query_one(ProgressBar)
        if self._shown.get("total") != display.total:
            self._shown["total"] = display.total
            progress.total = max(display.total, 1)
        whole = int(display.elapsed)
        if self._shown.get("elapsed") != whole:
            self._shown["elapsed"] = whole
            progress.progress = whole
        for view, panel in zip(display.sides, self.query(SidePanel), strict=False):
            panel.show(view.reps, view.target, view.seconds, view.active, view.done)

    def _on_event(self, event: Event) -> None:
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

    def _say(self, reason: str) -> None:
        if reason:
            self.notify(reason, timeout=3)

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

    def action_mute(self) -> None:
        muted = self.workout.toggle_mute()
        self.notify("Sound off" if muted else "Sound on", timeout=2)
        self.redraw()

    def action_modification(self) -> None:
        self.show_modification = not self.show_modification
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

        self.app.push_screen(HelpScreen("Workout keys", self.BINDINGS), closed)

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
