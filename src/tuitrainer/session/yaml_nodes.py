"""From bytes to a YAML node tree, safely: the first steps of every file the app reads.

Sessions, the assessment's files and the poses file all pass through here:
decoding (UTF-8, a BOM allowed), composing nodes with their line marks (never
constructing objects), and a walk that refuses object tags, alias bombs and
nesting too deep before anything looks at a value.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from .checker import _YAML, Checker
from .problems import Problem

# timestamp is here because YAML reads `name: 2024-06-01` as a date; the field checks then
# say "must be text ... put it in quotes" instead of refusing an unexplained tag.
ALLOWED_TAGS = {
    _YAML + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
MAX_BYTES = 1_000_000
MAX_NODES = 20_000  # a session has a few hundred; alias bombs expand to billions
MAX_DEPTH = 100  # a session nests 4 deep; composing deeper recurses (the C loader segfaults)

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _byte_position(data: bytes, index: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, index) + 1
    start = data.rfind(b"\n", 0, index) + 1
    return line, len(data[start:index].decode("utf-8", "replace")) + 1


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text, refusing what cannot be a session file."""
    if len(data) > MAX_BYTES:
        return None, [
            Problem(
                path,
                1,
                1,
                f"file is {len(data):,} bytes; a session file "
                f"is at most {MAX_BYTES:,} bytes (1 MB)",
            )
        ]
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        return None, [Problem(path, line, col, "this is a binary file, not a YAML session")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, col = _byte_position(data, err.start)
        byte = data[err.start]
        return None, [
            Problem(path, line, col, f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8")
        ]
    return text, []


def _too_deep(text: str) -> Any:
    """The first event nested deeper than MAX_DEPTH, found by a walk that does not recurse."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.events.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event
        elif isinstance(event, yaml.events.CollectionEndEvent):
            depth -= 1
    return None


# Errors found only lines after the quote, bracket or key that caused them (often at the end
# of the file); for these the context mark, where that began, is the place to point at.
_OPENED = (
    "while scanning a quoted scalar",
    "while parsing a quoted scalar",
    "while parsing a flow",
    "while scanning a simple key",
)


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    start = err.context_mark
    if (
        mark is not None
        and start is not None
        and (err.context or "").startswith(_OPENED)
        and mark.line > start.line
    ):
        mark = start
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = " ".join(p for p in (err.context, err.problem) if p) or "invalid YAML"
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
            what += "; indent with spaces, not tabs"
    return Problem(path, line, col, f"YAML syntax error: {what}")


def compose(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Parse YAML into nodes without building any Python object."""
    try:
        deep = _too_deep(text)
        if deep is not None:
            line, col = deep.start_mark.line + 1, deep.start_mark.column + 1
            return None, [
                Problem(
                    path, line, col, f"the YAML nests more than {MAX_DEPTH} levels deep; refused"
                )
            ]
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        if "nesting depth" in (err.problem or "") and err.problem_mark is not None:
            # Newer PyYAML stops deep nesting in its scanner, ahead of our own walk.
            mark = err.problem_mark
            message = f"the YAML nests more than {MAX_DEPTH} levels deep; refused"
            return None, [Problem(path, mark.line + 1, mark.column + 1, message)]
        return None, [_syntax_problem(err, text, path)]
    except yaml.reader.ReaderError as err:
        # Not marked, and its position is in bytes for the C reader: find the character.
        code = err.character if isinstance(err.character, int) else None
        index = text.find(chr(code)) if code is not None else -1
        line, col = _position(text, index) if index >= 0 else (1, 1)
        char = f"the character U+{code:04X}" if code is not None else "a character"
        return None, [Problem(path, line, col, f"{char} is not allowed in YAML ({err.reason})")]
    except yaml.YAMLError as err:
        first = str(err).strip().splitlines()[:1] or ["invalid YAML"]
        return None, [Problem(path, 1, 1, f"YAML error: {first[0]}")]
    if node is None:
        return None, [
            Problem(
                path,
                1,
                1,
                "the file is empty (or only comments); a session needs 'name' and 'exercises'",
            )
        ]
    return node, []


def check_nodes(root: Node, path: str) -> list[Problem]:
    """Refuse object tags and alias bombs before anything looks at values.

    The walk counts nodes as they would be after alias expansion, memoised per
    node, so a billion-laughs file is refused after a few thousand steps.
    """
    ck = Checker(path)
    sizes: dict[int, int] = {}
    seen_tags: set[int] = set()
    culprit: list[Node] = []  # the first node too deep, or the smallest that expands too far
    counting: set[int] = set()  # nodes whose count is under way: reaching one is a loop
    loops: list[Node] = []
    reused: list[bool] = [False]  # a value counted twice: it was reached through an alias

    def size(node: Node, depth: int) -> int:
        key = id(node)
        if key in counting:
            loops.append(node)
            return MAX_NODES + 1
        if key in sizes:
            reused[0] = True
            return sizes[key]
        if depth > MAX_DEPTH:
            culprit.append(node)
            raise RecursionError
        counting.add(key)
        if node.tag not in ALLOWED_TAGS and key not in seen_tags:
            seen_tags.add(key)
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            ck.add(node, f"the tag {tag} is not allowed; sessions hold plain data only")
        total = 1
        if isinstance(node, SequenceNode):
            children: list[Node] = list(node.value)
        elif isinstance(node, MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = []
        for child in children:
            total += size(child, depth + 1)
            if total > MAX_NODES:
                break
        sizes[key] = total
        counting.discard(key)
        if total > MAX_NODES and not culprit:
            culprit.append(node)
        return total

    try:
        total = size(root, 0)
    except RecursionError:
        too_deep = Checker(path)
        too_deep.add(culprit[0] if culprit else root, "the YAML nests too deeply through aliases")
        return too_deep.problems
    if total > MAX_NODES:
        too_big = Checker(path)
        if loops:
            message = "an alias refers to the value that holds it, which never ends; refused"
            where = loops[0]
        elif not reused[0]:  # that many values written out, no alias involved
            message = f"the file holds more than {MAX_NODES:,} values; a session is far smaller"
            where = root
        else:
            message = (
                f"the YAML expands to more than {MAX_NODES:,} values through aliases "
                "(an alias bomb?); refused"
            )
            where = culprit[0] if culprit else root
        too_big.add(where, message)
        return too_big.problems
    return ck.problems
