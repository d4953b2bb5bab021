"""User preferences in a small TOML file in the platform's config folder.

Read with the standard library's tomllib; written by hand (the file is flat
and small). A damaged file never stops the app: defaults are used and the
problem is reported once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .cue_names import CUE_NAMES  # the cue events, in workout order (re-exported)
from .theme_names import DEFAULT_THEME, THEME_NAMES

VOICES = ("auto", "off", "piper", "espeak-ng", "say", "sapi")  # speech/engines.py CHOICES
VOICE_REPS = ("count", "tempo")  # what a guided rep says: its count, or its movements
VOICE_TEXT = re.compile(r"^[^\x00-\x1f\x7f]{0,500}$")  # a voice name or a model path


@dataclass
class Preferences:
    """What a user can set once and keep. Every field has a safe default."""

    volume: float = 0.8  # 0.0 to 1.0
    muted: bool = False
    cues: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(CUE_NAMES, True))
    ask_pain_before: bool = True
    show_figure: bool = True  # the exercise's stick figure in the workout (key v)
    voice: str = "auto"  # which speech engine speaks the cues (docs/voice.md)
    voice_name: str = ""  # the engine's own voice; "" for its default
    piper_model: str = ""  # a Piper voice model file; "" for the first in the voices folder
    voice_rate: float = 1.0  # 0.5 to 2.0 times the engine's usual pace
    voice_loudness: float = 1.0  # 0.1 to 2.0 times the tones' volume
    voice_reps: str = "count"
    voice_logged_reps: bool = True  # count each rep logged on a self-paced side aloud
    speak: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(CUE_NAMES, True))
    keep_screen_awake: bool = True  # while a workout runs (not paused)
    theme: str = DEFAULT_THEME  # `high-contrast`, a light one for bright rooms, ...

    def cue_enabled(self, name: str) -> bool:
        return self.cues.get(name, True)


def _suggest(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _coerce(prefs: Preferences, data: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    """Copy known, well-typed values from `data`; return what was wrong, by key path."""
    problems: list[tuple[tuple[str, ...], str]] = []
    known = [f.name for f in fields(Preferences)]
    for key, value in data.items():
        if key not in known:
            problems.append(((key,), f"unknown setting {key!r}{_suggest(key, known)}"))
        elif key == "volume":
            if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
                prefs.volume = float(value)
            else:
                problems.append(((key,), f"volume must be a number from 0 to 1, not {value!r}"))
        elif key.startswith(("voice", "piper_")):
            problems += _voice_setting(prefs, key, value)
        elif key in ("muted", "ask_pain_before", "show_figure", "keep_screen_awake"):
            if isinstance(value, bool):
                setattr(prefs, key, value)
            else:
                problems.append(((key,), f"{key} must be true or false, not {value!r}"))
        elif key == "theme":
            if isinstance(value, str) and value in THEME_NAMES:
                prefs.theme = value
            else:
                hint = _suggest(value, THEME_NAMES) if isinstance(value, str) else ""
                problems.append(((key,), f"unknown theme {value!r}{hint}"))
        elif key in ("cues", "speak"):
            problems += _switches(getattr(prefs, key), key, value)
    return problems


def _switches(table: dict[str, bool], key: str, value: Any) -> list[tuple[tuple[str, ...], str]]:
    """`[cues]` and `[speak]`: a cue event name = true or false, each."""
    if not isinstance(value, dict):
        return [((key,), f"[{key}] must be a table of cue = true/false")]
    problems: list[tuple[tuple[str, ...], str]] = []
    for cue, on in value.items():
        if cue not in CUE_NAMES:
            problems.append(((key, cue), f"unknown cue {cue!r}{_suggest(cue, CUE_NAMES)}"))
        elif not isinstance(on, bool):
            problems.append(((key, cue), f"{key}.{cue} must be true or false"))
        else:
            table[cue] = on
    return problems


_VOICE_NUMBERS = {"voice_rate": (0.5, 2.0), "voice_loudness": (0.1, 2.0)}


def _voice_setting(prefs: Preferences, key: str, value: Any) -> list[tuple[tuple[str, ...], str]]:
    """The voice's settings: an engine, a voice, a pace, a loudness, what reps say."""
    wrong: list[tuple[tuple[str, ...], str]] = [((key,), "")]
    if key == "voice":
        if value in VOICES:
            prefs.voice = value
            return []
        choices = ", ".join(repr(v) for v in VOICES)
        hint = _suggest(value, VOICES) if isinstance(value, str) else ""
        wrong[0] = ((key,), f"voice must be one of {choices}, not {value!r}{hint}")
    elif key in ("voice_name", "piper_model"):
        if isinstance(value, str) and VOICE_TEXT.match(value):
            setattr(prefs, key, value)
            return []
        wrong[0] = ((key,), f"{key} must be one line of text, not {value!r}")
    elif key in _VOICE_NUMBERS:
        low, high = _VOICE_NUMBERS[key]
        if isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high:
            setattr(prefs, key, float(value))
            return []
        wrong[0] = ((key,), f"{key} must be a number from {low:g} to {high:g}, not {value!r}")
    elif key == "voice_reps":
        if value in VOICE_REPS:
            prefs.voice_reps = value
            return []
        choices = ", ".join(repr(v) for v in VOICE_REPS)
        wrong[0] = ((key,), f"voice_reps must be one of {choices}, not {value!r}")
    elif key == "voice_logged_reps":
        if isinstance(value, bool):
            prefs.voice_logged_reps = value
            return []
        wrong[0] = ((key,), f"{key} must be true or false, not {value!r}")
    return wrong


def _name(part: str) -> str:
    return part.strip().strip("\"'")


_HEADER = re.compile(r"^\s*\[\[?\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _line_of(text: str, path: tuple[str, ...]) -> int | None:
    """The line (from 1) that sets `path`: `key = ...` in its table, `table.key = ...`,
    or else the line that opens its table (an inline table, or `[table]`).

    tomllib gives values, not positions, so the key is found again in the text;
    the insides of multi-line strings are skipped.
    """
    *tables, _ = path
    table, wanted = ".".join(tables), ".".join(path)

    def sets(name: str) -> bool:  # the key itself, or a key or table below it
        return name == wanted or name.startswith(wanted + ".")

    current, in_string, fallback = "", False, None
    for number, line in enumerate(text.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_string:  # inside a multi-line string: no keys here
            in_string = quotes % 2 == 0  # an odd count of quotes closes it
            continue
        if header := _HEADER.match(line):
            current = ".".join(_name(part) for part in header.group(1).split("."))
            if sets(current):
                return number  # the whole table is the problem
            if tables and current == table and fallback is None:
                fallback = number
            continue
        if "=" in line and not line.lstrip().startswith("#"):
            names = [_name(part) for part in line.split("=", 1)[0].split(".")]
            full = ".".join([current, *names] if current else names)
            if sets(full):
                return number
            if tables and full == table and fallback is None:
                fallback = number  # `cues = { ... }`: the inline table
        in_string = quotes % 2 == 1
    return fallback


line_of = _line_of  # also for keys.toml (keymap.py)


def _located(path: Path, text: str, problems: list[tuple[tuple[str, ...], str]]) -> list[str]:
    out = []
    for keys, message in problems:
        line = _line_of(text, keys)
        out.append(f"{path}:{line}: {message}" if line else f"{path}: {message}")
    return out


def load(path: Path) -> tuple[Preferences, list[str]]:
    """Preferences from `path` (defaults when it is missing) and any problems in it,
    each as `file:line: problem` where the line can be found."""
    prefs = Preferences()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return prefs, []
    except OSError as err:
        return prefs, [f"{path}: cannot read: {err.strerror}"]
    import tomllib  # here, not at the top: most starts have no settings file to parse

    try:
        text = raw.decode("utf-8-sig")  # a BOM (some editors add one) is fine
    except UnicodeDecodeError as err:
        return prefs, [f"{path}: not UTF-8 text (byte {err.start}); using the defaults"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if where:
            message = message[: where.start()]
            return prefs, [f"{path}:{where[1]}:{where[2]}: {message}; using the defaults"]
        return prefs, [f"{path}: {message}; using the defaults"]
    return prefs, _located(path, text, _coerce(prefs, data))


def dumps(prefs: Preferences) -> str:
    lines = [
        "# tuitrainer settings",
        f"volume = {prefs.volume:g}",
        f"muted = {str(prefs.muted).lower()}",
        f"ask_pain_before = {str(prefs.ask_pain_before).lower()}",
        f"show_figure = {str(prefs.show_figure).lower()}",
        f"keep_screen_awake = {str(prefs.keep_screen_awake).lower()}",
        f'theme = "{prefs.theme}"',
        f"voice = {_quoted(prefs.voice)}",
        f"voice_name = {_quoted(prefs.voice_name)}",
        f"piper_model = {_quoted(prefs.piper_model)}",
        f"voice_rate = {prefs.voice_rate:g}",
        f"voice_loudness = {prefs.voice_loudness:g}",
        f"voice_reps = {_quoted(prefs.voice_reps)}",
        f"voice_logged_reps = {str(prefs.voice_logged_reps).lower()}",
        "",
        "[cues]",
    ]
    lines += [f"{name} = {str(prefs.cue_enabled(name)).lower()}" for name in CUE_NAMES]
    lines += ["", "[speak]"]
    lines += [f"{name} = {str(prefs.speak.get(name, True)).lower()}" for name in CUE_NAMES]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """A TOML basic string (json's escapes are TOML's for these characters)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def save(prefs: Preferences, path: Path) -> None:
    """Write atomically: a crash mid-write leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(dumps(prefs), encoding="utf-8")
    temp.replace(path)


def set_top_level(path: Path, key: str, value: str) -> None:
    """Set one top-level `key = value` (value already in TOML form) in the file,
    keeping every other line, comment and table as the user wrote them.

    For settings changed in the app (the theme): rewriting the whole file from
    Preferences would drop the user's comments and their order.
    """
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        lines = ["# tuitrainer settings"]
    setting = f"{key} = {value}"
    first_table = next((i for i, line in enumerate(lines) if _HEADER.match(line)), len(lines))
    for number, line in enumerate(lines[:first_table]):
        if "=" in line and _name(line.split("=", 1)[0]) == key:
            lines[number] = setting
            break
    else:
        at = first_table
        while at > 0 and not lines[at - 1].strip():
            at -= 1  # after the last setting, not after the blank line before a table
        lines.insert(at, setting)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temp.replace(path)


SHOWN_PROBLEMS = 4  # settings problems in the start-up notice; sound-check lists all


def notice_text(path: Path, problems: list[str]) -> str:
    """The settings file's problems as one notice, each `line N: what`.

    One toast a problem would stack off a small screen, and they are shown once.
    """
    prefix = f"{path}:"
    lines = []
    for problem in problems:
        text = problem[len(prefix) :].lstrip() if problem.startswith(prefix) else problem
        lines.append(f"line {text}" if text[:1].isdigit() else text)
    shown = lines[:SHOWN_PROBLEMS]
    if len(lines) > len(shown):
        shown.append(f"and {len(lines) - len(shown)} more (tuitrainer sound-check lists all)")
    return "\n".join([f"In {path}:", *shown])
