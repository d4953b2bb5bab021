"""Choosing an output: every fallback, the backend chosen and the notice given."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tests.alsa import broken_device_env, require_simpleaudio
from tuitrainer.audio.outputs import (
    BellOutput,
    CommandOutput,
    OutputUnavailable,
    PlayerProcess,
    SilentOutput,
    choose,
)
from tuitrainer.locations import builtin_dir

GO = builtin_dir("sounds") / "go.wav"


def no_programs(name: str) -> None:
    return None


def unavailable(env):
    raise OutputUnavailable("simpleaudio unavailable: No module named 'simpleaudio'")


def test_missing_module_is_reported_by_the_player_process(tmp_path: Path):
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "simpleaudio.py").write_text("raise ImportError('no simpleaudio here')\n")
    src = Path(__import__("tuitrainer").__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(shadow), str(src)])}
    with pytest.raises(OutputUnavailable, match="simpleaudio unavailable: no simpleaudio here"):
        PlayerProcess(env)


def test_missing_module_falls_back_to_the_bell_with_a_notice():
    rung: list[str] = []
    output, notice = choose(bell=lambda: rung.append("bell"), which=no_programs, player=unavailable)
    assert isinstance(output, BellOutput)
    assert notice == "Sound: bell only, no sound device"
    assert "No module named 'simpleaudio'" in output.why
    assert "no system sound player" in output.why
    output.play("rep", GO, time.monotonic(), 1.0)  # too frequent for a bell
    output.play("switch_sides", GO, time.monotonic(), 1.0)
    assert rung == ["bell"]


def test_nothing_at_all_is_silence_with_a_notice():
    output, notice = choose(bell=None, which=no_programs, player=unavailable)
    assert isinstance(output, SilentOutput)
    assert notice == "Sound: off, no sound device"
    output.play("go", GO, time.monotonic(), 1.0)  # never raises


def test_a_failing_device_is_detected_and_the_system_player_used(tmp_path: Path):
    require_simpleaudio()
    env = broken_device_env(tmp_path)
    with pytest.raises(OutputUnavailable):
        PlayerProcess(env)  # opening ALSA's default device fails; nothing raised past here

    log = tmp_path / "calls.log"
    fake = tmp_path / "paplay"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {log}\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    output, notice = choose(env=env, which=lambda name: str(fake) if name == "paplay" else None)
    assert isinstance(output, CommandOutput) and output.name == "paplay"
    assert notice == "Sound: paplay (simpleaudio could not play)"
    assert output.why.startswith("simpleaudio: ")
    output.play("go", GO, time.monotonic(), 0.5)
    output._current.wait(timeout=5)
    assert log.read_text().splitlines()[-1] == f"--volume=32768 {GO}"


def test_a_system_player_that_cannot_open_a_device_is_passed_over(tmp_path: Path):
    fake = tmp_path / "aplay"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    output, notice = choose(
        bell=None, which=lambda name: str(fake) if name == "aplay" else None, player=unavailable
    )
    assert isinstance(output, SilentOutput)
    assert "aplay could not open a sound device" in output.why


def test_the_player_process_keeps_alsa_noise_off_our_stderr(tmp_path: Path, capfd):
    require_simpleaudio()
    with pytest.raises(OutputUnavailable):
        PlayerProcess(broken_device_env(tmp_path))
    captured = capfd.readouterr()
    assert "ALSA" not in captured.err and captured.err == ""


def test_settings_with_a_byte_order_mark_are_read(tmp_path: Path):
    from tuitrainer.config import load

    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xef\xbb\xbfvolume = 0.5\nask_pain_before = false\n")
    prefs, problems = load(path)
    assert problems == []
    assert prefs.volume == 0.5 and prefs.ask_pain_before is False


def test_settings_problems_say_where_and_suggest(tmp_path: Path):
    from tuitrainer.config import load

    path = tmp_path / "settings.toml"
    path.write_text(
        "# mine\n"
        "volum = 0.5\n"
        "muted = 'yes'\n"
        "volume = 3\n"
        "\n"
        "[cues]\n"
        "rep = false\n"
        "get_redy = false\n"
        "go = 1\n"
    )
    prefs, problems = load(path)
    assert problems == [
        f"{path}:2: unknown setting 'volum'; did you mean 'volume'?",
        f"{path}:3: muted must be true or false, not 'yes'",
        f"{path}:4: volume must be a number from 0 to 1, not 3",
        f"{path}:8: unknown cue 'get_redy'; did you mean 'get_ready'?",
        f"{path}:9: cues.go must be true or false",
    ]
    assert prefs.cues["rep"] is False and prefs.volume == 0.8  # the good ones still apply


def test_settings_that_are_not_toml_give_line_and_column(tmp_path: Path):
    from tuitrainer.config import load

    path = tmp_path / "settings.toml"
    path.write_text("volume = 0.5\nmuted = tru\n")
    prefs, problems = load(path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:2:9: ") and problems[0].endswith("using the defaults")
    assert prefs.volume == 0.8
    path.write_bytes(b"volume = 0.5\n\xff\n")
    assert load(path)[1] == [f"{path}: not UTF-8 text (byte 13); using the defaults"]


def test_dotted_cue_keys_are_found_too(tmp_path: Path):
    from tuitrainer.config import load

    path = tmp_path / "settings.toml"
    path.write_text("volume = 0.5\ncues.rest = 'no'\n")
    assert load(path)[1] == [f"{path}:2: cues.rest must be true or false"]


@pytest.mark.parametrize(
    ("text", "path", "line"),
    [
        ("# c\n\n  volume=2  # x\n", ("volume",), 3),
        ("[ cues ] # comment\nrep = 1\n", ("cues", "rep"), 2),
        ('["cues"]\nrep = 1\n', ("cues", "rep"), 2),
        ('"cues".rep = 1\n', ("cues", "rep"), 1),
        ('cues."rep" = 1\n', ("cues", "rep"), 1),
        ("cues = { rep = 1 }\n", ("cues", "rep"), 1),  # the inline table's line
        ("[cues.sub]\nx = 1\n", ("cues", "sub"), 1),
        ("sound.volume = 1\n", ("sound",), 1),
        ("[sound.x]\n", ("sound",), 1),
        ("[[sound]]\n", ("sound",), 1),
        ('note = """\nvolume = 2\n"""\nvolume = 3\n', ("volume",), 4),  # not in a string
        ("arr = [\n  [1],\n]\nvolume = 3\n", ("volume",), 4),  # not an array's line
        ("[cues]\nrep = true\n[other]\nrep = 1\n", ("cues", "rep"), 2),
        ("muted = 1\n[cues]\nmuted = 2\n", ("muted",), 1),
    ],
)
def test_a_settings_key_is_found_again_in_the_text(text: str, path: tuple, line: int):
    from tuitrainer.config import _line_of

    assert _line_of(text, path) == line
