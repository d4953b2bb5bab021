"""The command line: parse, call the core, print, return an exit code.

Exit codes: 0 success, 1 a session file is invalid, 2 usage error or a file
that is not there. No command prints a traceback for bad input.

Each topic's commands live in a `cli_<topic>.py` module with an
`add_commands(commands, common)` that adds its subparsers, each with
`set_defaults(handler=cmd_...)`; a new topic is one more line in `TOPICS`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO

from . import (
    __version__,
    cli_assess,
    cli_files,
    cli_library,
    cli_pose,
    cli_progress,
    cli_psfs,
    cli_schedule,
    cli_serve,
    cli_sessions,
    cli_sound,
    cli_today,
    cli_voice,
    cli_workouts,
)
from .cli_common import INVALID, OK, USAGE, silence
from .locations import ENV_DATA_DIR, Locations
from .session.problems import SessionError

if TYPE_CHECKING:
    import argparse

# In the order `--help` lists their commands.
TOPICS = (
    cli_files,  # validate, sessions, plan, schema
    cli_sessions,  # new, edit
    cli_library,  # delete, rename, export, import
    cli_workouts,  # run, history
    cli_assess,  # assess
    cli_progress,  # progress, report
    cli_today,  # today
    cli_schedule,  # schedule, remind
    cli_psfs,  # psfs
    cli_sound,  # sound-check
    cli_pose,  # pose
    cli_voice,  # voice prepare, voice test
    cli_serve,  # serve
)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="tuitrainer",
        description="A full-screen interval trainer for hip, mid-back and lower-back routines. "
        "Run it with no command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"tuitrainer {__version__}")
    data_help = f"where history and your sessions live (default: ${ENV_DATA_DIR} or the "
    data_help += "platform's user data folder)"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=data_help)
    parser.add_argument("--data-dir", metavar="DIR", help=data_help)
    parser.set_defaults(handler=cmd_app)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for topic in TOPICS:
        topic.add_commands(commands, common)
    return parser


def cmd_app(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """No command: the app, from its home screen."""
    from .cli_common import run_app

    return run_app(Locations.resolve(args.data_dir))


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    arguments = sys.argv[1:] if argv is None else list(argv)
    args: Any
    if arguments:
        args = build_parser().parse_args(arguments)
    else:
        # Plain `tuitrainer`, the usual start: the app, without building the parser
        # (argparse and every command's options are a few ms before the first frame).
        args = SimpleNamespace(command=None, data_dir=None, handler=cmd_app)
    try:
        code: int = args.handler(args, out, err)
        return code
    except SessionError as error:
        for problem in error.problems:
            print(problem, file=err)
        return INVALID
    except FileNotFoundError as error:
        print(f"tuitrainer: {error}", file=err)
        return USAGE
    except BrokenPipeError:  # `... | head`: the reader has what it wanted
        silence(out)
        return OK
    except OSError as error:  # e.g. --data-dir names a file, or a folder we may not write
        where = f" ({error.filename})" if error.filename else ""
        print(f"tuitrainer: {error.strerror or error}{where}", file=err)
        return USAGE
    except KeyboardInterrupt:
        return 130
