"""`tuitrainer today [--json]`: what is due today and what is already done.

Exit 0 when nothing is left, 1 when something is still due, 2 when the schedule
file has problems: so it fits a shell prompt or a tmux status line.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, TextIO

from .locations import Locations

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands

NOTHING_LEFT, SOMETHING_DUE, BAD_FILE = 0, 1, 2


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    today = commands.add_parser(
        "today",
        parents=[common],
        help="what is due today; exit 0 when nothing is left, 1 when something is due",
    )
    today.set_defaults(handler=cmd_today)
    today.add_argument("--json", action="store_true", help="print JSON")


def today() -> date:
    """The local date (tests replace it)."""
    return date.today()


def cmd_today(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .daily import read, reading
    from .schedule.today import left

    locations = Locations.resolve(args.data_dir)
    day = today()
    with reading(locations.database, err) as conn:
        daily = read(locations, conn, since=day)
    for problem in daily.loaded.problems:
        print(problem, file=err)
    items = daily.today(day)
    remaining = left(items)
    if args.json:
        json.dump(
            {
                "date": day.isoformat(),
                "schedule": str(locations.schedule_file),
                "due": [item.as_json() for item in items],
                "left": len(remaining),
                "problems": daily.loaded.problems,
            },
            out,
            indent=2,
        )
        out.write("\n")
    elif not daily.loaded.exists:
        print(
            f"No schedule yet: write {locations.schedule_file} (see docs/schedule.md) or press"
            " S on the home screen.",
            file=out,
        )
    elif not items:
        print(f"Nothing is due today ({day:%a %d %b}).", file=out)
    else:
        for item in items:
            print(item.line(), file=out)
        print(f"{len(remaining)} of {len(items)} still to do.", file=out)
    if daily.loaded.problems:
        return BAD_FILE
    return SOMETHING_DUE if remaining else NOTHING_LEFT
