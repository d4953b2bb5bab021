"""The built-in poses, shipped with the app, found by exercise or test id."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from .load import load_poses
from .model import PoseSpec

if TYPE_CHECKING:
    from ..session.model import Exercise

BUILTIN = Path(str(files("tuitrainer") / "data" / "poses.yaml"))


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
