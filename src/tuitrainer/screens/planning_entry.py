"""The planning screen's entry line: a new value for a cell, or the time to fit to.

While it is open only its own keys work (the screen's letters and + and - are
typed as text), so the footer shows those two: Enter takes the value, escape
cancels. A value that is refused keeps the line open with the text as typed and
the reason above it, to be put right.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input, Label

from ..widgets import text

HINTS = {
    "value": "New value, then Enter (escape: cancel)",
    "fit": "Total time wanted, e.g. 12 min or 10:30, then Enter",
}


class EntryInput(Input):
    """The entry line; its keys replace the screen's in the footer while it is open.

    The line above it (`#entry-hint`, the screen's) says what it changes, or why
    the value typed was refused."""

    BINDINGS = [
        Binding("enter", "submit", "Set", tooltip="Take the value typed.", id="planning.entry_set"),
        Binding(
            "escape",
            "screen.cancel_entry",
            "Cancel",
            tooltip="Close the line; nothing changes.",
            id="planning.entry_cancel",
        ),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.mode = ""  # "value", "fit", or "" while closed
        self.hint = ""

    def open(self, mode: str, value: str, select: bool = True, hint: str = "") -> None:
        """Shown with `value`; `select`: typing replaces the value shown."""
        self.mode = mode
        self.value = value
        self.select_on_focus = select
        self.display = True
        self.hint = hint or HINTS[mode]
        self.say()
        self.focus()
        self.cursor_position = len(value)

    def close(self) -> None:
        self.mode = self.hint = ""
        self.display = False
        self.say()

    def say(self, problem: str = "") -> None:
        """What the line changes; after a refusal, why, and how to go on."""
        if problem:
            problem = problem.rstrip(".")
            problem = problem[:1].upper() + problem[1:]
        shown = f"{problem}. Correct it, then Enter (escape: cancel)" if problem else self.hint
        line = self.screen.query_one("#entry-hint", Label)
        line.update(text.plain(shown))
        line.set_class(bool(problem), "-problem")

    def on_input_changed(self) -> None:
        """Typing again after a refusal: the line says what it changes again."""
        if self.mode:
            self.say()
