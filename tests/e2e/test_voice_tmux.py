"""The whole program speaks: phrases prepared with `voice prepare`, a workout run in a
real terminal, and what the player played captured through ALSA's file plugin."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.alsa import capture_env, require_simpleaudio, samples_of_raw, samples_of_wav
from tests.conftest import DATA
from tests.e2e.tmux import TUITRAINER, Terminal, cli, needs_tmux, run_env
from tuitrainer.locations import Locations, builtin_dir
from tuitrainer.speech.cache import clip_path
from tuitrainer.speech.engines import discover

pytestmark = needs_tmux


def test_a_prepared_workout_is_spoken_by_the_real_program(tmp_path: Path):
    require_simpleaudio()
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (CI installs it)")
    session = str(DATA / "sessions" / "quick.yaml")
    prepared = cli("voice", "prepare", session, data_dir=tmp_path)
    assert prepared.returncode == 0, prepared.stderr
    assert "Voice: espeak-ng" in prepared.stdout
    capture, raw = capture_env(tmp_path)
    env = run_env(tmp_path)
    env["ALSA_CONFIG_PATH"] = capture["ALSA_CONFIG_PATH"]
    Locations.resolve(tmp_path).config_file.write_text("ask_pain_before = false\nvolume = 1\n")
    term = Terminal([TUITRAINER, "run", session, "--speed", "4"], env)
    try:
        term.wait_for("Press space to start")
        # The sound output is chosen once its probe (441 samples of silence) is heard,
        # and handed to the app a moment later.
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and (not raw.exists() or raw.stat().st_size < 882):
            time.sleep(0.05)
        assert raw.exists(), "the sound player never opened the device"
        time.sleep(0.5)
        term.press("Space")
        term.wait_for("1 / 3 reps")  # past the get-ready (4 s at speed 4) and a rep
        term.press("q")
    finally:
        term.close()
    speaker = discover("espeak-ng").speaker
    assert speaker is not None
    phrase = clip_path(
        Locations.resolve(tmp_path).speech_cache, speaker, "Fire hydrant. Left side. Three reps."
    )
    stream = samples_of_raw(raw).tobytes()
    spoken = stream.find(samples_of_wav(phrase)[:2000].tobytes())
    assert spoken >= 0  # the get-ready was said...
    tone = samples_of_wav(builtin_dir("sounds") / "get_ready.wav")[:300].tobytes()
    assert stream.find(tone) == -1  # ...and its tone not played
