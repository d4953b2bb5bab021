"""The schedule with the names it needs, for commands and screens alike.

Loads schedule.toml checked against the sessions there are, and the days each
session was done, so `today`, `remind`, the home screen and the reports read
one answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from .history.store import HistoryStore
from .locations import Locations
from .schedule.adherence import Done, done_by_day
from .schedule.load import Loaded, load
from .schedule.today import DueItem, due_today


def titles(locations: Locations) -> dict[str, str]:
    from .session.listing import Listing

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
    store: HistoryStore,
    since: date | None = None,
    tz: tzinfo | None = None,
) -> Daily:
    names = titles(locations)
    loaded = load(locations.schedule_file, known=set(names))
    sessions = set(loaded.schedule.sessions())
    done = done_by_day(store.conn, tz, since, sessions) if sessions else {}
    return Daily(loaded, names, done)
