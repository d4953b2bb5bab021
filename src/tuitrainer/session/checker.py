"""The node checker every file format shares: problems with their place, in one voice.

A `Checker` collects `file:line:col` problems while a YAML node tree is walked;
the helpers here say what a node holds in a user's words and quote values short.
The session's field kinds are in validate.py; the assessment and pose formats
use the same checker, so every file's problems read alike.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

_YAML = "tag:yaml.org,2002:"


@dataclass
class Checker:
    """Collects problems for one file while its nodes are walked."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    sound_dirs: list[Path] | None = None  # where cue sounds are looked up; None: not checked

    def add(self, node: Node, message: str) -> None:
        if len(message) > MAX_MESSAGE:  # a last guard: values are quoted short (`quote`)
            message = message[: MAX_MESSAGE - 1] + "…"
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))


MAX_MESSAGE = 300
QUOTED = 40  # characters of a value a message repeats


def short(value: object) -> str:
    """A value as a message repeats it: one line, at most QUOTED characters
    (`run /etc/passwd` must not print the file back)."""
    text = " ".join(str(value).split())
    return text if len(text) <= QUOTED else text[: QUOTED - 1] + "…"


def quote(value: object) -> str:
    return repr(short(value))


def _describe(node: Node) -> str:
    """A user's word for what a node holds, for 'expected X, got Y' messages."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = node.tag.removeprefix(_YAML)
    return {
        "int": "a whole number",
        "float": f"the number {short(node.value)}",
        "timestamp": "a date",
        "bool": "true/false",
        "null": "nothing",
        "str": f"the text {quote(node.value)}",
    }.get(tag, f"a {tag}")


_constructor = yaml.constructor.SafeConstructor()


def scalar_value(node: ScalarNode) -> Any:
    """The Python value of a checked scalar node (int, float, bool, None or str)."""
    # Call the tag's constructor directly: construct_object() would keep every node it
    # has seen in the shared constructor's cache, growing with each file checked.
    return _constructor.yaml_constructors[node.tag](_constructor, node)


def _number(node: ScalarNode) -> float:
    """An int or float node's value; one too long for Python to convert reads as infinite."""
    try:
        return float(scalar_value(node))
    except (ValueError, OverflowError):  # thousands of digits: beyond every bound anyway
        return -math.inf if node.value.lstrip().startswith("-") else math.inf


def _is_number(node: Node) -> TypeGuard[ScalarNode]:
    return isinstance(node, ScalarNode) and node.tag in (_YAML + "int", _YAML + "float")


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _pairs(ck: Checker, node: MappingNode) -> list[tuple[ScalarNode, Node]]:
    """Key/value pairs with text keys; duplicate and non-text keys are reported."""
    seen: dict[str, int] = {}
    pairs: list[tuple[ScalarNode, Node]] = []
    for key, value in node.value:
        if not isinstance(key, ScalarNode) or key.tag != _YAML + "str":
            ck.add(key, f"field names must be text, not {_describe(key)}")
            continue
        if key.value in seen:
            ck.add(key, f"{quote(key.value)} is given twice (first on line {seen[key.value]})")
            continue
        seen[key.value] = key.start_mark.line + 1
        pairs.append((key, value))
    return pairs
