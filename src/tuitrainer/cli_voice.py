"""`tuitrainer voice prepare [SESSION]` and `tuitrainer voice test`; the voice line of
`sound-check`.

Kept apart from cli.py so the command line module stays a list of commands.
Rendering happens in the render process, as in the app (speech/render.py).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, TextIO

from .cli_common import OK
from .locations import Locations

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands
    from .config import Preferences
    from .session.model import Session
    from .speech.engines import Found

FAILED = 1  # nothing to speak with, or a phrase the engine could not say
WAIT_SECONDS = 600.0  # a whole session with a slow engine; far more than espeak-ng needs
SAMPLE = "This is the tuitrainer voice, speaking with {engine}. Fire hydrant. Left side. Ten reps."


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    voice = commands.add_parser(
        "voice", parents=[common], help="spoken cues: render them ahead, or hear the voice"
    )
    actions = voice.add_subparsers(dest="voice_command", metavar="ACTION", required=True)
    prepare = actions.add_parser(
        "prepare", parents=[common], help="render a session's phrases now (all sessions if none)"
    )
    prepare.add_argument("session", nargs="?", metavar="SESSION", help="a session name or file")
    actions.add_parser("test", parents=[common], help="say a sample phrase and name the engine")
    voice.set_defaults(handler=cmd_voice)


def _setup(args: argparse.Namespace, err: TextIO) -> tuple[Locations, Preferences, Found]:
    from .config import load
    from .speech.voice import find_speaker

    locations = Locations.resolve(args.data_dir)
    preferences, problems = load(locations.config_file)
    for problem in problems:
        print(problem, file=err)
    return locations, preferences, find_speaker(preferences, locations)


def _no_voice(found: Found, err: TextIO) -> int:
    if found.off:
        print('tuitrainer voice: the voice is off in the settings (voice = "off")', file=err)
    else:
        print("tuitrainer voice: no speech engine found here", file=err)
        for why in found.tried:
            print(f"  {why}", file=err)
        print("  (install espeak-ng, or see the README's Voice section)", file=err)
    return FAILED


def cmd_voice(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.voice_command == "prepare":
        return cmd_prepare(args, out, err)
    return cmd_test(args, out, err)


def _sessions(name: str | None, locations: Locations, err: TextIO) -> list[Session]:
    from .library import discover, resolve

    if name is not None:
        return [resolve(name, locations)]  # a broken or missing file: the usual message
    sessions = []
    for entry in discover(locations):
        if entry.session is None:
            print(
                f"skipped {entry.slug}: it has problems (tuitrainer validate says which)", file=err
            )
        else:
            sessions.append(entry.session)
    return sessions


def cmd_prepare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Render every phrase a session can say, and say what was done."""
    from .planner import plan
    from .speech.phrases import phrase_set
    from .speech.render import Renderer
    from .speech.voice import wording

    locations, preferences, found = _setup(args, err)
    if found.speaker is None:
        return _no_voice(found, err)
    words = wording(preferences)
    texts: dict[str, None] = {}
    sessions = _sessions(args.session, locations, err)
    for session in sessions:
        texts.update(dict.fromkeys(phrase_set(plan(session), words)))
    began = time.perf_counter()
    renderer = Renderer(found.speaker, locations.speech_cache, list(texts))
    renderer.wait(WAIT_SECONDS)
    seconds = time.perf_counter() - began
    rendered = renderer.jobs - len(renderer.failed)
    names = ", ".join(session.slug for session in sessions) or "no sessions"
    print(f"Voice: {found.speaker.describe()}", file=out)
    print(
        f"{len(texts)} phrases for {names}: {rendered} rendered in {seconds:.1f} s, "
        f"{len(texts) - renderer.jobs} already ready",
        file=out,
    )
    print(f"Cache: {locations.speech_cache}", file=out)
    for text, why in renderer.failed.items():
        print(f"failed: {text!r}: {why}", file=err)
    return FAILED if renderer.failed else OK


def cmd_test(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Say a sample through the sound output the app would use, and name the engine."""
    import wave

    from .audio.outputs import choose
    from .speech.render import Renderer

    locations, preferences, found = _setup(args, err)
    if found.speaker is None:
        return _no_voice(found, err)
    text = SAMPLE.format(engine=found.speaker.engine)
    renderer = Renderer(found.speaker, locations.speech_cache, [text])
    renderer.wait(WAIT_SECONDS)
    clip = renderer.clip(text)
    print(f"Voice: {found.speaker.describe()}", file=out)
    if clip is None:
        why = renderer.failed.get(text, "no clip was written")
        print(f"tuitrainer voice: {found.speaker.engine} could not speak: {why}", file=err)
        return FAILED
    output, notice = choose()
    print(notice, file=out)
    try:
        if not output.plays_files:
            print("tuitrainer voice: no sound device to say it on", file=err)
            return FAILED
        volume = max(0.0, min(1.0, preferences.volume * preferences.voice_loudness))
        output.play("voice", clip, time.monotonic(), volume)
        with wave.open(str(clip), "rb") as wav:
            time.sleep(wav.getnframes() / wav.getframerate() + 0.3)
    finally:
        output.close()
    return OK


def voice_line(preferences: Preferences, locations: Locations) -> str:
    """What `sound-check` says of the voice: the engine that speaks, or why none."""
    from .speech.engines import notice
    from .speech.voice import find_speaker

    found = find_speaker(preferences, locations)
    if found.off:
        return 'Voice: off (voice = "off" in the settings)'
    line = notice(found)
    if found.speaker is None and found.tried:
        line += "\n  tried: " + "; ".join(found.tried)
    return line
