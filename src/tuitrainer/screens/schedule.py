"""The schedule screen (`S` on home): what is meant to be done when, and changing it.

Reads and writes the same schedule.toml people and scripts write. A change made
here changes only that item's lines (schedule/edit.py): comments and layout stay.
A file with problems is shown, not rewritten: saving it from here would drop the
items the app could not read, so the screen says where the problems are and
changes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, Select

from ..library import Listing
from ..schedule import edit
from ..schedule.load import Loaded, load, parse, parse_time, write_atomic
from ..schedule.model import Item, RuleError, parse_rule
from ..widgets.footer import Footer
from ..widgets.row_table import RowTable
from ..widgets.text import plain
from .questions import ConfirmScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..locations import Locations
    from ..schedule.model import Schedule

DAYS_HELP = "daily · weekdays · mon, wed, fri · every 2 days"


class ScheduleScreen(Screen[None]):
    CSS_PATH = "schedule.tcss"
    BINDINGS = [
        Binding("a", "add", "Add", id="schedule.add"),
        Binding("e,enter", "edit", "Change", key_display="e", id="schedule.edit"),
        Binding("x,delete", "remove", "Remove", id="schedule.remove"),
        Binding("escape,q", "app.pop_screen", "Back", id="schedule.back"),
    ]

    def __init__(self, locations: Locations) -> None:
        super().__init__()
        self.locations = locations
        self.names = {entry.slug: entry.title for entry in Listing(locations).sessions()}
        self.loaded: Loaded = load(locations.schedule_file, known=set(self.names))

    def compose(self) -> ComposeResult:
        yield Label("Schedule: which session, which days, what time", id="schedule-title")
        yield Label(plain(str(self.locations.schedule_file)), id="schedule-path")
        yield RowTable(("Session", "Days", "Time", "Next"), id="schedule-items")
        yield Label("", id="schedule-problems", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        today = date.today()
        rows = []
        for item in self.loaded.schedule.items:
            upcoming = item.next_due(today)
            rows.append(
                (
                    self.names.get(item.session, item.session),
                    item.rule.text(),
                    f"{item.at:%H:%M}" if item.at else "any time",
                    "today" if upcoming == today else f"{upcoming:%a %d %b}" if upcoming else "-",
                )
            )
        self.query_one(RowTable).set_rows(rows)
        problems = self.loaded.problems
        if problems:
            text = "This file has problems; fix them in the file (nothing here changes it):\n"
            text += "\n".join(problems[:5])
        elif not rows:
            text = "Nothing scheduled yet: press a to add a session."
        else:
            text = "Due days count toward adherence and the streak (progress, report)."
        self.query_one("#schedule-problems", Label).update(plain(text))

    def _editable(self) -> bool:
        if self.loaded.problems:
            self.notify("Fix the problems in the file first: saving would drop items.")
            return False
        return True

    def action_add(self) -> None:
        if not self._editable():
            return
        if not self.names:
            self.notify("There are no sessions to schedule.")
            return

        def added(item: Item | None) -> None:
            if item is not None:
                self._change(lambda text, now: edit.added(text, now, item))

        self.app.push_screen(AddItemScreen(self.names), added)

    def action_edit(self) -> None:
        """Change the highlighted item's days or time; its session and start stay."""
        items = self.loaded.schedule.items
        row = self.query_one(RowTable).cursor_row
        if not items or not 0 <= row < len(items) or not self._editable():
            return
        item = items[row]

        def edited(new: Item | None) -> None:
            if new is not None and (new.rule, new.at) != (item.rule, item.at):
                self._change(lambda text, now: edit.changed(text, now, row, new.rule, new.at))

        self.app.push_screen(AddItemScreen(self.names, item), edited)

    def action_remove(self) -> None:
        items = self.loaded.schedule.items
        row = self.query_one(RowTable).cursor_row
        if not items or not 0 <= row < len(items) or not self._editable():
            return
        gone = items[row]

        def answered(yes: bool | None) -> None:
            if yes and self.loaded.schedule.items == items:  # unchanged while asking
                if not self._change(lambda text, now: edit.removed(text, now, row)):
                    return
                title = self.names.get(gone.session, gone.session)
                self.notify(f"Removed {title} ({gone.rule.text()}).", markup=False)

        # One key would undo a plan a physiotherapist wrote, and nothing brings back
        # its start day (adherence counts from it): ask first.
        self.app.push_screen(
            ConfirmScreen(
                "Remove the highlighted item from the schedule?",
                "Added again, it starts afresh from today.",
            ),
            answered,
        )

    def _change(self, make: Callable[[str, Schedule], str]) -> bool:
        """Write `make(text on disk, its schedule)`, if the file still holds what is
        shown: a file changed meanwhile (an editor, another window) is shown again
        instead of being written over. True when written."""
        path = self.locations.schedule_file
        try:
            text = path.read_bytes().decode("utf-8-sig") if path.exists() else ""
        except (OSError, UnicodeDecodeError) as error:
            self.notify(f"Cannot read the schedule: {error}", severity="error")
            return False
        now = parse(text, path, known=set(self.names))
        if now.problems or now.schedule != self.loaded.schedule:
            self.loaded = load(path, known=set(self.names))
            self._show()
            self.notify("The schedule file changed meanwhile: here it is again.", timeout=5)
            return False
        try:
            write_atomic(path, make(text, now.schedule))
        except OSError as error:
            self.notify(f"Cannot save the schedule: {error.strerror}", severity="error")
            return False
        self.loaded = load(path, known=set(self.names))
        self._show()
        return True


class AddItemScreen(ModalScreen[Item | None]):
    """A session, its days and an optional time; it starts today. Given an `item`,
    its days and time are changed instead (its session and start stay)."""

    CSS_PATH = "schedule.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="schedule-add.cancel")]

    def __init__(self, names: dict[str, str], item: Item | None = None) -> None:
        super().__init__()
        self.names = names
        self.item = item

    def compose(self) -> ComposeResult:
        item = self.item
        options = [(title, slug) for slug, title in self.names.items()]
        if item is not None and item.session not in self.names:
            options.append((item.session, item.session))  # a session since removed
        with Vertical(id="schedule-add"):
            yield Label(
                "Change the days or the time" if item else "Add to the schedule",
                id="schedule-add-title",
            )
            chosen = item.session if item else options[0][1]
            session = Select(options, value=chosen, allow_blank=False, id="add-session")
            session.disabled = item is not None
            yield session
            days = item.rule.text() if item else "daily"
            yield Label(plain(f"Days: {DAYS_HELP}"), classes="field-label")
            yield Input(placeholder=DAYS_HELP, value=days, id="add-days")
            at = f"{item.at:%H:%M}" if item and item.at else ""
            yield Label("Time (optional), e.g. 18:00", classes="field-label")
            yield Input(placeholder="18:00", value=at, id="add-time")
            yield Label("Enter saves · Esc cancels", id="add-error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        days = self.query_one("#add-days", Input).value
        raw_time = self.query_one("#add-time", Input).value.strip()
        error = self.query_one("#add-error", Label)
        try:
            rule = parse_rule([d.strip() for d in days.split(",")] if "," in days else days)
        except RuleError as problem:
            error.update(plain(str(problem)))
            return
        try:
            at = parse_time(raw_time) if raw_time else None
        except ValueError as problem:
            error.update(plain(str(problem)))
            return
        if self.item is not None:
            self.dismiss(Item(self.item.session, rule, at, self.item.start))
            return
        session = str(self.query_one("#add-session", Select).value)
        self.dismiss(Item(session, rule, at, date.today()))

    def action_cancel(self) -> None:
        self.dismiss(None)
