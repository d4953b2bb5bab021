"""Before a workout: how much pain right now, 0 to 10 (optional, one key skips it).

Shown over the workout's "ready" view, so the answer and the start are one
gesture: a rating and Enter, or space alone, start the workout. Escape only
closes the question; the workout then waits for space as usual.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from ..widgets.rating import RatingInput, submitted_rating
from ..widgets.text import plain


@dataclass(frozen=True)
class PainAnswer:
    """The rating (None when skipped) and whether to start the workout now."""

    rating: int | None
    start: bool


class PainBeforeScreen(ModalScreen[PainAnswer]):
    CSS_PATH = ["dialogs.tcss", "pain.tcss"]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    BINDINGS = [
        Binding("space", "skip(True)", "Save and start", priority=True, id="pain.start"),
        Binding("escape", "skip(False)", "Skip", id="pain.skip"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Pain before you start", classes="question")
            yield Label(
                "How much does your back hurt right now, from 0 (not at all) to 10 "
                "(the worst you can imagine)? It goes beside the rating after the workout.",
                classes="detail",
            )
            with Horizontal(id="pain-before-row"):
                yield Label("Pain now: ", id="pain-before-label")
                yield RatingInput(id="pain-before")
            yield Label("", id="pain-problem", markup=False)
            yield Label(
                "[b]Enter[/b] or [b]space[/b] save and start (empty: skip)    [b]esc[/b] skip",
                classes="keys",
            )

    def on_mount(self) -> None:
        self.query_one(RatingInput).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            self.dismiss(PainAnswer(submitted_rating(event), True))
        except ValueError as problem:
            # In the dialog, not a toast: a toast outlived the answer and lay over the
            # workout's bottom lines once it had started.
            shown = self.query_one("#pain-problem", Label)
            shown.update(plain(str(problem)))
            shown.display = True

    async def action_skip(self, start: bool) -> None:
        """Space after digits saves them (and starts): only an empty box is skipped.
        Typing "4" then space, the easy key from the floor, once threw the 4 away."""
        box = self.query_one(RatingInput)
        if start and box.value.strip():
            await box.action_submit()
            return
        self.dismiss(PainAnswer(None, start))
