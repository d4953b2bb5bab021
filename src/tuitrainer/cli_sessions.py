"""`tuitrainer new`, `edit` and `plan --edit`: making sessions your own from the shell.

Kept apart from cli.py so the command line module stays a list of commands.
With `--editor` the file opens in `$VISUAL` or `$EDITOR` and is checked when
that editor exits; otherwise it opens in the app's own editor.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .cli_common import INVALID, OK, USAGE
from .locations import Locations

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    new = commands.add_parser(
        "new", parents=[common], help="create a session of your own and open it to edit"
    )
    new.add_argument("name", metavar="NAME", help="its name: letters, digits, - and _")
    new.add_argument("--from", dest="source", metavar="SESSION", help="start from a copy of this")
    edit = commands.add_parser("edit", parents=[common], help="edit a session of your own")
    edit.add_argument("name", metavar="NAME", help="a session name or a file path")
    for command in (new, edit):
        command.add_argument(
            "--editor", action="store_true", help="use $EDITOR, then check the file"
        )
    new.set_defaults(handler=cmd_new)
    edit.set_defaults(handler=cmd_edit)


def cmd_new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .library import find
    from .session.create import BadName, copy_text, new_file, template_text, title_of

    locations = Locations.resolve(args.data_dir)
    try:
        if args.source:
            source = find(args.source, locations)
            text = copy_text(source.read_text(encoding="utf-8"), source.stem, args.name)
        else:
            text = template_text(title_of(args.name))
        path = new_file(locations, args.name, text, shadow=bool(args.source))
    except BadName as error:
        hint = f"; to change it: tuitrainer edit {args.name}" if "already" in str(error) else ""
        print(f"tuitrainer new: {error}{hint}", file=err)
        return USAGE
    print(f"Created {path}", file=err)
    return _open(path, locations, args.editor, out, err, fresh=True)


def cmd_edit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .library import find
    from .session.save import is_inside

    locations = Locations.resolve(args.data_dir)
    path = find(args.name, locations)  # FileNotFoundError: the caller prints it
    if is_inside(path, locations.builtin_sessions):
        print(
            f"tuitrainer edit: {args.name} is a built-in session and is never changed; "
            f"make your own copy with: tuitrainer new {args.name} --from {args.name}",
            file=err,
        )
        return USAGE
    return _open(path, locations, args.editor, out, err)


def _open(
    path: Path, locations: Locations, external: bool, out: TextIO, err: TextIO, fresh: bool = False
) -> int:
    """`fresh`: a file just made by `new`; left in the app before a first save, it goes
    again, as a new session left from the home screen does."""
    if external:
        return edit_outside(path, locations, out, err)
    from .cli_common import run_app
    from .screens.editor import EditorScreen

    code = run_app(locations, first_screen=lambda: EditorScreen(path, fresh=fresh))
    if fresh and not path.exists():  # left before a first save: the editor removed it
        print(f"No session made: {path.stem} was never saved, so its file is gone.", file=err)
    return code


def editor_command() -> list[str] | None:
    """The user's editor as an argument list, from $VISUAL or $EDITOR.

    Raises ValueError, naming the variable, when its quotes do not pair (`vim '`).
    """
    import shlex

    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError as error:
                raise ValueError(
                    f"${variable} is not a command tuitrainer can run ({error}): {value}"
                ) from None
    return None


def edit_outside(path: Path, locations: Locations, out: TextIO, err: TextIO) -> int:
    """Run the user's editor on the file, then check it: problems as file:line:col."""
    import subprocess

    from .session.create import ensure_schema
    from .session.load import check_file

    try:
        command = editor_command()
    except ValueError as error:
        print(f"tuitrainer: {error}", file=err)
        return USAGE
    if command is None:
        print("tuitrainer: set $EDITOR (or $VISUAL) to use --editor", file=err)
        return USAGE
    ensure_schema(locations)
    try:
        finished = subprocess.run([*command, str(path)], check=False)
    except OSError as error:
        print(f"tuitrainer: cannot start {command[0]}: {error.strerror}", file=err)
        return USAGE
    if finished.returncode != 0:  # the file is checked all the same: it may have been saved
        print(f"tuitrainer: {command[0]} exited with status {finished.returncode}", file=err)
    _, problems = check_file(path, "user", locations.sound_dirs())
    for problem in problems:
        print(problem, file=out)
    if problems:
        count = len(problems)
        print(
            f"{path.name} has {count} problem{'s' if count != 1 else ''}; it is listed as invalid "
            f"until fixed (tuitrainer edit {path.stem} --editor)",
            file=err,
        )
        return INVALID
    print(f"{path.name} is valid", file=err)
    return OK


def plan_in_app(session_name: str, locations: Locations) -> int:
    """`tuitrainer plan SESSION --edit`: the planning screen for one session."""
    from .cli_common import run_app
    from .library import resolve
    from .screens.planning import PlanningScreen

    session = resolve(session_name, locations)
    return run_app(locations, first_screen=lambda: PlanningScreen(session))
