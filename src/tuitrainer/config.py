"""User preferences in a small TOML file in the platform's config folder.

Read with the standard library's tomllib; written by hand (the file is flat
and small). A damaged file never stops the app: defaults are used and the
problem is reported once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .cue_events import CUE_EVENTS as CUE_NAMES  # the cue events, in workout order


@dataclass
class Preferences:
    """What a user can set once and keep. Every field has a safe default."""

    volume: float = 0.8  # 0.0 to 1.0
    muted: bool = False
    cues: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(CUE_NAMES, True))
    ask_pain_before: bool = True

    def cue_enabled(self, name: str) -> bool:
        return self.cues.get(name, True)


def _coerce(prefs: Preferences, data: dict[str, Any]) -> list[str]:
    """Copy known, well-typed values from `data`; return what was wrong."""
    problems: list[str] = []
    known = {f.name for f in fields(Preferences)}
    for key, value in data.items():
        if key not in known:
            problems.append(f"unknown setting {key!r}")
        elif key == "volume":
            if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
                prefs.volume = float(value)
            else:
                problems.append("volume must be a number from 0 to 1")
        elif key in ("muted", "ask_pain_before"):
            if isinstance(value, bool):
                setattr(prefs, key, value)
            else:
                problems.append(f"{key} must be true or false")
        elif key == "cues":
            if not isinstance(value, dict):
                problems.append("[cues] must be a table of cue = true/false")
                continue
            for cue, on in value.items():
                if cue in CUE_NAMES and isinstance(on, bool):
                    prefs.cues[cue] = on
                else:
                    problems.append(f"cues.{cue} is not a known cue set to true or false")
    return problems


def load(path: Path) -> tuple[Preferences, list[str]]:
    """Preferences from `path` (defaults when it is missing) and any problems in it."""
    prefs = Preferences()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return prefs, []
    except OSError as err:
        return prefs, [f"{path}: cannot read: {err.strerror}"]
    import tomllib  # here, not at the top: most starts have no settings file to parse

    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))  # a BOM (some editors add one) is fine
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        return prefs, [f"{path}: {err}; using the defaults"]
    return prefs, [f"{path}: {problem}" for problem in _coerce(prefs, data)]


def dumps(prefs: Preferences) -> str:
    lines = [
        "# tuitrainer settings",
        f"volume = {prefs.volume:g}",
        f"muted = {str(prefs.muted).lower()}",
        f"ask_pain_before = {str(prefs.ask_pain_before).lower()}",
        "",
        "[cues]",
    ]
    lines += [f"{name} = {str(prefs.cue_enabled(name)).lower()}" for name in CUE_NAMES]
    return "\n".join(lines) + "\n"


def save(prefs: Preferences, path: Path) -> None:
    """Write atomically: a crash mid-write leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(dumps(prefs), encoding="utf-8")
    temp.replace(path)
