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
from textual.binding import Binding
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label

from .. import dose
from ..planner import format_duration, outline, plan
from ..session import origin
from ..session.edit import KNOB_BY_FIELD, EditError
from ..session.poses import pose_for
from ..widgets.figure import FigureWidget
from ..widgets.footer import Footer
from .help import HelpScreen
from .host import host
from .leaving import leave_asking
from .messages import StartSession
from .planning_table import COLUMNS, ENTRY_HINTS, FIELDS, cell_text, value_hint
from .questions import AskScreen

if TYPE_CHECKING:
    from pathlib import Path

    from ..session.model import Exercise, Session

NARROW = 60  # columns: below this the table opens on the names


class PlanningScreen(Screen[None]):
    VERTICAL_BREAKPOINTS = [(0, "-short"), (26, "-tall")]  # the figures need room
    """Change the plan with keys; `r` starts it, ctrl+s saves it as a session of your own."""

    CSS_PATH = "planning.tcss"
    # In the footer's order: what gets you anywhere first (a narrow footer shows the
    # first few), in short words; the help (?) gives each key's full sentence.
    BINDINGS = [
        Binding(
            "r", "start", "Start", tooltip="Start a workout of this plan now.", id="planning.start"
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save as",
            tooltip="Save this plan as a session of yours.",
            id="planning.save",
        ),
        Binding("question_mark", "help", "Help", key_display="?", id="planning.help"),
        Binding(
            "escape,q", "back", "Back", tooltip="Back (asks first if unsaved).", id="planning.back"
        ),
        Binding(
            "plus,equals_sign,shift+up",
            "step(1)",
            "+1",
            key_display="+",
            tooltip="One more of the value under the cursor.",
            id="planning.more",
        ),
        Binding(
            "minus,shift+down",
            "step(-1)",
            "-1",
            key_display="-",
            tooltip="One less of the value under the cursor.",
            id="planning.less",
        ),
        Binding(
            "a", "add", "Add", tooltip="Add an exercise from the catalogue.", id="planning.add"
        ),
        Binding(
            "x,delete",
            "drop",
            "Drop",
            tooltip="Drop the exercise under the cursor.",
            id="planning.drop",
        ),
        Binding(
            "m",
            "mode",
            "Mode",
            tooltip="Guided or self-paced, for this exercise.",
            id="planning.mode",
        ),
        Binding("s", "swap", "Swap", tooltip="Swap the order of its sides.", id="planning.swap"),
        Binding(
            "f", "fit", "Fit", tooltip="Fit the whole plan to a time you give.", id="planning.fit"
        ),
        Binding("u", "undo", "Undo", tooltip="Undo the last change.", id="planning.undo"),
        Binding(
            "ctrl+up,K",
            "move(-1)",
            "Move up",
            key_display="K",
            show=False,
            tooltip="Move the exercise up (ctrl+up too).",
            id="planning.move_up",
        ),
        Binding(
            "ctrl+down,J",
            "move(1)",
            "Move down",
            key_display="J",
            show=False,
            tooltip="Move the exercise down (ctrl+down too).",
            id="planning.move_down",
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.baseline = session  # as loaded or last saved: anything else is unsaved
        self.undo: list[Session] = []
        self.entry_mode = ""

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
        yield Input(id="entry")
        yield Label("", id="changes", markup=False)
        with Horizontal(id="plan-figures"):
            yield FigureWidget(id="plan-start")
            yield FigureWidget(id="plan-end")
        yield Label("", id="plan-figure-name", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
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
            table.add_row(*(time if f == "time" else cell_text(exercise, f) for f in FIELDS))
        table.cursor_coordinate = Coordinate(
            min(where.row, table.row_count - 1), min(where.column, len(FIELDS) - 1)
        )
        mark = "  (changed, not saved)" if self.dirty else ""
        self.query_one("#plan-title", Label).update(
            f"Plan: {self.session.title} ({self.session.slug}){mark}"
        )
        self.query_one("#total", Label).update(
            f"Planned total [b]{format_duration(data['total_seconds'])}[/b]"
        )
        self.query_one("#dose", Label).update(dose.warning(self.session))
        self.show_origin()

    def show_origin(self) -> None:
        """Whose the highlighted exercise is, and its easier variant, labelled."""
        row = self.query_one(DataTable).cursor_coordinate.row
        exercises = self.session.exercises
        exercise = exercises[min(max(row, 0), len(exercises) - 1)]
        lines = [origin.exercise_note(exercise)]
        if exercise.modification:
            lines.append(origin.easier_text(exercise))
        self.query_one("#origin", Label).update("\n".join(line for line in lines if line))

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
        self.query_one("#changes", Label).update(note)
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

    def open_entry(self, mode: str, value: str, select: bool = True, hint: str = "") -> None:
        """The entry line under the table; `select`: typing replaces the value shown."""
        self.entry_mode = mode
        entry = self.query_one("#entry", Input)
        entry.value = value
        entry.select_on_focus = select
        entry.display = True
        self.query_one("#entry-hint", Label).update(hint or ENTRY_HINTS[mode])
        entry.focus()
        entry.cursor_position = len(value)
        # Shown just now, so laid out on the next refresh: then bring it into view (on
        # a small terminal the entry is below the fold).
        self.call_after_refresh(entry.scroll_visible, animate=False)

    def close_entry(self) -> None:
        self.entry_mode = ""
        self.query_one("#entry").display = False
        self.query_one("#entry-hint", Label).update("")
        self.query_one(DataTable).focus()

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
        self.query_one("#plan-figure-name", Label).update(name)

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

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        mode, text = self.entry_mode, event.value
        self.close_entry()
        if mode == "value":
            from ..session.edit import set_text

            row, field = self.cell()
            self.edit(set_text, row, field, text)
        elif mode == "fit":
            self.fit(text)

    def fit(self, text: str) -> None:
        from ..fit import parse_duration
        from .planning_fit import fit_keeping_dose

        try:
            target = parse_duration(text)
        except ValueError as error:
            self.notify(str(error), severity="warning")
            return
        fit_keeping_dose(self, target)

    def action_start(self) -> None:
        self.post_message(StartSession(self.session))

    def action_save(self) -> None:
        from ..session.create import name_problem

        suggestion = self.session.slug if self.session.source == "user" else ""
        builtin = (
            ""
            if self.session.source == "user"
            else (
                f"{self.session.slug} is built in and stays as it is; "
                "a name of your own saves a copy (its own name shadows the built-in one)."
            )
        )

        def named(name: str | None) -> None:
            if name:
                self.save_as(name)

        self.app.push_screen(
            AskScreen(
                "Save this plan as (a name of your own):",
                suggestion,
                builtin,
                check=lambda name: name_problem(name) if name else None,  # empty: cancel
            ),
            named,
        )

    def save_as(self, name: str) -> None:
        """Write the plan as the user's session `name`; ask first before replacing a file."""
        from ..session.create import user_file
        from ..session.dump import comment_lines
        from ..session.save import read_stamped

        locations = host(self).locations
        existing = user_file(locations, name)
        path = existing or locations.user_sessions / f"{name}.yaml"
        read = read_stamped(path)
        if read is None:
            self.write(path, name, None)
            return
        from .questions import ConfirmScreen

        text = read[0].decode("utf-8", "replace")
        lines = comment_lines(text)
        detail = f"{path.name} is replaced; the old version is kept as {path.name}.bak."
        if lines:
            shown = ", ".join(str(n) for n in lines[:8]) + ("..." if len(lines) > 8 else "")
            detail = f"Your file has comments (lines {shown}) that a clean rewrite drops. " + detail

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(path, name, read[1])

        self.app.push_screen(ConfirmScreen(f"Replace your session {name!r}?", detail), answered)

    def write(self, path, name: str, expected) -> None:
        from ..session.create import ensure_schema, title_of
        from ..session.dump import dump_session
        from ..session.edit import retitle
        from ..session.save import SaveError, save_text

        locations = host(self).locations
        title = self.session.title if name == self.session.slug else title_of(name)
        session = dose.with_note(retitle(self.session, name, title))
        try:
            ensure_schema(locations)
            save_text(
                path,
                dump_session(session),
                expected=expected,
                builtin_dir=locations.builtin_sessions,
            )
        except (SaveError, OSError) as error:
            self.notify(f"Not saved: {error}", severity="error")
            return
        from dataclasses import replace

        self.session = replace(session, path=path)
        self.baseline = self.session
        self.undo.clear()
        self.redraw()
        self.notify(f"Saved as {path.name}.")

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
