"""The key help: every binding of a screen with what it does."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..widgets.text import plain


def describe_bindings(bindings: Iterable[BindingType], keymap: dict[str, str] | None = None) -> str:
    """One line per key with its description, for the help screens; a key remapped in
    keys.toml shows as the user set it."""
    from textual.markup import escape

    from .bindings import shown_keys

    lines = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        mapped = (keymap or {}).get(binding.id or "")
        key = shown_keys(mapped) if mapped else binding.key_display or shown_keys(binding.key)
        lines.append(f"[b]{escape(f'{key:>7}')}[/b]  {binding.description}")
    return "\n".join(lines)


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
            yield Label(plain(self.title_text), classes="question")
            keymap = getattr(self.app, "keymap", None)  # keys.toml, when there is one
            yield Static(describe_bindings(self.bindings, keymap), classes="detail")
            if self.notes:
                yield Static(plain(self.notes), classes="detail")
            yield Label("escape closes", classes="keys")

    def action_close(self) -> None:
        self.dismiss(None)
