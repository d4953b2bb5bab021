"""The cue events, in workout order: named once for the session format and the settings.

A module of its own so the settings (read at every start) need not import the whole
session field table.
"""

from __future__ import annotations

CUE_EVENTS = (
    "get_ready",
    "countdown",
    "go",
    "up",
    "down",
    "rep",
    "halfway",
    "switch_sides",
    "rest",
    "exercise_done",
    "workout_done",
)
