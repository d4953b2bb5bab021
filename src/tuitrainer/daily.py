"""The schedule with the names it needs, for commands and screens alike.

Loads schedule.toml checked against the sessions there are, and the days each
session was done, so `today`, `remind`, the home screen and the reports read
one answer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .history.done_days import done_by_day
from .history.migrations import SCHEMA_VERSION
from .history.store import HistoryStore
from .locations import Locations
from .schedule.adherence import Done
from .schedule.load import Loaded, load
from .schedule.model import Item, Schedule
from .schedule.today import DueItem, due_today, next_due

if TYPE_CHECKING:
    from .history.report_daily import Extras
    from .history.scope import Scope


def titles(locations: Locations) -> dict[str, str]:
    from .library import Listing

    return {entry.slug: entry.title for entry in Listing(locations).sessions()}


@dataclass(frozen=True)
class Daily:
    loaded: Loaded
    titles: dict[str, str]
    done: Done

    def today(self, day: date) -> list[DueItem]:
        return due_today(self.loaded.schedule, self.done, day, self.titles)


def read(
    locations: Locations,
    conn: sqlite3.Connection | None,
    since: date | None = None,
    tz: tzinfo | None = None,
) -> Daily:
    """`conn` None: no history yet, so nothing was done."""
    names = titles(locations)
    loaded = load(locations.schedule_file, known=set(names))
    sessions = set(loaded.schedule.sessions())
    done = done_by_day(conn, tz, since, sessions) if sessions and conn is not None else {}
    return Daily(loaded, names, done)


@contextmanager
def reading(path: Path, err: TextIO, create: bool = False) -> Iterator[sqlite3.Connection | None]:
    """The history opened read-only, without the integrity check a writer runs first:
    `today` sits in shell prompts and status lines, and `report` reads only, so they
    must cost little (the check alone takes 0.4 s on 10,000 workouts). A file that
    cannot be read this way, or is at an older version, is opened as usual, which
    migrates it, or sets a damaged one aside and says so. No file: None, unless
    `create` (then a fresh history, as the writer makes it)."""
    conn = None
    if path.exists():
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                raise sqlite3.DatabaseError("not at this version: migrate it first")
            conn.execute("SELECT status, speed, started_at, session FROM workouts LIMIT 1")
        except sqlite3.Error:
            if conn is not None:
                conn.close()
            conn = None
    elif not create:
        yield None
        return
    if conn is not None:
        try:
            yield conn
        finally:
            conn.close()
        return
    store, notice = HistoryStore.open(path, reading=True)  # a newer one is left alone
    if notice is not None:
        print(notice.message, file=err)
    try:
        yield store.conn
    finally:
        store.close()


def report_extras(locations: Locations, store: HistoryStore, scope: Scope) -> Extras:
    """The schedule's adherence over the report's range, and the functional scale."""
    conn = store.conn
    from dataclasses import replace

    from .history.psfs import ratings
    from .history.report_daily import Extras
    from .schedule.adherence import adherence, first_day

    names = titles(locations)
    schedule = load(locations.schedule_file).schedule
    if scope.session is not None:
        kept = tuple(item for item in schedule.items if item.session == scope.session)
        schedule = replace(schedule, items=kept)
    facts = None
    if schedule.items:
        done = done_by_day(conn, sessions=set(schedule.sessions()))
        first = first_day(schedule, done, scope.today)
        if scope.since is not None:
            first = max(first, scope.since)
        last = min(scope.until or scope.today, scope.today)
        facts = adherence(schedule, done, first, last, scope.today)
    since = scope.bound(scope.since) if scope.since else None
    until = scope.bound(scope.until, days_after=1) if scope.until else None
    return Extras(facts, names, ratings(store, since, until))


def due_now(
    locations: Locations, store: HistoryStore, names: dict[str, str], day: date
) -> tuple[list[DueItem], list[str]]:
    """For the home screen: today's items (names it already has), and file problems."""
    loaded = load(locations.schedule_file, known=set(names))
    sessions = set(loaded.schedule.sessions())
    done = done_by_day(store.conn, since=day, sessions=sessions) if sessions else {}
    return due_today(loaded.schedule, done, day, names), loaded.problems


def next_days(
    store: HistoryStore, schedule: Schedule, today: date
) -> list[tuple[Item, date | None]]:
    """Each item and the next day it is due, an item done today counting as done: the
    schedule screen says what `today` and `tuitrainer schedule` say."""
    done = done_by_day(store.conn, since=today, sessions=set(schedule.sessions()))
    return next_due(schedule, done, today)
