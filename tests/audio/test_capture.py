"""Real playback, captured: a short workout at high speed through simpleaudio into a file.

ALSA's `file` plugin stands in for a sound card (tests/alsa.py), so the test hears
exactly the samples simpleaudio played, and matches them against the cue files.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.alsa import capture_env, cue_order, require_simpleaudio, samples_of_raw, samples_of_wav
from tuitrainer.audio.cues import CueScheduler
from tuitrainer.audio.outputs import PlayerProcess
from tuitrainer.config import CUE_NAMES, Preferences
from tuitrainer.engine import Engine
from tuitrainer.locations import builtin_dir
from tuitrainer.planner import plan
from tuitrainer.session import check_text

# At speed 4 the shortest gap between two cues is a quarter of a second (a part of a
# guided rep), longer than any cue but the longest two, which come last.
# Planned: 12.0 s, so 3 s of real time.
SESSION = """name: Capture
get_ready_seconds: 3
exercises:
  - name: Fire hydrant
    reps: 2
    rep_seconds: 2
    side_rest_seconds: 3
"""
EXPECTED = [
    "get_ready",
    "countdown",
    "countdown",
    "go",  # with the first lift
    "down",
    "up",  # the second rep (its count's knock gives way to it)
    "down",
    "switch_sides",
    "countdown",
    "countdown",
    "go",
    "down",
    "up",
    "down",
    "workout_done",
]
SPEED = 4.0


def test_a_workout_plays_its_cues_in_order(tmp_path: Path):
    require_simpleaudio()
    env, raw = capture_env(tmp_path)
    dirs = [builtin_dir("sounds")]
    session, problems = check_text(SESSION, "capture.yaml", sound_dirs=dirs)
    assert not problems
    engine = Engine(plan(session), speed=SPEED)
    output = PlayerProcess(env)
    cues = CueScheduler(
        engine, lambda: output, Preferences(volume=1.0), lambda: False, dirs, time.monotonic
    )
    engine.subscribe(cues)
    engine.start()
    cues.flush()
    deadline = time.monotonic() + 30
    while not engine.finished and time.monotonic() < deadline:
        time.sleep(0.005)
        engine.tick()
        cues.flush()
    output.close(wait=5.0)  # let the last cue play out into the capture

    assert engine.finished
    assert output.played == EXPECTED
    sounds = {name: samples_of_wav(builtin_dir("sounds") / f"{name}.wav") for name in CUE_NAMES}
    assert cue_order(samples_of_raw(raw), sounds) == EXPECTED
    assert len(output.latencies) == len(EXPECTED)
    assert max(output.latencies) < 0.25, output.latencies
