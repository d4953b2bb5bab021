"""`tuitrainer sound-check`: play every cue and say which output is used."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from .cli_common import INVALID, OK
from .locations import Locations
from .plain_text import PrintableWriter

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser(
        "sound-check", parents=[common], help="play every cue and say which output is used"
    )
    check.add_argument("--bell", action="store_true", help="allow the terminal bell as output")
    check.set_defaults(handler=cmd_sound_check)


def cmd_sound_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import time
    import wave

    from .audio.outputs import SilentOutput, choose
    from .cli_voice import voice_line
    from .config import load
    from .cue_names import CUE_NAMES
    from .sound_files import find

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
    silent = isinstance(output, SilentOutput)  # nothing to wait for: list the cues only
    print(notice, file=out)
    if output.why:
        print(f"  tried first: {output.why}", file=out)
    print(voice_line(preferences, locations), file=out)
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
            if not silent:
                output.play(name, path, time.monotonic(), preferences.volume)
                time.sleep(seconds + 0.35)
    finally:
        output.close()
    if silent or not output.played:
        print("tuitrainer sound-check: nothing could be played", file=err)
        return INVALID  # 1: a script can tell a machine where no cue is heard
    return OK
