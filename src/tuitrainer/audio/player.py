"""The sound player process: `python -m tuitrainer.audio.player`.

Playback runs here, not in the app, for two reasons. ALSA's C library prints
its complaints straight to file descriptor 2, which in the app is the terminal
Textual draws on; here fd 2 is /dev/null. And a crash in native audio code
ends this process, not the workout.

Protocol: one JSON object per line on stdin; replies one per line on stdout.
  {"cmd": "probe"}                              -> {"ok": true} or {"ok": false, "error": ...}
  {"cmd": "play", "path": P, "at": T, "volume": V}
      plays P at time T, or now if T has passed (cutting off whatever was playing)
      -> {"played": P, "late": seconds after T}
  {"cmd": "cancel"}                             drops every play still waiting for its time
  {"cmd": "quit"}
`at` is a time on the shared monotonic clock (CLOCK_MONOTONIC is system-wide), so the
app can hand over a cue before its moment and this process starts it on the moment.
"""

from __future__ import annotations

import array
import contextlib
import heapq
import json
import os
import select
import sys
import time
import wave
from typing import Any

_cache: dict[tuple[str, float], tuple[bytes, int, int, int]] = {}


def _silence_stderr() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _scaled(frames: bytes, width: int, volume: float) -> bytes:
    if volume >= 0.999 or width != 2:
        return frames
    samples = array.array("h")
    samples.frombytes(frames)
    if sys.byteorder != "little":
        samples.byteswap()
    scaled = array.array("h", (int(s * volume) for s in samples))
    if sys.byteorder != "little":
        scaled.byteswap()
    return scaled.tobytes()


def load(path: str, volume: float) -> tuple[bytes, int, int, int]:
    """A WAV's frames at a volume, with channels, width and rate; cached."""
    key = (path, round(volume, 3))
    if key not in _cache:
        with wave.open(path, "rb") as wav:
            frames = wav.readframes(wav.getnframes())
            shape = (wav.getnchannels(), wav.getsampwidth(), wav.getframerate())
        _cache[key] = (_scaled(frames, shape[1], volume), *shape)
    return _cache[key]


def reply(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def probe(sa: Any) -> dict[str, Any]:
    """Open the device with a few milliseconds of silence."""
    try:
        play = sa.play_buffer(bytes(2 * 441), 1, 2, 44100)
        play.wait_done()
    except Exception as err:  # simpleaudio raises its own error types
        return {"ok": False, "error": str(err).strip() or type(err).__name__}
    return {"ok": True}


def _due(waiting: list[tuple[float, int, dict[str, Any]]]) -> float | None:
    """Seconds until the next waiting play (None when nothing waits)."""
    return max(0.0, waiting[0][0] - time.monotonic()) if waiting else None


def main() -> int:
    _silence_stderr()
    try:
        import simpleaudio as sa
    except Exception as err:  # missing module, or its native library fails to load
        reply({"ok": False, "error": f"simpleaudio unavailable: {err}"})
        return 1
    current = None
    waiting: list[tuple[float, int, dict[str, Any]]] = []  # a heap of (at, order, command)
    order = 0
    pending = b""  # bytes read but not yet a whole line (reading the fd, not a buffer,
    quitting = False  # so select() never sleeps on lines a buffer already holds)
    while not quitting:
        # Sleep until a line comes in or the next cue is due; cues already due when
        # the app says quit still play (the last one of a workout, say).
        ready, _, _ = select.select([0], [], [], _due(waiting))
        if ready:
            chunk = os.read(0, 65536)
            quitting = not chunk
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                try:
                    command = json.loads(line)
                except ValueError:
                    continue
                kind = command.get("cmd")
                if kind == "quit":
                    quitting = True
                elif kind == "probe":
                    reply(probe(sa))
                elif kind == "cancel":
                    waiting.clear()
                elif kind == "play":
                    _warm(command)
                    order += 1
                    heapq.heappush(waiting, (float(command.get("at", 0.0)), order, command))
        while waiting and waiting[0][0] <= time.monotonic() + 0.0005:
            _, _, command = heapq.heappop(waiting)
            current = _play(sa, command, current)
    if current is not None:
        current.wait_done()
    return 0


def _warm(command: dict[str, Any]) -> None:
    """Read (and scale) a cue's file when it is handed over, not when it is due: a
    spoken phrase is a few seconds of sound, too long to read on its moment."""
    with contextlib.suppress(Exception):  # a bad file is reported when it is played
        load(command["path"], float(command.get("volume", 1.0)))


def _play(sa: Any, command: dict[str, Any], current: Any) -> Any:
    """Start one cue now, cutting off the one before: no pile-up of late sounds."""
    try:
        frames, channels, width, rate = load(command["path"], float(command.get("volume", 1.0)))
        if current is not None:
            current.stop()
        current = sa.play_buffer(frames, channels, width, rate)
        late = time.monotonic() - float(command.get("at", time.monotonic()))
        reply({"played": command["path"], "cue": command.get("cue"), "late": late})
    except Exception as err:
        reply({"played": None, "error": str(err)})
    return current


if __name__ == "__main__":
    sys.exit(main())
