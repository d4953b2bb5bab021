"""Which sessions were done on which local day: what adherence is measured against.

A history query (the schedule itself never reads the history): a workout counts
when it was run in real time to its end with every side at its target (`DONE`),
on the local calendar day it started, in the time zone in force at that moment.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from ..schedule.adherence import Done
from .store import DONE


def local_day(iso: str, tz: tzinfo | None = None) -> date:
    """The local calendar day of a stored (UTC ISO) time; `tz` None: this machine's."""
    moment = datetime.fromisoformat(iso)
    return (moment.astimezone(tz) if tz is not None else moment.astimezone()).date()


def done_by_day(
    conn: sqlite3.Connection,
    tz: tzinfo | None = None,
    since: date | None = None,
    sessions: set[str] | None = None,
) -> Done:
    """Sessions done per local day (from `since` on), from one indexed query."""
    query = f"SELECT session, started_at FROM workouts w WHERE {DONE}"
    args: list[object] = []
    if since is not None:  # a day early: the bound is UTC, the day is local
        bound = datetime.combine(since - timedelta(days=1), time(), tzinfo=UTC)
        query += " AND started_at >= ?"
        args.append(bound.isoformat(timespec="milliseconds"))
    done: Done = {}
    for session, started in conn.execute(query, args):
        if sessions is not None and session not in sessions:
            continue
        day = local_day(started, tz)
        if since is None or day >= since:
            done.setdefault(day, Counter())[session] += 1
    return done
