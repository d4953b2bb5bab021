"""A pose back to YAML lines, as `poses:` in a session's exercise.

Saving a plan rewrites the session file; an exercise's own figure must come
back out as it went in. Only what differs is written: start angles that are
not the defaults, end angles that are not the start's.
"""

from __future__ import annotations

from collections.abc import Callable

from .model import BODY_ANGLES, LIMB_ANGLES, LIMB_SIDES, Angles, PoseSpec, default_angles


def _groups(angles: Angles, base: dict[str, float], number: Callable[[float], str]) -> list[str]:
    """`body: {...}`, `working: {...}`, `other: {...}`: the angles that differ from `base`."""
    values = angles.as_dict()
    lines = []
    for group, names in (
        ("body", list(BODY_ANGLES)),
        *((s, list(LIMB_ANGLES)) for s in LIMB_SIDES),
    ):
        full = {name: name if group == "body" else f"{group}_{name}" for name in names}
        changed = [
            f"{name}: {number(values[key])}"
            for name, key in full.items()
            if values[key] != base[key]
        ]
        if changed:
            lines.append(f"{group}: {{{', '.join(changed)}}}")
    return lines


def pose_lines(
    spec: PoseSpec | str, indent: str, number: Callable[[float], str], text: Callable[[str], str]
) -> list[str]:
    """The lines of `poses:` for an exercise: a built-in id, or the whole pose."""
    if isinstance(spec, str):
        return [f"{indent}poses: {spec}"]
    pad = indent + "  "
    lines = [f"{indent}poses:", f"{pad}view: {spec.view}"]
    if spec.azimuth:
        lines.append(f"{pad}azimuth: {number(spec.azimuth)}")
    if spec.elevation:
        lines.append(f"{pad}elevation: {number(spec.elevation)}")
    start = _groups(spec.start, default_angles(), number)
    lines.append(f"{pad}start:" if start else f"{pad}start: {{}}")
    lines += [f"{pad}  {line}" for line in start]
    if spec.end is not None:
        end = _groups(spec.end, spec.start.as_dict(), number)
        lines.append(f"{pad}end:" if end else f"{pad}end: {{}}")
        lines += [f"{pad}  {line}" for line in end]
    for name, points in (("floor", spec.floor), ("floor_end", spec.floor_end)):
        if points:
            lines.append(f"{pad}{name}: [{', '.join(points)}]")
    if spec.highlight:
        lines.append(f"{pad}highlight: [{', '.join(spec.highlight)}]")
    if spec.easier:
        lines.append(f"{pad}easier: {spec.easier}")
    if spec.note:
        lines.append(f"{pad}note: {text(spec.note)}")
    return lines
