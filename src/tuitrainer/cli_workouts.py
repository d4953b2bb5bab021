"""`tuitrainer run` and `history`: a workout full-screen, and the workouts done."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from .cli_common import OK, USAGE, speed
from .locations import Locations

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands
    from .session.model import Session


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    run = commands.add_parser("run", parents=[common], help="start a workout full-screen")
    run.add_argument("session", metavar="SESSION", help="a session name or a file path")
    run.add_argument("--speed", type=speed, default=1.0, help="rehearsal speed factor")
    run.add_argument("--mute", action="store_true", help="no sound")
    run.add_argument(
        "--plain",
        action="store_true",
        help="one line of text per event, for screen readers and scripts (also when "
        "TERM=dumb, TUITRAINER_PLAIN=1 or the output is not a terminal)",
    )
    run.set_defaults(handler=cmd_run)

    history = commands.add_parser("history", parents=[common], help="list past workouts")
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON")
    form.add_argument("--csv", action="store_true", help="print CSV (one row per side)")
    history.add_argument("--limit", type=int, metavar="N", help="only the N newest")
    history.set_defaults(handler=cmd_history)


def cmd_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .cli_common import run_app
    from .library import resolve
    from .plain import wanted

    locations = Locations.resolve(args.data_dir)
    session = resolve(args.session, locations)
    if wanted(args.plain, out):
        return run_plain_workout(locations, session, args, out, err)
    return run_app(locations, session, speed=args.speed, mute=args.mute)


def run_plain_workout(
    locations: Locations, session: Session, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    """The workout as lines of text; keys from the terminal, or one a line from a pipe."""
    from .plain.runner import run_plain
    from .plain.setup import plain_session

    with plain_session(locations, err, mute=args.mute) as (store, preferences, keys):
        return run_plain(session, store, locations, preferences, keys, out, speed=args.speed)


def cmd_history(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .history import HistoryStore
    from .history.export import workouts, write_csv, write_json, write_text

    if args.limit is not None and not 1 <= args.limit <= 10_000_000:
        print("tuitrainer history: --limit must be from 1 to 10000000", file=err)
        return USAGE
    store, notice = HistoryStore.open(Locations.resolve(args.data_dir).database, reading=True)
    if notice is not None:
        print(notice.message, file=err)
    try:
        data = workouts(store, args.limit)
    finally:
        store.close()
    writer = write_json if args.json else write_csv if args.csv else write_text
    writer(data, out)
    return OK
