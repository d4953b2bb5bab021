"""The command line: parse, call the core, print, return an exit code.

Exit codes: 0 success, 1 a session file is invalid, 2 usage error or a file
that is not there. No command prints a traceback for bad input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .cli_sessions import add_commands as add_session_commands
from .cli_sessions import cmd_edit, cmd_new, plan_in_app
from .locations import ENV_DATA_DIR, Locations
from .plain_text import PrintableWriter, printable_lines
from .session.listing import SUFFIXES
from .session.problems import Problem, SessionError

if TYPE_CHECKING:
    import argparse

OK, INVALID, USAGE = 0, 1, 2


def _speed(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.01 <= value <= 1000:
        raise argparse.ArgumentTypeError("speed must be between 0.01 and 1000")
    return value


def _day(text: str) -> date:
    import argparse

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", parents=[common], help="check session files; print PATH:LINE:COL: problem"
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="session files or folders")

    sessions = commands.add_parser("sessions", parents=[common], help="list every session")
    sessions.add_argument("--json", action="store_true", help="print JSON")

    plan_cmd = commands.add_parser(
        "plan", parents=[common], help="show a session's timeline and planned time"
    )
    plan_cmd.add_argument("session", metavar="SESSION", help="a session name or a file path")
    plan_cmd.add_argument("--json", action="store_true", help="print JSON")
    plan_cmd.add_argument("--speed", type=_speed, default=1.0, help="rehearsal speed factor")
    plan_cmd.add_argument("--edit", action="store_true", help="change it in the planning screen")

    commands.add_parser("schema", parents=[common], help="print the JSON Schema of sessions")
    add_session_commands(commands, common)

    run = commands.add_parser("run", parents=[common], help="start a workout full-screen")
    run.add_argument("session", metavar="SESSION", help="a session name or a file path")
    run.add_argument("--speed", type=_speed, default=1.0, help="rehearsal speed factor")
    run.add_argument("--mute", action="store_true", help="no sound")

    assess = commands.add_parser(
        "assess", parents=[common], help="the guided hip self-assessment, full-screen"
    )
    assess.add_argument("--history", action="store_true", help="list past assessments instead")
    assess.add_argument("--json", action="store_true", help="with --history: print JSON")
    assess.add_argument(
        "--check", action="store_true", help="check the tests and rules files in use, then exit"
    )

    history = commands.add_parser("history", parents=[common], help="list past workouts")
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON")
    form.add_argument("--csv", action="store_true", help="print CSV (one row per side)")
    history.add_argument("--limit", type=int, metavar="N", help="only the N newest")

    progress = commands.add_parser("progress", parents=[common], help="the progress view")
    report = commands.add_parser(
        "report", parents=[common], help="a Markdown summary of progress for a clinician"
    )
    report.add_argument("--output", metavar="FILE", help="write to FILE (default: print)")
    for command in (progress, report):
        command.add_argument("--since", type=_day, metavar="DATE", help="from this day on")
        command.add_argument("--until", type=_day, metavar="DATE", help="up to this day")
        command.add_argument("--session", metavar="NAME", help="one session only")

    check = commands.add_parser(
        "sound-check", parents=[common], help="play every cue and say which output is used"
    )
    check.add_argument("--bell", action="store_true", help="allow the terminal bell as output")
    return parser


def _expand(paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    """Files to check (folders give their session files), and why any path gives none."""
    files: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES)
            if not found:
                missing.append(f"{raw}: no session files (.yaml, .yml) in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            missing.append(f"{raw}: not a file or a folder")
        else:
            missing.append(f"{raw}: no such file")
    return files, missing


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .session import check_file

    files, missing = _expand(args.paths)
    sound_dirs = Locations.resolve(args.data_dir).sound_dirs()
    for raw in missing:
        print(raw, file=err)
    bad = 0
    reader_left = False  # `validate ... | head -1`: the exit code must still be right
    for path in files:
        try:
            _, problems = check_file(path, sound_dirs=sound_dirs)
        except OSError as error:
            problems = [Problem(str(path), 1, 1, f"cannot read: {error.strerror}")]
        bad += bool(problems)
        if problems and not reader_left:
            try:
                print("\n".join(str(problem) for problem in problems), file=out)
                out.flush()
            except BrokenPipeError:
                reader_left = True
                _silence(out)
    if files and not missing:
        word = "file" if len(files) == 1 else "files"
        print(f"{len(files) - bad} of {len(files)} {word} valid", file=err)
    if missing:
        return USAGE
    return INVALID if bad else OK


def cmd_sessions(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .planner import format_duration, plan
    from .session.catalog import discover

    rows = []
    for entry in discover(Locations.resolve(args.data_dir)):
        seconds = plan(entry.session).total_seconds if entry.session else None
        rows.append(
            {
                "name": entry.slug,
                "title": entry.title,
                "source": entry.source,
                "path": str(entry.path),
                "planned_seconds": seconds,
                "valid": entry.session is not None,
                "problems": [str(p) for p in entry.problems],
            }
        )
    if args.json:
        json.dump(rows, out, indent=2)
        out.write("\n")
        return OK
    width = max((len(r["name"]) for r in rows), default=4)
    for row in rows:
        when = format_duration(row["planned_seconds"]) if row["valid"] else "INVALID"
        line = f"{row['name']:<{width}}  {when:>7}  {row['source']:<7}  {row['title']}"
        if not row["valid"]:
            line += f"\n{'':<{width}}  {row['problems'][0]}"
        print(line, file=out)
    return OK


def _print_plan(data: dict, out: TextIO) -> None:
    from .planner import format_duration

    print(
        f"{data['title']} ({data['name']}): {format_duration(data['total_seconds'])} "
        f"planned" + (f" at speed {data['speed']:g}" if data["speed"] != 1 else ""),
        file=out,
    )
    for number, ex in enumerate(data["exercises"], 1):
        sets = f"{ex['sets']} sets x " if ex["sets"] > 1 else ""
        print(
            f"{number:>2}. {ex['name']}  [{ex['mode']}]  {format_duration(ex['seconds'])}", file=out
        )
        for side in ex["sides"]:
            label = "both sides" if side == "both" else f"{side} side"
            print(
                f"      {label:<11} {sets}{ex['reps'][side]} reps  "
                f"{format_duration(ex['side_seconds'][side])}",
                file=out,
            )


def cmd_plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .planner import plan, summary
    from .session.catalog import resolve

    if args.edit:
        return plan_in_app(args.session, Locations.resolve(args.data_dir))
    session = resolve(args.session, Locations.resolve(args.data_dir))
    data = summary(plan(session), args.speed)
    if args.json:
        json.dump(data, out, indent=2)
        out.write("\n")
    else:
        _print_plan(data, out)
    return OK


def cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .session.schema import json_schema_text

    out.write(json_schema_text())
    return OK


def cmd_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .app import Settings, run_app
    from .session.catalog import resolve

    locations = Locations.resolve(args.data_dir)
    session = resolve(args.session, locations)
    return run_app(locations, session, Settings(speed=args.speed, mute=args.mute))


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
    from .app import run_app

    return run_app(locations, assess=True)


def _assess_history(locations: Locations, as_json: bool, out: TextIO, err: TextIO) -> int:
    from .assessment.report import write_history_json, write_history_text
    from .history import HistoryStore
    from .history.assessments import assessments

    store, notice = HistoryStore.open(locations.database)
    if notice is not None:
        print(notice.message, file=err)
    try:
        data = assessments(store)
    finally:
        store.close()
    (write_history_json if as_json else write_history_text)(data, out)
    return OK


def cmd_history(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .history import HistoryStore
    from .history.export import workouts, write_csv, write_json, write_text

    if args.limit is not None and not 1 <= args.limit <= 10_000_000:
        print("tuitrainer history: --limit must be from 1 to 10000000", file=err)
        return USAGE
    store, notice = HistoryStore.open(Locations.resolve(args.data_dir).database)
    if notice is not None:
        print(notice.message, file=err)
    try:
        data = workouts(store, args.limit)
    finally:
        store.close()
    writer = write_json if args.json else write_csv if args.csv else write_text
    writer(data, out)
    return OK


def cmd_sound_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import time
    import wave

    from .audio.outputs import choose
    from .audio.sounds import find
    from .config import CUE_NAMES, load

    locations = Locations.resolve(args.data_dir)
    preferences, problems = load(locations.config_file)
    for problem in problems:
        print(problem, file=err)

    def bell() -> None:
        if isinstance(out, PrintableWriter):
            out.raw_write("\a")  # the one control character written on purpose
        else:
            out.write("\a")
            out.flush()

    output, notice = choose(bell=bell if args.bell else None)
    print(notice, file=out)
    if output.why:
        print(f"  tried first: {output.why}", file=out)
    try:
        for name in CUE_NAMES:
            path = find(name, locations.sound_dirs())
            if path is None:
                print(f"  {name:<14} no sound file found", file=out)
                continue
            with wave.open(str(path), "rb") as wav:
                seconds = wav.getnframes() / wav.getframerate()
            state = "" if preferences.cue_enabled(name) else "  (switched off in settings)"
            print(f"  {name:<14} {path.name}{state}", file=out)
            out.flush()
            output.play(name, path, time.monotonic(), preferences.volume)
            time.sleep(seconds + 0.35)
    finally:
        output.close()
    return OK


def _backwards(args: argparse.Namespace, err: TextIO) -> bool:
    """--until before --since: said, as the date dialog in the app says it."""
    if args.since and args.until and args.until < args.since:
        print(f"tuitrainer {args.command}: --until comes before --since", file=err)
        return True
    return False


def cmd_progress(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .app import run_app
    from .screens.progress import ProgressScreen

    if _backwards(args, err):
        return USAGE

    def first_screen() -> ProgressScreen:
        return ProgressScreen(since=args.since, session=args.session, until=args.until)

    return run_app(Locations.resolve(args.data_dir), first_screen=first_screen)


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .history import HistoryStore
    from .history.report import render, scope_for

    if _backwards(args, err):
        return USAGE
    store, notice = HistoryStore.open(Locations.resolve(args.data_dir).database)
    if notice is not None:
        print(notice.message, file=err)
    try:
        text = render(store.conn, scope_for(args.since, args.session, args.until))
    finally:
        store.close()
    if args.output in (None, "-"):  # "-": standard output, as is usual
        out.write(text)
        return OK
    try:
        Path(args.output).write_text(printable_lines(text), encoding="utf-8")
    except OSError as error:
        print(f"tuitrainer report: cannot write {args.output}: {error.strerror}", file=err)
        return USAGE
    print(f"Report written to {args.output}", file=err)
    return OK


def cmd_app(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .app import run_app

    return run_app(Locations.resolve(args.data_dir))


COMMANDS: dict[str | None, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    None: cmd_app,
    "validate": cmd_validate,
    "sessions": cmd_sessions,
    "plan": cmd_plan,
    "schema": cmd_schema,
    "run": cmd_run,
    "history": cmd_history,
    "new": cmd_new,
    "edit": cmd_edit,
    "assess": cmd_assess,
    "progress": cmd_progress,
    "report": cmd_report,
    "sound-check": cmd_sound_check,
}


def _silence(out: TextIO) -> None:
    """After a broken pipe, send what is left of standard output nowhere, so Python's
    own flush at exit does not complain on the terminal."""
    import os

    if getattr(out, "stream", out) is sys.stdout:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    # Every command writes through these: names from files and the history never
    # reach the terminal with their control characters (plain_text.PrintableWriter).
    out = PrintableWriter(out or sys.stdout)
    err = PrintableWriter(err or sys.stderr)
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments:
        args = build_parser().parse_args(arguments)
    else:
        # Plain `tuitrainer`, the usual start: the app, without building the parser
        # (argparse and every command's options are a few ms before the first frame).
        args = SimpleNamespace(command=None, data_dir=None)
    try:
        return COMMANDS[args.command](args, out, err)
    except SessionError as error:
        for problem in error.problems:
            print(problem, file=err)
        return INVALID
    except FileNotFoundError as error:
        print(f"tuitrainer: {error}", file=err)
        return USAGE
    except BrokenPipeError:  # `... | head`: the reader has what it wanted
        _silence(out)
        return OK
    except OSError as error:  # e.g. --data-dir names a file, or a folder we may not write
        where = f" ({error.filename})" if error.filename else ""
        print(f"tuitrainer: {error.strerror or error}{where}", file=err)
        return USAGE
    except KeyboardInterrupt:
        return 130
