"""The import contracts in pyproject.toml hold: every floor imports only the floors
below it, and the core (sessions, planner, engine, history, sound, assessment, the
workout core) never imports Textual or Rich, not even inside a function."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]


def test_the_import_contracts_are_kept(capsys: pytest.CaptureFixture[str]):
    before = Path.cwd()
    os.chdir(ROOT)  # the contracts are read from pyproject.toml here
    try:
        code = lint_imports(no_cache=True, no_logo=True)
    finally:
        os.chdir(before)
    report = capsys.readouterr().out
    assert code == 0, report
    assert "2 kept, 0 broken" in report


def test_a_broken_layer_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The check can fail: a copy of the package whose session imports the planner."""
    package = tmp_path / "src" / "tuitrainer"
    shutil.copytree(ROOT / "src" / "tuitrainer", package)
    files = package / "session" / "files.py"
    files.write_text(files.read_text() + "\nfrom ..planner import plan  # noqa: E402\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path / "src"))
    for name in [m for m in sys.modules if m == "tuitrainer" or m.startswith("tuitrainer.")]:
        monkeypatch.delitem(sys.modules, name)  # found again in the copy
    assert lint_imports(no_cache=True, no_logo=True) == 1
