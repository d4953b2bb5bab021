"""The home screen: every session with its planned time and when it was last done."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Label

from ..durations import format_duration
from ..library import Listed, Listing
from ..widgets.footer import Footer
from ..widgets.row_table import RowTable
from ..widgets.text import plain
from .host import host
from .messages import OfferResume, OpenAssessment, ShowProgress, StartSession

if TYPE_CHECKING:
    from ..library_changes import Trashed
    from ..schedule.today import DueItem

HINT = "Choose a session and press Enter.  d delete  r rename  c copy  ? all keys"


def due_first(entries: list[Listed], due: list[DueItem]) -> list[Listed]:
    """Sessions still due today at the top, in the order they are due."""
    order: dict[str, int] = {}
    for item in due:
        if not item.done:
            order.setdefault(item.session, len(order))
    return sorted(entries, key=lambda entry: order.get(entry.slug, len(order)))


def when(iso: str | None) -> str:
    """An ISO time as a short local date, or a dash."""
    if not iso:
        return "never"
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%a %d %b")
    except ValueError:
        return "?"


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"  # also loaded by the app: it is the base screen, never pushed
    BINDINGS = [
        Binding("enter", "start", "Start", show=True, id="home.start"),
        Binding("a", "assess", "Assess", id="home.assess"),
        Binding("s", "safety", "Safety", id="home.safety"),
        Binding("e", "plan", "Plan", id="home.plan"),
        Binding("n", "new", "New", id="home.new"),
        Binding("E", "edit", "Edit", key_display="E", id="home.edit"),
        Binding("g", "progress", "Progress", id="home.progress"),
        Binding(
            "d",
            "delete",
            "Delete one of yours (asks; kept in the trash)",
            show=False,
            id="home.delete",
        ),
        Binding(
            "r", "rename", "Rename one of yours (its history follows)", show=False, id="home.rename"
        ),
        Binding("c", "duplicate", "Copy under a new name", show=False, id="home.duplicate"),
        Binding("u", "undo_delete", "Undo the delete just made", show=False, id="home.undo"),
        Binding("question_mark", "help", "Help", key_display="?", id="home.help"),
        Binding("q", "app.quit", "Quit", id="home.quit"),
        # After ? and q, so a narrow footer cuts these first (help lists them all).
        Binding("S", "schedule", "Schedule", key_display="S", id="home.schedule"),
        Binding("f", "psfs", "Daily life", id="home.psfs"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Listed] = []
        self.due: list[DueItem] = []  # today's schedule, what is left first
        self.last_deleted: Trashed | None = None  # u brings it back
        self._filled_in_compose = False
        self._told_problems = False

    def compose(self) -> ComposeResult:
        yield Label("[b]tuitrainer[/b]  mobility and back care", id="title")
        hint = Label(plain(HINT), id="hint")
        table = RowTable(("Session", "Time", "Last done", "Source"), id="sessions")
        self._fill(table)  # rows in the first frame, not a frame later
        hint.update(plain(self._due_text()))
        yield hint
        self._filled_in_compose = True
        yield table
        yield Label(plain(self._description(table.cursor_row)), id="problem")
        yield Footer()

    def on_mount(self) -> None:
        # AUTO_FOCUS gives the table the focus (focusing it here too would compose the
        # footer once more).
        self.post_message(OfferResume())

    def on_screen_resume(self) -> None:
        if self._filled_in_compose:  # the first resume follows compose: nothing has changed
            self._filled_in_compose = False
            return
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """List the sessions again; `select`: highlight the one of that name."""
        table = self.query_one(RowTable)
        self._fill(table)
        self.query_one("#hint", Label).update(plain(self._due_text()))
        names = [entry.slug for entry in self.entries]
        if select in names:
            table.move_cursor(names.index(select))
        self.query_one("#problem", Label).update(plain(self._description(table.cursor_row)))

    def _fill(self, table: RowTable) -> None:
        listed = Listing(host(self).locations).sessions()
        self.entries = due_first(listed, self._read_due(listed))
        last = host(self).store.last_done() if host(self).store else {}
        table.set_rows(
            [
                (
                    entry.title,
                    "INVALID"
                    if entry.planned_seconds is None
                    else format_duration(entry.planned_seconds),
                    when(last.get(entry.slug)),
                    entry.source,
                )
                for entry in self.entries
            ]
        )

    def _read_due(self, listed: list[Listed]) -> list[DueItem]:
        """Today's schedule; a schedule file with problems is said once, not each visit."""
        from datetime import date

        from ..daily import due_now

        store = host(self).store
        if store is None or not host(self).locations.schedule_file.exists():
            self.due = []  # no schedule: nothing more to read (the first frame waits)
            return []
        names = {entry.slug: entry.title for entry in listed}
        self.due, problems = due_now(host(self).locations, store, names, date.today())
        if problems and not self._told_problems:
            self._told_problems = True
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            self.notify(problems[0] + more, title="Schedule", severity="warning", markup=False)
        return self.due

    def _due_text(self) -> str:
        """What is due today, first: Enter starts it."""
        if not self.due:
            return HINT
        left = [item for item in self.due if not item.done]
        if not left:
            return "Done for today: " + ", ".join(item.title for item in self.due) + ". Well done."
        listed = ", ".join(
            f"{item.title} ({item.at:%H:%M})" if item.at else item.title for item in left
        )
        return f"Due today: {listed}. Enter starts {left[0].title}."

    def _description(self, row: int) -> str:
        """The highlighted session's first problem, or else its description."""
        entry = self._entry(row)
        if entry and entry.problems:
            return f"This file has problems: {entry.problems[0]}"
        if entry and entry.description:
            return entry.description
        return ""

    def on_row_table_row_highlighted(self, event: RowTable.RowHighlighted) -> None:
        self.query_one("#problem", Label).update(plain(self._description(event.cursor_row)))

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        self.action_start()

    def _entry(self, row: int) -> Listed | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def action_start(self) -> None:
        entry = self._entry(self.query_one(RowTable).cursor_row)
        if entry is None:
            return
        from ..session import SessionError, load_session

        try:
            locations = host(self).locations
            session = load_session(Path(entry.path), entry.source, locations.sound_dirs())
        except SessionError as error:  # invalid, or changed since it was listed
            self.notify(f"{entry.slug} cannot start: {error.problems[0]}", severity="error")
            self.reload()
            return
        self.post_message(StartSession(session))

    def action_progress(self) -> None:
        self.post_message(ShowProgress())

    def action_assess(self) -> None:
        self.post_message(OpenAssessment())

    def action_safety(self) -> None:
        from .safety import SafetyScreen

        self.app.push_screen(SafetyScreen())

    def action_plan(self) -> None:
        """The highlighted session in the planning screen, to change before starting."""
        from .planning import open_planning

        entry = self._entry(self.query_one(RowTable).cursor_row)
        if entry is not None:
            open_planning(self, Path(entry.path), entry.source)

    def _editing_off(self) -> bool:
        """Served to a browser there is no login, so sessions are not edited there."""
        from ..serving import is_served

        if is_served():
            self.notify("Editing is off in the browser: edit on the computer that serves it.")
        return is_served()

    def action_new(self) -> None:
        from .editor import ask_new_session

        if self._editing_off():
            return
        ask_new_session(self)

    def action_edit(self) -> None:
        """The highlighted session's file in the editor (a built-in one: a copy, if wished)."""
        from .editor import open_editor

        if self._editing_off():
            return
        entry = self._entry(self.query_one(RowTable).cursor_row)
        if entry is not None:
            open_editor(self, entry.slug, Path(entry.path), entry.source)

    def action_schedule(self) -> None:
        from .schedule import ScheduleScreen

        self.app.push_screen(ScheduleScreen(host(self).locations))

    def action_psfs(self) -> None:
        from .psfs import PsfsScreen

        self.app.push_screen(PsfsScreen(host(self).store))

    def _highlighted(self) -> Listed | None:
        return self._entry(self.query_one(RowTable).cursor_row)

    def action_delete(self) -> None:
        from .library_keys import ask_delete

        if entry := self._highlighted():
            ask_delete(self, entry)

    def action_rename(self) -> None:
        from .library_keys import ask_rename

        if entry := self._highlighted():
            ask_rename(self, entry)

    def action_duplicate(self) -> None:
        from .library_keys import ask_duplicate

        if entry := self._highlighted():
            ask_duplicate(self, entry)

    def action_undo_delete(self) -> None:
        from .library_keys import undo_delete

        undo_delete(self)

    def action_help(self) -> None:
        from .help import HelpScreen

        palette = "ctrl+p opens the command palette: start any session, themes, and more."
        self.app.push_screen(HelpScreen("Home keys", self.BINDINGS, notes=palette))
