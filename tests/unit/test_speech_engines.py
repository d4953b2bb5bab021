"""Which engine speaks, how clips are cached and reused, and the render process, with
fake engines (tests/speech_fakes.py) standing in for espeak-ng and Piper."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from tests.alsa import samples_of_wav
from tests.speech_fakes import fake_espeak, fake_piper
from tuitrainer.speech import cache
from tuitrainer.speech.engines import Speaker, discover, notice
from tuitrainer.speech.render import Renderer, command

WAIT = 30.0


def which_of(**programs: str):
    return lambda name: programs.get(name.replace("-", "_"))


def test_engines_are_tried_in_order_piper_espeak_say_sapi(tmp_path: Path):
    voices = tmp_path / "voices"
    voices.mkdir()
    (voices / "a.onnx").write_bytes(b"x")
    (voices / "a.onnx.json").write_text("{}")
    everything = which_of(espeak_ng="/bin/espeak-ng", say="/usr/bin/say", powershell="/ps")
    found = discover(voices=voices, which=everything, has_piper=lambda: True, platform="darwin")
    assert found.speaker is not None and found.speaker.engine == "piper"
    assert found.speaker.voice == str(voices / "a.onnx")
    found = discover(voices=voices, which=everything, has_piper=lambda: False, platform="darwin")
    assert found.speaker.engine == "espeak-ng"
    assert found.tried == ("piper: not installed (the `voice` extra)",)
    mac = which_of(say="/usr/bin/say")
    found = discover(voices=voices, which=mac, has_piper=lambda: False, platform="darwin")
    assert found.speaker.engine == "say"
    windows = which_of(powershell="C:/ps.exe")
    found = discover(voices=voices, which=windows, has_piper=lambda: False, platform="win32")
    assert found.speaker.engine == "sapi" and found.speaker.program == "C:/ps.exe"


def test_piper_without_a_model_falls_back_and_says_why(tmp_path: Path):
    espeak = which_of(espeak_ng="/bin/espeak-ng")
    found = discover(voices=tmp_path / "none", which=espeak, has_piper=lambda: True)
    assert found.speaker.engine == "espeak-ng"
    assert "no voice model" in found.tried[0]
    model = tmp_path / "m.onnx"
    model.write_bytes(b"x")  # but no m.onnx.json beside it
    found = discover(model=str(model), which=espeak, has_piper=lambda: True)
    assert found.speaker.engine == "espeak-ng" and "m.onnx.json is missing" in found.tried[0]


def test_no_engine_means_tones_and_one_notice_and_off_means_no_notice():
    found = discover(which=lambda name: None, has_piper=lambda: False, platform="linux")
    assert found.speaker is None
    assert len(found.tried) == 4
    assert notice(found).startswith("Voice: none found")
    off = discover("off", which=which_of(espeak_ng="/bin/espeak-ng"))
    assert off.speaker is None and notice(off) == ""


def test_a_named_engine_is_the_only_one_tried():
    found = discover("say", which=which_of(espeak_ng="/bin/espeak-ng"), platform="linux")
    assert found.speaker is None and found.tried == ("say: macOS only",)
    found = discover("espeak-ng", which=which_of(espeak_ng="/bin/e"), has_piper=lambda: True)
    assert found.speaker.engine == "espeak-ng"


def test_commands_pass_the_voice_and_rate_and_never_the_text(tmp_path: Path):
    out = tmp_path / "o.wav"
    espeak = command(Speaker("espeak-ng", "/bin/espeak-ng", "en-gb", 1.2), out)
    assert espeak == ["/bin/espeak-ng", "-v", "en-gb", "-s", "210", "-z", "-w", str(out), "--stdin"]
    say = command(Speaker("say", "/usr/bin/say", "", 0.8), out)
    assert say == ["/usr/bin/say", "-r", "140", "-o", str(out), "--data-format=LEI16@22050"]
    sapi = command(Speaker("sapi", "ps", "Zira"), out)
    assert "Zira" not in " ".join(sapi)  # everything reaches the script as environment


def test_cache_keys_change_with_engine_voice_rate_and_text_only():
    base = Speaker("espeak-ng", "/bin/espeak-ng", "en", 1.0)
    key = cache.key(base, "Go.")
    assert key == cache.key(Speaker("espeak-ng", "/usr/local/bin/espeak-ng", "en", 1.0), "Go.")
    others = [
        cache.key(Speaker("piper", "/bin/espeak-ng", "en", 1.0), "Go."),
        cache.key(Speaker("espeak-ng", "/bin/espeak-ng", "en-us", 1.0), "Go."),
        cache.key(Speaker("espeak-ng", "/bin/espeak-ng", "en", 1.1), "Go."),
        cache.key(Speaker("espeak-ng", "/bin/espeak-ng", "en", 1.0, "2:3"), "Go."),
        cache.key(base, "Go!"),
    ]
    assert len({key, *others}) == 6


def test_clean_cuts_the_silence_before_a_phrase_and_evens_its_loudness(tmp_path: Path):
    program, _ = fake_espeak(tmp_path / "bin")
    renderer = Renderer(Speaker("espeak-ng", str(program)), tmp_path / "cache", ["Go."])
    assert renderer.wait(WAIT)
    clip = renderer.clip("Go.")
    assert clip is not None
    samples = samples_of_wav(clip)
    lead = next(i for i, s in enumerate(samples) if abs(s) > 100)
    assert lead <= 0.006 * 22050  # the fake engine's 65 ms of silence is gone, bar 5 ms
    assert max(samples) == pytest.approx(cache.PEAK, abs=2)
    with wave.open(str(clip), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)


def test_phrases_render_once_and_are_reused(tmp_path: Path):
    program, log = fake_espeak(tmp_path / "bin")
    speaker = Speaker("espeak-ng", str(program), "en", 1.0)
    folder = tmp_path / "cache"
    folder.mkdir()
    texts = ["Fire hydrant. Left side. Ten reps.", "Go.", "One.", "Go."]
    first = Renderer(speaker, folder, texts)
    assert first.jobs == 3  # the same phrase twice is rendered once
    assert first.wait(WAIT) and not first.failed
    assert all(first.clip(text) for text in texts)
    assert len(log.read_text().splitlines()) == 3
    again = Renderer(speaker, folder, texts)
    assert again.jobs == 0 and again.proc is None  # nothing to do: no process at all
    assert all(again.clip(text) for text in texts)
    faster = Renderer(Speaker("espeak-ng", str(program), "en", 1.5), folder, texts)
    assert faster.jobs == 3  # another rate is another clip
    faster.wait(WAIT)
    assert len(list(folder.glob("*.wav"))) == 6
    assert not list(folder.glob(".*"))  # no temporary file left behind


def test_a_phrase_that_fails_is_reported_and_the_others_render(tmp_path: Path):
    program, _ = fake_espeak(tmp_path / "bin")
    told: list[tuple[str, str | None]] = []
    renderer = Renderer(
        Speaker("espeak-ng", str(program)),
        tmp_path / "cache",
        ["FAIL now.", "Go."],
        on_done=lambda text, why: told.append((text, why)),
    )
    renderer.wait(WAIT)
    assert renderer.clip("FAIL now.") is None and renderer.clip("Go.") is not None
    assert renderer.failed == {"FAIL now.": "the fake engine refuses that"}
    assert sorted(told, key=str) == [("FAIL now.", "the fake engine refuses that"), ("Go.", None)]


def test_piper_renders_in_the_render_process_with_its_model(tmp_path: Path):
    env, model = fake_piper(tmp_path)
    found = discover(voices=model.parent, which=lambda name: None, has_piper=lambda: True)
    assert found.speaker is not None and found.speaker.engine == "piper"
    assert found.speaker.stamp  # a replaced model file renders anew
    assert found.speaker.describe() == "piper (voice en_US-fake-medium.onnx)"
    renderer = Renderer(found.speaker, tmp_path / "cache", ["Go.", "Last one."], env=env)
    assert renderer.wait(WAIT) and not renderer.failed
    assert renderer.clip("Go.") is not None and renderer.clip("Last one.") is not None


def test_a_piper_that_cannot_load_fails_every_phrase_without_hanging(tmp_path: Path):
    env, model = fake_piper(tmp_path)
    speaker = Speaker("piper", "python", str(tmp_path / "broken.bin"))
    renderer = Renderer(speaker, tmp_path / "cache", ["Go."], env=env)
    assert renderer.wait(WAIT)
    assert renderer.clip("Go.") is None
    assert "not a model" in "".join(renderer.failed.values())


def test_closing_stops_rendering_and_keeps_what_is_done(tmp_path: Path):
    program, _ = fake_espeak(tmp_path / "bin")
    texts = [f"Phrase {i}." for i in range(40)]
    renderer = Renderer(Speaker("espeak-ng", str(program)), tmp_path / "cache", texts)
    renderer.close()
    assert renderer.proc is not None and renderer.proc.poll() is not None


def test_closing_while_many_phrases_are_fed_never_hangs(tmp_path: Path):
    program, _ = fake_espeak(tmp_path / "bin")
    texts = [f"A long phrase for the pipe, number {i}." + " pad" * 200 for i in range(400)]
    renderer = Renderer(Speaker("espeak-ng", str(program)), tmp_path / "cache", texts)
    renderer.close()  # the feeding must not hang a thread or the app either way
    assert renderer.wait(10)
