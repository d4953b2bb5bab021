"""The session editor: the YAML file, the validator's problems beside it, the planned time.

The text is checked a moment after typing stops (not on every key), by the same
validator as everywhere else. Saving is atomic with a .bak (`session/save.py`);
an invalid file is saved only when the user insists, and a file changed by
another program since it was opened is never overwritten without a choice.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label, OptionList, TextArea
from textual.widgets.option_list import Option

from ..plain_text import printable_lines
from ..planner import format_duration, plan
from ..widgets.footer import Footer
from ..widgets.text import plain
from .help import HelpScreen
from .host import host
from .leaving import leave_asking
from .questions import Choice, ChooseScreen, ConfirmScreen

if TYPE_CHECKING:
    from ..session.problems import Problem
    from ..session.save import Stamp

DEBOUNCE_SECONDS = 0.4


def yaml_language() -> str | None:
    """`yaml` when highlighting is installed (tree-sitter and tree-sitter-yaml, which
    Textual finds by module name: no other grammar is needed), else plain text."""
    try:
        from textual._tree_sitter import get_language
    except ImportError:  # pragma: no cover - a Textual without tree-sitter support
        return None
    try:
        return "yaml" if get_language("yaml") is not None else None
    except Exception:  # a broken grammar install must not stop the editor
        return None


def make_text_area(text: str) -> TextArea:
    """A code editor for YAML, falling back to plain text without highlighting."""
    language = yaml_language()
    try:
        area = TextArea.code_editor(text, language=language, id="yaml", soft_wrap=True)
    except Exception:  # LanguageDoesNotExist and kin: plain text still edits fine
        area = TextArea.code_editor(text, language=None, id="yaml", soft_wrap=True)
    area.indent_width = 2
    return area


class EditorScreen(Screen[None]):
    """Edit one session file; ctrl+s saves, Enter on a problem jumps to its line."""

    CSS_PATH = "editor.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="editor.save"),
        Binding("f2", "focus_problems", "Problems", id="editor.problems"),
        Binding("f1", "help", "Help", id="editor.help"),
        # A priority binding: the text area would otherwise take the first escape to
        # leave itself, while the footer promises that escape goes back.
        Binding("escape", "back", "Back", priority=True, id="editor.back"),
    ]

    def __init__(self, path: Path, fresh: bool = False) -> None:
        """`fresh`: the file was just written from the template for this editor (`n` on
        the home screen); leaving before it is ever saved removes it again."""
        super().__init__()
        self.path = path
        self.fresh = fresh
        self.stamp: Stamp | None = None
        self.saved_text = ""
        self.problems: list[Problem] = []
        self.timer: Timer | None = None

    @property
    def builtin(self) -> bool:
        from ..session.save import is_inside

        return is_inside(self.path, host(self).locations.builtin_sessions)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text

    def compose(self) -> ComposeResult:
        from ..session.save import read_stamped

        read = read_stamped(self.path)
        if read is not None:
            self.saved_text = read[0].decode("utf-8", "replace")
            self.stamp = read[1]
        yield Label("", id="editor-title", markup=False)
        with Horizontal(id="editor-body"):
            yield make_text_area(printable_lines(self.saved_text))
            with Vertical(id="side"):
                yield Label("", id="planned")
                yield Label("Problems", id="problems-title")
                yield OptionList(id="problems")
                yield Label("", id="side-note")
        yield Footer()

    def on_mount(self) -> None:
        self.validate_now()
        self.query_one(TextArea).focus()
        self.watch(self.app, "theme", self._follow_theme)
        self._say_if_escaped(self.saved_text)
        if self.builtin:
            self.query_one("#side-note", Label).update(
                "A built-in session is never changed here: "
                "make your own copy with tuitrainer new NAME --from this one."
            )

    def _say_if_escaped(self, text: str) -> None:
        """The text area draws what it holds raw, so a control character in the file
        (which would act on the terminal) is shown, and saved, as its escape."""
        if printable_lines(text) != text:
            self.notify(
                "This file holds control characters: they are shown as escapes such as "
                "\\x1b, and saved that way.",
                severity="warning",
                timeout=10,
            )

    # -- checking -------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Check again once typing pauses; every keystroke would be wasted work."""
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.set_timer(DEBOUNCE_SECONDS, self.validate_now)
        self.show_title()

    def _follow_theme(self, name: str) -> None:
        """High contrast reaches the text too: the code editor has its own colours."""
        from ..themes import HIGH_CONTRAST_EDITOR, editor_theme

        area = self.query_one(TextArea)
        area.register_theme(HIGH_CONTRAST_EDITOR)
        area.theme = editor_theme(name) or "monokai"

    def validate_now(self) -> None:
        from ..session.load import check_text

        self.timer = None
        session, problems = check_text(
            self.text,
            str(self.path),
            self.path.stem,
            "builtin" if self.builtin else "user",
            host(self).locations.sound_dirs(),
        )
        self.problems = problems
        options = self.query_one("#problems", OptionList)
        options.clear_options()
        options.add_options(
            Option(plain(f"line {p.line}, col {p.col}: {p.message}"), id=str(i))
            for i, p in enumerate(problems)
        )
        planned = self.query_one("#planned", Label)
        if session is not None:
            planned.update(plain(f"Planned time {format_duration(plan(session).total_seconds)}"))
            self.query_one("#problems-title", Label).update("No problems")
        else:
            planned.update("Planned time: once the problems are fixed")
            count = len(problems)
            self.query_one("#problems-title", Label).update(
                plain(f"{count} problem{'s' if count != 1 else ''} (Enter on one goes to its line)")
            )
        self.show_title()

    def show_title(self) -> None:
        mark = "  (changed, not saved)" if self.dirty else ""
        where = f"Editing {self.path.name}{mark}   in {self.path.parent}"
        self.query_one("#editor-title", Label).update(plain(where))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a problem: the cursor goes to its line and column in the text."""
        event.stop()
        problem = self.problems[event.option_index]
        area = self.query_one(TextArea)
        area.move_cursor((problem.line - 1, problem.col - 1), center=True)
        area.focus()

    def action_focus_problems(self) -> None:
        options = self.query_one("#problems", OptionList)
        if options.option_count:
            options.focus()
            options.highlighted = options.highlighted or 0

    # -- saving ---------------------------------------------------------------------

    def action_save(self) -> None:
        if self.builtin:
            self.notify(
                f"{self.path.name} is a built-in session and is never overwritten. "
                "Make your own copy: tuitrainer new NAME --from "
                f"{self.path.stem}",
                severity="error",
                timeout=8,
            )
            return
        self.validate_now()
        if not self.problems:
            self.save(self.stamp)
            return
        first = self.problems[0]
        count = len(self.problems)

        def answered(yes: bool | None) -> None:
            if yes:
                self.save(self.stamp)

        self.app.push_screen(
            ConfirmScreen(
                f"Save with {count} problem{'s' if count != 1 else ''}?",
                f"Line {first.line}: {first.message}\n"
                "It will be listed as invalid, and cannot be started, until it is fixed.",
            ),
            answered,
        )

    def save(self, expected: object) -> None:
        from ..session.save import ChangedOnDisk, SaveError, save_text

        text = self.text
        try:
            self.stamp = save_text(
                self.path,
                text,
                expected=expected,
                builtin_dir=host(self).locations.builtin_sessions,
                within=host(self).locations.data_dir,
            )
        except ChangedOnDisk as change:
            self.changed_on_disk(change)
            return
        except (SaveError, OSError) as error:
            self.notify(f"Not saved: {error}", severity="error")
            return
        self.saved_text = text
        self.fresh = False  # saved once: the file is the user's now
        self.show_title()
        state = " (marked invalid until fixed)" if self.problems else ""
        self.notify(f"Saved {self.path.name}{state}.")

    def changed_on_disk(self, change: Exception) -> None:
        from ..session.save import NOT_CHECKED, read_stamped

        def chosen(choice: str | None) -> None:
            if choice == "overwrite":
                self.save(NOT_CHECKED)
            elif choice == "reload":
                read = read_stamped(self.path)
                text = "" if read is None else read[0].decode("utf-8", "replace")
                self.stamp = None if read is None else read[1]
                self.saved_text = text
                self.query_one(TextArea).load_text(printable_lines(text))
                self._say_if_escaped(text)
                self.validate_now()
                self.notify(f"Loaded the version of {self.path.name} now on disk.")

        self.app.push_screen(
            ChooseScreen(
                "The file changed on disk",
                f"{change} Keep yours (the other version is kept as "
                f"{self.path.name}.bak), or load the one on disk and lose your edits?",
                [
                    Choice("o", "overwrite with mine", "overwrite"),
                    Choice("r", "load theirs", "reload"),
                ],
            ),
            chosen,
        )

    def action_help(self) -> None:
        notes = (
            "Problems are checked a moment after you stop typing. "
            "Tab in the text indents with spaces; F2 goes to the problems."
        )
        self.app.push_screen(HelpScreen("Editor keys", self.BINDINGS, notes))

    def action_back(self) -> None:
        leave_asking(
            self, self.dirty, self.path.name, on_leave=self._discard if self.fresh else None
        )

    def _discard(self) -> None:
        """A new session left before it was ever saved: no file stays behind."""
        self.path.unlink(missing_ok=True)
        self.notify(f"No session made: {self.path.stem} was never saved.", timeout=4)


def ask_new_session(screen: Screen) -> None:
    """Ask for a name, write the template under it, and open it in the editor."""
    from ..session.create import free_name, new_file, new_name_problem, template_text, title_of
    from .questions import AskScreen

    app, locations = screen.app, host(screen).locations

    def named(name: str | None) -> None:
        if not name:
            return
        try:
            path = new_file(locations, name, template_text(title_of(name)))
        except (ValueError, OSError) as error:
            app.notify(str(error), severity="error")
            return
        app.push_screen(EditorScreen(path, fresh=True))

    app.push_screen(
        AskScreen(
            "Name of the new session (letters, digits, - and _):",
            "",
            f"e.g. {free_name(locations, 'short-hips')}",  # an example that is free to take
            check=lambda name: new_name_problem(locations, name) if name else None,
        ),
        named,
    )


def open_editor(screen: Screen, slug: str, path: Path, source: str) -> None:
    """The user's file in the editor; for a built-in one, offer a copy of their own first."""
    app = screen.app
    if source == "user":
        app.push_screen(EditorScreen(path))
        return
    from ..session.create import copy_text, new_file

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        try:
            text = path.read_text(encoding="utf-8")
            copy = new_file(host(screen).locations, slug, copy_text(text, slug, slug), shadow=True)
        except (ValueError, OSError) as error:
            app.notify(str(error), severity="error")
            return
        app.push_screen(EditorScreen(copy, fresh=True))  # left unsaved: no copy stays

    app.push_screen(
        ConfirmScreen(
            f"{slug} is built in and is never changed. Make your own copy to edit?",
            "Your copy has the same name, so it takes the place of the built-in one; "
            "d on the home screen deletes it and brings the original back.",
        ),
        answered,
    )
