"""Spoken cues, really played: espeak-ng renders, the player plays, ALSA's file plugin hears.

The capture holds only what was played, back to back, so it starts with the first
cue: the first side's get-ready. The player says how late it started; the samples
say what it was: speech (energy in the speech band, 300 to 3400 Hz, for a good
part of a second, from the clip espeak-ng made), not the get-ready tone.
"""

from __future__ import annotations

import array
import math
import os
import shutil
import time
from pathlib import Path

import pytest

from tests.alsa import capture_env, require_simpleaudio, samples_of_raw, samples_of_wav
from tuitrainer.audio.cues import CueScheduler
from tuitrainer.audio.outputs import PlayerProcess
from tuitrainer.config import Preferences
from tuitrainer.engine import Engine
from tuitrainer.locations import Locations, builtin_dir
from tuitrainer.planner import plan
from tuitrainer.session import check_text
from tuitrainer.speech.engines import discover
from tuitrainer.speech.voice import start

# At speed 4 the get-ready (10 s) lasts 2.5 s; its countdown starts 1.75 s in and
# cuts the phrase "Fire hydrant. Left side. Two reps." short. Planned 21 s: 5.25 s.
SESSION = """name: Spoken
get_ready_seconds: 10
exercises:
  - name: Fire hydrant
    reps: 2
    rep_seconds: 2
    side_rest_seconds: 3
"""
SPEED = 4.0
FRAME = 0.01  # seconds per energy frame
BAND = (300.0, 3400.0)  # the telephone band: where speech is understood
FLOOR = 100.0  # RMS of a frame that holds sound: -50 dBFS (silence here is exactly 0)
PROBE = 441  # samples of silence the player opens the device with (player.probe)


def require_espeak() -> None:
    if shutil.which("espeak-ng") is None:
        if os.environ.get("TUITRAINER_REQUIRE_AUDIO"):
            pytest.fail("espeak-ng is not installed (CI installs it)")
        pytest.skip("espeak-ng is not installed")


def band_energy(samples: array.array, rate: int) -> list[float]:
    """RMS per frame after a 300-3400 Hz band-pass (two one-pole filters, no numpy)."""
    high = math.exp(-2 * math.pi * BAND[0] / rate)
    low = 1 - math.exp(-2 * math.pi * BAND[1] / rate)
    previous_x = previous_hp = smooth = 0.0
    size = int(FRAME * rate)
    frames, total, count = [], 0.0, 0
    for x in samples:
        hp = high * (previous_hp + x - previous_x)  # high-pass at 300 Hz
        previous_x, previous_hp = x, hp
        smooth += low * (hp - smooth)  # low-pass at 3400 Hz
        total += smooth * smooth
        count += 1
        if count == size:
            frames.append(math.sqrt(total / size))
            total, count = 0.0, 0
    return frames


def speech_run(energy: list[float], floor: float, gap: int = 8) -> tuple[int, int]:
    """The first stretch of frames above `floor` (pauses between words under `gap`
    frames bridged): its first frame and its length in frames."""
    first = next((i for i, e in enumerate(energy) if e > floor), None)
    if first is None:
        return -1, 0
    last, quiet = first, 0
    for i in range(first + 1, len(energy)):
        if energy[i] > floor:
            last, quiet = i, 0
        else:
            quiet += 1
            if quiet >= gap:
                break
    return first, last - first + 1


def test_the_first_get_ready_is_spoken_on_its_moment(tmp_path: Path):
    require_simpleaudio()
    require_espeak()
    env, raw = capture_env(tmp_path)
    locations = Locations.resolve(tmp_path / "data")
    dirs = [builtin_dir("sounds")]
    session, problems = check_text(SESSION, "spoken.yaml", sound_dirs=dirs)
    assert not problems
    engine = Engine(plan(session), speed=SPEED)
    prefs = Preferences(volume=1.0)
    voice, _ = start(engine.timeline, prefs, locations, found=discover("espeak-ng"))
    assert voice is not None
    assert voice.renderer.wait(30) and not voice.renderer.failed  # `voice prepare`'s job
    output = PlayerProcess(env)
    cues = CueScheduler(engine, lambda: output, prefs, lambda: False, dirs, time.monotonic, voice)
    engine.subscribe(cues)
    engine.start()
    cues.flush()
    deadline = time.monotonic() + 30
    while not engine.finished and time.monotonic() < deadline:
        time.sleep(0.005)
        engine.tick()
        cues.flush()
    output.close(wait=5.0)

    assert engine.finished
    assert output.played[0] == "get_ready"
    assert output.latencies[0] < 0.05, output.latencies  # started within 50 ms of its moment
    phrase = voice.renderer.clip("Fire hydrant. Left side. Two reps.")
    assert phrase is not None
    spoken = samples_of_wav(phrase)
    captured = samples_of_raw(raw)[PROBE:]
    # The capture opens with the phrase espeak-ng rendered, not with the get-ready tone.
    assert captured[:2000] == spoken[:2000]
    tone = samples_of_wav(builtin_dir("sounds") / "get_ready.wav")
    assert captured.tobytes().find(tone[:300].tobytes()) == -1
    rate = 22050  # espeak-ng's rate: the capture holds the phrase's samples as played
    energy = band_energy(captured[: int(1.75 * rate)], rate)
    first, length = speech_run(energy, floor=FLOOR)
    start_ms = output.latencies[0] * 1000 + first * FRAME * 1000
    assert 0 <= start_ms < 50, start_ms
    assert length * FRAME >= 0.3, energy[:80]
    # Then the countdown, spoken too, on its moment; at this speed the phrase outlasts
    # "Three.", which is left out rather than cutting it: the tick heard first comes
    # after the whole phrase.
    assert output.played[1] == "countdown" and output.latencies[1] < 0.05
    tick = samples_of_wav(Path(output.files[1]))
    assert captured.tobytes().find(tick[:300].tobytes()) // 2 >= len(spoken)
