"""The cue names (the moments a sound can mark), in workout order: named once for
the session format, the settings and the sound.

A module of its own so the settings (read at every start) need not import the whole
session field table.
"""

from __future__ import annotations

CUE_NAMES = (
    "get_ready",
    "countdown",
    "go",
    "up",
    "hold",
    "down",
    "rep",
    "halfway",
    "switch_sides",
    "rest",
    "exercise_done",
    "workout_done",
)
