"""Check a composed YAML node tree against the session format.

Works on nodes rather than on loaded values so every problem keeps the line
and column of the value that caused it. Returns plain Python data alongside
the problems; the data is only to be trusted when there are no problems.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..cue_names import CUE_NAMES
from ..plain_text import control_characters
from ..sound_files import NAME_PATTERN as SOUND_NAME_PATTERN
from .checker import (
    _YAML,
    Checker,
    _describe,
    _is_number,
    _number,
    _pairs,
    _suggest,
    quote,
    short,
)
from .schema import (
    MAX_REP_SECONDS,
    MAX_REPS,
    MAX_SAY,
    MAX_TEMPO_PHASES,
    MAX_TEXT,
    MAX_TIPS,
    MODES,
    SOURCES,
    Field,
)

_RANGE = re.compile(r"^\s*([0-9]+)\s*-\s*([0-9]+)\s*$")  # REP_RANGE_PATTERN, with groups
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CUE_NAME = re.compile(SOUND_NAME_PATTERN)


def check_text(ck: Checker, node: Node, f: Field) -> str | None:
    if not isinstance(node, ScalarNode) or node.tag != _YAML + "str":
        hint = ""
        if isinstance(node, ScalarNode) and node.value:
            hint = f'; put it in quotes if you mean the text "{short(node.value)}"'
        ck.add(node, f"{f.name} must be text, not {_describe(node)}{hint}")
        return None
    text = str(node.value).strip()
    if not text:
        ck.add(node, f"{f.name} must not be empty")
        return None
    if len(text) > MAX_TEXT:
        ck.add(node, f"{f.name} is {len(text)} characters long; at most {MAX_TEXT}")
        return None
    control = control_characters(text)
    if control:
        shown = ", ".join(dict.fromkeys(control))
        ck.add(node, f"{f.name} holds control characters ({shown}); they would act on the terminal")
        return None
    return text


def check_seconds(ck: Checker, node: Node, f: Field) -> float | None:
    if not _is_number(node):
        ck.add(node, f"{f.name} must be a number of seconds, not {_describe(node)}")
        return None
    value = _number(node)
    if math.isnan(value) or math.isinf(value):
        ck.add(node, f"{f.name} must be a finite number of seconds")
        return None
    if f.exclusive_minimum and f.minimum is not None and value <= f.minimum:
        ck.add(node, f"{f.name} must be more than {f.minimum:g} seconds, not {value:g}")
        return None
    if f.minimum is not None and value < f.minimum:
        ck.add(node, f"{f.name} cannot be negative ({value:g})")
        return None
    if f.maximum is not None and value > f.maximum:
        ck.add(
            node,
            f"{f.name} of {value:g} seconds is more than the maximum of "
            f"{f.maximum:g} ({f.maximum / 60:g} minutes)",
        )
        return None
    return value


def check_count(ck: Checker, node: Node, f: Field) -> int | None:
    if not (isinstance(node, ScalarNode) and node.tag == _YAML + "int"):
        ck.add(node, f"{f.name} must be a whole number, not {_describe(node)}")
        return None
    value = _number(node)
    low, high = int(f.minimum or 1), int(f.maximum or MAX_REPS)
    if not low <= value <= high:
        ck.add(node, f"{f.name} must be from {low} to {high}, not {short(node.value)}")
        return None
    return int(value)


def check_id(ck: Checker, node: Node, f: Field) -> str | None:
    text = check_text(ck, node, f)
    if text is not None and not _ID.match(text):
        ck.add(node, f"id {text!r} may hold only lowercase letters, digits and hyphens")
        return None
    return text


def check_mode(ck: Checker, node: Node, f: Field) -> str | None:
    if not isinstance(node, ScalarNode) or node.tag != _YAML + "str":
        ck.add(node, f"mode must be one of {', '.join(MODES)}, not {_describe(node)}")
        return None
    if node.value not in MODES:
        ck.add(
            node,
            f"mode {quote(node.value)} is not known{_suggest(node.value, MODES)}; "
            f"use {' or '.join(MODES)}",
        )
        return None
    return str(node.value)


def check_source(ck: Checker, node: Node, f: Field) -> str | None:
    if isinstance(node, ScalarNode) and node.tag == _YAML + "str" and node.value in SOURCES:
        return str(node.value)
    value = node.value if isinstance(node, ScalarNode) else ""
    known = _suggest(value, SOURCES) if isinstance(value, str) else ""
    ck.add(node, f"{f.name} must be {' or '.join(SOURCES)}, not {_describe(node)}{known}")
    return None


def check_sides(ck: Checker, node: Node, f: Field) -> list[str] | None:
    if isinstance(node, ScalarNode) and node.tag == _YAML + "str":
        items: list[Node] = [node]  # `sides: both` reads as [both]
    elif isinstance(node, SequenceNode) and node.value:
        items = list(node.value)
    elif isinstance(node, SequenceNode):
        ck.add(node, "sides is empty; list at least one: [left, right], [right, left] or [both]")
        return None
    else:
        ck.add(node, "sides must be a list such as [left, right], [right, left] or [both]")
        return None
    sides: list[str] = []
    for item in items:
        value = item.value if isinstance(item, ScalarNode) else None
        if value not in ("left", "right", "both"):
            ck.add(item, f"side must be left, right or both, not {_describe(item)}")
            return None
        if value in sides:
            ck.add(item, f"side {quote(value)} is listed twice")
            return None
        sides.append(value)
    if "both" in sides and len(sides) > 1:
        ck.add(node, "both stands alone: use [both], or list left and right")
        return None
    return sides


def _rep_range(ck: Checker, node: Node, what: str) -> tuple[int, int] | None:
    if isinstance(node, ScalarNode) and node.tag == _YAML + "int":
        low = high = _number(node)
        low_text = high_text = node.value
    elif isinstance(node, ScalarNode) and node.tag == _YAML + "str" and _RANGE.match(node.value):
        match = _RANGE.match(node.value)
        assert match is not None
        low_text, high_text = match.group(1), match.group(2)
        low, high = float(low_text), float(high_text)
        if low > high:
            ck.add(
                node,
                f"{what} range {quote(node.value)} runs backwards; write {high_text}-{low_text}",
            )
            return None
    else:
        ck.add(
            node, f'{what} must be a whole number or a range such as "8-10", not {_describe(node)}'
        )
        return None
    if low < 1:
        ck.add(node, f"{what} must be at least 1, not {low_text}")
        return None
    if high > MAX_REPS:
        ck.add(node, f"{what} of {short(high_text)} is more than the maximum of {MAX_REPS}")
        return None
    return int(low), int(high)


def check_reps(ck: Checker, node: Node, f: Field) -> Any:
    """A count, a range, or a mapping of side to count or range."""
    if not isinstance(node, MappingNode):
        return _rep_range(ck, node, "reps")
    result: dict[str, tuple[int, int]] = {}
    given: set[str] = set()  # sides named, valid or not: a bad value is not a missing side
    keys: dict[str, Node] = {}  # where each side is named, to point at it
    for key, value in _pairs(ck, node):
        if key.value not in ("left", "right"):
            ck.add(key, f"per-side reps take the keys left and right, not {quote(key.value)}")
            continue
        given.add(key.value)
        keys[key.value] = key
        rng = _rep_range(ck, value, f"reps for the {key.value} side")
        if rng is not None:
            result[key.value] = rng
    if not result and not node.value:
        ck.add(node, "reps for each side are missing")
        return None
    return {"per_side": result, "given": given, "node": node, "keys": keys}


def check_tips(ck: Checker, node: Node, f: Field) -> list[str] | None:
    if isinstance(node, ScalarNode) and node.tag == _YAML + "str":
        items: list[Node] = [node]
    elif isinstance(node, SequenceNode):
        items = list(node.value)
    else:
        ck.add(node, f"tips must be a list of short texts, not {_describe(node)}")
        return None
    if len(items) > MAX_TIPS:
        ck.add(node, f"at most {MAX_TIPS} tips, not {len(items)}")
        return None
    tips = [check_text(ck, item, Field("tip", "text", "")) for item in items]
    return None if None in tips else [t for t in tips if t is not None]


def check_tempo(ck: Checker, node: Node, f: Field) -> list[tuple[str, float]] | None:
    """A list of `{say: word, seconds: n}`: the parts of one guided rep."""
    if not isinstance(node, SequenceNode) or not node.value:
        example = "[{say: lift, seconds: 2}, {say: lower, seconds: 2}]"
        ck.add(node, f"tempo must be a list of parts such as {example}, not {_describe(node)}")
        return None
    if len(node.value) > MAX_TEMPO_PHASES:
        ck.add(node, f"at most {MAX_TEMPO_PHASES} tempo parts, not {len(node.value)}")
        return None
    say = Field("say", "text", "", required=True)
    seconds = Field("seconds", "seconds", "", True, None, 0, MAX_REP_SECONDS, True)
    phases: list[tuple[str, float]] = []
    for item in node.value:
        checked = check_mapping(ck, item, (say, seconds), "a tempo part")
        if checked is None or len(checked[0]) < 2:
            continue
        word = checked[0]["say"]
        if len(word) > MAX_SAY:
            ck.add(checked[1]["say"], f"say is {len(word)} characters; at most {MAX_SAY}")
            continue
        phases.append((word, checked[0]["seconds"]))
    return phases if len(phases) == len(node.value) else None


def check_cues(ck: Checker, node: Node, f: Field) -> dict[str, str] | None:
    if not isinstance(node, MappingNode):
        ck.add(node, f"cues must map events to sound names, not {_describe(node)}")
        return None
    cues: dict[str, str] = {}
    for key, value in _pairs(ck, node):
        if key.value not in CUE_NAMES:
            ck.add(
                key,
                f"unknown cue event {quote(key.value)}{_suggest(key.value, CUE_NAMES)}; "
                f"events are {', '.join(CUE_NAMES)}",
            )
            continue
        name = check_text(ck, value, Field(f"cue {key.value}", "text", ""))
        if name is None:
            continue
        if not _CUE_NAME.match(name):
            ck.add(
                value,
                f"cue sound {name!r} must be a plain file name in the sounds "
                "folder, without folders or '..'",
            )
            continue
        if ck.sound_dirs is not None and not _check_sound(ck, value, name):
            continue
        cues[key.value] = name
    return cues


def _check_sound(ck: Checker, node: Node, name: str) -> bool:
    """The named sound exists in a sounds folder and is a WAV that can be played."""
    from ..sound_files import find, wav_problem

    folders = ck.sound_dirs or []
    path = find(name, folders)
    if path is None:
        where = " or ".join(str(folder) for folder in folders) or "no sounds folder"
        ck.add(node, f"cue sound {name!r} was not found in {where}")
        return False
    problem = wav_problem(path)
    if problem is not None:
        ck.add(node, f"cue sound {name!r} ({path.name}) {problem}")
        return False
    return True


Check = Callable[[Checker, Node, Field], Any]
CHECKS: dict[str, Check] = {
    "text": check_text,
    "seconds": check_seconds,
    "count": check_count,
    "id": check_id,
    "mode": check_mode,
    "source": check_source,
    "sides": check_sides,
    "reps": check_reps,
    "tips": check_tips,
    "tempo": check_tempo,
    "cues": check_cues,
}


def check_mapping(
    ck: Checker,
    node: Node,
    fields: tuple[Field, ...],
    what: str,
    extra: dict[str, Check] | None = None,
) -> tuple[dict[str, Any], dict[str, Node]] | None:
    """Check every field of a mapping; returns values and their nodes.

    `extra` adds field kinds of another file format (the assessment files) on
    top of the session kinds, so every format shares one checker and one voice.
    """
    if not isinstance(node, MappingNode):
        ck.add(
            node, f"{what} must be a mapping of fields such as 'name: ...', not {_describe(node)}"
        )
        return None
    by_name = {f.name: f for f in fields}
    values: dict[str, Any] = {}
    nodes: dict[str, Node] = {}
    for key, value in _pairs(ck, node):
        spec = by_name.get(key.value)
        if spec is None:
            ck.add(
                key,
                f"unknown field {quote(key.value)} in {what}{_suggest(key.value, list(by_name))}",
            )
            continue
        nodes[key.value] = value
        if spec.kind == "exercises":
            values[key.value] = value  # checked by the caller, which knows the session
            continue
        check = (extra or {}).get(spec.kind) or CHECKS[spec.kind]
        checked = check(ck, value, spec)
        if checked is not None:
            values[key.value] = checked
    for spec in fields:
        if spec.required and spec.name not in nodes:
            ck.add(node, f"{what} is missing the required field {spec.name!r}")
    return values, nodes
