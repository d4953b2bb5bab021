"""What every command module shares: exit codes, option types, quiet broken pipes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import argparse

    from textual.screen import Screen

    from .locations import Locations
    from .session.model import Session

if TYPE_CHECKING:
    # What a `cli_<topic>.add_commands(commands, common)` adds its subparsers to.
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

OK, INVALID, USAGE = 0, 1, 2  # done; a file is invalid (or refused); usage or not found


def speed(text: str) -> float:
    """`--speed`: a rehearsal factor, from a hundredth to a thousand."""
    import argparse  # here: plain `tuitrainer` opens the app without building a parser

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.01 <= value <= 1000:
        raise argparse.ArgumentTypeError("speed must be between 0.01 and 1000")
    return value


def day(text: str) -> date:
    """`--since`, `--until`: a day as YYYY-MM-DD."""
    import argparse

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def silence(out: TextIO) -> None:
    """After a broken pipe, send what is left of standard output nowhere, so Python's
    own flush at exit does not complain on the terminal."""
    import os

    if getattr(out, "stream", out) is sys.stdout:  # under cli's PrintableWriter
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def run_app(
    locations: Locations,
    session: Session | None = None,
    *,
    speed: float = 1.0,
    mute: bool = False,
    assess: bool = False,
    first_screen: Callable[[], Screen[Any]] | None = None,
    reading: bool = False,
) -> int:
    """The full-screen app, for a command that opens it; its exit code. `reading` (the
    progress view) never sets aside a history of a newer version (HistoryTooNew)."""
    from .app import create_app
    from .serving import is_served

    if not is_served() and not (sys.stdin.isatty() and sys.stdout.isatty()):
        # A full-screen app drawn into a pipe or a file would never be seen, nor end.
        print(
            "tuitrainer: the app needs a terminal (standard input and output are not one);"
            " `tuitrainer run SESSION --plain` works anywhere, as do the other commands"
            " (see --help)",
            file=sys.stderr,
        )
        return 2
    app = create_app(
        locations, speed=speed, mute=mute, session=session, assess=assess, reading=reading
    )
    app.first_screen = first_screen
    try:
        app.run()
    finally:
        app.store.close()
    if app.open_notice is not None:
        print(app.open_notice.message)
    return app.return_code or 0
