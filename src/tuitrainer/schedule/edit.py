"""Changes to schedule.toml made in its text, so what a person wrote stays.

A physiotherapist's comments ("# after the walk", "# two weeks, then daily") and
the order and spacing of the file outlive an item added, changed or removed from
the schedule screen: only the lines of that item change. Every edit is checked by
reading the new text back; if it does not hold exactly the schedule meant (a file
laid out in a way these edits do not follow), the file is written afresh instead,
as before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time

from .load import _HEADER, _TABLE, _item_lines, _quote, dumps, parse
from .model import Item, Rule, Schedule

_COMMENT = re.compile(r"(\s+#.*)$")


def _block(lines: list[str], header: int) -> tuple[int, int]:
    """Indexes [first, end) of the item whose `[[item]]` is at line number `header`:
    up to its last value, so comments before the next table stay with that table."""
    first = header - 1
    end = first + 1
    for index in range(first + 1, len(lines)):
        if _TABLE.match(lines[index]) or _HEADER.match(lines[index]):
            break
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            end = index + 1
    return first, end


def _value_end(lines: list[str], index: int) -> int:
    """The index after a value that may go on over several lines (an array)."""
    depth = 0
    for end in range(index, len(lines)):
        code = lines[end].split("#", 1)[0]
        depth += code.count("[") - code.count("]")
        if depth <= 0:
            return end + 1
    return index + 1


def _item_block(item: Item) -> list[str]:
    block = ["[[item]]", f"session = {_quote(item.session)}", f"days = {item.rule.toml()}"]
    if item.at is not None:
        block.append(f'time = "{item.at:%H:%M}"')
    if item.start is not None:
        block.append(f"start = {item.start.isoformat()}")
    return block


def _checked(text: str, meant: Schedule) -> str:
    """`text` if it reads back as `meant` (line numbers aside); else a fresh file."""
    from pathlib import Path

    loaded = parse(text, Path("schedule.toml"))
    got = tuple(replace(item, line=0) for item in loaded.schedule.items)
    want = tuple(replace(item, line=0) for item in meant.items)
    return text if not loaded.problems and got == want else dumps(meant)


def added(text: str, schedule: Schedule, item: Item) -> str:
    """`text` with `item` appended (a fresh file when there was none)."""
    meant = Schedule((*schedule.items, item))
    if not text.strip():
        return dumps(meant)
    body = text if text.endswith("\n") else text + "\n"
    return _checked(body + "\n" + "\n".join(_item_block(item)) + "\n", meant)


def removed(text: str, schedule: Schedule, index: int) -> str:
    """`text` without the `index`-th item's lines."""
    meant = Schedule(schedule.items[:index] + schedule.items[index + 1 :])
    found = _item_lines(text)
    if index >= len(found):
        return dumps(meant)
    lines = text.splitlines()
    first, end = _block(lines, found[index][0])
    if first > 0 and not lines[first - 1].strip():
        first -= 1  # and the blank line that set it apart
    kept = lines[:first] + lines[end:]
    return _checked("\n".join(kept) + "\n" if kept else "", meant)


def changed(text: str, schedule: Schedule, index: int, rule: Rule, at: time | None) -> str:
    """`text` with the `index`-th item's days and time changed; its session, its start
    (adherence counts from it) and every comment stay."""
    item = schedule.items[index]
    meant_item = replace(item, rule=rule, at=at)
    meant = Schedule(schedule.items[:index] + (meant_item,) + schedule.items[index + 1 :])
    found = _item_lines(text)
    if index >= len(found):
        return dumps(meant)
    header, keys = found[index]
    lines = text.splitlines()
    edits: list[tuple[int, int, list[str]]] = []  # (first, end, new lines), by position

    def value_line(key: str, value: str) -> None:
        """The key's line (or lines, for an array) with a new value; a comment at
        the end of a one-line value stays."""
        start = keys[key] - 1
        end = _value_end(lines, start)
        comment = _COMMENT.search(lines[start]) if end == start + 1 else None
        indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        edits.append((start, end, [f"{indent}{key} = {value}{comment[1] if comment else ''}"]))

    if "days" in keys:
        value_line("days", rule.toml())
    if "time" in keys and at is not None:
        value_line("time", f'"{at:%H:%M}"')
    elif "time" in keys:
        edits.append((keys["time"] - 1, keys["time"], []))
    elif at is not None:
        after = keys.get("days", keys.get("session", header))
        spot = _value_end(lines, after - 1)
        edits.append((spot, spot, [f'time = "{at:%H:%M}"']))
    for first, end, new in sorted(edits, reverse=True):
        lines[first:end] = new
    return _checked("\n".join(lines) + "\n", meant)
