"""One past workout in full: every exercise and side, its reps against the target and
the moment of each rep, and the pain ratings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from ..durations import format_duration
from ..history.scope import Scope, local_time
from ..widgets.text import cell, plain
from .host import host


def rep_offsets(offsets: list[float], width: int | None = None) -> str:
    """Seconds into the side at which each rep was logged, e.g. `2.0 4.1 6.0`.

    Longer than `width`, it ends with how many more there are (`2.0 4.1 … +12`),
    so a cut list says it is cut; every time is in `tuitrainer history --json`."""
    texts = [f"{value:.1f}" for value in offsets]
    full = " ".join(texts)
    if width is None or len(full) <= width:
        return full
    for shown in range(len(texts) - 1, -1, -1):
        text = " ".join([*texts[:shown], f"… +{len(texts) - shown}"])
        if len(text) <= width:
            return text
    return f"… +{len(texts)}"


class WorkoutDetailScreen(ModalScreen[None]):
    CSS_PATH = ["dialogs.tcss", "workout_detail.tcss"]
    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="detail.close")]

    def __init__(self, workout_id: int, scope: Scope) -> None:
        super().__init__()
        self.workout_id = workout_id
        self.scope = scope

    def compose(self) -> ComposeResult:
        store = host(self).store
        row = store.workout(self.workout_id)
        with Vertical(classes="dialog", id="detail"):
            if row is None:
                yield Label("This workout is no longer in the history.", classes="question")
                return
            when = local_time(row["started_at"], self.scope)
            yield Label(plain(f"{row['title']}, {when:%a %d %b %Y %H:%M}"), classes="question")
            pain = [
                f"pain {label} {row[column]}/10"
                for label, column in (("before", "pain_before"), ("after", "pain_after"))
                if row[column] is not None
            ]
            yield Label(
                plain(", ".join([store.status_of(row), f"speed {row['speed']:g}", *pain])),
                classes="detail",
            )
            table: DataTable[str | Text] = DataTable(id="detail-sides", cursor_type="row")
            table.add_columns("Exercise", "Side", "Reps", "Time", "Rep at (s)")
            # What the other columns leave of the box (at most 100 wide) for the times.
            room = max(12, min(100, self.app.size.width) - 8 - 44)
            for side in store.sides(self.workout_id):
                offsets = [rep["offset_seconds"] for rep in store.rep_times(side["id"])]
                set_text = f" (set {side['set_number']})" if side["set_number"] > 1 else ""
                cells = [
                    side["exercise_name"] + set_text,
                    side["side"],
                    f"{side['reps_done']}/{side['reps_target']}",
                    format_duration(side["seconds"]),
                    rep_offsets(offsets, room),
                ]
                table.add_row(*[cell(c) for c in cells])
            yield table
            yield Label("escape closes", classes="keys")

    def action_close(self) -> None:
        self.dismiss(None)
