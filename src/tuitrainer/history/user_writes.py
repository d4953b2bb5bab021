"""A write the person asked for (an assessment, a rating, "I have read this"), made
so that a busy, read-only or full history answers in words instead of a crash.

A workout's own writes are queued and retried (recorder.py); these are single
saves at the press of a key. Each waits at most `WAIT_MS` for another program's
lock (the connection's usual wait is 5 s: a frozen screen), and a failure comes
back as a sentence the screen shows beside what was typed, which stays there to
be saved again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Generic, TypeVar

from .store import HistoryStore

T = TypeVar("T")

WAIT_MS = 1000  # no key waits longer than a second for the history
USUAL_WAIT_MS = 5000  # the store's own busy timeout (store.py), put back after


@dataclass(frozen=True)
class Written(Generic[T]):
    """What a write gave back, or why it did not happen (`problem` is "" when it did)."""

    value: T | None
    problem: str = ""

    @property
    def saved(self) -> bool:
        return not self.problem


def why_not_written(error: sqlite3.Error) -> str:
    """A failed write, in words a person can act on."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return "another program is using the history; try again in a moment"
    if "readonly" in text or "read-only" in text:
        return "the history cannot be written (it is read-only)"
    if "full" in text:
        return "the disk is full"
    return f"the history could not be written ({error})"


@contextmanager
def _brief_wait(store: HistoryStore, wait_ms: int) -> Iterator[None]:
    store.conn.execute(f"PRAGMA busy_timeout={int(wait_ms)}")
    try:
        yield
    finally:
        with suppress(sqlite3.Error):
            store.conn.execute(f"PRAGMA busy_timeout={USUAL_WAIT_MS}")


def write_now(store: HistoryStore, write: Callable[[], T], wait_ms: int = WAIT_MS) -> Written[T]:
    """Run `write` (one transaction) against `store`, waiting at most `wait_ms` for a
    lock; never raises for a history that cannot take it."""
    try:
        with _brief_wait(store, wait_ms):
            return Written(write())
    except sqlite3.Error as error:
        return Written(None, why_not_written(error))
