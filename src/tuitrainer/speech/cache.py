"""Rendered phrases on disk: one WAV per phrase, named by a hash of how it was made.

The name covers the engine, its voice, the rate and the text (and the version of
the clean-up below), so a change of any of them renders anew and an unchanged
phrase is never rendered twice. Files are written whole or not at all (a temporary
name, then a rename), so a half-written clip is never played.
"""

from __future__ import annotations

import array
import hashlib
import json
import os
import sys
import wave
from pathlib import Path

from .engines import Speaker

FORMAT = 1  # bump when `clean` changes what a clip holds
PEAK = 22000  # loudest sample of a clip: about as loud as the tones (16-bit)
SILENT = 0.02  # of the clip's peak: quieter than this at either end is cut
LEAD_SECONDS = 0.005  # kept before the first sound, so it does not click in


def key(speaker: Speaker, text: str) -> str:
    made = [FORMAT, speaker.engine, speaker.voice, speaker.stamp, round(speaker.rate, 3), text]
    return hashlib.sha256(json.dumps(made).encode("utf-8")).hexdigest()[:32]


def clip_path(folder: Path, speaker: Speaker, text: str) -> Path:
    return folder / f"{key(speaker, text)}.wav"


def _samples(frames: bytes, channels: int, width: int) -> array.array[int]:
    if width != 2:
        raise ValueError(f"the engine wrote {8 * width}-bit sound; 16-bit is expected")
    samples = array.array("h")
    samples.frombytes(frames)
    if sys.byteorder != "little":
        samples.byteswap()
    return samples[::channels] if channels > 1 else samples


def clean(source: Path) -> tuple[array.array[int], int]:
    """An engine's WAV as 16-bit mono samples: silence at the ends cut (Piper starts
    with some 65 ms of it, which would make every phrase late), loudness evened out."""
    with wave.open(str(source), "rb") as wav:
        shape = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
        samples = _samples(wav.readframes(wav.getnframes()), shape[0], shape[1])
    rate = shape[2]
    if not samples:
        raise ValueError("the engine wrote no sound")
    peak = max(max(samples), -min(samples))
    if peak == 0:
        raise ValueError("the engine wrote only silence")
    floor = peak * SILENT
    start = next(i for i, s in enumerate(samples) if abs(s) > floor)
    end = len(samples) - next(i for i, s in enumerate(reversed(samples)) if abs(s) > floor)
    start = max(0, start - int(LEAD_SECONDS * rate))
    gain = PEAK / peak
    body = array.array("h", (int(s * gain) for s in samples[start:end]))
    return body, rate


def store(samples: array.array[int], rate: int, path: Path) -> None:
    """Write a clip atomically: the player never sees a part of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.stem}.{os.getpid()}.tmp")
    data = array.array("h", samples)
    if sys.byteorder != "little":
        data.byteswap()
    with wave.open(str(temp), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(data.tobytes())
    os.replace(temp, path)


def missing(folder: Path, speaker: Speaker, texts: list[str]) -> list[str]:
    """The phrases with no clip yet, in the order given."""
    return [text for text in texts if not clip_path(folder, speaker, text).is_file()]
