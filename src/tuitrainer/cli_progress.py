"""`tuitrainer progress` and `report`: the progress view, and a report for a clinician."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .cli_common import OK, USAGE, day
from .locations import Locations
from .plain_text import printable_lines

if TYPE_CHECKING:
    import argparse
    import sqlite3

    from .cli_common import Commands


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    progress = commands.add_parser("progress", parents=[common], help="the progress view")
    progress.set_defaults(handler=cmd_progress)
    report = commands.add_parser(
        "report", parents=[common], help="a Markdown summary of progress for a clinician"
    )
    report.add_argument("--output", metavar="FILE", help="write to FILE (default: print)")
    report.add_argument(
        "--html", action="store_true", help="one printable HTML page with charts (A4, Letter)"
    )
    report.add_argument(
        "--force", action="store_true", help="replace FILE even if it is not an earlier report"
    )
    report.set_defaults(handler=cmd_report)
    for command in (progress, report):
        command.add_argument("--since", type=day, metavar="DATE", help="from this day on")
        command.add_argument("--until", type=day, metavar="DATE", help="up to this day")
        command.add_argument("--session", metavar="NAME", help="one session only")


def _backwards(args: argparse.Namespace, err: TextIO) -> bool:
    """--until before --since: said, as the date dialog in the app says it."""
    if args.since and args.until and args.until < args.since:
        print(f"tuitrainer {args.command}: --until comes before --since", file=err)
        return True
    return False


def unknown_session(name: str, locations: Locations, conn: sqlite3.Connection | None) -> str:
    """Why `--session name` names nothing ("" when it is known): neither a session
    there is now nor one the history has workouts of (a deleted session's workouts
    still count), as `plan` refuses a name it cannot find, with the closest names."""
    from difflib import get_close_matches

    from .daily import titles

    known = set(titles(locations))
    if conn is not None:
        known |= {row[0] for row in conn.execute("SELECT DISTINCT session FROM workouts")}
    if name in known:
        return ""
    close = get_close_matches(name, sorted(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    listed = ", ".join(sorted(known)) or "none"
    return f"no session named {name!r}{hint} (sessions: {listed})"


def _refused(args: argparse.Namespace, locations: Locations, err: TextIO) -> bool:
    """--until before --since, or a --session that names nothing: said, and refused."""
    if _backwards(args, err):
        return True
    if args.session is None:
        return False
    from .daily import reading

    with reading(locations.database, err) as conn:
        problem = unknown_session(args.session, locations, conn)
    if problem:
        print(f"tuitrainer {args.command}: {problem}", file=err)
    return bool(problem)


def cmd_progress(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .cli_common import run_app
    from .screens.progress import ProgressScreen

    if _refused(args, Locations.resolve(args.data_dir), err):
        return USAGE

    def first_screen() -> ProgressScreen:
        return ProgressScreen(since=args.since, session=args.session, until=args.until)

    return run_app(Locations.resolve(args.data_dir), first_screen=first_screen, reading=True)


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .history import HistoryStore
    from .history.report import render, scope_for

    locations = Locations.resolve(args.data_dir)
    if _refused(args, locations, err):
        return USAGE
    from .assessment.load import names_for
    from .daily import reading, report_extras

    with reading(locations.database, err, create=True) as conn:
        assert conn is not None  # create=True: a fresh history when there is none
        store = HistoryStore(conn, locations.database)  # read-only: the queries only read
        scope = scope_for(args.since, args.session, args.until)
        extras = report_extras(locations, store, scope)
        if args.html:
            from .history.report_html import render as render_html

            text = render_html(store, scope, names_for(locations), extras)
        else:
            text = render(store, scope, names_for(locations), extras)
    if args.output in (None, "-"):  # "-": standard output, as is usual
        out.write(text)
        return OK
    refused = output_problem(Path(args.output), Locations.resolve(args.data_dir), args.force)
    if refused:
        print(f"tuitrainer report: {refused}", file=err)
        return USAGE
    try:
        Path(args.output).write_text(printable_lines(text), encoding="utf-8")
    except OSError as error:
        print(f"tuitrainer report: cannot write {args.output}: {error.strerror}", file=err)
        return USAGE
    print(f"Report written to {args.output}", file=err)
    return OK


# How an earlier report begins: the Markdown one, or the HTML page (its title follows).
REPORT_STARTS = (b"# Exercise and pain report", b"<!DOCTYPE html>\n<html")


def output_problem(path: Path, locations: Locations, force: bool) -> str | None:
    """Why the report may not be written to `path`, or None.

    The data folder (history, sessions, sounds) and the settings folder are never
    written, whatever the name or a link says; an existing file is replaced only if
    it is an earlier report, or with --force.
    """
    target = path.resolve()
    for folder in (locations.data_dir, locations.config_dir):
        if target.is_relative_to(Path(folder).resolve()):
            return (
                f"{path} is in tuitrainer's folder {folder}, which holds your history and "
                "sessions; write the report somewhere else"
            )
    if not target.exists():
        return None
    if not target.is_file():
        return f"{path} is not a regular file"
    if force:
        return None
    try:
        with target.open("rb") as file:
            first = file.read(4096)
    except OSError as error:
        return f"cannot read {path}: {error.strerror}"
    html_report = first.startswith(REPORT_STARTS[1]) and b"Exercise and pain report" in first
    if not (first.startswith(REPORT_STARTS[0]) or html_report):
        return f"{path} exists and is not a tuitrainer report; --force replaces it"
    return None
