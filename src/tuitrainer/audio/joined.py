"""Two cue sounds played as one: the first, a short silence, then the second.

Only one sound is heard at a time (a new cue cuts the one playing), so when the
halfway point of a guided side falls on the start of a rep, the halfway taps
used to replace the rep's "up" tone, and someone following the tempo by ear lost
a beat. The voice says both ("Lift. Halfway."); with tones, this file plays both.

The joined file is written once into a cache folder, named by a hash of both
files' bytes, and reused. Two files of different formats cannot be joined:
`joined` then returns None and the caller plays the second alone, as before.
"""

from __future__ import annotations

import hashlib
import os
import wave
from pathlib import Path

GAP_SECONDS = 0.12  # between the two sounds: long enough to hear two, short enough for one beat


def _frames(path: Path) -> tuple[wave._wave_params, bytes]:
    with wave.open(str(path), "rb") as sound:
        return sound.getparams(), sound.readframes(sound.getnframes())


def joined(first: Path, second: Path, folder: Path) -> Path | None:
    """A WAV file of `first`, a gap and `second`, in `folder`; None when they differ
    in format or cannot be read or written (a cue must never fail a workout)."""
    try:
        key = hashlib.sha256(first.read_bytes() + b"\0" + second.read_bytes()).hexdigest()[:16]
        target = folder / f"joined-{key}.wav"
        if target.is_file():
            return target
        one, one_frames = _frames(first)
        two, two_frames = _frames(second)
        if (one.nchannels, one.sampwidth, one.framerate, one.comptype) != (
            two.nchannels,
            two.sampwidth,
            two.framerate,
            two.comptype,
        ):
            return None
        gap = bytes(int(GAP_SECONDS * one.framerate) * one.nchannels * one.sampwidth)
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".joined-{key}.{os.getpid()}.part"
        with wave.open(str(partial), "wb") as out:
            out.setnchannels(one.nchannels)
            out.setsampwidth(one.sampwidth)
            out.setframerate(one.framerate)
            out.writeframes(one_frames + gap + two_frames)
        partial.replace(target)  # whole or not at all, should two windows write it at once
        return target
    except (OSError, EOFError, wave.Error):
        return None
