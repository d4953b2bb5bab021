"""The home screen's library keys: d deletes (asks first), r renames, c duplicates, u undoes.

The work is done by `tuitrainer.library_changes`, the same code as the commands; here
only the questions and the notices. A delete can be taken back with u right
after it (until another session is deleted, renamed or copied).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from .host import host
from .questions import AskScreen, ConfirmScreen

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from ..library import Listed
    from ..library_changes import Trashed


class HomeScreen(Protocol):
    """What these keys use of the home screen (it imports this module, not the reverse)."""

    last_deleted: Trashed | None

    @property
    def app(self) -> App[Any]: ...

    def reload(self, select: str | None = None) -> None: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...


def _fail(screen: HomeScreen, error: Exception) -> None:
    screen.notify(str(error), severity="warning", timeout=8, markup=False)


def ask_delete(screen: HomeScreen, entry: Listed) -> None:
    """Delete the highlighted session of the user's, after a yes."""
    from ..library_changes import LibraryError, delete, delete_question

    locations = host(screen).locations
    try:
        question, detail = delete_question(locations, entry.slug)
    except LibraryError as error:
        _fail(screen, error)
        return

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        try:
            trashed = delete(locations, entry.slug)
        except (LibraryError, OSError) as error:
            _fail(screen, error)
            return
        screen.last_deleted = trashed
        screen.reload()
        screen.notify(f"{trashed.message()} u undoes.", timeout=10, markup=False)

    # The dialog shows text as written: a file name or a folder may hold brackets.
    detail += " u undoes it right after."
    screen.app.push_screen(ConfirmScreen(question, detail), answered)


def undo_delete(screen: HomeScreen) -> None:
    from ..library_changes import LibraryError, restore

    trashed: Trashed | None = screen.last_deleted
    if trashed is None:
        screen.notify("Nothing to undo: u takes back a delete, right after it.", timeout=4)
        return
    try:
        restore(host(screen).locations, trashed)
    except (LibraryError, OSError) as error:
        _fail(screen, error)
        return
    screen.last_deleted = None
    screen.reload(select=trashed.name)
    screen.notify(f"{trashed.name} is back.", timeout=4, markup=False)


def ask_rename(screen: HomeScreen, entry: Listed) -> None:
    """Rename the highlighted session of the user's; its past workouts follow it."""
    from ..library_changes import LibraryError, own_file, rename
    from ..session.create import new_name_problem

    locations = host(screen).locations
    try:
        own_file(locations, entry.slug, "renamed")
    except LibraryError as error:
        _fail(screen, error)
        return

    def check(name: str) -> str | None:
        if not name or name == entry.slug:
            return None  # empty or unchanged: nothing to do
        return new_name_problem(locations, name)

    def named(name: str | None) -> None:
        if not name or name == entry.slug:
            return
        try:
            renamed = rename(locations, entry.slug, name, host(screen).store)
        except (LibraryError, OSError) as error:
            _fail(screen, error)
            return
        screen.last_deleted = None
        screen.reload(select=name)
        screen.notify(renamed.message(), timeout=6, markup=False)

    screen.app.push_screen(
        AskScreen(
            f"Rename {entry.slug} to (letters, digits, - and _):",
            entry.slug,
            "Its past workouts follow the new name.",
            check=check,
        ),
        named,
    )


def ask_duplicate(screen: HomeScreen, entry: Listed) -> None:
    """A copy of the highlighted session (built-in or the user's) under a free name."""
    from ..library_changes import LibraryError, duplicate
    from ..session.create import free_name, name_problem, new_name_problem
    from ..session.model import slugify

    locations = host(screen).locations
    base = entry.slug if name_problem(entry.slug) is None else slugify(entry.slug)

    def named(name: str | None) -> None:
        if not name:
            return
        try:
            path = duplicate(locations, entry.slug, name)
        except (LibraryError, OSError) as error:
            _fail(screen, error)
            return
        screen.last_deleted = None
        screen.reload(select=name)
        screen.notify(f"Copied {entry.slug} to {path.name}.", timeout=5, markup=False)

    screen.app.push_screen(
        AskScreen(
            f"Name of the copy of {entry.slug}:",
            free_name(locations, f"{base}-copy"),
            "",
            check=lambda name: new_name_problem(locations, name) if name else None,
        ),
        named,
    )
