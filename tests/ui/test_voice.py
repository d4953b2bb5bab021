"""The app speaks a workout's cues when it can play files: the phrases render in the
background while the workout waits, and then replace the tones."""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tests.speech_fakes import Speakers, fake_espeak
from tests.ui.conftest import QUICK, advance
from tuitrainer.app import create_app
from tuitrainer.audio.outputs import Output
from tuitrainer.history.assessments import acknowledge
from tuitrainer.locations import Locations
from tuitrainer.screens.workout import WorkoutScreen
from tuitrainer.session import load_session


def app_with(locations: Locations, clock: FakeClock, output: Output):
    app = create_app(locations, clock=clock, session=load_session(QUICK), audio=output)
    acknowledge(app.store)  # past the first-run safety note
    return app


@pytest.fixture
def espeak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    program, log = fake_espeak(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    return log


async def until(condition, seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("waited in vain")


async def test_a_workout_speaks_once_its_phrases_are_rendered(
    locations: Locations, clock: FakeClock, espeak: Path
):
    output = Speakers()
    app = app_with(locations, clock, output)
    async with app.run_test() as pilot:
        await pilot.press("escape")  # no pain rating
        assert isinstance(app.screen, WorkoutScreen)
        voice = app.screen.workout.cues.voice
        assert voice is not None and voice.speaker.engine == "espeak-ng"
        await until(lambda: voice.renderer.wait(0) and len(voice.renderer.ready) > 10)
        await pilot.press("space")
        for _ in range(20):
            await advance(pilot, clock, 0.25)
        assert output.played[:5] == ["get_ready", "countdown", "countdown", "countdown", "go"]
        assert output.files[0] == voice.renderer.clip("Fire hydrant. Left side. Three reps.").name
        assert output.files[4] == voice.renderer.clip("Go.").name
        tones = [name for name in output.files if not re.fullmatch(r"[0-9a-f]{32}\.wav", name)]
        assert set(tones) <= {"down.wav"}  # only a rep's down keeps its tone
        assert not any(n.startswith("Voice:") for n in (x.message for x in app._notifications))


async def test_no_engine_the_tones_play_and_one_notice_says_so(
    locations: Locations, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "nothing").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    monkeypatch.setattr("tuitrainer.speech.engines._has_piper", lambda: False)
    output = Speakers()
    app = app_with(locations, clock, output)
    async with app.run_test() as pilot:
        await pilot.press("escape")
        assert app.screen.workout.cues.voice is None
        await pilot.press("space")
        for _ in range(8):
            await advance(pilot, clock, 0.25)
        assert output.files[:2] == ["get_ready.wav", "countdown.wav"]
        notices = [n.message for n in app._notifications if n.message.startswith("Voice:")]
        assert notices == ["Voice: none found, cues stay tones (install espeak-ng; see the README)"]


async def test_voice_off_or_no_sound_device_renders_nothing(
    locations: Locations, clock: FakeClock, espeak: Path
):
    from tuitrainer.audio.outputs import SilentOutput

    app = app_with(locations, clock, SilentOutput())
    async with app.run_test() as pilot:
        await pilot.press("escape")
        assert app.screen.workout.cues.voice is None
    locations.config_file.write_text('voice = "off"\n')
    app = app_with(locations, clock, Speakers())
    async with app.run_test() as pilot:
        await pilot.press("escape")
        assert app.screen.workout.cues.voice is None
        assert not [n for n in app._notifications if n.message.startswith("Voice:")]
    assert not espeak.exists()  # the engine never ran
