"""The key help: every binding of a screen with what it does."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..widgets.text import plain


def describe_bindings(bindings: Iterable[BindingType], keymap: dict[str, str] | None = None) -> str:
    """One line per key with what it does (its sentence, the binding's tooltip, where it
    has one, else its footer word); a key remapped in keys.toml shows as the user set it."""
    from textual.markup import escape

    lines = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        key = shown_key(binding, keymap)
        lines.append(f"[b]{escape(f'{key:>7}')}[/b]  {binding.tooltip or binding.description}")
    return "\n".join(lines)


def shown_key(binding: Binding, keymap: dict[str, str] | None = None) -> str:
    """The key as the help names it: the user's own from keys.toml, else its label."""
    from .bindings import shown_keys

    mapped = (keymap or {}).get(binding.id or "")
    return shown_keys(mapped) if mapped else binding.key_display or shown_keys(binding.key)


def key_table(bindings: Iterable[BindingType], keymap: dict[str, str] | None = None) -> Table:
    """The keys in one column and their sentences beside them, wrapped in their own
    column, so a long sentence does not run back under the keys. Cells are Text:
    a key from keys.toml is never markup."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for binding in bindings:
        if isinstance(binding, Binding):
            table.add_row(
                Text(shown_key(binding, keymap)), Text(binding.tooltip or binding.description)
            )
    return table


class HelpScreen(ModalScreen[None]):
    """The keys of the screen below, with what each does."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,question_mark,q,enter", "close", "Close", id="help.close")]

    def __init__(self, title: str, bindings: Iterable[BindingType], notes: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.bindings = list(bindings)
        self.notes = notes

    def compose(self) -> ComposeResult:
        # The box scrolls (arrow keys) when the terminal is too short for every key.
        with VerticalScroll(classes="dialog help"):
            # How to close it first: on a short terminal the end of the list is a scroll away.
            yield Label(plain(f"{self.title_text}   (escape closes)"), classes="question")
            keymap = getattr(self.app, "keymap", None)  # keys.toml, when there is one
            yield Static(key_table(self.bindings, keymap), classes="detail")
            if self.notes:
                yield Static(plain(self.notes), classes="detail")
            yield Label("escape closes", classes="keys")

    def lines(self) -> list[str]:
        """The keys and what they do as plain lines, `key  sentence` (for tests)."""
        keymap = getattr(self.app, "keymap", None)
        return [
            f"{shown_key(b, keymap)}  {b.tooltip or b.description}"
            for b in self.bindings
            if isinstance(b, Binding)
        ]

    def action_close(self) -> None:
        self.dismiss(None)
