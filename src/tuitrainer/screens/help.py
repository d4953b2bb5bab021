"""The key help: every binding of a screen with what it does."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..widgets.text import plain


def describe_bindings(bindings: Iterable[BindingType]) -> str:
    """One line per key with its description, for the help screens."""
    lines = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        key = binding.key_display or binding.key.replace("space", "space")
        lines.append(f"[b]{key:>7}[/b]  {binding.description}")
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """The keys of the screen below, with what each does."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,question_mark,q,enter", "close", "Close")]

    def __init__(self, title: str, bindings: Iterable[BindingType], notes: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.bindings = list(bindings)
        self.notes = notes

    def compose(self) -> ComposeResult:
        # The box scrolls (arrow keys) when the terminal is too short for every key.
        with VerticalScroll(classes="dialog help"):
            yield Label(plain(self.title_text), classes="question")
            yield Static(describe_bindings(self.bindings), classes="detail")
            if self.notes:
                yield Static(plain(self.notes), classes="detail")
            yield Label("escape closes", classes="keys")

    def action_close(self) -> None:
        self.dismiss(None)
