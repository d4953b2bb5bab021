"""`sound-check` exits 1 when no cue could be played, so a script can tell."""

from __future__ import annotations

import io

import pytest

from tuitrainer.audio import outputs
from tuitrainer.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_nothing_could_play_exits_1(data_dir, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(
        outputs, "choose", lambda bell=None: (outputs.SilentOutput(), "Sound: off (no output)")
    )
    code, out, err = run("sound-check")
    assert code == 1
    assert "Sound: off" in out and "nothing could be played" in err


def test_an_output_that_plays_exits_0(data_dir, monkeypatch: pytest.MonkeyPatch):
    rang: list[str] = []
    bell = outputs.BellOutput(lambda: rang.append("ding"))
    monkeypatch.setattr(outputs, "choose", lambda bell_=None, **_: (bell, "Sound: bell"))
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    code, _, _ = run("sound-check")
    assert code == 0 and rang
