"""Saving a plan as a session of the user's own, from the planning screen.

The name is asked (a built-in session stays as it is: its copy shadows it); a
file that exists is replaced only after a question that names the comments a
clean rewrite drops, and the old one is kept as `.bak`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .. import dose
from .host import host
from .questions import AskScreen

if TYPE_CHECKING:
    from textual.app import App

    from ..session.model import Session


class PlanningScreen(Protocol):
    """What saving uses of the planning screen (it imports this module, not the reverse)."""

    session: Session

    @property
    def app(self) -> App[Any]: ...

    def saved(self, session: Session) -> None: ...

    def notify(self, message: str, *, severity: Any = ...) -> None: ...


def ask_save_as(screen: PlanningScreen) -> None:
    from ..session.create import free_name, name_problem

    # Its own name for a session of the user's (replaced after a question); for a
    # built-in one a name no session has yet, so Enter makes a copy beside it.
    slug = screen.session.slug
    mine = screen.session.source == "user"
    suggestion = slug if mine else free_name(host(screen).locations, slug)
    builtin = (
        ""
        if screen.session.source == "user"
        else (
            f"{screen.session.slug} is built in and stays as it is; "
            "a name of your own saves a copy (its own name shadows the built-in one)."
        )
    )

    def named(name: str | None) -> None:
        if name:
            save_as(screen, name)

    screen.app.push_screen(
        AskScreen(
            "Save this plan as (a name of your own):",
            suggestion,
            builtin,
            check=lambda name: name_problem(name) if name else None,  # empty: cancel
        ),
        named,
    )


def save_as(screen: PlanningScreen, name: str) -> None:
    """Write the plan as the user's session `name`; ask first before replacing a file."""
    from ..session.create import user_file
    from ..session.dump import comment_lines
    from ..session.save import read_stamped

    locations = host(screen).locations
    existing = user_file(locations, name)
    path = existing or locations.user_sessions / f"{name}.yaml"
    read = read_stamped(path)
    if read is None:
        write(screen, path, name, None)
        return
    from .questions import ConfirmScreen

    text = read[0].decode("utf-8", "replace")
    lines = comment_lines(text)
    detail = f"{path.name} is replaced; the old version is kept as {path.name}.bak."
    if lines:
        shown = ", ".join(str(n) for n in lines[:8]) + ("..." if len(lines) > 8 else "")
        detail = f"Your file has comments (lines {shown}) that a clean rewrite drops. " + detail

    def answered(yes: bool | None) -> None:
        if yes:
            write(screen, path, name, read[1])

    screen.app.push_screen(ConfirmScreen(f"Replace your session {name!r}?", detail), answered)


def write(screen: PlanningScreen, path: Path, name: str, expected: Any) -> None:
    from ..session.create import ensure_schema, title_of
    from ..session.dump import dump_session
    from ..session.edit import retitle
    from ..session.save import SaveError, save_text

    locations = host(screen).locations
    title = screen.session.title if name == screen.session.slug else title_of(name)
    session = dose.with_note(retitle(screen.session, name, title))
    try:
        ensure_schema(locations)
        save_text(
            path,
            dump_session(session),
            expected=expected,
            builtin_dir=locations.builtin_sessions,
        )
    except (SaveError, OSError) as error:
        screen.notify(f"Not saved: {error}", severity="error")
        return
    from dataclasses import replace

    screen.saved(replace(session, path=path))
    screen.notify(f"Saved as {path.name}.")
