"""What a pose is: named joint angles, in degrees, for one moment of an exercise.

An exercise has a start and an end pose (a hold has one); an assessment test has
its position. Angles are clinical ones a physiotherapist can check by eye:

- body: `pitch` is the angle of the trunk (pelvis to shoulders) from the floor,
  0 with the head forward along the floor, 90 standing, 180 lying with the head
  behind; `roll` turns the whole body about its long axis (90: lying on the
  working side, -90 on the other), `twist` turns the upper trunk against the pelvis (thoracic
  rotation: positive brings the working shoulder toward the belly side, negative
  opens the chest to the working side), `neck` bends the head forward.
- each side (`working`, the side being exercised, and `other`): `hip` flexion
  (0 in line with the trunk, 90 thigh at a right angle to it, negative is
  extension), `hip_abduct` (out to the side), `hip_rotate` (outward turn),
  `knee` flexion (0 straight), `ankle` (90 neutral, 180 toes pointed),
  `shoulder` flexion (0 arm along the trunk, 90 at a right angle in front,
  180 overhead), `shoulder_abduct` (out to the side; negative across the body),
  `elbow` flexion (0 straight).

Plain frozen values: the loader builds them, kinematics reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

VIEWS = ("side", "rear", "front", "top")

BODY_ANGLES: dict[str, tuple[float, float, float]] = {
    # name: (lowest, highest, default)
    "pitch": (-180.0, 180.0, 90.0),
    "roll": (-180.0, 180.0, 0.0),
    "twist": (-90.0, 90.0, 0.0),
    "neck": (-60.0, 90.0, 0.0),
}
LIMB_ANGLES: dict[str, tuple[float, float, float]] = {
    "hip": (-45.0, 150.0, 0.0),
    "hip_abduct": (-40.0, 95.0, 0.0),
    "hip_rotate": (-70.0, 80.0, 0.0),
    "knee": (0.0, 160.0, 0.0),
    "ankle": (60.0, 180.0, 90.0),
    "shoulder": (-60.0, 200.0, 0.0),
    "shoulder_abduct": (-100.0, 180.0, 0.0),
    "elbow": (0.0, 160.0, 0.0),
}
LIMB_SIDES = ("working", "other")

# Points a pose may say touch the floor; a group names the points of both sides.
CONTACT_GROUPS: dict[str, tuple[str, ...]] = {
    "hands": ("working_hand", "other_hand"),
    "knees": ("working_knee", "other_knee"),
    "feet": ("working_heel", "other_heel"),
    "elbows": ("working_elbow", "other_elbow"),
    "pelvis": ("pelvis",),
    "shoulders": ("neck_base",),
    "head": ("head_back",),
}
CONTACT_POINTS = tuple(
    f"{side}_{part}"
    for side in LIMB_SIDES
    for part in ("hand", "knee", "heel", "toe", "elbow", "ankle", "hip")
) + ("pelvis", "neck_base", "head_back")


def angle_names() -> tuple[str, ...]:
    """Every angle a pose holds, in a fixed order (body first, then each side)."""
    limbs = tuple(f"{side}_{name}" for side in LIMB_SIDES for name in LIMB_ANGLES)
    return tuple(BODY_ANGLES) + limbs


def default_angles() -> dict[str, float]:
    """Standing tall, arms by the sides: what an angle not given defaults to."""
    values = {name: spec[2] for name, spec in BODY_ANGLES.items()}
    for side in LIMB_SIDES:
        values.update({f"{side}_{name}": spec[2] for name, spec in LIMB_ANGLES.items()})
    return values


@dataclass(frozen=True)
class Angles:
    """One pose: every angle of `angle_names()`, in degrees."""

    values: tuple[tuple[str, float], ...]

    @classmethod
    def of(cls, mapping: dict[str, float]) -> Angles:
        full = default_angles()
        full.update(mapping)
        return cls(tuple((name, float(full[name])) for name in angle_names()))

    def __getitem__(self, name: str) -> float:
        return dict(self.values)[name]

    def as_dict(self) -> dict[str, float]:
        return dict(self.values)

    def toward(self, other: Angles, fraction: float) -> Angles:
        """The pose `fraction` of the way from this one to `other`, angle by angle."""
        mine, theirs = self.as_dict(), other.as_dict()
        return Angles(tuple((k, mine[k] + (theirs[k] - mine[k]) * fraction) for k in angle_names()))


@dataclass(frozen=True)
class PoseSpec:
    """The figure of one exercise or test: how it is seen, where it starts and ends.

    `floor` lists the points that must touch the floor in the start pose (the
    loader checks it, so a wrong angle cannot float a hand in the air), and
    `floor_end` those of the end pose.
    """

    id: str
    name: str
    view: str
    start: Angles
    end: Angles | None = None
    elevation: float = 0.0  # degrees the camera is raised, looking down
    azimuth: float = 0.0  # degrees the camera moves round toward the working side
    floor: tuple[str, ...] = ()
    floor_end: tuple[str, ...] = ()
    note: str = ""
    easier: str = ""  # id of an easier variant's pose
    highlight: tuple[str, ...] = ()  # limbs to draw strongly; default: the ones that move
    source: str = field(default="builtin", compare=False)

    @property
    def moves(self) -> bool:
        return self.end is not None and self.end != self.start

    def at(self, fraction: float) -> Angles:
        """The pose `fraction` (0 start, 1 end) of the way through the movement."""
        if self.end is None:
            return self.start
        return self.start.toward(self.end, min(1.0, max(0.0, fraction)))
