"""Small modal screens: a yes/no question, the key help, resuming a workout."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..widgets.text import plain


class ConfirmScreen(ModalScreen[bool]):
    """Ask one question; `y` answers yes, `n` or escape no."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.question), classes="question")
            if self.detail:
                yield Label(plain(self.detail), classes="detail")
            yield Label("[b]y[/b] yes    [b]n[/b] no", classes="keys")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


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


class ResumeScreen(ModalScreen[str]):
    """An unfinished workout: resume it, close it as interrupted, or decide later."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("r", "choose('resume')", "Resume"),
        Binding("c", "choose('close')", "Close it"),
        Binding("escape", "choose('later')", "Later"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Unfinished workout", classes="question")
            yield Static(plain(self.text), classes="detail")
            yield Label(
                "[b]r[/b] resume    [b]c[/b] close it as interrupted    [b]esc[/b] later",
                classes="keys",
            )

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
