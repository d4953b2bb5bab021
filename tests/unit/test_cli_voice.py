"""`tuitrainer voice prepare`, `voice test`, the voice line of `sound-check`, and the
voice's settings; a fake espeak-ng on PATH speaks (tests/speech_fakes.py)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.speech_fakes import fake_espeak
from tests.unit.test_cli import run
from tuitrainer.config import Preferences, dumps, load
from tuitrainer.locations import Locations


@pytest.fixture
def espeak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Only the fake espeak-ng can be found (no say, no Piper model)."""
    program, log = fake_espeak(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    return log


@pytest.fixture
def no_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr("tuitrainer.speech.engines._has_piper", lambda: False)


def test_prepare_renders_a_session_then_finds_it_ready(data_dir: Path, espeak: Path):
    code, out, err = run("voice", "prepare", "hip-mobility")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Voice: espeak-ng"
    count = int(re.match(r"(\d+) phrases for hip-mobility: (\d+) rendered", lines[1])[1])
    assert f"{count} rendered" in lines[1] and lines[1].endswith("0 already ready")
    cache = Locations.resolve(data_dir).speech_cache
    assert lines[2] == f"Cache: {cache}"
    assert len(list(cache.glob("*.wav"))) == count
    code, out, _ = run("voice", "prepare", "hip-mobility")
    assert ": 0 rendered in" in out and f"{count} already ready" in out
    assert len(espeak.read_text().splitlines()) == count  # each phrase rendered once


def test_prepare_without_a_session_renders_every_valid_one(data_dir: Path, espeak: Path):
    (data_dir / "sessions").mkdir()
    (data_dir / "sessions" / "broken.yaml").write_text("name: [\n")
    code, out, err = run("voice", "prepare")
    assert code == 0
    assert "hip-mobility, low-back-routine, lumbar-stability, thoracic-mobility" in out
    assert "skipped broken: it has problems" in err


def test_prepare_of_an_unknown_session_says_so(data_dir: Path, espeak: Path):
    code, _, err = run("voice", "prepare", "nope")
    assert code == 2 and "no session named 'nope'" in err


def test_without_an_engine_prepare_and_test_say_what_to_install(data_dir: Path, no_engine):
    for action in ("prepare", "test"):
        code, out, err = run("voice", action)
        assert code == 1 and out == ""
        assert "no speech engine found" in err and "espeak-ng: not installed" in err
        assert "install espeak-ng" in err


def test_voice_off_in_the_settings_is_said(data_dir: Path, espeak: Path):
    Locations.resolve(data_dir).config_file.write_text('voice = "off"\n')
    code, _, err = run("voice", "prepare")
    assert code == 1 and 'voice = "off"' in err


def test_voice_test_names_the_engine_and_needs_a_device(
    data_dir: Path, espeak: Path, monkeypatch: pytest.MonkeyPatch
):
    from tuitrainer.audio.outputs import SilentOutput

    monkeypatch.setattr("tuitrainer.audio.outputs.choose", lambda: (SilentOutput(), "Sound: off"))
    code, out, err = run("voice", "test")
    assert out.splitlines()[:2] == ["Voice: espeak-ng", "Sound: off"]
    assert code == 1 and "no sound device to say it on" in err


def test_voice_test_plays_the_sample_through_the_output(
    data_dir: Path, espeak: Path, monkeypatch: pytest.MonkeyPatch
):
    from tuitrainer.audio.outputs import Output

    class Heard(Output):
        plays_files = True
        paths: list[Path] = []

        def play(self, cue, path, at, volume):
            self.paths.append(path)

    monkeypatch.setattr("tuitrainer.audio.outputs.choose", lambda: (Heard(), "Sound: test"))
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    code, out, _ = run("voice", "test")
    assert code == 0 and out.splitlines()[:2] == ["Voice: espeak-ng", "Sound: test"]
    [clip] = Heard.paths
    assert clip.parent == Locations.resolve(data_dir).speech_cache and clip.is_file()


def test_sound_check_names_the_voice(data_dir: Path, espeak: Path, monkeypatch):
    from tuitrainer.audio.outputs import SilentOutput

    monkeypatch.setattr("tuitrainer.audio.outputs.choose", lambda bell: (SilentOutput(), "Sound"))
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    code, out, _ = run("sound-check")
    assert code in (0, 1) and "Voice: espeak-ng" in out.splitlines()  # 1: nothing could play


def test_sound_check_says_why_there_is_no_voice(data_dir: Path, no_engine, monkeypatch):
    from tuitrainer.audio.outputs import SilentOutput

    monkeypatch.setattr("tuitrainer.audio.outputs.choose", lambda bell: (SilentOutput(), "Sound"))
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    _, out, _ = run("sound-check")
    assert "Voice: none found, cues stay tones" in out
    assert "tried: piper: not installed (the `voice` extra); espeak-ng: not installed" in out


def test_voice_settings_are_read_and_their_mistakes_located(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text(
        'volume = 0.5\nvoice = "espeak-ng"\nvoice_name = "en-gb"\nvoice_rate = 1.25\n'
        "voice_loudness = 1.5\nvoice_logged_reps = false\n[speak]\ncountdown = false\n"
    )
    prefs, problems = load(path)
    assert problems == []
    assert (prefs.voice, prefs.voice_name, prefs.voice_rate) == ("espeak-ng", "en-gb", 1.25)
    assert prefs.voice_loudness == 1.5 and prefs.voice_logged_reps is False
    assert prefs.speak["countdown"] is False and prefs.speak["go"] is True
    path.write_text(
        'voice = "espeak"\nvoice_rate = 3\nvoice_loudness = "loud"\n'
        'voice_name = "a\\nb"\nvoice_reps = "tempo words"\n[speak]\ncountdwn = false\n'
    )
    prefs, problems = load(path)
    assert problems == [
        f"{path}:1: voice must be one of 'auto', 'off', 'piper', 'espeak-ng', 'say', 'sapi', "
        "not 'espeak'; did you mean 'espeak-ng'?",
        f"{path}:2: voice_rate must be a number from 0.5 to 2, not 3",
        f"{path}:3: voice_loudness must be a number from 0.1 to 2, not 'loud'",
        f"{path}:4: voice_name must be one line of text, not 'a\\nb'",
        f"{path}:5: voice_reps must be one of 'count', 'tempo', not 'tempo words'",
        f"{path}:7: unknown cue 'countdwn'; did you mean 'countdown'?",
    ]
    assert prefs == Preferences()  # every wrong value left at its default


def test_voice_settings_are_written_back_as_read(tmp_path: Path):
    prefs = Preferences(voice="piper", piper_model='C:\\voices\\"joe".onnx', voice_rate=0.9)
    prefs.speak["rep"] = False
    path = tmp_path / "settings.toml"
    path.write_text(dumps(prefs))
    again, problems = load(path)
    assert problems == [] and again == prefs


def test_prepare_names_the_phrases_an_engine_could_not_say(
    data_dir: Path, espeak: Path, tmp_path: Path
):
    session = tmp_path / "odd.yaml"
    session.write_text(
        "name: Odd\nexercises:\n  - name: FAIL hold\n    sides: [both]\n    reps: 1\n"
    )
    code, out, err = run("voice", "prepare", str(session))
    assert code == 1
    assert "failed: 'FAIL hold. Both sides. One rep.': the fake engine refuses that" in err
    assert re.search(r"\d+ phrases for odd: \d+ rendered", out)
