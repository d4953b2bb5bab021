"""settings.toml never stops the app: deep nesting, a FIFO and a huge file each give one
problem line, and the app goes on with its defaults."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from tuitrainer.config import Preferences, load
from tuitrainer.keymap import load as load_keys


def loaded_within(seconds: float, path: Path):
    """`load(path)`, failing (not hanging the test run) if it takes longer."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(load(path)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, f"loading {path} took more than {seconds} s"
    return result[0]


def test_deep_nesting_is_a_problem_line_not_a_crash(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text("volume = " + "[" * 500 + "]" * 500 + "\n")  # about 1 KB
    prefs, problems = loaded_within(5, path)
    assert prefs == Preferences()
    assert problems == [f"{path}: nested 500 levels deep, at most 20; using the defaults"]


def test_deep_inline_tables_too(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text("a = " + "{b = " * 300 + "1" + "}" * 300 + "\n")
    prefs, problems = loaded_within(5, path)
    assert prefs == Preferences() and "nested 300 levels deep" in problems[0]


def test_a_fifo_is_not_waited_on(tmp_path: Path):
    path = tmp_path / "settings.toml"
    os.mkfifo(path)
    prefs, problems = loaded_within(2, path)
    assert prefs == Preferences()
    assert problems == [f"{path}: not a regular file; using the defaults"]
    assert load_keys(path, {"x"})[1] == [f"{path}: not a regular file; using the default keys"]


def test_a_huge_file_is_not_read(tmp_path: Path):
    path = tmp_path / "settings.toml"
    with path.open("wb") as file:
        file.truncate(140_000_000)  # sparse: 140 MB that cost no disk
    began = time.monotonic()
    prefs, problems = load(path)
    assert time.monotonic() - began < 0.5
    assert prefs == Preferences()
    assert problems == [f"{path}: larger than 1 MB; using the defaults"]


def test_a_good_file_still_loads(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text('volume = 0.5  # [[not a table]]\nnote = "{[{["\n[cues]\ngo = false\n')
    prefs, problems = load(path)
    assert prefs.volume == 0.5 and not prefs.cue_enabled("go")
