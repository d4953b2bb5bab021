"""Sound files: finding a cue sound by name, and checking that a file is a WAV we can play.

A sound is named by a plain file name (`chime` or `chime.wav`); the user's
sounds folder is searched first, then the built-in one. Names never hold a
folder, so a session file cannot reach outside those two folders.
"""

from __future__ import annotations

import re
import wave
from functools import lru_cache
from pathlib import Path

NAME_PATTERN = r"^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_.-]*$"  # also in the session schema
NAME = re.compile(NAME_PATTERN)
MAX_SECONDS = 10.0  # a cue is a cue, not a song


def file_name(name: str) -> str:
    return name if name.lower().endswith(".wav") else f"{name}.wav"


def find(name: str, folders: list[Path]) -> Path | None:
    """The file for a sound name, user folder first; None when there is none."""
    if not NAME.match(name):
        return None
    for folder in folders:
        path = folder / file_name(name)
        try:
            resolved = path.resolve()
            inside = resolved.parent == folder.resolve()
        except OSError:
            continue
        if inside and resolved.is_file():
            return resolved
    return None


@lru_cache(maxsize=256)
def _check(path: str, stamp: tuple[int, int]) -> str | None:
    try:
        with wave.open(path, "rb") as wav:
            channels, width, rate, frames = (
                wav.getnchannels(),
                wav.getsampwidth(),
                wav.getframerate(),
                wav.getnframes(),
            )
    except (wave.Error, EOFError, OSError) as err:
        why = str(err) or "the file ends too soon"  # EOFError says nothing of itself
        return f"is not a playable WAV file ({why})"
    if width not in (1, 2) or channels not in (1, 2):
        return "must be 8- or 16-bit PCM, mono or stereo"
    if not 8000 <= rate <= 96000:
        return f"has a sample rate of {rate} Hz; use 8000 to 96000"
    if frames == 0:
        return "holds no sound"
    if frames / rate > MAX_SECONDS:
        return f"is {frames / rate:.0f} seconds long; a cue may last at most {MAX_SECONDS:g}"
    return None


@lru_cache(maxsize=512)
def seconds(path: Path) -> float:
    """How long a WAV file plays; 0 when it cannot be read (it is then not waited for)."""
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes() / wav.getframerate()
    except (wave.Error, EOFError, OSError, ZeroDivisionError):
        return 0.0


def wav_problem(path: Path) -> str | None:
    """Why a WAV file cannot be a cue, or None when it can."""
    try:
        stat = path.stat()
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    return _check(str(path), (stat.st_mtime_ns, stat.st_size))
