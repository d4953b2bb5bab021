"""Read a session file: bytes -> YAML nodes (with line marks) -> checked Session.

This is the one way into the app for a session file. `tuitrainer validate`,
the session list, the workout and the editor all call `check_text` or
`load_session`, so a broken file reads the same everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yaml.nodes import Node, SequenceNode

from ..locations import Locations
from .checker import Checker
from .model import Exercise, RepRange, Session, TempoPhase, slugify
from .problems import Problem, SessionError
from .schema import EXERCISE_FIELDS, SESSION_FIELDS
from .validate import Check, check_mapping
from .yaml_nodes import check_nodes, compose, decode


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
    from .poses import check_poses  # the figure's format: loaded only for exercises

    extra: dict[str, Check] = {"poses": check_poses}
    checked = check_mapping(ck, node, EXERCISE_FIELDS, f"exercise {index + 1}", extra)
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
