"""schedule.toml: read, check (`file:line: problem`), write.

The same shape people and scripts write by hand:

    [[item]]
    session = "hip-mobility"
    days = "daily"            # or ["mon", "wed", "fri"], or "every 2 days"
    time = "18:00"            # optional
    start = 2026-12-01        # optional: the first day it is due

A damaged file never stops the app: the items that are right are kept, and the
problems are reported once, each at its line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from .model import Item, RuleError, Schedule, parse_rule

KEYS = ("session", "days", "time", "start")
_HEADER = re.compile(r"^\s*\[\[\s*item\s*\]\]\s*(?:#.*)?$")
_TABLE = re.compile(r"^\s*\[")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass
class Loaded:
    schedule: Schedule
    problems: list[str] = field(default_factory=list)
    exists: bool = True


def _item_lines(text: str) -> list[tuple[int, dict[str, int]]]:
    """For each `[[item]]` in order: its header line and the line of each key in it."""
    found: list[tuple[int, dict[str, int]]] = []
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _HEADER.match(line):
            found.append((number, {}))
            inside = True
        elif _TABLE.match(line):
            inside = False
        elif inside and "=" in line and not line.lstrip().startswith("#"):
            key = line.split("=", 1)[0].strip().strip("\"'")
            found[-1][1].setdefault(key, number)
    return found


def parse_time(value: Any) -> time:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str) and (match := _TIME.match(value.strip())):
        return time(int(match[1]), int(match[2]))
    raise ValueError(f'time must be a time of day such as "18:00", not {value!r}')


def _start(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"start must be a date such as 2026-12-01, not {value!r}")


def _item(
    raw: Any, lines: dict[str, int], header: int, known: Collection[str] | None
) -> tuple[Item | None, list[tuple[int, str]]]:
    problems: list[tuple[int, str]] = []

    def at(key: str) -> int:
        return lines.get(key, header)

    if not isinstance(raw, dict):
        return None, [(header, "each [[item]] must be a table of session, days, time")]
    for key in raw:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append((at(key), f"unknown key {key!r}{hint} (known: {', '.join(KEYS)})"))
    session = raw.get("session")
    if not isinstance(session, str) or not session.strip():
        problems.append((at("session"), 'each item needs session = "a session name"'))
    elif known is not None and session not in known:
        problems.append(
            (at("session"), f"no session named {session!r} (tuitrainer sessions lists them)")
        )
    rule = None
    if "days" not in raw:
        problems.append(
            (header, 'each item needs days = "daily", a list of days, or "every N days"')
        )
    else:
        try:
            rule = parse_rule(raw["days"])
        except RuleError as error:
            problems.append((at("days"), str(error)))
    when = start = None
    try:
        when = parse_time(raw["time"]) if "time" in raw else None
    except ValueError as error:
        problems.append((at("time"), str(error)))
    try:
        start = _start(raw["start"]) if "start" in raw else None
    except ValueError as error:
        problems.append((at("start"), str(error)))
    if problems or rule is None or not isinstance(session, str):
        return None, problems
    return Item(session.strip(), rule, when, start, header), []


def parse(text: str, path: Path, known: Collection[str] | None = None) -> Loaded:
    """The schedule in `text`; items with problems are left out and named."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if where:
            return Loaded(Schedule(), [f"{path}:{where[1]}:{where[2]}: {message[: where.start()]}"])
        return Loaded(Schedule(), [f"{path}: {message}"])
    problems: list[tuple[int, str]] = []
    for key in data:
        if key != "item":
            problems.append(
                (_line_of_key(text, key), f"unknown key {key!r}: write [[item]] tables")
            )
    raw_items = data.get("item", [])
    if not isinstance(raw_items, list):
        raw_items = []
        problems.append((_line_of_key(text, "item"), "item must be [[item]] tables"))
    lines = _item_lines(text)
    items = []
    for n, raw in enumerate(raw_items):
        header, keys = lines[n] if n < len(lines) else (0, {})
        item, found = _item(raw, keys, header, known)
        problems += found
        if item is not None:
            items.append(item)
    problems.sort(key=lambda problem: problem[0])  # in file order
    out = [f"{path}:{line}: {msg}" if line else f"{path}: {msg}" for line, msg in problems]
    return Loaded(Schedule(tuple(items)), out)


def _line_of_key(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.split("=", 1)[0].strip().strip("[]\"' ") == key:
            return number
    return 0


def load(path: Path, known: Collection[str] | None = None) -> Loaded:
    """The schedule at `path`; no file is an empty schedule, not a problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(Schedule(), [], exists=False)
    except OSError as error:
        return Loaded(Schedule(), [f"{path}: cannot read: {error.strerror}"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Loaded(Schedule(), [f"{path}: not UTF-8 text (byte {error.start})"])
    return parse(text, path, known)


def _quote(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def dumps(schedule: Schedule) -> str:
    lines = [
        "# tuitrainer schedule: which session, which days, an optional time.",
        '# days = "daily", "weekdays", ["mon", "wed", "fri"] or "every 2 days".',
    ]
    for item in schedule.items:
        lines += ["", "[[item]]", f"session = {_quote(item.session)}", f"days = {item.rule.toml()}"]
        if item.at is not None:
            lines.append(f'time = "{item.at:%H:%M}"')
        if item.start is not None:
            lines.append(f"start = {item.start.isoformat()}")
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write atomically: a crash mid-write leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(path)


def follow_rename(path: Path, old: str, new: str) -> int:
    """The items of session `old` name `new` from now on, so a renamed session stays
    scheduled (and its adherence goes on) as its history does. Only those values
    change: the rest of the file, comments and all, stays as the person wrote it.
    Returns how many items changed."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 0  # no schedule, or one `today` already reports as unreadable
    value = re.compile(
        rf"""^(\s*["']?session["']?\s*=\s*)(["']){re.escape(old)}\2(\s*(?:#.*)?)$""",
        re.MULTILINE,
    )
    changed, count = value.subn(lambda match: f"{match[1]}{_quote(new)}{match[3]}", text)
    if count:
        write_atomic(path, changed)
    return count
