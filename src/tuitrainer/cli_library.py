"""`tuitrainer delete`, `rename`, `export` and `import`: the session library from the shell.

Exit codes: 0 done, 1 refused (a built-in session, a name taken, a file that
fails validation, no answer yes), 2 not found.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .cli_common import INVALID as REFUSED
from .cli_common import OK
from .cli_common import USAGE as NOT_FOUND
from .locations import Locations

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    delete = commands.add_parser(
        "delete", parents=[common], help="move a session of yours to the trash folder"
    )
    delete.add_argument("name", metavar="NAME", help="the session's name")
    delete.add_argument("--yes", action="store_true", help="do not ask first")
    rename = commands.add_parser(
        "rename", parents=[common], help="rename a session of yours; its history follows"
    )
    rename.add_argument("old", metavar="OLD", help="its name now")
    rename.add_argument("new", metavar="NEW", help="its new name: letters, digits, - and _")
    export = commands.add_parser(
        "export", parents=[common], help="write a session as one file to hand to someone"
    )
    export.add_argument("name", metavar="NAME", help="the session's name (built-in or yours)")
    export.add_argument("--output", metavar="FILE", help="write to FILE (default: print)")
    imp = commands.add_parser(
        "import", parents=[common], help="add a session file to yours, checked first"
    )
    imp.add_argument("file", metavar="FILE", help="a session file (e.g. from export)")
    imp.add_argument("--as", dest="name", metavar="NAME", help="the name to give it")
    imp.add_argument("--force", action="store_true", help="replace a session of that name")
    delete.set_defaults(handler=cmd_delete)
    rename.set_defaults(handler=cmd_rename)
    export.set_defaults(handler=cmd_export)
    imp.set_defaults(handler=cmd_import)


def escaped(text: str) -> str:
    """Text for the terminal: a control character from a name or a file is shown as
    an escape (`\\x1b`), never sent to the terminal to act on."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _say(err: TextIO, command: str, message: str) -> None:
    print(f"tuitrainer {command}: {escaped(message)}", file=err)


def cmd_delete(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .library_changes import LibraryError, delete, delete_question

    locations = Locations.resolve(args.data_dir)
    try:
        question, detail = delete_question(locations, args.name)
        if not args.yes and not _confirm(f"{question} {detail}", err):
            _say(err, "delete", "not deleted (answer y, or pass --yes)")
            return REFUSED
        trashed = delete(locations, args.name)
    except LibraryError as error:
        _say(err, "delete", str(error))
        return error.code
    print(escaped(trashed.message()), file=err)
    return OK


def _confirm(question: str, err: TextIO) -> bool:
    """Ask on the terminal; with no terminal to ask on, the answer is no."""
    if not sys.stdin.isatty():
        return False
    print(f"{escaped(question)} [y/N] ", end="", file=err, flush=True)
    try:
        return sys.stdin.readline().strip().lower() in ("y", "yes")
    except (OSError, EOFError):
        return False


def cmd_rename(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .history import HistoryStore
    from .library_changes import LibraryError, rename

    locations = Locations.resolve(args.data_dir)
    store, notice = HistoryStore.open(locations.database)
    if notice is not None:
        print(notice.message, file=err)
    try:
        renamed = rename(locations, args.old, args.new, store)
    except LibraryError as error:
        _say(err, "rename", str(error))
        return error.code
    finally:
        store.close()
    print(escaped(renamed.message()), file=err)
    return OK


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .sharing import export_text

    locations = Locations.resolve(args.data_dir)
    try:
        text, sounds = export_text(locations, args.name)
    except FileNotFoundError as error:
        _say(err, "export", str(error))
        return NOT_FOUND
    if sounds:
        print(escaped(f"The file carries your own sounds: {', '.join(sounds)}."), file=err)
    if args.output in (None, "-"):
        out.write(text)
        return OK
    output = Path(args.output)
    if output.exists() and output.is_dir():
        output = output / f"{args.name}.yaml"
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        _say(err, "export", f"cannot write {output}: {error.strerror}")
        return REFUSED
    print(f"Exported {args.name} to {output}", file=err)
    return OK


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .sharing import ShareError, import_file

    locations = Locations.resolve(args.data_dir)
    try:
        imported = import_file(locations, Path(args.file), args.name, args.force)
    except ShareError as error:
        for problem in error.problems:
            print(escaped(str(problem)), file=out)
        _say(err, "import", str(error))
        return error.code
    print(escaped(imported.message()), file=err)
    return OK
