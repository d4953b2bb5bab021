"""Durations as people read them. A module of its own so that screens which only
show times (the home screen first of all) need not import the planner."""

from __future__ import annotations


def format_duration(seconds: float) -> str:
    """`754.2` -> `12:34`; hours when there are any."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
