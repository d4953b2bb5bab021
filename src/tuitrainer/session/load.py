"""Read a session file: bytes -> YAML nodes (with line marks) -> checked Session.

This is the one way into the app for a session file. `tuitrainer validate`,
the session list, the workout and the editor all call `check_text` or
`load_session`, so a broken file reads the same everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from ..locations import Locations
from .model import Exercise, RepRange, Session, TempoPhase, slugify
from .problems import Problem, SessionError
from .schema import EXERCISE_FIELDS, SESSION_FIELDS
from .validate import ALLOWED_TAGS, Checker, check_mapping

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


def _build_reps(ck: Checker, raw: Any, sides: list[str], node: Node) -> dict[str, RepRange]:
    if isinstance(raw, tuple):
        return {side: RepRange(*raw) for side in sides}
    per_side: dict[str, tuple[int, int]] = raw["per_side"]
    if sides == ["both"]:
        ck.add(raw["node"], "per-side reps need the sides left and right, not [both]")
        return {}
    for side in sides:
        if side not in raw["given"]:
            ck.add(raw["node"], f"reps for the {side} side are missing")
    for side in per_side:
        if side not in sides:
            where = raw["keys"].get(side, raw["node"])  # the side's own key
            ck.add(where, f"reps are given for the {side} side, which is not in sides")
    return {side: RepRange(*per_side[side]) for side in sides if side in per_side}


def _build_exercise(
    ck: Checker, node: Node, session: dict[str, Any], index: int, ids: dict[str, int]
) -> Exercise | None:
    checked = check_mapping(ck, node, EXERCISE_FIELDS, f"exercise {index + 1}")
    if checked is None:
        return None
    values, nodes = checked
    name = values.get("name")
    ex_id = values.get("id") or (slugify(name) if name else None)
    if ex_id is not None:
        where = nodes.get("id") or nodes.get("name") or node
        if ex_id in ids:
            ck.add(
                where,
                f"duplicate id {ex_id!r}: exercise {ids[ex_id]} has it already; "
                "give this one its own 'id'",
            )
        else:
            ids[ex_id] = index + 1
    sides = values.get("sides", ["left", "right"])
    reps = _build_reps(ck, values["reps"], sides, nodes["reps"]) if "reps" in values else {}
    if name is None or not reps or len(reps) != len(sides):
        return None
    fields = {f.name: values.get(f.name, f.default) for f in EXERCISE_FIELDS}
    return Exercise(
        name=name,
        id=ex_id or slugify(name),
        sides=tuple(sides),
        reps=reps,
        sets=fields["sets"],
        mode=fields["mode"],
        rep_seconds=float(fields["rep_seconds"]),
        hold_seconds=float(fields["hold_seconds"]),
        side_rest_seconds=float(fields["side_rest_seconds"]),
        set_rest_seconds=float(fields["set_rest_seconds"]),
        rest_seconds=float(values.get("rest_seconds", session["rest_seconds"])),
        get_ready_seconds=float(values.get("get_ready_seconds", session["get_ready_seconds"])),
        setup=values.get("setup", ""),
        tips=tuple(values.get("tips", ())),
        modification=values.get("modification", ""),
        cues=values.get("cues", {}),
        poses=_own_pose(values.get("poses"), ex_id or slugify(name), name),
        say=values.get("say", ""),
        source=values.get("source", ""),
        modification_source=values.get("modification_source", ""),
        tempo=tuple(TempoPhase(say, seconds) for say, seconds in values.get("tempo", ())),
    )


def _own_pose(poses: Any, ex_id: str, name: str) -> Any:
    """A pose written in the exercise takes the exercise's id and name."""
    if poses is None or isinstance(poses, str):
        return poses
    import dataclasses

    return dataclasses.replace(poses, id=ex_id, name=name, source="user")


def build_session(
    root: Node, path: str, slug: str, source: str, sound_dirs: list[Path] | None = None
) -> tuple[Session | None, list[Problem]]:
    """Check the top-level mapping and every exercise; build the Session if clean."""
    ck = Checker(path, sound_dirs=sound_dirs)
    checked = check_mapping(ck, root, SESSION_FIELDS, "the session")
    if checked is None:
        return None, ck.problems
    values, nodes = checked
    defaults = {f.name: values.get(f.name, f.default) for f in SESSION_FIELDS}
    exercises: list[Exercise] = []
    ex_node = nodes.get("exercises")
    if ex_node is not None:
        if not isinstance(ex_node, SequenceNode):
            ck.add(ex_node, "exercises must be a list, each item starting with '- name: ...'")
        elif not ex_node.value:
            ck.add(ex_node, "exercises is empty; a session needs at least one exercise")
        else:
            ids: dict[str, int] = {}
            for index, item in enumerate(ex_node.value):
                exercise = _build_exercise(ck, item, defaults, index, ids)
                if exercise is not None:
                    exercises.append(exercise)
    if ck.problems:
        return None, sorted(ck.problems)
    session = Session(
        slug=slug,
        title=values["name"],
        description=values.get("description", ""),
        rest_seconds=float(defaults["rest_seconds"]),
        get_ready_seconds=float(defaults["get_ready_seconds"]),
        cues=values.get("cues", {}),
        exercises=tuple(exercises),
        path=Path(path),
        source=source,
    )
    return session, []


def default_sound_dirs() -> list[Path]:
    """Where cue sounds are looked up when the caller does not say: the user's, then ours."""
    return Locations.resolve().sound_dirs()


def check_text(
    data: bytes | str,
    path: str,
    slug: str | None = None,
    source: str = "user",
    sound_dirs: list[Path] | None = None,
) -> tuple[Session | None, list[Problem]]:
    """Every problem in a session file's content, and the session when there are none.

    Cue sounds are checked against `sound_dirs` (default: from the environment).
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    text, problems = decode(data, path)
    if text is None:
        return None, problems
    root, problems = compose(text, path)
    if root is None:
        return None, problems
    problems = check_nodes(root, path)
    if problems:
        return None, problems
    dirs = default_sound_dirs() if sound_dirs is None else sound_dirs
    return build_session(root, path, slug or Path(path).stem, source, dirs)


def check_file(
    path: Path, source: str = "user", sound_dirs: list[Path] | None = None
) -> tuple[Session | None, list[Problem]]:
    """Read and check a file. Raises OSError when it cannot be read at all."""
    return check_text(path.read_bytes(), str(path), path.stem, source, sound_dirs)


def load_session(path: Path, source: str = "user", sound_dirs: list[Path] | None = None) -> Session:
    """A checked session, or SessionError with every problem found."""
    try:
        session, problems = check_file(path, source, sound_dirs)
    except OSError as err:
        raise SessionError([Problem(str(path), 1, 1, f"cannot read: {err.strerror}")]) from err
    if session is None:
        raise SessionError(problems)
    return session
