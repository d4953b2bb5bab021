"""Small modal questions for planning and editing: a line of text, a choice, a pick.

The yes/no question is `dialogs.ConfirmScreen`; these cover what it cannot:
typing a name, choosing between more than two ways on (a file changed on disk),
and picking one item from a list (an exercise to add).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.text import plain, styled


class AskScreen(ModalScreen[str | None]):
    """One line of text; Enter answers, escape cancels (None).

    With `check`, an answer it finds a problem with is not taken: the problem shows
    under the text, which stays as typed to be put right.
    """

    CSS_PATH = ["dialogs.tcss", "prompts.tcss"]  # the dialog box itself is shared
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

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

    CSS_PATH = ["dialogs.tcss", "prompts.tcss"]  # the dialog box itself is shared
    BINDINGS = [Binding("escape", "choose(None)", "Cancel")]

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

    CSS_PATH = ["dialogs.tcss", "prompts.tcss"]  # the dialog box itself is shared
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

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


def leave_screen(screen: Screen) -> None:
    """Back to the screen below; out of the app when this screen was opened by a command."""
    app = screen.app
    below = app.screen_stack[:-1]
    # A command opens its screen over Textual's blank default screen; from the home
    # screen (the app's base screen otherwise) there is always a real screen below.
    if below and not (len(below) == 1 and type(below[0]) is Screen):
        app.pop_screen()
    else:
        app.exit(0)


def leave_asking(
    screen: Screen, dirty: bool, what: str, on_leave: Callable[[], None] | None = None
) -> None:
    """Leave, but never drop unsaved changes without asking first; `on_leave` runs
    just before the screen goes (when it does)."""
    from .dialogs import ConfirmScreen

    def leave() -> None:
        if on_leave is not None:
            on_leave()
        leave_screen(screen)

    if not dirty:
        leave()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            leave()

    screen.app.push_screen(
        ConfirmScreen("Leave without saving?", f"Your changes to {what} are not saved yet."),
        answered,
    )


def unsaved(app: App) -> list[Screen]:
    """Screens holding changes not yet saved (they say so with a `dirty` property)."""
    return [screen for screen in app.screen_stack if getattr(screen, "dirty", False) is True]


def confirm_quit(app: App) -> None:
    """Quit the app; when a plan or a file has unsaved changes, only after a yes."""
    from .dialogs import ConfirmScreen

    if not unsaved(app):
        app.exit()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            app.exit()

    app.push_screen(
        ConfirmScreen("Quit without saving?", "Your changes are not saved yet and would be lost."),
        answered,
    )
