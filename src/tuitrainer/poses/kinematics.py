"""Forward kinematics: joint angles -> 3-D joint positions -> a 2-D picture.

The body is a stick skeleton in a 3-D frame: x forward along the floor, y up,
z to the figure's right. It is built from the pelvis outward, then lowered
onto the floor (its lowest point at y = 0). A view projects it: `side` looks
from the working side, `rear` from behind (the user's own left and right),
`front` from ahead, `top` from above. Hip abduction, which a side view cannot
show, reads at once from behind or above.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Angles

Vec = tuple[float, float, float]

# Segment lengths as a share of standing height.
TRUNK = 0.30
NECK = 0.06
HEAD_RADIUS = 0.055
UPPER_ARM = 0.15
FOREARM = 0.145  # elbow to the middle of the hand
THIGH = 0.24
SHANK = 0.24
FOOT = 0.08
HEEL = 0.02
SHOULDER_HALF = 0.10
HIP_HALF = 0.055


def _add(a: Vec, b: Vec, scale: float = 1.0) -> Vec:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale, a[2] + b[2] * scale)


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _unit(a: Vec) -> Vec:
    n = math.sqrt(_dot(a, a)) or 1.0
    return (a[0] / n, a[1] / n, a[2] / n)


def rotate(v: Vec, axis: Vec, degrees: float) -> Vec:
    """`v` turned about the unit `axis` by `degrees` (right-hand rule; Rodrigues)."""
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    k = axis
    kv = _cross(k, v)
    kd = _dot(k, v) * (1 - c)
    return tuple(v[i] * c + kv[i] * s + k[i] * kd for i in range(3))  # type: ignore[return-value]


def _scale(v: Vec, k: float) -> Vec:
    return (v[0] * k, v[1] * k, v[2] * k)


def _in_plane(down: Vec, front: Vec, degrees: float) -> Vec:
    """A direction `degrees` from `down` toward `front` (both unit, at right angles)."""
    t = math.radians(degrees)
    return _add(_scale(down, math.cos(t)), front, math.sin(t))


@dataclass(frozen=True)
class Frame:
    """The trunk's axes: `up` pelvis to shoulders, `front` the belly, `right` the right side."""

    up: Vec
    front: Vec
    right: Vec


def trunk_frame(pitch: float, roll: float) -> Frame:
    p = math.radians(pitch)
    up = (math.cos(p), math.sin(p), 0.0)
    right = rotate((0.0, 0.0, 1.0), up, roll)
    return Frame(up, _cross(up, right), right)


@dataclass(frozen=True)
class Limb:
    """One leg's or arm's angles; `ankle` is None for an arm (it ends in the hand)."""

    flex: float
    abduct: float
    bend: float
    turn: float = 0.0
    ankle: float | None = None


def _limb(
    root: Vec, frame: Frame, lateral: Vec, lengths: tuple[float, float], limb: Limb
) -> dict[str, Vec]:
    """Joint positions of a limb: flexion in the trunk's plane, the hip's outward turn
    about the thigh, then abduction toward `lateral` (the limb's own side)."""
    down = _scale(frame.up, -1.0)
    is_leg = limb.ankle is not None
    second = limb.flex - limb.bend if is_leg else limb.flex + limb.bend  # knees bend back
    upper = _in_plane(down, frame.front, limb.flex)
    parts = [_in_plane(down, frame.front, second)]
    if limb.ankle is not None:
        parts.append(_in_plane(down, frame.front, second + 180.0 - limb.ankle))
    if limb.turn:
        # The shin swings toward the midline as the hip turns out, on either side.
        axis = upper if _dot(lateral, frame.right) > 0 else _scale(upper, -1.0)
        parts = [rotate(v, axis, limb.turn) for v in parts]
    if limb.abduct:
        axis = _unit(_cross(upper, lateral))
        upper = rotate(upper, axis, limb.abduct)
        parts = [rotate(v, axis, limb.abduct) for v in parts]
    mid = _add(root, upper, lengths[0])
    end = _add(mid, parts[0], lengths[1])
    points = {"mid": mid, "end": end}
    if is_leg:
        points["toe"] = _add(end, parts[1], FOOT)
        points["heel"] = _add(end, parts[1], -HEEL)
    return points


def skeleton(angles: Angles, working: str = "right") -> dict[str, Vec]:
    """Every joint's position for a pose, on the floor, the working side as given."""
    a = angles.as_dict()
    mirror = 1.0 if working == "right" else -1.0  # turns toward the working side
    # Positive roll always lowers the working side, whether the belly faced down or up.
    facing = 1.0 if math.cos(math.radians(a["pitch"])) >= 0 else -1.0
    frame = trunk_frame(a["pitch"], a["roll"] * mirror * facing)
    chest = Frame(frame.up, *_twisted(frame, a["twist"] * mirror))
    pelvis: Vec = (0.0, 0.0, 0.0)
    neck_base = _add(pelvis, frame.up, TRUNK)
    n = math.radians(a["neck"])
    head_dir = _add(_scale(frame.up, math.cos(n)), chest.front, math.sin(n))
    # The skull sits in front of the spine's line: its back is in line with the back.
    head = _add(_add(neck_base, head_dir, NECK + HEAD_RADIUS), chest.front, HEAD_RADIUS)
    points: dict[str, Vec] = {"pelvis": pelvis, "neck_base": neck_base, "head": head}
    points["head_back"] = _add(head, chest.front, -HEAD_RADIUS)
    for side, sign in (("working", mirror), ("other", -mirror)):
        lat_hip, lat_arm = _scale(frame.right, sign), _scale(chest.right, sign)
        hip = _add(pelvis, lat_hip, HIP_HALF)
        leg = Limb(
            a[f"{side}_hip"],
            a[f"{side}_hip_abduct"],
            a[f"{side}_knee"],
            a[f"{side}_hip_rotate"],
            a[f"{side}_ankle"],
        )
        legs = _limb(hip, frame, lat_hip, (THIGH, SHANK), leg)
        shoulder = _add(neck_base, lat_arm, SHOULDER_HALF)
        arm = Limb(a[f"{side}_shoulder"], a[f"{side}_shoulder_abduct"], a[f"{side}_elbow"])
        arms = _limb(shoulder, chest, lat_arm, (UPPER_ARM, FOREARM), arm)
        points |= {
            f"{side}_hip": hip,
            f"{side}_knee": legs["mid"],
            f"{side}_ankle": legs["end"],
            f"{side}_toe": legs["toe"],
            f"{side}_heel": legs["heel"],
            f"{side}_shoulder": shoulder,
            f"{side}_elbow": arms["mid"],
            f"{side}_hand": arms["end"],
        }
    return _grounded(points)


def _twisted(frame: Frame, twist: float) -> tuple[Vec, Vec]:
    right = rotate(frame.right, frame.up, twist)
    return _cross(frame.up, right), right


def _grounded(points: dict[str, Vec]) -> dict[str, Vec]:
    """Lower (or raise) the body so its lowest point rests on the floor."""
    lowest = min(p[1] for p in points.values())
    return {name: (p[0], p[1] - lowest, p[2]) for name, p in points.items()}


# Lines of the stick figure: (from, to, limb); the limb picks the colour.
BONES: tuple[tuple[str, str, str], ...] = (
    ("pelvis", "neck_base", "body"),
    ("other_hip", "working_hip", "body"),
    ("other_shoulder", "working_shoulder", "body"),
    *(
        (a.format(s=s), b.format(s=s), f"{s}_{limb}")
        for s in ("other", "working")
        for a, b, limb in (
            ("{s}_hip", "{s}_knee", "leg"),
            ("{s}_knee", "{s}_ankle", "leg"),
            ("{s}_heel", "{s}_toe", "leg"),
            ("{s}_shoulder", "{s}_elbow", "arm"),
            ("{s}_elbow", "{s}_hand", "arm"),
        )
    ),
)
LIMBS = ("working_leg", "working_arm", "other_leg", "other_arm")
LIMB_JOINTS = {
    "leg": ("hip", "hip_abduct", "hip_rotate", "knee", "ankle"),
    "arm": ("shoulder", "shoulder_abduct", "elbow"),
}


PRESETS = {"side": (90.0, 0.0), "rear": (0.0, 0.0), "front": (180.0, 0.0), "top": (90.0, 90.0)}


@dataclass(frozen=True)
class Flat:
    """A projected figure: 2-D points (x right, y up) and a depth (larger is nearer).

    `contacts` are the points resting on the floor; a view from above draws a
    short floor mark under each instead of a floor line.
    """

    points: dict[str, tuple[float, float]]
    depth: dict[str, float]
    head_radius: float
    floor: float | None  # the floor line's height, where the view shows one
    contacts: tuple[str, ...] = ()


FLOOR_TOLERANCE = 0.03  # share of height: a hand, knee or foot this close to the floor is on it
# The trunk's line runs through the middle of the body, half its depth above the floor
# when lying down (about the head's radius); its points rest on the floor from that high.
BODY_TOLERANCE = HEAD_RADIUS + FLOOR_TOLERANCE
TRUNK_POINTS = ("pelvis", "neck_base", "working_hip", "other_hip")


MARKED = ("_hand", "_knee", "_toe", "_elbow")  # points that get a floor mark from above


def on_floor(name: str, height: float) -> bool:
    """Whether a point at `height` (share of body height) rests on the floor."""
    return height <= (BODY_TOLERANCE if name in TRUNK_POINTS else FLOOR_TOLERANCE)


def camera(
    view: str, working: str, azimuth: float = 0.0, elevation: float = 0.0
) -> tuple[float, float]:
    """The camera's azimuth (0 behind, 90 on the figure's right) and elevation, in degrees.

    A side view looks from the working side; `azimuth` turns any view toward the
    working side, so the other side's picture is the mirror image.
    """
    base, lift = PRESETS[view]
    if view == "top":
        return base, lift
    turned = base - azimuth if view == "front" else base + azimuth
    return (turned if working == "right" else -turned), lift + elevation


def project(
    points: dict[str, Vec],
    view: str,
    working: str = "right",
    elevation: float = 0.0,
    azimuth: float = 0.0,
) -> Flat:
    """Points as seen from `view` (see `camera`), orthographically."""
    a, e = (math.radians(v) for v in camera(view, working, azimuth, elevation))
    right = (math.sin(a), 0.0, math.cos(a))
    toward = (-math.cos(a), 0.0, math.sin(a))
    up = _add((0.0, math.cos(e), 0.0), toward, -math.sin(e))
    near = _add((0.0, math.sin(e), 0.0), toward, math.cos(e))
    flat = {name: (_dot(p, right), _dot(p, up)) for name, p in points.items()}
    depth = {name: _dot(p, near) for name, p in points.items()}
    contacts = tuple(
        name for name, p in points.items() if name.endswith(MARKED) and on_floor(name, p[1])
    )
    floor = 0.0 if abs(e) < 1e-9 else None
    return Flat(flat, depth, HEAD_RADIUS, floor, contacts)
