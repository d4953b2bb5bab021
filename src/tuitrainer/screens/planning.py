"""The planning screen: a session as a table of values to change, fit, start or save.

Every change goes through `session/edit.py` or `fit.py` and gives a new
session; the table and the times are drawn again from it. Nothing here writes
a file except "save as", which never touches a built-in session and asks
before dropping the comments of a file of the user's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Label

from .. import dose
from ..planner import format_duration, outline, plan
from ..session import origin
from ..session.edit import KNOB_BY_FIELD, EditError
from ..session.poses import pose_for
from ..widgets import text
from ..widgets.figure import FigureWidget
from ..widgets.footer import Footer
from .help import HelpScreen
from .host import host
from .leaving import leave_asking
from .messages import StartSession
from .planning_entry import EntryInput
from .planning_keys import PLANNING_KEYS
from .planning_table import COLUMNS, FIELDS, cell_text, value_hint

if TYPE_CHECKING:
    from pathlib import Path

    from ..session.model import Exercise, Session

NARROW = 60  # columns: below this the table opens on the names


class PlanningScreen(Screen[None]):
    VERTICAL_BREAKPOINTS = [(0, "-short"), (26, "-tall")]  # the figures need room
    """Change the plan with keys; `r` starts it, ctrl+s saves it as a session of your own."""

    CSS_PATH = "planning.tcss"
    BINDINGS = PLANNING_KEYS  # planning_keys.py: the footer's order and words

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.baseline = session  # as loaded or last saved: anything else is unsaved
        self.undo: list[Session] = []

    @property
    def dirty(self) -> bool:
        return self.session != self.baseline

    def compose(self) -> ComposeResult:
        yield Label("", id="plan-title", markup=False)
        table: DataTable[str] = DataTable(id="plan", cursor_type="cell", zebra_stripes=True)
        yield table
        yield Label("", id="total")
        yield Label("", id="dose", markup=False)
        yield Label("", id="origin", markup=False)
        yield Label("", id="entry-hint", markup=False)
        yield EntryInput(id="entry")
        yield Label("", id="changes", markup=False)
        with Horizontal(id="plan-figures"):
            yield FigureWidget(id="plan-start")
            yield FigureWidget(id="plan-end")
        yield Label("", id="plan-figure-name", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label in COLUMNS:
            table.add_column(text.cell(label), key=key)
        self.query_one("#entry").display = False
        self.redraw()
        # On the reps, the value most often changed; on a narrow terminal on the names,
        # so the table does not open scrolled sideways with them cut.
        narrow = self.app.size.width < NARROW
        table.move_cursor(row=0, column=0 if narrow else FIELDS.index("reps"))
        table.focus()

    # -- drawing --------------------------------------------------------------------

    def redraw(self) -> None:
        """The table, the times and the title, from the current session."""
        table = self.query_one(DataTable)
        where = table.cursor_coordinate
        table.clear()
        data = outline(plan(self.session))
        for exercise, planned in zip(self.session.exercises, data["exercises"], strict=True):
            time = format_duration(planned["seconds"])
            table.add_row(
                *(text.cell(time if f == "time" else cell_text(exercise, f)) for f in FIELDS)
            )
        table.cursor_coordinate = Coordinate(
            min(where.row, table.row_count - 1), min(where.column, len(FIELDS) - 1)
        )
        mark = "  (changed, not saved)" if self.dirty else ""
        self.query_one("#plan-title", Label).update(
            text.plain(f"Plan: {self.session.title} ({self.session.slug}){mark}")
        )
        self.query_one("#total", Label).update(
            text.styled("Planned total [b]$total[/b]", total=format_duration(data["total_seconds"]))
        )
        self.query_one("#dose", Label).update(text.plain(dose.warning(self.session)))
        self.show_origin()

    def show_origin(self) -> None:
        """Whose the highlighted exercise is, and its easier variant, labelled."""
        row = self.query_one(DataTable).cursor_coordinate.row
        exercises = self.session.exercises
        exercise = exercises[min(max(row, 0), len(exercises) - 1)]
        lines = [origin.exercise_note(exercise)]
        if exercise.modification:
            lines.append(origin.easier_text(exercise))
        self.query_one("#origin", Label).update(
            text.plain("\n".join(line for line in lines if line))
        )

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self.show_origin()
        self.show_figure(event.coordinate.row)

    def total_seconds(self) -> float:
        return plan(self.session).total_seconds

    def cell(self) -> tuple[int, str]:
        where = self.query_one(DataTable).cursor_coordinate
        return where.row, FIELDS[where.column]

    def apply(self, session: Session, note: str = "") -> None:
        """Take a changed plan, keeping the old one for undo."""
        if session is not self.session:
            self.undo.append(self.session)
            self.session = session
        self.query_one("#changes", Label).update(text.plain(note))
        self.redraw()

    def edit(self, change, *args) -> None:
        try:
            self.apply(change(self.session, *args))
        except EditError as error:
            self.notify(str(error), severity="warning")

    # -- keys -----------------------------------------------------------------------

    def action_step(self, direction: int) -> None:
        from ..session.edit import step

        row, field = self.cell()
        if field in KNOB_BY_FIELD:
            self.edit(step, row, field, direction)
        elif field == "mode":
            self.action_mode()
        elif field == "sides":
            self.action_swap()

    def action_move(self, delta: int) -> None:
        from ..session.edit import move

        row, _ = self.cell()
        self.edit(move, row, delta)
        table = self.query_one(DataTable)
        table.move_cursor(row=max(0, min(table.row_count - 1, row + delta)))

    def action_drop(self) -> None:
        from ..session.edit import drop

        self.edit(drop, self.cell()[0])

    def action_mode(self) -> None:
        from ..session.edit import switch_mode

        self.edit(switch_mode, self.cell()[0])

    def action_swap(self) -> None:
        from ..session.edit import swap_sides

        self.edit(swap_sides, self.cell()[0])

    def action_undo(self) -> None:
        if self.undo:
            self.session = self.undo.pop()
            self.query_one("#changes", Label).update("")
            self.redraw()

    def action_add(self) -> None:
        """The exercise catalogue, each exercise once, filtered as the user types."""
        from ..exercise_catalogue import catalogue
        from ..session.edit import add
        from .exercise_picker import ExercisePickerScreen

        def picked(exercise: Exercise | None) -> None:
            if exercise is not None:
                self.edit(add, exercise, self.cell()[0])
                self.query_one(DataTable).move_cursor(row=self.cell()[0] + 1)

        entries = catalogue(host(self).locations)
        self.app.push_screen(
            ExercisePickerScreen("Add which exercise after this one?", entries), picked
        )

    def action_type_value(self, first: str = "") -> None:
        row, field = self.cell()
        if field not in KNOB_BY_FIELD:
            self.notify("Type a number on a column of numbers; m and s change the others.")
            return
        exercise = self.session.exercises[row]
        value = first or cell_text(exercise, field)
        self.open_entry("value", value, select=not first, hint=value_hint(exercise, field))

    def action_fit(self) -> None:
        self.open_entry("fit", "")

    @property
    def entry_mode(self) -> str:
        """What the entry line is open for ("value", "fit"), or "" while it is closed."""
        return self.query_one("#entry", EntryInput).mode

    def open_entry(self, mode: str, value: str, select: bool = True, hint: str = "") -> None:
        """The entry line under the table; `select`: typing replaces the value shown."""
        entry = self.query_one("#entry", EntryInput)
        entry.open(mode, value, select, hint)
        # Shown just now, so laid out on the next refresh: then bring it into view (on
        # a small terminal the entry is below the fold).
        self.call_after_refresh(entry.scroll_visible, animate=False)

    def close_entry(self) -> None:
        self.query_one("#entry", EntryInput).close()
        self.query_one(DataTable).focus()

    def action_cancel_entry(self) -> None:
        self.close_entry()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the entry line is open only its keys work (the rest would be typed)."""
        return action == "cancel_entry" or not self.entry_mode

    def show_figure(self, row: int) -> None:
        """The start and end position of the exercise under the cursor."""
        exercises = self.session.exercises
        spec = pose_for(exercises[row]) if 0 <= row < len(exercises) else None
        side = exercises[row].sides[0] if spec is not None else "left"
        self.query_one("#plan-start", FigureWidget).show(spec, side, 0.0)
        self.query_one("#plan-end", FigureWidget).show(
            spec if spec is not None and spec.end is not None else None, side, 1.0
        )
        name = f"{spec.name} (start, then end; {side} side)" if spec is not None else ""
        self.query_one("#plan-figure-name", Label).update(text.plain(name))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        """Enter on a number cell: type its new value."""
        event.stop()
        self.action_type_value()

    def on_key(self, event: events.Key) -> None:
        """A digit typed on a number cell starts typing its new value."""
        if self.entry_mode or not self.query_one(DataTable).has_focus:
            return
        if event.character is not None and event.character.isdigit():
            event.stop()
            self.action_type_value(event.character)

    def on_input_submitted(self, event: EntryInput.Submitted) -> None:
        """Take the value typed; a refused one leaves the line open, as typed, to correct."""
        from ..fit import parse_duration
        from ..session.edit import set_text
        from .planning_fit import fit_keeping_dose

        event.stop()
        mode = self.entry_mode
        try:
            if mode == "fit":
                target = parse_duration(event.value)
            else:
                row, field = self.cell()
                changed = set_text(self.session, row, field, event.value)
        except ValueError as error:  # EditError too
            self.query_one("#entry", EntryInput).say(str(error))
            return
        self.close_entry()
        if mode == "fit":
            fit_keeping_dose(self, target)
        else:
            self.apply(changed)

    def action_start(self) -> None:
        self.post_message(StartSession(self.session))

    def action_save(self) -> None:
        from .planning_save import ask_save_as

        ask_save_as(self)

    def saved(self, session: Session) -> None:
        """The plan is now the user's file: the baseline for `dirty`, undo starts afresh."""
        self.session = session
        self.baseline = session
        self.undo.clear()
        self.redraw()

    def action_help(self) -> None:
        notes = "Digits or Enter on a number type a new value; reps take 10, 8-10 or 10/12."
        self.app.push_screen(HelpScreen("Planning keys", self.BINDINGS, notes))

    def action_back(self) -> None:
        if self.entry_mode:
            self.close_entry()
            return
        leave_asking(self, self.dirty, "this plan")


def open_planning(screen: Screen, path: Path, source: str) -> None:
    """Load a session afresh and plan it; an invalid file says why instead."""
    from ..session import SessionError, load_session

    try:
        session = load_session(path, source, host(screen).locations.sound_dirs())
    except SessionError as error:
        screen.notify(f"{path.stem} cannot be planned: {error.problems[0]}", severity="error")
        return
    screen.app.push_screen(PlanningScreen(session))
