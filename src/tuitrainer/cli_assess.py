"""`tuitrainer assess`: the guided hip self-assessment, its files and its history."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from .cli_common import INVALID, OK, USAGE
from .locations import Locations

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    assess = commands.add_parser(
        "assess", parents=[common], help="the guided hip self-assessment, full-screen"
    )
    assess.add_argument("--history", action="store_true", help="list past assessments instead")
    assess.add_argument("--json", action="store_true", help="with --history: print JSON")
    assess.add_argument(
        "--check", action="store_true", help="check the tests and rules files in use, then exit"
    )
    assess.add_argument(
        "--plain", action="store_true", help="as lines of text, for screen readers and scripts"
    )
    assess.set_defaults(handler=cmd_assess)


def cmd_assess(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.json and not args.history:
        print("tuitrainer assess: --json goes with --history", file=err)
        return USAGE
    locations = Locations.resolve(args.data_dir)
    if args.history:
        return _assess_history(locations, args.json, out, err)
    from .assessment.load import check_files

    paths, problems = check_files(locations)
    if args.check:
        for problem in problems:
            print(problem, file=out)
        broken = [p for p in paths if any(problem.path == str(p) for problem in problems)]
        named = broken or paths  # the files with problems, or every file when all is well
        print(f"{'problems in' if problems else 'valid:'} {', '.join(map(str, named))}", file=err)
        return INVALID if problems else OK
    if problems:
        for problem in problems:
            print(problem, file=err)
        return INVALID
    from .plain import wanted

    if wanted(args.plain, out):
        return _assess_plain(locations, args, out, err)
    from .cli_common import run_app

    return run_app(locations, assess=True)


def _assess_plain(locations: Locations, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The assessment as lines of text, with the hold's tones when a sound output is there."""
    from .audio.outputs import choose
    from .plain.assess import run_plain_assessment
    from .plain.setup import plain_session
    from .workouts import Workouts

    with plain_session(locations, err) as (store, preferences, keys):
        output, _ = choose()
        try:
            workouts = Workouts(store, locations, preferences, output=lambda: output)
            return run_plain_assessment(store, locations, keys, out, workouts)
        finally:
            output.close()


def _assess_history(locations: Locations, as_json: bool, out: TextIO, err: TextIO) -> int:
    from .assessment.history_text import write_history_json, write_history_text
    from .assessment.load import names_for
    from .history import HistoryStore
    from .history.assessments import assessments

    store, notice = HistoryStore.open(locations.database, reading=True)
    if notice is not None:
        print(notice.message, file=err)
    try:
        data = assessments(store)
    finally:
        store.close()
    if as_json:
        write_history_json(data, out)
    else:
        write_history_text(data, out, names_for(locations))
    return OK
