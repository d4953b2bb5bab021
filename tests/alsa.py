"""ALSA configurations for tests: capture what is played to a file, or fail to open."""

from __future__ import annotations

import array
import os
import sys
import wave
from pathlib import Path

import pytest

SYSTEM_CONF = Path("/usr/share/alsa/alsa.conf")


def require_simpleaudio() -> None:
    """Skip where the audio extra is not installed; CI sets the flag that forbids skipping."""
    try:
        import simpleaudio  # noqa: F401
    except ImportError:
        if os.environ.get("TUITRAINER_REQUIRE_AUDIO"):
            raise
        pytest.skip("simpleaudio is not installed (the `audio` extra; CI installs it)")
    if not SYSTEM_CONF.exists():
        pytest.skip("no ALSA configuration on this machine")


def _env_with(tmp_path: Path, name: str, body: str) -> dict[str, str]:
    conf = tmp_path / name
    conf.write_text(body)
    return {**os.environ, "ALSA_CONFIG_PATH": f"{SYSTEM_CONF}:{conf}"}


def capture_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose default ALSA device appends every sample played to a file."""
    raw = tmp_path / "captured.raw"
    body = (
        'pcm.!default {\n    type file\n    slave.pcm "null"\n    format "raw"\n'
        f'    file "|cat >> {raw}"\n}}\n'
    )
    return _env_with(tmp_path, "capture.conf", body), raw


def broken_device_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose default ALSA device cannot be opened."""
    return _env_with(tmp_path, "broken.conf", "pcm.!default {\n    type hw\n    card 99\n}\n")


def samples_of_wav(path: Path) -> array.array:
    with wave.open(str(path), "rb") as wav:
        data = array.array("h")
        data.frombytes(wav.readframes(wav.getnframes()))
    if sys.byteorder != "little":
        data.byteswap()
    return data


def samples_of_raw(path: Path) -> array.array:
    data = array.array("h")
    data.frombytes(path.read_bytes() if path.exists() else b"")
    if sys.byteorder != "little":
        data.byteswap()
    return data


def cue_order(captured: array.array, cues: dict[str, array.array], probe: int = 300) -> list[str]:
    """Which cues the captured stream holds, in order: each found by its first samples.

    A cue can be cut short by the next one, so only its opening `probe` samples
    are looked for; silence between cues (none here) would simply be skipped.
    """
    stream = captured.tobytes()
    heads = {name: data[:probe].tobytes() for name, data in cues.items()}
    found: list[str] = []
    position = 0
    while True:
        hits = [(stream.find(head, position), name) for name, head in heads.items()]
        hits = [(index, name) for index, name in hits if index >= 0]
        if not hits:
            return found
        index, name = min(hits)
        found.append(name)
        position = index + len(heads[name])
