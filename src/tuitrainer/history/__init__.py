"""Workout history in SQLite (no UI here)."""

from .store import HistoryStore, OpenNotice

__all__ = ["HistoryStore", "OpenNotice"]
