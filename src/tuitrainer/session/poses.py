"""Poses from YAML, with every problem at its `file:line:col`; the built-in ones by id.

Here, beside the session loader, because pose files are checked by the same
YAML machinery; the figures themselves (`tuitrainer.poses`) know nothing of files.

The same checks serve the shared poses file (`poses: [...]`) and a `poses:`
mapping inside a session's exercise. Beyond types and ranges, the loader
places the figure on the floor and checks the points a pose says rest on it
(hands, knees, back): a mistyped angle that lifts a hand into the air is
refused, not drawn.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..poses.kinematics import LIMBS, on_floor, skeleton
from ..poses.model import (
    BODY_ANGLES,
    CONTACT_GROUPS,
    CONTACT_POINTS,
    LIMB_ANGLES,
    VIEWS,
    Angles,
    PoseSpec,
)
from .checker import Checker, scalar_value
from .problems import Problem, SessionError
from .schema import Field
from .validate import Check, check_mapping
from .yaml_nodes import check_nodes, compose, decode

if TYPE_CHECKING:
    from .model import Exercise

BUILTIN = Path(str(files("tuitrainer") / "data" / "poses.yaml"))

_YAML = "tag:yaml.org,2002:"
ANGLE_GROUPS = ("body", "both", "working", "other")

POSE_FIELDS: tuple[Field, ...] = (
    Field("id", "id", "The pose's id: an exercise id or an assessment test id.", required=True),
    Field("name", "text", "What the figure shows, in a few words.", required=True),
    Field("view", "view", "How it is seen: side, rear, front or top.", default="side"),
    Field("azimuth", "degrees", "Degrees the camera moves round toward the working side."),
    Field("elevation", "degrees", "Degrees the camera is raised, looking down."),
    Field("start", "angles", "The start position (or the only one).", required=True),
    Field("end", "angles", "The end position: only the angles that change from the start."),
    Field("floor", "contacts", "Points that rest on the floor in the start position."),
    Field("floor_end", "contacts", "Points that rest on the floor in the end position."),
    Field("highlight", "limbs", "Limbs drawn in the strong colour; default: those that move."),
    Field("easier", "id", "The pose id of the easier variant."),
    Field("note", "text", "Where the position comes from; what to check."),
)
# In a session's exercise the id and name come from the exercise.
EXERCISE_POSE_FIELDS = tuple(
    Field(f.name, f.kind, f.description) if f.name in ("id", "name") else f for f in POSE_FIELDS
)


def _number(node: Node) -> float | None:
    if isinstance(node, ScalarNode) and node.tag in (_YAML + "int", _YAML + "float"):
        try:
            value = float(scalar_value(node))
        except (ValueError, OverflowError):
            return None
        return value if value == value and abs(value) != float("inf") else None
    return None


def check_degrees(ck: Checker, node: Node, f: Field) -> float | None:
    value = _number(node)
    if value is None or not -180 <= value <= 180:
        ck.add(node, f"{f.name} must be a number of degrees from -180 to 180")
        return None
    return value


def check_view(ck: Checker, node: Node, f: Field) -> str | None:
    value = node.value if isinstance(node, ScalarNode) else None
    if value not in VIEWS:
        ck.add(node, f"view must be one of {', '.join(VIEWS)}")
        return None
    return str(value)


def _pairs(ck: Checker, node: Node, what: str) -> list[tuple[str, Node, Node]]:
    if not isinstance(node, MappingNode):
        ck.add(node, f"{what} must be a mapping")
        return []
    out, seen = [], set()
    for key, value in node.value:
        name = key.value if isinstance(key, ScalarNode) else None
        if not isinstance(name, str) or name in seen:
            ck.add(key, f"{what}: a key is given twice or is not text")
            continue
        seen.add(name)
        out.append((name, key, value))
    return out


def check_angles(ck: Checker, node: Node, f: Field) -> dict[str, Any] | None:
    """A mapping of groups (body, both, working, other) to angles; flat names out."""
    angles: dict[str, float] = {}
    nodes: dict[str, Node] = {}
    bad = len(ck.problems)
    for group, key, value in sorted(
        _pairs(ck, node, f.name),
        key=lambda p: ANGLE_GROUPS.index(p[0]) if p[0] in ANGLE_GROUPS else 0,
    ):
        if group not in ANGLE_GROUPS:
            ck.add(key, f"{f.name} takes {', '.join(ANGLE_GROUPS)}, not {group!r}")
            continue
        table = BODY_ANGLES if group == "body" else LIMB_ANGLES
        for name, name_key, angle in _pairs(ck, value, f"{f.name}.{group}"):
            spec = table.get(name)
            if spec is None:
                ck.add(
                    name_key, f"{f.name}.{group} has no angle {name!r}; it takes {', '.join(table)}"
                )
                continue
            low, high, _ = spec
            number = _number(angle)
            if number is None or not low <= number <= high:
                ck.add(
                    angle, f"{group} {name} must be a number of degrees from {low:g} to {high:g}"
                )
                continue
            sides = ("working", "other") if group == "both" else (group,)
            for side in sides:
                full = name if group == "body" else f"{side}_{name}"
                angles[full] = number
                nodes[full] = angle
    if len(ck.problems) > bad:
        return None
    return {"angles": angles, "node": node}


def check_contacts(ck: Checker, node: Node, f: Field) -> dict[str, Any] | None:
    items = list(node.value) if isinstance(node, SequenceNode) else None
    if items is None:
        ck.add(node, f"{f.name} must be a list such as [hands, knees]")
        return None
    names: list[str] = []
    known = tuple(CONTACT_GROUPS) + CONTACT_POINTS
    for item in items:
        value = item.value if isinstance(item, ScalarNode) else None
        if value not in known:
            ck.add(item, f"{f.name}: {value!r} is not a point; use {', '.join(known)}")
            return None
        names.extend(CONTACT_GROUPS.get(value, (value,)))
    return {"points": tuple(names), "node": node}


def check_limbs(ck: Checker, node: Node, f: Field) -> tuple[str, ...] | None:
    items = list(node.value) if isinstance(node, SequenceNode) else [node]
    limbs = []
    for item in items:
        value = item.value if isinstance(item, ScalarNode) else None
        if value not in LIMBS:
            ck.add(item, f"highlight takes {', '.join(LIMBS)}, not {value!r}")
            return None
        limbs.append(str(value))
    return tuple(limbs)


POSE_CHECKS: dict[str, Check] = {
    "degrees": check_degrees,
    "view": check_view,
    "angles": check_angles,
    "contacts": check_contacts,
    "limbs": check_limbs,
}


def _check_floor(ck: Checker, angles: Angles, contacts: dict[str, Any], which: str) -> None:
    """Each point said to rest on the floor does, once the body is lowered onto it."""
    points = skeleton(angles)
    for name in contacts["points"]:
        height = points[name][1]
        if not on_floor(name, height):
            where = name.replace("_", " ")
            ck.add(
                contacts["node"],
                f"in the {which} position the {where} is {height * 100:.0f}% of body height "
                "above the floor, but the pose says it rests on the floor; check the angles",
            )


def build_pose(
    ck: Checker, node: Node, fields: tuple[Field, ...] = POSE_FIELDS, **given: str
) -> PoseSpec | None:
    """One pose from its mapping node; `given` fills in an id and name (from an exercise)."""
    checked = check_mapping(ck, node, fields, "a pose", extra=POSE_CHECKS)
    if checked is None:
        return None
    values, _nodes = checked
    values = {**given, **values}
    if "start" not in values or "id" not in values or "name" not in values:
        return None
    start = Angles.of(values["start"]["angles"])
    end = None
    if "end" in values:
        end = Angles.of({**values["start"]["angles"], **values["end"]["angles"]})
    if "floor" in values:
        _check_floor(ck, start, values["floor"], "start")
    if "floor_end" in values:
        if end is None:
            ck.add(values["floor_end"]["node"], "floor_end needs an end position")
        else:
            _check_floor(ck, end, values["floor_end"], "end")
    return PoseSpec(
        id=values["id"],
        name=values["name"],
        view=values.get("view", "side"),
        start=start,
        end=end,
        elevation=values.get("elevation", 0.0),
        azimuth=values.get("azimuth", 0.0),
        floor=values.get("floor", {}).get("points", ()),
        floor_end=values.get("floor_end", {}).get("points", ()),
        note=values.get("note", ""),
        easier=values.get("easier", ""),
        highlight=values.get("highlight", ()),
    )


def check_poses_text(data: bytes | str, path: str) -> tuple[dict[str, PoseSpec], list[Problem]]:
    """Every pose of a poses file, by id, and the problems found (none: all usable)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    text, problems = decode(data, path)
    if text is None:
        return {}, problems
    root, problems = compose(text, path)
    if root is None:
        return {}, problems
    problems = check_nodes(root, path)
    if problems:
        return {}, problems
    ck = Checker(path)
    items = None
    if isinstance(root, MappingNode):
        for key, value in root.value:
            if isinstance(key, ScalarNode) and key.value == "poses":
                items = value
            elif not (isinstance(key, ScalarNode) and str(key.value).startswith("x-")):
                ck.add(key, "a poses file holds 'poses: [...]' (and 'x-' keys for shared parts)")
    if not isinstance(items, SequenceNode):
        ck.add(items or root, "a poses file needs 'poses:', a list of poses")
        return {}, ck.problems
    poses: dict[str, PoseSpec] = {}
    for item in items.value:
        pose = build_pose(ck, item)
        if pose is not None:
            if pose.id in poses:
                ck.add(item, f"the pose id {pose.id!r} is used twice")
            poses[pose.id] = pose
    for pose in poses.values():
        if pose.easier and pose.easier not in poses:
            ck.add(
                items, f"pose {pose.id!r}: its easier variant {pose.easier!r} is not in the file"
            )
    return (poses, []) if not ck.problems else ({}, sorted(ck.problems))


def load_poses(path: Path) -> dict[str, PoseSpec]:
    """The poses of a file, or SessionError with every problem found."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SessionError([Problem(str(path), 1, 1, f"cannot read: {err.strerror}")]) from err
    poses, problems = check_poses_text(data, str(path))
    if problems:
        raise SessionError(problems)
    return poses


def check_exercise_poses(ck: Checker, node: Node) -> PoseSpec | str | None:
    """`poses:` in a session's exercise: a built-in pose id, or a pose of its own."""
    if isinstance(node, ScalarNode) and node.tag == _YAML + "str":
        known = builtin_poses()
        if node.value not in known:
            ck.add(node, f"no built-in figure {node.value!r}; figures: {', '.join(sorted(known))}")
            return None
        return str(node.value)
    if not isinstance(node, MappingNode):
        ck.add(node, "poses must be a built-in pose id or a mapping with start (and end)")
        return None
    return build_pose(ck, node, EXERCISE_POSE_FIELDS, id="exercise", name="exercise")


def check_poses(ck: Checker, node: Node, f: Field) -> Any:
    """The `poses:` field kind of an exercise: session/load.py hands it to check_mapping."""
    return check_exercise_poses(ck, node)


@cache
def builtin_poses() -> dict[str, PoseSpec]:
    """Every built-in pose by id (read once; the tests keep the file clean)."""
    return load_poses(BUILTIN)


def find_pose(pose_id: str) -> PoseSpec | None:
    return builtin_poses().get(pose_id)


def pose_for(exercise: Exercise, easier: bool = False) -> PoseSpec | None:
    """The figure of a session's exercise: its own pose, the built-in it names, or the
    built-in pose of its id; `easier` picks the pose's easier variant where there is one."""
    own = exercise.poses
    if isinstance(own, PoseSpec):
        spec: PoseSpec | None = own
    else:
        spec = find_pose(own if isinstance(own, str) else exercise.id)
    if easier and spec is not None and spec.easier:
        return find_pose(spec.easier) or spec
    return spec
