"""The built-in poses, shipped with the app, found by exercise or test id."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from .load import load_poses
from .model import PoseSpec

BUILTIN = Path(str(files("tuitrainer") / "data" / "poses.yaml"))


@cache
def builtin_poses() -> dict[str, PoseSpec]:
    """Every built-in pose by id (read once; the tests keep the file clean)."""
    return load_poses(BUILTIN)


def find_pose(pose_id: str) -> PoseSpec | None:
    return builtin_poses().get(pose_id)
