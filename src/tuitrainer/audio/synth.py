"""The built-in cue sounds, synthesised from tones.

Run `python -m tuitrainer.audio.synth sounds/` to write them. The output is
the same bytes every time: integer sample arithmetic after one rounding, no
randomness, no timestamps in the files.

Each cue is told apart by pitch and pattern as well as by length, so it can be
recognised with the face near the floor:

- get_ready: two rising notes, a question ("ready?")
- countdown: one short, dry tick (the last three seconds)
- go: a bright, longer note with its octave
- rep: a soft low knock on every guided rep
- up / down: a quick sweep up (lift) or down (lower) at each part of a guided
  rep, so the tempo can be followed with the eyes closed
- hold: one soft level note between them: stop and keep still
- halfway: two equal light taps, half of a long side or hold is behind
- switch_sides: high-low-high, like a two-tone bell
- rest: two falling notes, soft
- exercise_done: three notes up a major chord
- workout_done: four notes up to the octave, the last held
"""

from __future__ import annotations

import array
import math
import sys
import wave
from pathlib import Path

RATE = 44_100
FADE_SECONDS = 0.006  # short fades in and out, so nothing clicks
PEAK = 0.6  # of full scale, leaving room for the volume setting and mixing

# (frequency Hz, seconds, relative loudness); frequency 0 is a silent gap; a pair of
# frequencies is a sweep from the first to the second.
Note = tuple[float | tuple[float, float], float, float]

C5, E5, G5, A5, C6, E6 = 523.25, 659.25, 783.99, 880.0, 1046.5, 1318.5

CUES: dict[str, list[Note]] = {
    "get_ready": [(C5, 0.12, 0.8), (0, 0.04, 0), (E5, 0.18, 0.8)],
    "countdown": [(A5 * 2, 0.05, 0.7)],
    "go": [(C6, 0.32, 1.0)],
    "rep": [(220.0, 0.07, 0.8)],
    "up": [((392.0, 784.0), 0.16, 0.8)],
    "down": [((784.0, 392.0), 0.2, 0.8)],
    "hold": [(587.33, 0.18, 0.6)],
    "halfway": [(E6, 0.06, 0.7), (0, 0.07, 0), (E6, 0.06, 0.7)],
    "switch_sides": [(E6, 0.1, 0.7), (0, 0.03, 0), (A5, 0.1, 0.7), (0, 0.03, 0), (E6, 0.14, 0.7)],
    "rest": [(E5, 0.16, 0.6), (0, 0.04, 0), (C5, 0.26, 0.6)],
    "exercise_done": [(C5, 0.1, 0.8), (E5, 0.1, 0.8), (G5, 0.22, 0.8)],
    "workout_done": [(C5, 0.12, 0.8), (E5, 0.12, 0.8), (G5, 0.12, 0.8), (C6, 0.5, 0.9)],
}


def _note(
    freq: float | tuple[float, float], seconds: float, loudness: float, octave: bool
) -> list[int]:
    count = int(round(seconds * RATE))
    fade = max(1, int(FADE_SECONDS * RATE))
    start, end = freq if isinstance(freq, tuple) else (freq, freq)
    out = []
    phase = 0.0  # summed, so a sweep glides without jumps
    for i in range(count):
        if start == 0:
            out.append(0)
            continue
        phase += 2 * math.pi * (start + (end - start) * i / count) / RATE
        value = math.sin(phase)
        if octave:
            value = 0.75 * value + 0.25 * math.sin(2 * phase)
        # An exponential decay makes short notes sound struck rather than switched on.
        value *= math.exp(-3.0 * i / count)
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        out.append(int(round(value * envelope * loudness * PEAK * 32767)))
    return out


def samples(name: str) -> array.array[int]:
    """The 16-bit mono samples of one cue."""
    octave = name in ("go", "workout_done")
    data: list[int] = []
    for freq, seconds, loudness in CUES[name]:
        data.extend(_note(freq, seconds, loudness, octave))
    return array.array("h", data)


def write_wav(path: Path, data: array.array[int]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        frames = data if sys.byteorder == "little" else _swapped(data)
        out.writeframes(frames.tobytes())


def _swapped(data: array.array[int]) -> array.array[int]:
    copy = array.array("h", data)
    copy.byteswap()
    return copy


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in CUES:
        path = folder / f"{name}.wav"
        write_wav(path, samples(name))
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("sounds")
    for written in write_all(target):
        print(written)
