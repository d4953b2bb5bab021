"""`tuitrainer pose ID`: the figure of an exercise or assessment test, in the terminal or as SVG.

Kept apart from cli.py so the command line module stays a list of commands.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .cli_common import OK, USAGE

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    pose = commands.add_parser(
        "pose",
        parents=[common],
        help="draw the figure of an exercise or assessment test (start position)",
    )
    pose.add_argument("id", metavar="ID", help="an exercise id or a test id, e.g. fire-hydrant")
    pose.add_argument("--end", action="store_true", help="the end position instead")
    pose.add_argument(
        "--side", choices=("left", "right", "both"), default="left", help="the working side"
    )
    pose.add_argument("--width", type=int, default=40, help="columns, 20 to 60 (default 40)")
    pose.add_argument("--svg", metavar="FILE", help="write an SVG picture to FILE instead")
    pose.set_defaults(handler=cmd_pose)


def cmd_pose(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .poses import Figure, render, render_svg, size_for
    from .session.poses import builtin_poses

    poses = builtin_poses()
    spec = poses.get(args.id)
    if spec is None:
        close = difflib.get_close_matches(args.id, list(poses), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        print(f"tuitrainer pose: no figure for {args.id!r}{hint}", file=err)
        print(f"figures: {', '.join(sorted(poses))}", file=err)
        return USAGE
    if not 20 <= args.width <= 60:
        print("tuitrainer pose: --width must be from 20 to 60", file=err)
        return USAGE
    figure = Figure(spec, args.side)
    fraction = 1.0 if args.end and spec.end is not None else 0.0
    if args.end and spec.end is None:
        print(f"tuitrainer pose: {args.id} is held in one position; showing it", file=err)
    if args.svg:
        Path(args.svg).write_text(render_svg(figure, fraction), encoding="utf-8")
        print(f"Figure written to {args.svg}", file=err)
        return OK
    cols, rows = size_for(figure, args.width, max_rows=args.width // 2)
    which = "end" if fraction else "start"
    print(f"{spec.name} ({which}, {args.side} side, seen from the {spec.view})", file=out)
    print(render(figure, cols, rows, fraction).text, file=out)
    return OK
