"""A pose spec seen from its view for one side: the thing both renderers draw.

The frame (the box the picture fills) covers the start and the end pose, so a
figure moving between them stays still on the screen; only the limbs move.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .kinematics import BONES, LIMB_JOINTS, LIMBS, Flat, Vec, project, skeleton
from .model import PoseSpec


def side_of(side: str) -> str:
    """The working side to draw for a workout side: `both` draws no working side."""
    return "left" if side == "left" else "right"


@dataclass(frozen=True)
class Figure:
    """`spec` drawn for `side` (left, right or both)."""

    spec: PoseSpec
    side: str = "right"
    still: bool = False  # only the start pose is shown: frame it alone, as large as it goes

    @property
    def highlight(self) -> bool:
        """Whether the working limbs are drawn apart from the rest."""
        return self.side in ("left", "right")

    def points(self, fraction: float = 0.0) -> dict[str, Vec]:
        """3-D joints at `fraction`, slid along the floor so the first point the start
        pose rests on stays put (the hands of a kneeling figure do not wander)."""
        points = skeleton(self.spec.at(fraction), side_of(self.side))
        if not self.spec.floor or fraction == 0.0:
            return points
        anchor = self.spec.floor[0]
        start = skeleton(self.spec.start, side_of(self.side))[anchor]
        dx, dz = start[0] - points[anchor][0], start[2] - points[anchor][2]
        return {name: (p[0] + dx, p[1], p[2] + dz) for name, p in points.items()}

    def flat(self, fraction: float = 0.0) -> Flat:
        points = self.points(fraction)
        return project(
            points, self.spec.view, side_of(self.side), self.spec.elevation, self.spec.azimuth
        )

    @cached_property
    def bounds(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) around the start and end pose, the head included."""
        moves = self.spec.end is not None and not self.still
        flats = [self.flat(0.0)] + ([self.flat(1.0)] if moves else [])
        xs = [p[0] for f in flats for p in f.points.values()]
        ys = [p[1] for f in flats for p in f.points.values()]
        r = flats[0].head_radius
        return min(xs) - r, min(ys) - r * 0.2, max(xs) + r, max(ys) + r

    @cached_property
    def moving(self) -> frozenset[str]:
        """The limbs drawn in the strong colour: those the pose names, else those that move."""
        if self.spec.highlight:
            return frozenset(self.spec.highlight)
        end = self.spec.end
        if end is None:
            return frozenset()
        start = self.spec.start
        return frozenset(
            limb
            for limb in LIMBS
            if any(
                start[f"{limb.split('_')[0]}_{joint}"] != end[f"{limb.split('_')[0]}_{joint}"]
                for joint in LIMB_JOINTS[limb.split("_")[1]]
            )
        )

    def part(self, limb: str) -> str:
        """`moving`, `other` (the other side, drawn lighter) or `body`: a bone's colour."""
        if limb in self.moving:
            return "moving"
        if limb.startswith("other") and self.highlight:
            return "other"
        return "body"


def bones_far_to_near(flat: Flat) -> list[tuple[str, str, str]]:
    """The bones in drawing order: the far ones first, so near ones are drawn over them."""

    def depth(bone: tuple[str, str, str]) -> float:
        return (flat.depth[bone[0]] + flat.depth[bone[1]]) / 2

    return sorted(BONES, key=depth)
