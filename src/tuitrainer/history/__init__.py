"""Workout history in SQLite (no UI here)."""

from .opening import OpenNotice
from .store import HistoryStore

__all__ = ["HistoryStore", "OpenNotice"]
