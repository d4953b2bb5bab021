"""The key help: every binding of a screen with what it does."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


def describe_bindings(bindings: Iterable[BindingType]) -> str:
    """One line per key with what it does: its sentence (the binding's tooltip)
    where it has one, else its footer word."""
    lines = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        key = binding.key_display or binding.key.replace("space", "space")
        lines.append(f"[b]{key:>7}[/b]  {binding.tooltip or binding.description}")
    return "\n".join(lines)


def key_table(bindings: Iterable[BindingType]) -> Table:
    """The keys in one column and their sentences beside them, wrapped in their own
    column, so a long sentence does not run back under the keys."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for binding in bindings:
        if isinstance(binding, Binding):
            key = binding.key_display or binding.key
            table.add_row(key, binding.tooltip or binding.description)
    return table


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
            yield Label(self.title_text, classes="question")
            yield Static(key_table(self.bindings), classes="detail")
            if self.notes:
                yield Static(self.notes, classes="detail")
            yield Label("escape closes", classes="keys")

    def action_close(self) -> None:
        self.dismiss(None)
