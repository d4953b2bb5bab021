"""The core (sessions, planner, engine, events, history...) must run without Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "tuitrainer"
CORE_MODULES = [
    "tuitrainer.session",
    "tuitrainer.planner",
    "tuitrainer.fit",
    "tuitrainer.engine",
    "tuitrainer.events",
    "tuitrainer.schedule",
    "tuitrainer.daily",
]
# Core places; the later ones are checked once they exist.
CORE_PATHS = [
    "__init__.py",
    "session",
    "planner.py",
    "fit.py",
    "engine.py",
    "events.py",
    "history",
    "assessment",
    "audio",
    "schedule",
    "daily.py",
    "reminders",
    "library.py",
    "library_changes.py",
    "sharing.py",
    "exercise_catalogue.py",
    "tally.py",
    "display.py",
    "config.py",
    "locations.py",
    "durations.py",
    "cue_names.py",
    "sound_files.py",
    "safety_note.py",
    "dose.py",
]


def core_files() -> list[Path]:
    files: list[Path] = []
    for name in CORE_PATHS:
        path = PACKAGE / name
        if path.is_dir():
            files += sorted(path.rglob("*.py"))
        elif path.is_file():
            files.append(path)
    return files


def textual_imports(path: Path, root: Path = PACKAGE) -> list[str]:
    """`import textual...` / `from textual... import` anywhere in a module, even in a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [
            f"{path.relative_to(root)}:{node.lineno}: {name}"
            for name in names
            if name == "textual" or name.startswith("textual.")
        ]
    return found


def test_importing_the_core_does_not_load_textual():
    code = (
        "import sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    __import__(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PACKAGE.parent,  # import from src, like the installed package
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"textual was imported: {result.stdout.strip()}"


def test_core_files_are_found():
    names = {p.relative_to(PACKAGE).as_posix() for p in core_files()}
    assert {"engine.py", "planner.py", "events.py", "session/model.py"} <= names


@pytest.mark.parametrize("path", core_files(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_module_does_not_import_textual(path):
    assert textual_imports(path) == []


def test_the_static_check_sees_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os, textual.app\n"
        "from textual.widgets import Static\n"
        "from textual import on\n"
        "def later():\n"
        "    import textual\n"
        "from . import textual_free\n"
        "import textualish\n"
    )
    found = textual_imports(sample, root=tmp_path)
    assert found == [
        "sample.py:1: textual.app",
        "sample.py:2: textual.widgets",
        "sample.py:3: textual",
        "sample.py:5: textual",
    ]
