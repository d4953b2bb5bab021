"""After the workout: every exercise and side against its target, and a pain rating."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label

from ..planner import format_duration
from ..tally import total_text, workout_rows
from ..widgets.footer import Footer
from ..widgets.rating import RatingInput, submitted_rating
from ..widgets.text import cell, plain
from ..workout import Workout
from .messages import SummaryClosed

# Space is the workout's rep key, pressed from the floor: a space that lands in the
# summary's first seconds (a last tap after the final rep, after DONE) must not skip
# the pain rating and, after `run`, close the app. Enter or Esc skip at once.
SETTLE_SECONDS = 3.0


class SummaryScreen(Screen[None]):
    """Shows what was done; Enter saves the pain rating (or skips it) and closes."""

    CSS_PATH = "summary.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    BINDINGS = [
        Binding("space", "save", "Save", priority=True, id="summary.save"),
        Binding("escape", "skip", "Skip rating", id="summary.skip"),
    ]

    def __init__(self, workout: Workout) -> None:
        super().__init__()
        self.workout = workout
        self.engine = workout.engine

    def compose(self) -> ComposeResult:
        rows = workout_rows(self.engine)
        status = "Workout ended early"
        if self.engine.status == "completed":
            skipped = any(row.short for row in rows)
            status = "Workout finished, some reps skipped" if skipped else "Workout complete"
        total_time = sum(row.seconds for row in rows)
        with Vertical(id="summary"):
            yield Label(plain(f"{status}: {self.engine.timeline.session.title}"), id="headline")
            # The rating first: on a small terminal the table scrolls, the question stays.
            with Horizontal(id="pain-row"):
                yield Label("Pain now, 0-10 (empty: Enter skips): ", id="pain-label")
                yield RatingInput(id="pain")
            yield Label(
                plain(f"Total: {total_text(rows)}, {format_duration(total_time)} of work"),
                id="total",
            )
            before = self.workout.pain_before
            if before is not None:  # the pain question promised it goes beside this one
                yield Label(plain(f"Pain before you started: {before} of 10"), id="pain-before")
            speed = self.engine.speed
            if speed != 1:
                yield Label(
                    plain(
                        f"A rehearsal at {speed:g} times speed: kept in the history, "
                        "left out of progress and the reports."
                    ),
                    id="rehearsal",
                )
            table: DataTable[str | Text] = DataTable(
                id="sides", cursor_type="none", zebra_stripes=True
            )
            table.can_focus = False  # keys stay with the rating
            table.add_columns("Exercise", "Side", "Reps", "Time")
            for row in rows:
                table.add_row(
                    cell(row.name),
                    cell(row.side_label),
                    cell(f"{row.reps} / {row.target_text}"),
                    cell(format_duration(row.seconds)),
                )
            yield table
        yield Footer()

    def on_mount(self) -> None:
        self.opened_at = time.monotonic()
        self.query_one("#pain", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            rating = submitted_rating(event)
        except ValueError as problem:
            self.notify(str(problem), severity="warning")
            return
        self.post_message(SummaryClosed(self.workout, rating))

    async def action_save(self) -> None:
        """Space does what Enter does: saves the digits typed, or skips an empty box;
        but not in the first second, when it is more likely a rep key pressed late."""
        box = self.query_one("#pain", Input)
        if not box.value.strip() and time.monotonic() - self.opened_at < SETTLE_SECONDS:
            self.notify("Your pain now, 0 to 10, then space; Enter skips it.", timeout=3)
            return
        await box.action_submit()

    def action_skip(self) -> None:
        self.post_message(SummaryClosed(self.workout, None))
