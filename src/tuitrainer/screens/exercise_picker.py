"""Pick an exercise to add from the catalogue: type to narrow the list, Enter to add.

Each exercise is listed once (`session/exercises.py`) with its dose and the
sessions it comes from; the text typed filters by name, id or session as it is
typed. Names come from files: they are drawn as plain text, never markup.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ..exercise_catalogue import CatalogueEntry, filtered
from ..session.model import Exercise
from ..widgets.text import plain


class ExercisePickerScreen(ModalScreen[Exercise | None]):
    """The catalogue with a filter line on top; escape picks nothing."""

    CSS_PATH = ["dialogs.tcss", "exercise_picker.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "into_list", "To the list", show=False, id="picker.down"),
    ]
    CHROME = 13  # border, padding, title, filter line, count, keys: rows the list cannot use

    def __init__(self, title: str, entries: list[CatalogueEntry]) -> None:
        super().__init__()
        self.title_text = title
        self.entries = entries
        self.shown: list[CatalogueEntry] = list(entries)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Label(plain(self.title_text), classes="question")
            yield Input(placeholder="type to filter, e.g. hip or bird", id="filter")
            yield OptionList(id="exercises", markup=False)
            yield Label("", id="count", markup=False)
            yield Label(
                "[b]enter[/b] add    [b]↓[/b] the list    [b]esc[/b] cancel", classes="keys"
            )

    def on_mount(self) -> None:
        self._fill()
        self._fit_list()
        self.query_one("#filter", Input).focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_list()

    def _fit_list(self) -> None:
        """The list as tall as the box leaves room for: long lists scroll inside it."""
        room = int(self.app.size.height * 0.9) - self.CHROME
        self.query_one(OptionList).styles.max_height = max(3, min(20, room))

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(plain(entry.label()), id=str(i)) for i, entry in enumerate(self.shown)
        )
        if self.shown:
            options.highlighted = 0
        total = len(self.entries)
        count = self.query_one("#count", Label)
        if not self.shown:
            count.update("No exercise matches what is typed; backspace widens the search.")
        else:
            count.update(plain(f"{len(self.shown)} of {total} exercises"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.shown = filtered(self.entries, event.value)
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter line adds the highlighted (first matching) exercise."""
        event.stop()
        index = self.query_one(OptionList).highlighted
        if index is not None and 0 <= index < len(self.shown):
            self.dismiss(self.shown[index].exercise)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.shown[event.option_index].exercise)

    def action_into_list(self) -> None:
        options = self.query_one(OptionList)
        if self.query_one("#filter", Input).has_focus and options.option_count:
            options.focus()
            options.highlighted = min(1, options.option_count - 1)

    def action_cancel(self) -> None:
        self.dismiss(None)
