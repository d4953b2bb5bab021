"""`tuitrainer schedule` (show, --check, --ics) and `tuitrainer remind`."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .locations import Locations
from .plain_text import printable

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands
    from .daily import Daily
    from .schedule.model import Schedule

from .cli_common import INVALID, OK, USAGE


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    schedule = commands.add_parser(
        "schedule", parents=[common], help="show the schedule; --ics for a calendar file"
    )
    schedule.set_defaults(handler=cmd_schedule)
    form = schedule.add_mutually_exclusive_group()
    form.add_argument("--check", action="store_true", help="check schedule.toml, then exit")
    form.add_argument("--ics", action="store_true", help="an iCalendar file (RRULE, alarm)")
    schedule.add_argument("--output", metavar="FILE", help="with --ics: write to FILE")

    remind = commands.add_parser(
        "remind",
        parents=[common],
        help="a notification if something is still due; --install writes a timer",
    )
    remind.set_defaults(handler=cmd_remind)
    action = remind.add_mutually_exclusive_group()
    action.add_argument(
        "--install", action="store_true", help="write a timer that reminds at the schedule's times"
    )
    action.add_argument("--uninstall", action="store_true", help="remove that timer's files")
    remind.add_argument("--dir", metavar="DIR", help="where the timer's files go")
    remind.add_argument(
        "--system",
        choices=("systemd", "launchd"),
        default="launchd" if sys.platform == "darwin" else "systemd",
        help="systemd user timer (Linux) or LaunchAgent (macOS); default: this system's",
    )


def _read(locations: Locations, err: TextIO, since: date | None = None) -> Daily:
    from .daily import read, reading

    with reading(locations.database, err) as conn:
        return read(locations, conn, since=since)


def cmd_schedule(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .daily import titles
    from .schedule.load import load

    if args.output and not args.ics:
        print("tuitrainer schedule: --output goes with --ics", file=err)
        return USAGE
    locations = Locations.resolve(args.data_dir)
    names = titles(locations)
    loaded = load(locations.schedule_file, known=set(names))
    for problem in loaded.problems:
        print(problem, file=err)
    if args.check:
        state = "problems in" if loaded.problems else "valid:"
        print(f"{state} {locations.schedule_file}", file=err)
        return INVALID if loaded.problems else OK
    if args.ics:
        return _write_ics(args, locations, loaded.schedule, names, out, err)
    if not loaded.exists:
        print(f"No schedule yet: {locations.schedule_file} (see docs/schedule.md).", file=out)
        return OK
    from .cli_today import today as local_today
    from .schedule.today import next_due

    today = local_today()  # the day `today` reads, so the two agree on what is done
    done = _read(locations, err, since=today).done
    for item, upcoming in next_due(loaded.schedule, done, today):
        when = f"{item.at:%H:%M}" if item.at else "any time"
        nxt = f"next {upcoming:%a %d %b}" if upcoming else "not due again"
        title = names.get(item.session, item.session)
        line = f"{title} ({item.session}): {item.rule.text()}, {when}; {nxt}"
        print(printable(line, newlines=False), file=out)
    return INVALID if loaded.problems else OK


def _write_ics(
    args: argparse.Namespace,
    locations: Locations,
    schedule: Schedule,
    names: dict[str, str],
    out: TextIO,
    err: TextIO,
) -> int:
    from .library import Listing
    from .schedule.ics import calendar

    minutes = {
        entry.slug: round(entry.planned_seconds / 60)
        for entry in Listing(locations).sessions()
        if entry.planned_seconds
    }
    text = calendar(schedule, names, minutes, date.today())
    if args.output in (None, "-"):
        out.write(text)
        return OK
    try:
        Path(args.output).write_bytes(text.encode("utf-8"))
    except OSError as error:
        print(f"tuitrainer schedule: cannot write {args.output}: {error.strerror}", file=err)
        return USAGE
    print(f"Calendar written to {args.output}: import it into your calendar app.", file=err)
    return OK


def cmd_remind(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    locations = Locations.resolve(args.data_dir)
    if args.dir and not (args.install or args.uninstall):
        print("tuitrainer remind: --dir goes with --install or --uninstall", file=err)
        return USAGE
    if args.install or args.uninstall:
        return _timer(args, locations, out, err)
    from .reminders.notify import notify
    from .schedule.today import ripe

    now = datetime.now()
    daily = _read(locations, err, since=now.date())
    for problem in daily.loaded.problems:
        print(problem, file=err)
    due = ripe(daily.today(now.date()), now)
    if not due:
        return INVALID if daily.loaded.problems else OK
    names = ", ".join(item.title for item in due)
    title = "Exercise due today"
    body = f"{names}. Start it with tuitrainer (Enter on the home screen)."
    how = notify(title, body, out)
    line = f"{title}: {names}" + ("" if how == "printed" else f" (notified: {how})")
    print(printable(line, newlines=False), file=out)
    return INVALID if daily.loaded.problems else OK


def _timer(args: argparse.Namespace, locations: Locations, out: TextIO, err: TextIO) -> int:
    from .reminders.units import command, default_dir, install, reminder_times, uninstall
    from .schedule.load import load

    folder = Path(args.dir).expanduser() if args.dir else default_dir(args.system)
    try:
        if args.uninstall:
            gone = uninstall(args.system, folder)
            for path in gone.files:
                print(f"Removed {path}", file=err)
            if not gone.files:
                print(f"No reminder files in {folder}.", file=err)
            print(f"If it was enabled, switch it off with:\n  {gone.enable}", file=out)
            return OK
        schedule = load(locations.schedule_file).schedule
        if not schedule.items:
            print(
                f"tuitrainer remind: nothing is scheduled yet ({locations.schedule_file});"
                " the timer is written anyway and reminds once there is",
                file=err,
            )
        untimed = any(item.at is None for item in schedule.items)
        times = reminder_times(schedule.times(), untimed)
        argv = command(locations.data_dir)
        written = install(args.system, folder, argv, times, locations.config_dir)
    except OSError as error:
        print(f"tuitrainer remind: cannot write in {folder}: {error.strerror}", file=err)
        return USAGE
    for path in written.files:
        print(f"Wrote {path}", file=err)
    at = ", ".join(f"{moment:%H:%M}" for moment in times)
    print(f"Reminders at {at}. Nothing is enabled yet; to enable them run:", file=err)
    print(written.enable, file=out)
    return OK
