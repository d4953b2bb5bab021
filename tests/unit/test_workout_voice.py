"""The workout core gives each workout its voice: rendering from the moment it opens,
tones where there is no engine (said once), nothing where nothing can be heard."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import DATA, FakeClock
from tests.speech_fakes import Speakers, fake_espeak
from tests.unit.test_workout import desk, run_to_end
from tuitrainer.audio.outputs import SilentOutput
from tuitrainer.config import Preferences
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations
from tuitrainer.session import load_session

QUICK = DATA / "sessions" / "quick.yaml"


@pytest.fixture
def store(locations: Locations):
    store, _ = HistoryStore.open(locations.database)
    yield store
    store.close()


@pytest.fixture
def espeak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    program, log = fake_espeak(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    return log


def test_a_workout_opens_with_its_phrases_rendering_and_speaks_them(
    store,
    locations: Locations,
    clock: FakeClock,
    espeak: Path,
):
    output = Speakers()
    workouts, told = desk(store, locations, clock, output, prefs=Preferences())
    workout = workouts.open(load_session(QUICK))
    voice = workout.cues.voice
    assert voice is not None and voice.renderer.wait(30) and not voice.renderer.failed
    workout.start()
    run_to_end(workout, clock)
    assert output.files[0] == voice.renderer.clip("Fire hydrant. Left side. Three reps.").name
    assert output.files[-1] == voice.renderer.clip("Workout done.").name
    assert told == []  # a working voice is not announced
    workouts.stop_speaking()


def test_opening_the_next_workout_stops_the_last_ones_rendering(
    store,
    locations: Locations,
    clock: FakeClock,
    espeak: Path,
):
    workouts, _ = desk(store, locations, clock, Speakers(), prefs=Preferences())
    first = workouts.open(load_session(QUICK)).cues.voice
    second = workouts.open(load_session(QUICK)).cues.voice
    assert first is not None and second is not None
    proc = first.renderer.proc
    assert proc is None or proc.poll() is not None
    workouts.stop_speaking()


def test_no_engine_tones_and_one_notice_for_the_whole_run(
    store,
    locations: Locations,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch,
):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("tuitrainer.speech.engines._has_piper", lambda: False)
    output = Speakers()
    workouts, told = desk(store, locations, clock, output, prefs=Preferences())
    for _ in range(2):
        workout = workouts.open(load_session(QUICK))
        assert workout.cues.voice is None
    workout.start()
    run_to_end(workout, clock)
    assert output.files[0] == "get_ready.wav"
    assert [n.text for n in told] == [
        "Voice: none found, cues stay tones (install espeak-ng; see the README)"
    ]


def test_nothing_is_rendered_without_a_device_or_with_the_voice_off(
    store,
    locations: Locations,
    clock: FakeClock,
    espeak: Path,
):
    workouts, told = desk(store, locations, clock, SilentOutput(), prefs=Preferences())
    assert workouts.open(load_session(QUICK)).cues.voice is None
    workouts, told = desk(store, locations, clock, Speakers(), prefs=Preferences(voice="off"))
    assert workouts.open(load_session(QUICK)).cues.voice is None
    assert told == [] and not espeak.exists()
