"""Your own keys: `keys.toml` beside settings.toml maps binding ids to keys.

One line a binding, `"workout.rep" = "x,pagedown"`: the keys, comma-separated,
replace that binding's defaults (Textual's keymap). Problems are `file:line:
what`, as for settings, and never stop the app: a bad line is left out and the
defaults stay. Plain Python: the app passes the binding ids it has.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

MAX_BYTES = 100_000  # a keymap is a few dozen lines
MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
KEY_NAME = re.compile(r"^[a-z0-9_]+$")


def key_problem(key: str) -> str | None:
    """Why `key` cannot be a key (a character, or a name like pagedown, ctrl+x)."""
    parts = key.split("+") if len(key) > 1 else [key]
    *mods, last = parts
    if not last:
        return "a key is empty"
    bad = [m for m in mods if m not in MODIFIERS]
    if bad:
        return f"{bad[0]!r} is not a modifier (use {', '.join(MODIFIERS)})"
    if len(last) == 1:
        return None if last.isprintable() and not last.isspace() else "not a key you can type"
    if not KEY_NAME.match(last):
        return f"{last!r} is not a key name (e.g. space, pagedown, f5, ctrl+x)"
    return None


def load(path: Path, known: Collection[str]) -> tuple[dict[str, str], list[str]]:
    """The keymap in `path` (empty when there is none) and its problems."""
    from .config import line_of
    from .toml_file import read_toml

    data, text, unread = read_toml(path, "using the default keys", MAX_BYTES)
    if data is None:
        return {}, unread
    keymap: dict[str, str] = {}
    problems: list[str] = []

    def problem(name: str, message: str) -> None:
        line = line_of(text, (name,))
        problems.append(f"{path}:{line}: {message}" if line else f"{path}: {message}")

    for name, value in data.items():
        if name not in known:
            problem(name, f"unknown binding {name!r}{_suggest(name, known)}")
        elif not isinstance(value, str) or not value.strip():
            problem(name, f'{name} must be keys in a string, like "x,pagedown"')
        else:
            keys = [k.strip() for k in value.split(",")]
            why = next((w for k in keys if (w := key_problem(k))), None)
            if why:
                problem(name, f"{name}: {why}")
            else:
                keymap[name] = ",".join(keys)
    return keymap, problems


def _suggest(word: str, choices: Collection[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
