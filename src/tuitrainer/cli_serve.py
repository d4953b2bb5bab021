"""`tuitrainer serve`: the app in a browser tab (the `serve` extra).

There is no login: the default host is this machine only, and any other host
is served with a warning. Editing is off in the served app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from .cli_common import OK, USAGE
from .locations import Locations

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands

NO_LOGIN = (
    "Warning: {host} lets other machines on the network open tuitrainer, and there is "
    "no login: anyone who can reach port {port} can use it and see your history."
)


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser(
        "serve", parents=[common], help="serve the app to a browser tab (e.g. on a TV)"
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    serve.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        print(
            "tuitrainer: serving needs the serve extra: pip install 'tuitrainer[serve]'",
            file=err,
        )
        return USAGE
    if not 0 < args.port < 65536:
        print(f"tuitrainer: --port must be 1 to 65535, not {args.port}", file=err)
        return USAGE
    from .web.server import is_local, serve

    if not is_local(args.host):
        print(NO_LOGIN.format(host=args.host, port=args.port), file=err)
    chosen = Locations.resolve(args.data_dir)
    # Each tab's app is given this data folder by name, so it sees the paths an
    # explicit --data-dir gives (its speech cache among them): resolve them alike.
    locations = Locations.resolve(str(chosen.data_dir))
    folders = [*locations.sound_dirs(), locations.speech_cache]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"Serving tuitrainer on http://{shown}:{args.port}/ (Ctrl+C stops)", file=out, flush=True)
    serve(args.host, args.port, locations.data_dir, folders)
    return OK
