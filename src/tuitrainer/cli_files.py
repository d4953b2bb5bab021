"""`tuitrainer validate`, `sessions`, `plan` and `schema`: reading session files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .cli_common import INVALID, OK, USAGE, silence, speed
from .locations import Locations
from .session.files import SUFFIXES
from .session.problems import Problem

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    validate = commands.add_parser(
        "validate", parents=[common], help="check session files; print PATH:LINE:COL: problem"
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="session files or folders")
    validate.set_defaults(handler=cmd_validate)

    sessions = commands.add_parser("sessions", parents=[common], help="list every session")
    sessions.add_argument("--json", action="store_true", help="print JSON")
    sessions.set_defaults(handler=cmd_sessions)

    plan_cmd = commands.add_parser(
        "plan", parents=[common], help="show a session's timeline and planned time"
    )
    plan_cmd.add_argument("session", metavar="SESSION", help="a session name or a file path")
    plan_cmd.add_argument("--json", action="store_true", help="print JSON")
    plan_cmd.add_argument("--speed", type=speed, default=1.0, help="rehearsal speed factor")
    plan_cmd.add_argument("--edit", action="store_true", help="change it in the planning screen")
    plan_cmd.set_defaults(handler=cmd_plan)

    schema = commands.add_parser(
        "schema", parents=[common], help="print the JSON Schema of sessions"
    )
    schema.set_defaults(handler=cmd_schema)


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
                silence(out)
    if files and not missing:
        word = "file" if len(files) == 1 else "files"
        print(f"{len(files) - bad} of {len(files)} {word} valid", file=err)
    if missing:
        return USAGE
    return INVALID if bad else OK


def cmd_sessions(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .library import discover
    from .planner import format_duration, plan

    rows: list[dict[str, Any]] = []
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


def _print_plan(data: dict[str, Any], out: TextIO) -> None:
    from .plain_text import printable
    from .planner import format_duration
    from .session.origin import ARTICLE, OWN, SUGGESTION

    print(
        f"{data['title']} ({data['name']}): {format_duration(data['total_seconds'])} "
        f"planned" + (f" at speed {data['speed']:g}" if data["speed"] != 1 else ""),
        file=out,
    )
    for number, ex in enumerate(data["exercises"], 1):
        sets = f"{ex['sets']} sets x " if ex["sets"] > 1 else ""
        own = f"  ({SUGGESTION})" if ex["source"] == OWN else ""
        print(
            f"{number:>2}. {ex['name']}  [{ex['mode']}]  {format_duration(ex['seconds'])}{own}",
            file=out,
        )
        for side in ex["sides"]:
            label = "both sides" if side == "both" else f"{side} side"
            print(
                f"      {label:<11} {sets}{ex['reps'][side]} reps  "
                f"{format_duration(ex['side_seconds'][side])}",
                file=out,
            )
        if ex["modification"]:  # the article's own variant too: it is the one it gives
            whose = {OWN: f" ({SUGGESTION})", ARTICLE: " (from the source routine)"}
            label = whose.get(ex["modification_source"], "")
            line = f"      easier{label}: {ex['modification']}"
            print(printable(line, newlines=False), file=out)
    if any(ex["source"] for ex in data["exercises"]):
        print(
            f"Tempo, holds, rests and get-ready times are {SUGGESTION};"
            " the source routine gives the exercises and their doses only.",
            file=out,
        )


def cmd_plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .library import resolve
    from .planner import outline, plan

    if args.edit:
        from .cli_sessions import plan_in_app

        return plan_in_app(args.session, Locations.resolve(args.data_dir))
    session = resolve(args.session, Locations.resolve(args.data_dir))
    data = outline(plan(session), args.speed)
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
