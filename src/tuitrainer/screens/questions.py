"""Small modal questions: yes or no, go on or start afresh, a line of text, a choice
between more than two ways on (a file changed on disk), one item from a list.

Each dismisses with the answer (None when cancelled); the screen that asked acts on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.text import plain, styled


class ConfirmScreen(ModalScreen[bool]):
    """Ask one question; `y` answers yes, `n` or escape no."""

    CSS_PATH = "dialogs.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (12, "-tall")]  # 20x5: the question, bare
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
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


class ResumeScreen(ModalScreen[str]):
    """An unfinished workout: resume it, close it as interrupted, or decide later."""

    CSS_PATH = "dialogs.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    BINDINGS = [
        Binding("r", "choose('resume')", "Resume", id="resume.resume"),
        Binding("c", "choose('close')", "Close it", id="resume.close"),
        Binding("escape", "choose('later')", "Later", id="resume.later"),
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


class AskScreen(ModalScreen[str | None]):
    """One line of text; Enter answers, escape cancels (None).

    With `check`, an answer it finds a problem with is not taken: the problem shows
    under the text, which stays as typed to be put right.
    """

    CSS_PATH = ["dialogs.tcss", "questions.tcss"]  # the dialog box itself is shared
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask.cancel")]

    def __init__(
        self,
        question: str,
        value: str = "",
        detail: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.detail = detail
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.question), classes="question")
            if self.detail:
                yield Static(plain(self.detail), classes="detail")
            yield Input(self.value, id="answer")
            yield Static("", id="ask-problem", markup=False)
            yield Label("[b]enter[/b] ok    [b]esc[/b] cancel", classes="keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = event.value.strip()
        problem = self.check(answer) if self.check else None
        shown = self.query_one("#ask-problem", Static)
        if problem:
            shown.update(plain(problem))
            shown.display = True
            return
        self.dismiss(answer)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#ask-problem", Static).display = False

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    value: str


class ChooseScreen(ModalScreen[str | None]):
    """A question with a few answers, each on its own key; escape answers None."""

    CSS_PATH = ["dialogs.tcss", "questions.tcss"]  # the dialog box itself is shared
    BINDINGS = [Binding("escape", "choose(None)", "Cancel", id="choose.cancel")]

    def __init__(self, question: str, detail: str, choices: list[Choice]) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.question), classes="question")
            yield Static(plain(self.detail), classes="detail")
            keys = [
                styled("[b]$key[/b] $label    ", key=c.key, label=c.label) for c in self.choices
            ]
            yield Label(Content("").join([*keys, styled("[b]esc[/b] cancel")]), classes="keys")

    def on_key(self, event) -> None:
        for choice in self.choices:
            if event.character == choice.key:
                event.stop()
                self.dismiss(choice.value)

    def action_choose(self, value: str | None) -> None:
        self.dismiss(value)


class PickScreen(ModalScreen[int | None]):
    """Pick one item of a list with the arrows and Enter; escape picks nothing."""

    CSS_PATH = ["dialogs.tcss", "questions.tcss"]  # the dialog box itself is shared
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick.cancel")]

    def __init__(self, title: str, items: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.items = items

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="question")
            yield OptionList(*[Option(plain(item), id=str(i)) for i, item in enumerate(self.items)])
            yield Label("[b]enter[/b] pick    [b]esc[/b] cancel", classes="keys")

    CHROME = 8  # the box's border and padding, the title and the keys line, in rows

    def on_mount(self) -> None:
        self._fit_list()

    def on_resize(self) -> None:
        self._fit_list()

    def _fit_list(self) -> None:
        """The list as tall as the box leaves room for (the box is at most 90% of the
        screen): a long list scrolls inside it instead of pushing the keys out."""
        room = int(self.app.size.height * 0.9) - self.CHROME
        self.query_one(OptionList).styles.max_height = max(3, min(20, room))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
