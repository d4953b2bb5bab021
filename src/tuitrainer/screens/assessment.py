"""The guided hip assessment: each test on each side, instructions, a hold, answers.

The order, going back and the answers live in `assessment.walk.Walk`; this
screen shows the current step, runs the hold (`assessment.hold`) on the app's clock and
turns single keys into answers. Enter on the review saves the assessment and
opens the results.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static

from ..assessment.findings import finding_table
from ..assessment.hold import Hold
from ..assessment.model import Battery, Rules, fill
from ..assessment.walk import Step, Walk
from ..history.assessments import save_assessment
from ..history.user_writes import write_now
from ..locations import Locations
from ..plain_text import printable
from ..session.poses import find_pose
from ..widgets.big_text import BigText
from ..widgets.figure import FigureWidget
from ..widgets.footer import Footer
from ..widgets.text import plain, styled
from .help import HelpScreen
from .host import host
from .messages import AssessmentClosed
from .questions import ConfirmScreen

TICK_SECONDS = 0.1
FIGURE_BESIDE_WIDTH = 70  # columns from which the figure stays up beside a hold's countdown
FIGURE_BESIDE_HEIGHT = 14  # and rows


def hold_scale(width: int, height: int) -> int:
    """How big a hold's countdown is drawn (`glyphs` scale) on a terminal of this size.

    The person reads it lying on the floor, so while a hold runs it is the
    biggest thing on the screen: 5 rows at 40x12, 10 at 80x24 (where the
    workout's count, `floor_view.scales`, has 3), 13 from 100x34. Each size
    leaves the cue under it its rows; `BigText` draws smaller where the width
    is short."""
    if height >= 34 and width >= 100:
        return 5
    if height >= 22:
        return 4
    return 3 if height >= 16 else 2


class AssessmentScreen(Screen[None]):
    CSS_PATH = "assessment.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (26, "-tall")]  # the figure needs room
    # During a hold the figure goes beside the countdown, where the width allows.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (FIGURE_BESIDE_WIDTH, "-wide")]
    RUNS_A_CLOCK = True  # no command palette over a hold's countdown
    BINDINGS = [
        Binding("enter", "forward", "Next", id="assess.next"),
        Binding("space", "hold", "Start hold", id="assess.hold"),
        Binding("b", "back", "Back", id="assess.back"),
        Binding("question_mark", "help", "Help", key_display="?", id="assess.help"),
        Binding("q,escape", "leave", "Leave", id="assess.leave"),
    ]

    @classmethod
    def load(cls, locations: Locations) -> AssessmentScreen:
        """The assessment with the tests and rules in use; SessionError when broken."""
        from ..assessment.load import load_for

        return cls(*load_for(locations))

    def __init__(self, battery: Battery, rules: Rules) -> None:
        super().__init__()
        self.walk = Walk(battery)
        self.rules = rules
        self.hold: Hold | None = None  # while the person holds the position

    def compose(self) -> ComposeResult:
        with Horizontal(id="heading"):
            yield Label("", id="test-name", markup=False)
            yield Label("", id="position", markup=False)
        yield Label("", id="side", markup=False)
        # Scrolls (arrow keys) when a long review or a small terminal does not fit.
        with VerticalScroll(id="body"):
            yield Static("", id="text", markup=False)
            # During a hold: the countdown in big glyphs, the cue under it, the
            # figure beside them; the instructions step aside.
            with Horizontal(id="stage"):
                with Vertical(id="hold-box"):
                    yield BigText(id="hold")
                    yield Label("", id="cue", markup=False)
                yield FigureWidget(id="test-figure")
            yield Static("", id="answers")
        yield Label("", id="keys")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self.sync)
        self.query_one("#hold", BigText).set_scale(hold_scale(*self.app.size))
        self.show()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#hold", BigText).set_scale(hold_scale(*event.size))
        # Below this the figure (9 rows) would not fit beside the countdown: left out.
        self.set_class(event.size.height < FIGURE_BESIDE_HEIGHT, "-low")

    # -- the hold ------------------------------------------------------------------

    def sync(self) -> None:
        """Called on a timer (and by tests after moving the clock): the hold's countdown."""
        if self.hold is None:
            return
        if self.hold.advance():
            self.hold = None
            self.walk.forward()
            self.notify("Time: let go, then answer.", timeout=2)
            self.show()
            return
        self._show_countdown()

    def _show_countdown(self) -> None:
        """The whole seconds left, in big glyphs (drawn as given: a number, never markup)."""
        if self.hold is not None:
            self.query_one("#hold", BigText).update(printable(str(self.hold.shown())))

    def action_hold(self) -> None:
        step = self.walk.step
        if step is None or step.question is not None or not step.test.hold_seconds:
            return
        if self.hold is None:
            app = host(self)
            self.hold = Hold(step.test.hold_seconds, app.clock, app.loose_cues())
            self.hold.start()
            self.show()

    # -- moving through the steps --------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """A single key answers the question on screen; on the review, a number reopens one."""
        key = (event.character or "").lower()
        if not key:
            return
        if self.walk.reviewing:
            changed = key.isdigit() and self.walk.reopen(int(key))
        else:
            changed = self.walk.choose(key)
        if changed:
            event.stop()
            event.prevent_default()
            self.show()

    def action_forward(self) -> None:
        if self.walk.reviewing:
            self.save()
            return
        self.hold = None
        if self.walk.forward():
            self.show()

    def action_back(self) -> None:
        if self.hold is not None:  # back out of the hold: stop it, stay on the test
            self.hold = None
            self.notify("Hold stopped: space starts it again.", timeout=3)
            self.show()
            return
        if self.walk.back():
            self.show()

    def action_leave(self) -> None:
        if not self.walk.answers:
            self._close()
            return

        def answered(sure: bool | None) -> None:
            if sure:
                self._close()

        self.app.push_screen(
            ConfirmScreen("Leave the assessment?", "Your answers so far are not saved."), answered
        )

    def _close(self) -> None:
        self.post_message(AssessmentClosed())

    def action_help(self) -> None:
        notes = "Answer with a letter or a number. Nothing is saved before the review."
        self.app.push_screen(HelpScreen("Assessment keys", self.BINDINGS, notes))

    def save(self) -> None:
        """Store every answer, then show the results and the proposed plan."""
        from .assessment_results import AssessmentResultsScreen

        missing = self.walk.first_unanswered()
        if missing is not None:
            self.walk.index = missing
            self.show()
            return
        found = self.walk.responses()
        digest = self.walk.battery.digest
        store = host(self).store
        written = write_now(store, lambda: save_assessment(store, found, digest))
        if written.value is None:  # every answer stays on the screen, to save again
            self.notify(
                f"Not saved: {written.problem}. Your answers are still here: "
                "press Enter to save them again.",
                severity="error",
                timeout=10,
            )
            return
        self.app.switch_screen(
            AssessmentResultsScreen(self.walk.battery, self.rules, found, written.value)
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keep the footer to the keys that do something on this step."""
        step = self.walk.step
        if action == "hold":  # space does nothing while a hold runs: not offered then
            holding = self.hold is not None
            return bool(step and step.question is None and step.test.hold_seconds) and not holding
        if action == "forward" and step is not None and step.question is not None:
            return self.walk.current_answer() is not None
        return True

    # -- showing a step ------------------------------------------------------------

    def show(self) -> None:
        self.refresh_bindings()
        step = self.walk.step
        self.query_one("#position", Label).update(plain(self.walk.position()))
        figure = self.query_one("#test-figure", FigureWidget)
        spec = find_pose(step.test.id) if step is not None else None
        figure.show(spec, step.side if step is not None else "left")
        if step is None:
            self._show_review()
        elif step.question is None:
            self._show_instructions(step)
        else:
            self._show_question(step)

    def _set(self, name: str, side: str, text: str, answers: list[Content], keys: str) -> None:
        """`keys` is our own markup; every other text comes from the tests file."""
        self.query_one("#test-name", Label).update(plain(name))
        self.query_one("#side", Label).update(plain(side))
        self.query_one("#text", Static).update(plain(text))
        self.query_one("#answers", Static).update(Content("\n").join(answers))
        self.query_one("#keys", Label).update(styled(keys))
        self.set_class(self.hold is not None, "-holding")

    def _show_instructions(self, step: Step) -> None:
        test, side = step.test, step.side
        lines = [fill(test.setup, side), ""] if test.setup else []
        lines += [f"{n}. {fill(text, side)}\n" for n, text in enumerate(test.steps, 1)]
        keys = "[b]Enter[/b] answer the questions    [b]b[/b] back"
        if self.hold is not None:  # space does nothing now; b and Enter end the hold
            keys = "[b]b[/b] stop the hold    [b]Enter[/b] answer now"
        elif test.hold_seconds:
            keys = f"[b]Space[/b] start the {test.hold_seconds:g} s hold    " + keys
        self._set(test.name, f"{side.upper()} SIDE", "\n".join(lines), [], keys)
        if self.hold is not None:
            self.query_one("#cue", Label).update(plain(fill(test.hold_cue, side) or "Hold"))
            self._show_countdown()

    def _show_question(self, step: Step) -> None:
        assert step.question is not None
        current = self.walk.current_answer()
        rows = []
        for number, answer in enumerate(step.question.answers, 1):
            mark = "▶" if answer.id == current else " "
            rows.append(
                styled(f"{mark} [b]$key[/b] ({number})  $label", key=answer.key, label=answer.label)
            )
        keys = "Press a letter to answer    [b]b[/b] back"
        if current is not None:
            keys += "    [b]Enter[/b] keep this answer"
        self._set(
            step.test.name,
            f"{step.side.upper()} SIDE",
            fill(step.question.prompt, step.side),
            rows,
            keys,
        )

    def _show_review(self) -> None:
        battery = self.walk.battery
        found = self.walk.responses()
        table = finding_table(battery, found)
        width = max(len(row.finding.name) for row in table) + 3
        lines = [f"{'':<{width}}{'LEFT':<8}RIGHT"]
        for row in table:
            left = "yes" if row.left else "-"
            right = "yes" if row.right else "-"
            flag = "<- uneven" if row.left != row.right else ""
            lines.append(f"{row.finding.name:<{width}}{left:<8}{right:<8}{flag}".rstrip())
        lines += ["", "Your answers (press a number to change one):"]
        for number, response in enumerate(found, 1):
            test = battery.test(response.test_id)
            question = test.question(response.question_id) if test else None
            answer = question.answer(response.answer) if question else None
            prompt = fill(question.prompt, response.side) if question else response.question_id
            label = answer.label if answer else response.answer
            name = test.name if test else response.test_id
            lines.append(f"  {number}. {name}, {response.side} side: {prompt}")
            lines.append(f"     -> {label}")
        keys = (
            "[b]Enter[/b] save and see the plan    [b]1-9[/b] change an answer    "
            "[b]b[/b] back    [b]↑↓[/b] scroll"
        )
        self._set("Review your answers", "FINDINGS", "\n".join(lines), [], keys)
