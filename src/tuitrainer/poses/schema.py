"""The JSON Schema of a pose, from the same tables the loader checks against."""

from __future__ import annotations

from typing import Any

from .kinematics import LIMBS
from .model import BODY_ANGLES, CONTACT_GROUPS, CONTACT_POINTS, LIMB_ANGLES, VIEWS


def _angles(table: dict[str, tuple[float, float, float]]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            name: {"type": "number", "minimum": low, "maximum": high}
            for name, (low, high, _) in table.items()
        },
        "additionalProperties": False,
    }


def pose_schema() -> dict[str, Any]:
    """A pose of an exercise's own: view, start and end angles, floor contacts."""
    angles = {
        "type": "object",
        "properties": {
            "body": _angles(BODY_ANGLES),
            **{group: _angles(LIMB_ANGLES) for group in ("both", "working", "other")},
        },
        "additionalProperties": False,
    }
    contacts = {"type": "array", "items": {"enum": [*CONTACT_GROUPS, *CONTACT_POINTS]}}
    degrees = {"type": "number", "minimum": -180, "maximum": 180}
    return {
        "type": "object",
        "properties": {
            "view": {"enum": list(VIEWS)},
            "azimuth": degrees,
            "elevation": degrees,
            "start": angles,
            "end": angles,
            "floor": contacts,
            "floor_end": contacts,
            "highlight": {"type": "array", "items": {"enum": list(LIMBS)}},
            "easier": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
            "note": {"type": "string"},
        },
        "required": ["start"],
        "additionalProperties": False,
    }
