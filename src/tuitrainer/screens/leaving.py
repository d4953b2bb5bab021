"""Leaving a screen or the app without losing unsaved changes: ask first."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.screen import Screen

from .questions import ConfirmScreen


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
